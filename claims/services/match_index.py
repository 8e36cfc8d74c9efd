"""The matching index kept in the database: candidates from the database, ranking by the engine.

The in-memory `Matcher` (claims.services.matching) holds every reviewed claim in every process; this index
holds them in tables instead, so that a web worker answers "has this been checked?" over a million claims:

* `MatchEntry`: one row per reviewed claim (verdict given, article not retracted) with the engine's terms
  of its text and of its article's title and its cleaned text, i.e. what `claims.matching.analyse` gives;
* `MatchTerm` and `MatchGram`: in how many entries each term (text, title) and character n-gram occurs, and
  `MatchIndexState`: how many entries and terms in all -- the engine's statistics (idf, average lengths);
* the candidate stage: on PostgreSQL the entries' stored tsvector (GIN index) is asked for the query's
  rarest terms, ranked by the idf of the terms each entry has, plus the spelling variants that pg_trgm
  finds for query words the index has never seen; on SQLite an FTS5 table ranked by its bm25().

The best `CANDIDATES` entries go to the engine with the collection's statistics (`CorpusStats`), so the
scores and the "why" are those of a `Matcher` over every reviewed claim, for the candidates retrieved.

The index follows the change log (claims.services.changes): every write that can change whether or how a
claim is matched (verdict, reopening, retraction, text, article title, speaker) logs the claim, and
`index_sync()` -- run before each search -- refreshes the claims logged since its cursor, in (xid, id)
order and only below the feed horizon, like the API's feeds, so no change is skipped. `index_rebuild()`
(`manage.py match_index --rebuild`) recomputes everything: after a restore, or to start on a large
database (the first search on an empty index builds it in the request).
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F

from claims.matching import Analysed, Match, Matcher, MatchParams, analyse
from claims.matching.engine import KnownClaim, gram_set
from claims.matching.text import STOPWORDS, is_number, terms
from claims.models import Change, MatchEntry, MatchGram, MatchIndexState, MatchTerm
from claims.selectors import _PG_HORIZON, change_page

logger = logging.getLogger(__name__)

# Entries handed to the engine per query (it re-ranks its best 50 of them by BM25). Measured through this
# index on CLEF-2020 CheckThat! Task 2 (10,375 fact-checked claims): MAP@5 is the same with 100 as with 300
# (dev 0.852, train 0.888) and falls with 50 (dev 0.848); 100 costs about a third less per search.
CANDIDATES = 100
# PostgreSQL: the query's terms are asked rarest first until their entries add up to this many (at least
# MIN_TERMS terms, when the query has them): a common word adds little but rows to rank.
ROW_BUDGET = 5_000
MIN_TERMS = 2
# Spelling variants (pg_trgm) for at most this many unknown query words, this many variants each.
TRGM_WORDS = 3
TRGM_VARIANTS = 3
TRGM_MIN_LENGTH = 5
SYNC_PAGE = 2000
# A term is kept to its first 100 characters (MatchTerm.key's length; PostgreSQL refuses a lexeme over 2 kB):
# only a term that long (a pasted hash, a run of digits) can score differently from the in-memory index.
_KEY = 100
_PARAMS = MatchParams()
_CHAR_STOP = frozenset() if _PARAMS.char_stopwords else STOPWORDS
_LAST = 2**63 - 1
TSV_INDEX = "CREATE INDEX IF NOT EXISTS claims_matchentry_tsv ON claims_matchentry USING gin (tsv)"  # (migration 0015)


def grams_of(cleaned: str) -> set[str]:
    """The character n-grams the engine's character feature counts, as the index's n-gram statistics do."""
    return gram_set(cleaned, _PARAMS.char_n, _CHAR_STOP)


# --- which database search serves ----------------------------------------------------------------------


def _fts5_present() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claims_matchentry_fts'")
        return cursor.fetchone() is not None


@cache
def _trgm_for(alias: str, name: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'claims_matchterm_trgm'")
        return cursor.fetchone() is not None


def _trgm_present() -> bool:
    return _trgm_for(connection.alias, str(connection.settings_dict.get("NAME")))


@cache
def _fts5_for(alias: str, name: str) -> bool:
    return _fts5_present()


def available() -> bool:
    """Whether registry matching uses this index (REGISTRY_MATCH_INDEX, and what the database offers)."""
    if settings.REGISTRY_MATCH_INDEX != "database":
        return False
    if connection.vendor == "postgresql":
        return True
    if connection.vendor == "sqlite":
        name = str(connection.settings_dict.get("NAME"))
        if name == ":memory:" or "mode=memory" in name:  # a test database: ask each time (cheap)
            return _fts5_present()
        return _fts5_for(connection.alias, name)
    return False


# --- what an entry holds -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    claim_id: int
    terms: str
    title_terms: str
    cleaned: str
    speaker: str
    reviewed_at: datetime | None

    def analysed(self) -> Analysed:
        return Analysed(str(self.claim_id), tuple(self.terms.split()), tuple(self.title_terms.split()), self.cleaned)


_ROW_FIELDS = ("claim_id", "terms", "title_terms", "cleaned", "speaker", "reviewed_at")


def _row(pk: int, text: str, title: str | None, speaker: str | None, reviewed_at: datetime | None) -> _Row:
    a = analyse(KnownClaim(str(pk), text, title or ""))
    return _Row(
        pk,
        " ".join(t[:_KEY] for t in a.terms),
        " ".join(t[:_KEY] for t in a.title_terms),
        a.cleaned,
        (speaker or "")[:300],
        reviewed_at,
    )


def _desired(ids: Iterable[int] | None = None):
    """(pk, text, title, speaker, reviewed_at) of the claims the index should hold (all, or among `ids`)."""
    from claims.services.matching import reviewed_claims

    queryset = reviewed_claims()
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    return queryset.order_by("pk").values_list("pk", "text", "article__title", "speaker__name", "reviewed_at")


class _Delta:
    """Changes to the statistics, written in one statement per table."""

    def __init__(self) -> None:
        self.body: Counter[str] = Counter()
        self.title: Counter[str] = Counter()
        self.grams: Counter[str] = Counter()
        self.claims = self.body_length = self.title_length = 0

    def add(self, row: _Row, sign: int = 1) -> None:
        body, title = row.terms.split(), row.title_terms.split()
        change = self.body.update if sign > 0 else self.body.subtract
        change({t[:_KEY] for t in body})
        change = self.title.update if sign > 0 else self.title.subtract
        change({t[:_KEY] for t in title})
        change = self.grams.update if sign > 0 else self.grams.subtract
        change(grams_of(row.cleaned))
        self.claims += sign
        self.body_length += sign * len(body)
        self.title_length += sign * len(title)

    def write(self) -> None:
        keys = sorted(k for k in set(self.body) | set(self.title) if self.body[k] or self.title[k])
        _upsert(
            "claims_matchterm",
            ("body_df", "title_df"),
            [(k, self.body[k], self.title[k]) for k in keys],
        )
        _upsert("claims_matchgram", ("df",), [(g, c) for g, c in sorted(self.grams.items()) if c])
        if self.claims or self.body_length or self.title_length:
            MatchIndexState.objects.filter(pk=1).update(
                claims=F("claims") + self.claims,
                body_length=F("body_length") + self.body_length,
                title_length=F("title_length") + self.title_length,
            )


def _upsert(table: str, counts: tuple[str, ...], rows: list[tuple]) -> None:
    """Add counts to the rows of `table` by key, creating the missing ones (sorted keys: no deadlock)."""
    if not rows:
        return
    adds = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in counts)
    cols = ", ".join(("key", *counts))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            casts = ", ".join(["%s::text[]"] + ["%s::int[]"] * len(counts))
            cursor.execute(
                f"INSERT INTO {table} ({cols}) SELECT * FROM unnest({casts}) "  # noqa: S608 (constant names)
                f"ON CONFLICT (key) DO UPDATE SET {adds}",
                [list(col) for col in zip(*rows, strict=True)],
            )
        else:
            marks = ", ".join(["%s"] * (1 + len(counts)))
            cursor.executemany(
                f"INSERT INTO {table} ({cols}) VALUES ({marks}) ON CONFLICT (key) DO UPDATE SET {adds}",  # noqa: S608
                rows,
            )


# --- keeping it up to date ------------------------------------------------------------------------------


def _log_end() -> tuple[int, int]:
    """A change-log position such that every change at or before it is reflected in what is read next."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Below the horizon, and below this transaction's own id when it has one: the horizon never counts
            # our own transaction as running, and changes it writes after this point must still be applied.
            cursor.execute(f"SELECT LEAST({_PG_HORIZON}, pg_current_xact_id_if_assigned()::text::bigint)")
            return int(cursor.fetchone()[0]) - 1, _LAST
        cursor.execute("SELECT max(id) FROM claims_change")
        return 0, int(cursor.fetchone()[0] or 0)


