"""Ranking known claims against a new one: BM25 over several fields, then a re-ranking stage.

Stage 1 (recall): BM25 (Lucene idf) over the stemmed terms of the claim text, of its title and of the
adjacent term pairs (bigrams) of both, weighted and summed; optionally expanded once with the best terms of
the top results (pseudo-relevance feedback).
Stage 2 (precision): the best `rerank_depth` candidates get extra evidence — the share of the query's
numbers that the candidate states too, and the character n-gram cosine of the two texts (which catches
name variants such as "Zelensky"/"Zelenskyy" and words the stemmer does not conflate).

The statistics (number of claims, average lengths, document frequencies of terms and character n-grams)
are those of the claims given, unless a `CorpusStats` is given: then the claims given are candidates picked
from a larger collection kept elsewhere (the registry keeps it in its database), and the scores are those
that collection would give -- the same as a `Matcher` over all of it, for the candidates it ranks.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from claims.matching.text import STOPWORDS, clean, is_number, terms, terms_of_clean, words


@dataclass(frozen=True)
class KnownClaim:
    id: str
    text: str
    title: str = ""


@dataclass(frozen=True)
class Analysed:
    """A known claim as an index stores it (`analyse`): its terms, its title's terms and its cleaned text."""

    id: str
    terms: tuple[str, ...]
    title_terms: tuple[str, ...]
    cleaned: str


def analyse(claim: KnownClaim) -> Analysed:
    ctext, ctitle = clean(claim.text), clean(claim.title)
    return Analysed(claim.id, tuple(terms_of_clean(ctext)), tuple(terms_of_clean(ctitle)), ctext + " " + ctitle)


class CorpusStats(Protocol):
    """The statistics of a collection of known claims kept outside the `Matcher` (e.g. in a database).

    `n`: the number of claims; `body_length`, `title_length`: the sums of their term counts;
    `term_df(terms)`: {term: (claims whose text has it, claims whose title has it)} for the terms asked
    (absent terms may be left out); `gram_df(grams)`: {character n-gram: claims whose cleaned text and title
    have it} (see `char_ngrams`), likewise.
    """

    n: int
    body_length: int
    title_length: int

    def term_df(self, terms: Collection[str]) -> Mapping[str, tuple[int, int]]: ...

    def gram_df(self, grams: Collection[str]) -> Mapping[str, int]: ...


@dataclass(frozen=True)
class Match:
    id: str
    score: float
    shared_terms: tuple[str, ...] = ()
    shared_numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatchParams:
    """The tuned defaults; chosen on the training split of the benchmark (see docs/matching.md)."""

    k1: float = 1.0
    b: float = 0.5
    title_weight: float = 0.6
    bigram_weight: float = 0.0
    prf_docs: int = 0
    prf_terms: int = 10
    prf_weight: float = 0.3
    rerank_depth: int = 50
    number_weight: float = 0.0
    char_weight: float = 4.0
    char_n: int = 4
    claim_cover_weight: float = 0.0
    query_cover_weight: float = 1.0
    query_tf: bool = False
    char_stopwords: bool = True


def bigrams(ts: Sequence[str]) -> list[str]:
    return [a + " " + b for a, b in itertools.pairwise(ts)]


class BM25Field:
    """One BM25 field over term lists (Lucene idf: never negative)."""

    def __init__(
        self,
        docs: Sequence[Sequence[str]],
        k1: float,
        b: float,
        *,
        n: int | None = None,
        total_length: int | None = None,
        df: Callable[[str], int] | None = None,
    ) -> None:
        """BM25 over `docs`; with `n`, `total_length` and `df`, with the statistics of a larger collection
        (the claims counted, the sum of their lengths, the document frequency of a term) that `docs` are
        candidates from."""
        self.k1 = k1
        self.post: dict[str, list[tuple[int, int]]] = defaultdict(list)
        lens = [len(d) for d in docs]
        for i, d in enumerate(docs):
            for t, c in Counter(d).items():
                self.post[t].append((i, c))
        self.n = len(docs) if n is None else max(n, len(docs))
        total = sum(lens) if total_length is None else total_length
        avg = (total / self.n) if self.n and total else 1.0
        self.norm = [k1 * (1 - b + b * dl / avg) for dl in lens]
        self._df = df
        self._cache: dict[str, list[tuple[int, float]]] = {}

    def idf(self, t: str) -> float:
        df = len(self.post.get(t, ()))
        if self._df is not None:
            df = max(df, self._df(t))  # never fewer than the candidates that have it
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def weights(self, t: str) -> list[tuple[int, float]]:
        ws = self._cache.get(t)
        if ws is None:
            pl = self.post.get(t, [])
            idf = self.idf(t)
            k1 = self.k1
            ws = self._cache[t] = [(i, idf * c * (k1 + 1) / (c + self.norm[i])) for i, c in pl]
        return ws

    def add_scores(self, query: dict[str, float], acc: dict[int, float], weight: float) -> None:
        for t, m in query.items():
            f = m * weight
            for i, s in self.weights(t):
                acc[i] = acc.get(i, 0.0) + f * s


def char_ngrams(text: str, n: int, stop: frozenset[str] = frozenset()) -> Counter[str]:
    """Character n-grams of each word (padded), so word order does not matter but spelling does."""
    grams: Counter[str] = Counter()
    for w in words(text):
        if len(w) < 2 or w in stop:
            continue
        p = f" {w} "
        if len(p) <= n:
            grams[p] += 1
            continue
        for j in range(len(p) - n + 1):
            grams[p[j : j + n]] += 1
    return grams


@functools.lru_cache(maxsize=200_000)
def _word_grams(word: str, n: int) -> frozenset[str]:
    p = f" {word} "
    if len(p) <= n:
        return frozenset((p,))
    return frozenset(p[j : j + n] for j in range(len(p) - n + 1))


def gram_set(text: str, n: int, stop: frozenset[str] = frozenset()) -> set[str]:
    """The distinct n-grams of `char_ngrams(text, n, stop)`, faster (each word's n-grams are remembered)."""
    out: set[str] = set()
    for w in set(words(text)):
        if len(w) >= 2 and w not in stop:
            out |= _word_grams(w, n)
    return out


@dataclass
class _Doc:
    terms: list[str]
    title_terms: list[str]
    numbers: frozenset[str]
    cleaned: str
    termset: frozenset[str] = frozenset()
    idf_mass: float = 0.0
    grams: dict[str, float] | None = field(default=None)