def _refresh(ids: Collection[int]) -> int:
    """Bring the entries of the claims `ids` in line with the claims; returns the entries changed."""
    desired = {pk: _row(pk, text, title, speaker, at) for pk, text, title, speaker, at in _desired(ids)}
    existing = {
        row[0]: _Row(*row) for row in MatchEntry.objects.filter(claim_id__in=list(ids)).values_list(*_ROW_FIELDS)
    }
    delta = _Delta()
    drop, add = [], []
    for pk in ids:
        new, old = desired.get(pk), existing.get(pk)
        if new == old:
            continue
        if old is not None:
            delta.add(old, -1)
            drop.append(pk)
        if new is not None:
            delta.add(new)
            add.append(new)
    if drop:
        MatchEntry.objects.filter(claim_id__in=drop).delete()
    MatchEntry.objects.bulk_create([MatchEntry(**vars(r)) for r in add], batch_size=1000)
    delta.write()
    return len(drop) + len(add)


def index_sync(*, pages: int = 1) -> int:
    """Apply the claim changes logged since the index's cursor (at most `pages` x SYNC_PAGE); entries changed.

    Builds the index when it has never been built. Two processes never apply the same changes: each claims
    its page by moving the cursor from where it read it (the other one then finds the cursor moved, and
    searches with the index as the first one leaves it).
    """
    done = 0
    for _ in range(pages):
        state = MatchIndexState.objects.filter(pk=1).values_list("cursor_xid", "cursor_id").first()
        if state is None:
            return index_rebuild()
        rows = change_page(Change.Kind.CLAIM, after=state, limit=SYNC_PAGE)
        if not rows:
            break
        with transaction.atomic():
            moved = MatchIndexState.objects.filter(pk=1, cursor_xid=state[0], cursor_id=state[1]).update(
                cursor_xid=rows[-1].xid, cursor_id=rows[-1].id
            )
            if not moved:
                break
            done += _refresh(list(dict.fromkeys(r.object_id for r in rows)))
        if len(rows) < SYNC_PAGE:
            break
    return done


def index_rebuild(*, batch: int = 5000) -> int:
    """Recompute the whole index from the claims; returns the entries written."""
    with transaction.atomic():
        MatchIndexState.objects.select_for_update().get_or_create(pk=1)  # one rebuild at a time
        end = _log_end()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # emptied at once; the GIN index built once at the end
                cursor.execute("TRUNCATE claims_matchentry, claims_matchterm, claims_matchgram")
                cursor.execute("DROP INDEX IF EXISTS claims_matchentry_tsv")
        else:
            MatchEntry.objects.all().delete()
            MatchTerm.objects.all().delete()
            MatchGram.objects.all().delete()
        delta = _Delta()
        written = 0
        pending: list[_Row] = []
        for pk, text, title, speaker, at in _desired().iterator(chunk_size=batch):
            row = _row(pk, text, title, speaker, at)
            delta.add(row)
            pending.append(row)
            if len(pending) >= batch:
                written += _insert(pending)
                pending = []
        written += _insert(pending)
        MatchIndexState.objects.filter(pk=1).update(
            claims=0, body_length=0, title_length=0, cursor_xid=end[0], cursor_id=end[1]
        )
        delta.write()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(TSV_INDEX)
    logger.info("match index rebuilt: %s claims", written)
    return written


def _insert(rows: list[_Row]) -> int:
    if not rows:
        return 0
    if connection.vendor == "postgresql":
        with (
            connection.cursor() as cursor,
            cursor.copy(f"COPY claims_matchentry ({', '.join(_ROW_FIELDS)}) FROM STDIN") as copy,
        ):
            for r in rows:
                copy.write_row((r.claim_id, r.terms, r.title_terms, r.cleaned, r.speaker, r.reviewed_at))
    else:
        MatchEntry.objects.bulk_create([MatchEntry(**vars(r)) for r in rows], batch_size=500)
    return len(rows)


# --- searching ------------------------------------------------------------------------------------------


class _Stats:
    """The engine's `CorpusStats`, read from the index's tables.

    Document frequencies read are remembered in the process for as long as the index stays as it was (its
    state row unchanged: any change moves the cursor), so that repeated words cost no lookup.
    """

    _memo: dict[tuple, dict[str, Any]] = {}
    MEMO_SIZE = 500_000

    def __init__(self, claims: int, body_length: int, title_length: int, cursor_xid: int, cursor_id: int) -> None:
        self.n = claims
        self.body_length = body_length
        self.title_length = title_length
        stamp = (connection.alias, claims, body_length, title_length, cursor_xid, cursor_id)
        memo = _Stats._memo
        if stamp not in memo or len(memo[stamp]["terms"]) + len(memo[stamp]["grams"]) > self.MEMO_SIZE:
            memo.clear()
            memo[stamp] = {"terms": {}, "grams": {}}
        self._terms: dict[str, tuple[int, int]] = memo[stamp]["terms"]
        self._grams: dict[str, int] = memo[stamp]["grams"]

    def term_df(self, wanted: Collection[str]) -> Mapping[str, tuple[int, int]]:
        keys = {t[:_KEY] for t in wanted} - self._terms.keys()
        if keys:
            found = {k: (b, t) for k, b, t in _lookup("claims_matchterm", "key, body_df, title_df", keys)}
            for k in keys:
                self._terms[k] = found.get(k, (0, 0))
        return {t: self._terms[t[:_KEY]] for t in wanted if self._terms[t[:_KEY]] != (0, 0)}

    def gram_df(self, grams: Collection[str]) -> Mapping[str, int]:
        keys = set(grams) - self._grams.keys()
        if keys:
            found = dict(_lookup("claims_matchgram", "key, df", keys))
            for k in keys:
                self._grams[k] = found.get(k, 0)
        return {g: self._grams[g] for g in grams}