class Matcher:
    """An in-memory index of known claims; `rank()` answers one query."""

    def __init__(
        self,
        claims: Iterable[KnownClaim | Analysed],
        params: MatchParams | None = None,
        stats: CorpusStats | None = None,
    ) -> None:
        """An index of `claims` (given as text, or already analysed). With `stats`, `claims` are candidates
        from a larger collection and every idf and average length is that collection's."""
        self.params = p = params or MatchParams()
        self.stats = stats
        self.ids: list[str] = []
        self.docs: list[_Doc] = []
        for c in claims:
            a = c if isinstance(c, Analysed) else analyse(c)
            body, title = list(a.terms), list(a.title_terms)
            self.ids.append(a.id)
            self.docs.append(
                _Doc(
                    terms=body,
                    title_terms=title,
                    numbers=frozenset(t for t in body + title if is_number(t)),
                    cleaned=a.cleaned,
                )
            )
        self._term_df: dict[str, tuple[int, int]] = {}
        if stats is None:
            self.body = BM25Field([d.terms for d in self.docs], p.k1, p.b)
            self.title = BM25Field([d.title_terms for d in self.docs], p.k1, p.b)
        else:
            df = self._term_df
            self.body = BM25Field(
                [d.terms for d in self.docs],
                p.k1,
                p.b,
                n=stats.n,
                total_length=stats.body_length,
                df=lambda t: df.get(t, (0, 0))[0],
            )
            self.title = BM25Field(
                [d.title_terms for d in self.docs],
                p.k1,
                p.b,
                n=stats.n,
                total_length=stats.title_length,
                df=lambda t: df.get(t, (0, 0))[1],
            )
        for d in self.docs:
            d.termset = frozenset(d.terms + d.title_terms)
        if stats is None or p.claim_cover_weight:  # (with stats: only when it counts, it costs a lookup)
            self._fetch_df(set().union(*(d.termset for d in self.docs)))
            for d in self.docs:
                d.idf_mass = sum(self._idf(t) for t in d.termset)
        self._pairs: BM25Field | None = None  # built on first use (off by default: it did not pay)
        self._gram_df: dict[str, int] | None = None
        self._cstop = frozenset() if p.char_stopwords else STOPWORDS
        if p.char_weight and stats is None:
            self._unit(Counter())  # document frequencies of the character n-grams: part of the build
        # Equal scores (near-duplicate claims that differ only in punctuation tie exactly): the claim given
        # first -- the earlier-checked one when claims are given oldest first -- ranks first.
        self._tie = [-i for i in range(len(self.ids))]

    def __len__(self) -> int:
        return len(self.ids)

    def _fetch_df(self, wanted: Iterable[str]) -> None:
        """Ask the collection's statistics for the document frequencies of terms not asked about yet."""
        if self.stats is None:
            return
        missing = [t for t in wanted if t not in self._term_df]
        if missing:
            found = self.stats.term_df(missing)
            for t in missing:
                self._term_df[t] = tuple(found.get(t, (0, 0)))  # type: ignore[assignment]

    def _fetch_gram_df(self, grams: Iterable[str]) -> None:
        if self.stats is None:
            return
        df = self._gram_df
        if df is None:
            df = self._gram_df = {}
        missing = [g for g in grams if g not in df]
        if missing:
            found = self.stats.gram_df(missing)
            for g in missing:
                df[g] = found.get(g, 0)

    # ------------------------------------------------------------------ stage 1 ---

    def _first_stage(self, qterms: list[str]) -> dict[int, float]:
        p = self.params
        q = {t: (float(c) if p.query_tf else 1.0) for t, c in Counter(qterms).items()}
        acc: dict[int, float] = {}
        self.body.add_scores(q, acc, 1.0)
        if p.title_weight:
            self.title.add_scores(q, acc, p.title_weight)
        if p.bigram_weight:
            qb = {t: float(c) for t, c in Counter(bigrams(qterms)).items()}
            if self._pairs is None:
                self._pairs = BM25Field([bigrams(d.terms) + bigrams(d.title_terms) for d in self.docs], p.k1, p.b)
            self._pairs.add_scores(qb, acc, p.bigram_weight)
        return acc

    def _feedback(self, qterms: list[str], acc: dict[int, float]) -> dict[int, float]:
        """Pseudo-relevance feedback: add the top documents' most distinctive terms to the query."""
        p = self.params
        top = heapq.nlargest(p.prf_docs, acc, key=acc.__getitem__)
        if not top:
            return acc
        qset = set(qterms)
        self._fetch_df(set().union(*(self.docs[i].terms + self.docs[i].title_terms for i in top)))
        weight: defaultdict[str, float] = defaultdict(float)
        for i in top:
            d = self.docs[i]
            for t in set(d.terms + d.title_terms):
                if t not in qset:
                    weight[t] += self.body.idf(t)
        # The prf_terms heaviest terms, ties in first-seen order (what Counter.most_common(n) does, for floats).
        heaviest = heapq.nlargest(p.prf_terms, weight.items(), key=lambda item: item[1])
        extra = {t: p.prf_weight * w / len(top) / 10 for t, w in heaviest}
        self.body.add_scores(extra, acc, 1.0)
        if p.title_weight:
            self.title.add_scores(extra, acc, p.title_weight)
        return acc

    # ------------------------------------------------------------------ stage 2 ---

    def _grams(self, i: int) -> dict[str, float]:
        d = self.docs[i]
        if d.grams is None:
            d.grams = self._unit(char_ngrams(d.cleaned, self.params.char_n, self._cstop))
        return d.grams

    def _unit(self, grams: Counter[str]) -> dict[str, float]:
        df = self._gram_df
        if df is None:
            counts: Counter[str] = Counter()
            for d in self.docs:
                counts.update(gram_set(d.cleaned, self.params.char_n, self._cstop))
            df = self._gram_df = dict(counts)
        n = (len(self.docs) if self.stats is None else max(self.stats.n, len(self.docs))) + 1
        vec = {g: (1 + math.log(c)) * math.log(n / (1 + df.get(g, 0))) for g, c in grams.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {g: v / norm for g, v in vec.items()}

    FEATURES = ("bm25", "char", "claim_cover", "query_cover", "numbers")

    def _weights(self) -> tuple[float, ...]:
        p = self.params
        return (1.0, p.char_weight, p.claim_cover_weight, p.query_cover_weight, p.number_weight)

    def _idf(self, t: str) -> float:
        return self.body.idf(t)

    def features(
        self, text: str, qterms: list[str], acc: dict[int, float], cand: list[int]
    ) -> dict[int, tuple[float, ...]]:
        """The re-ranking evidence for each candidate, in the order of `FEATURES`:
        BM25 relative to the best candidate's; character n-gram cosine; the share of the claim's term
        weight (idf) that the query has; the share of the query's term weight that the claim has; the share
        of the query's numbers that the claim states."""
        p = self.params
        top = acc[cand[0]] or 1.0
        qset = set(qterms)
        qnums = {t for t in qset if is_number(t)}
        qidf = sum(self._idf(t) for t in qset) or 1.0
        qraw = char_ngrams(clean(text), p.char_n, self._cstop)
        if self.stats is not None and p.char_weight:  # one question for every n-gram this ranking needs
            wanted = set(qraw)
            for i in cand:
                if self.docs[i].grams is None:
                    wanted |= gram_set(self.docs[i].cleaned, p.char_n, self._cstop)
            self._fetch_gram_df(wanted)
        qgrams = self._unit(qraw)
        out: dict[int, tuple[float, ...]] = {}
        for i in cand:
            d = self.docs[i]
            dg = self._grams(i)
            dset = d.termset
            shared = qset & dset
            shared_idf = sum(self._idf(t) for t in shared)
            out[i] = (
                acc[i] / top,
                sum(v * dg.get(g, 0.0) for g, v in qgrams.items()),
                shared_idf / (d.idf_mass or 1.0),
                shared_idf / qidf,
                len(qnums & d.numbers) / len(qnums) if qnums else 0.0,
            )
        return out

    def rank(self, text: str, k: int = 10, speaker: str | None = None) -> list[Match]:
        """The `k` known claims most likely to state the same checkable fact as `text`, best first.

        `speaker`, when known, is the name of who made the claim: fact-checks usually name the speaker, so
        it counts like the name an embedded tweet is signed with. Fewer than `k` only when fewer claims are
        known; claims that share nothing come last.
        """
        p = self.params
        if speaker:
            text = f"{text} — {speaker}"
        qterms = terms(text)
        self._fetch_df(set(qterms))
        acc = self._first_stage(qterms)
        if p.prf_docs:
            acc = self._feedback(qterms, acc)
        depth = max(k, p.rerank_depth)
        cand = heapq.nlargest(depth, acc, key=lambda i: (acc[i], self._tie[i]))
        if cand and (p.number_weight or p.char_weight or p.claim_cover_weight or p.query_cover_weight):
            final = {
                i: sum(w * f for w, f in zip(self._weights(), feats, strict=True))
                for i, feats in self.features(text, qterms, acc, cand).items()
            }
            acc = final
            cand = heapq.nlargest(depth, acc, key=lambda i: (acc[i], self._tie[i]))
        order = cand[:k]
        if len(order) < k:  # pad with the remaining claims in a stable order
            seen = set(order)
            order += [i for i in range(len(self.ids)) if i not in seen][: k - len(order)]
        qset = set(qterms)
        out = []
        for i in order:
            d = self.docs[i]
            shared = qset & (set(d.terms) | set(d.title_terms))
            out.append(
                Match(
                    id=self.ids[i],
                    score=round(acc.get(i, 0.0), 6),
                    shared_terms=tuple(sorted(t for t in shared if not is_number(t))),
                    shared_numbers=tuple(sorted(t for t in shared if is_number(t))),
                )
            )
        return out