def _lookup(table: str, columns: str, keys: Collection[str]) -> list[tuple]:
    if not keys:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT {columns} FROM {table} WHERE key = ANY(%s)", [list(keys)])  # noqa: S608
            return cursor.fetchall()
        out: list[tuple] = []
        keys = list(keys)
        for start in range(0, len(keys), 900):
            chunk = keys[start : start + 900]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"SELECT {columns} FROM {table} WHERE key IN ({marks})", chunk)  # noqa: S608
            out.extend(cursor.fetchall())
        return out


def _idf(n: int, df: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _tsquery_lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _pg_candidates(qterms: list[str], stats: _Stats, limit: int) -> list[int]:
    known = stats.term_df(set(qterms))
    weighted: dict[str, float] = {}
    rows = 0
    # Rarest first: the terms that tell claims apart, and the cheapest to fetch.
    for t, (body, title) in sorted(known.items(), key=lambda item: (sum(item[1]), item[0])):
        if len(weighted) >= MIN_TERMS and rows + body + title > ROW_BUDGET:
            break
        weighted[t] = _idf(stats.n, max(body, title))
        rows += body + title
    if _trgm_present():
        unknown = [
            t for t in dict.fromkeys(qterms) if t not in known and len(t) >= TRGM_MIN_LENGTH and not is_number(t)
        ]
        with connection.cursor() as cursor:
            for t in unknown[:TRGM_WORDS]:
                # A word the index never saw: its nearest spellings that it did see ("zelenskyy" -> "zelensky").
                cursor.execute(
                    "SELECT key, similarity(lower(key), %s), body_df + title_df FROM claims_matchterm "
                    "WHERE lower(key) %% %s ORDER BY 2 DESC, key LIMIT %s",  # (index claims_matchterm_trgm)
                    [t, t, TRGM_VARIANTS],
                )
                for key, similarity, df in cursor.fetchall():
                    weighted.setdefault(key, similarity * _idf(stats.n, df))
    if not weighted:
        return []
    lexemes = [_tsquery_lexeme(t) for t in weighted]
    order = " + ".join(f"CASE WHEN tsv @@ %s::tsquery THEN {float(w)!r}::float8 ELSE 0 END" for w in weighted.values())
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT claim_id FROM claims_matchentry WHERE tsv @@ %s::tsquery "  # noqa: S608 (floats, bound values)
            f"ORDER BY {order} DESC, claim_id LIMIT %s",
            [" | ".join(lexemes), *lexemes, limit],
        )
        return [pk for (pk,) in cursor.fetchall()]


def _fts5_candidates(qterms: list[str], limit: int) -> list[int]:
    phrases = ['"' + t.replace('"', '""') + '"' for t in dict.fromkeys(qterms) if any(c.isalnum() for c in t)]
    if not phrases:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM claims_matchentry_fts WHERE claims_matchentry_fts MATCH %s ORDER BY rank LIMIT %s",
            [" OR ".join(phrases), limit],
        )
        return [pk for (pk,) in cursor.fetchall()]


def rank(text: str, *, k: int, speaker: str = "", sync: bool = True) -> tuple[list[Match], dict[str, str]]:
    """The engine's ranking of the indexed claims most likely to state the same fact as `text`.

    Returns the matches (at most `k`, best first, only claims sharing a term with the text) and the
    matched claims' speakers by id.
    """
    if sync:
        index_sync()
    state = (
        MatchIndexState.objects.filter(pk=1)
        .values_list("claims", "body_length", "title_length", "cursor_xid", "cursor_id")
        .first()
    )
    if not state or state[0] <= 0:
        return [], {}
    stats = _Stats(*state)
    qterms = [t[:_KEY] for t in terms(f"{text} — {speaker}" if speaker else text)]
    if connection.vendor == "postgresql":
        ids = _pg_candidates(qterms, stats, CANDIDATES)
    else:
        ids = _fts5_candidates(qterms, CANDIDATES)
    if not ids:
        return [], {}
    # Oldest review first, as the in-memory index is built: on a tie the earliest check ranks first.
    rows = [
        _Row(*row)
        for row in MatchEntry.objects.filter(claim_id__in=ids)
        .order_by("reviewed_at", "claim_id")
        .values_list(*_ROW_FIELDS)
    ]
    matcher = Matcher((r.analysed() for r in rows), stats=stats)
    ranked = [m for m in matcher.rank(text, k=k, speaker=speaker or None) if m.score > 0]
    return ranked, {str(r.claim_id): r.speaker for r in rows}
