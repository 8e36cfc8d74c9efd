"""Speed of the matching engine next to plain BM25, on synthetic claims; and the registry's search at scale.

    python bench/match.py [--claims 10375] [--queries 300] [--seed 1]
    python bench/match.py --registry [--registry-claims 1000000] [--queries 300]

Generates N claims from a fixed random vocabulary of invented words, numbers and names (so the figures do
not depend on any corpus), then queries that paraphrase some of them (words dropped, reordered, numbers
spelled as words, a link and a hashtag added). Prints the index build time and queries per second of the
engine (`claims.matching.Matcher`) and of plain BM25 over the same claims (lower-case words, no stemming,
claim and title fields, no re-ranking), from the same run: compare the two figures, not figures from
different runs, since the machine's load moves both.

`--registry`: the registry's "has this been checked?" search over the index kept in PostgreSQL. Uses
DATABASE_URL when it names PostgreSQL, else postgres://postgres@127.0.0.1:5432/registry_bench_match
(created if missing). Loads the claims once with bench/api.py's loader (every claim reviewed, texts from
the same synthetic vocabulary; reused by later runs) and builds the matching index once, then measures
p50/p95 of POST /api/v1/claims/search/ (in process, through Django's test client with an API key: the whole
API stack but no HTTP socket) for paraphrases of loaded claims, next to plain PostgreSQL full-text queries on
the claims' text in the same run (the API's `?q=` search, and the same words OR-ed and ranked by
ts_rank). Target (issue 14): p95 < 100 ms at 1,000,000 claims.
"""

from __future__ import annotations

import argparse
import heapq
import itertools
import random
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.matching import KnownClaim, Matcher, MatchParams  # noqa: E402
from claims.matching.engine import BM25Field  # noqa: E402

_NUMBER_WORDS = {3: "three", 5: "five", 7: "seven", 12: "twelve", 40: "forty"}


def vocabulary(rng: random.Random, size: int) -> list[str]:
    return ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 10))) for _ in range(size)]


def make_claims(rng: random.Random, n: int) -> list[KnownClaim]:
    vocab = vocabulary(rng, 20_000)
    weights = [1 / (r + 1) for r in range(len(vocab))]  # Zipf-like word frequencies
    claims = []
    for i in range(n):
        body = rng.choices(vocab, weights, k=rng.randint(10, 25))
        body.insert(rng.randrange(len(body)), str(rng.choice(list(_NUMBER_WORDS))))
        title = rng.choices(vocab, weights, k=rng.randint(0, 10))
        claims.append(KnownClaim(str(i), " ".join(body).capitalize() + ".", " ".join(title)))
    return claims


def make_queries(rng: random.Random, claims: list[KnownClaim], n: int) -> list[str]:
    out = []
    for c in rng.sample(claims, min(n, len(claims))):
        words = c.text.rstrip(".").split()
        words = [_NUMBER_WORDS.get(int(w), w) if w.isdigit() else w for w in words if rng.random() > 0.3]
        rng.shuffle(words)
        out.append(" ".join(words) + f" #{words[0].capitalize()}Now https://example.org/{rng.randint(0, 9999)}")
    return out


class PlainBM25:
    """The comparison: BM25 (k1 1.2, b 0.75) over lower-case words of claim and title, no normalisation."""

    def __init__(self, claims: list[KnownClaim]) -> None:
        self.ids = [c.id for c in claims]
        self.body = BM25Field([c.text.lower().split() for c in claims], 1.2, 0.75)
        self.title = BM25Field([c.title.lower().split() for c in claims], 1.2, 0.75)

    def rank(self, text: str, k: int = 10) -> list[str]:
        q = {w: 1.0 for w in text.lower().split()}
        acc: dict[int, float] = {}
        self.body.add_scores(q, acc, 1.0)
        self.title.add_scores(q, acc, 1.0)
        return [self.ids[i] for i in heapq.nlargest(k, acc, key=acc.__getitem__)]


def timed(label: str, build, queries: list[str]) -> None:
    t0 = time.perf_counter()
    index = build()
    built = time.perf_counter() - t0
    t0 = time.perf_counter()
    for q in queries:
        index.rank(q, 10)
    secs = time.perf_counter() - t0
    print(
        f"{label:<28} build {built:6.2f} s   {len(queries) / secs:8.0f} queries/s   {1000 * secs / len(queries):6.2f} ms/query"
    )


# --- the registry at scale (--registry) -------------------------------------------------------------------

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/registry_bench_match"


class ClaimTexts:
    """Claim texts for bench/api.py's loader: the synthetic vocabulary above, cumulative weights computed once."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        self.vocab = vocabulary(rng, 20_000)
        self.cum = list(itertools.accumulate(1 / (r + 1) for r in range(len(self.vocab))))

    def __call__(self, rng: random.Random, index: int) -> str:
        body = rng.choices(self.vocab, cum_weights=self.cum, k=rng.randint(10, 25))
        body.insert(rng.randrange(len(body)), str(rng.choice(list(_NUMBER_WORDS))))
        return " ".join(body).capitalize() + "."

    def title(self, index: int) -> str:
        rng = random.Random(index)
        return " ".join(rng.choices(self.vocab, cum_weights=self.cum, k=rng.randint(2, 8))).capitalize()


def registry_setup(count: int, seed: int) -> None:
    """Django on the bench database, migrated, with `count` reviewed claims and the matching index built."""
    import os

    from bench.api import bench_database, load, production_env

    os.environ.update(production_env(bench_database(DEFAULT_DB)))
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    texts = ClaimTexts(seed)
    load(count, claim_text=texts, article_title=texts.title, verdicts=("verified", "disputed", "unverifiable"))


def paraphrase(rng: random.Random, text: str) -> str:
    """Words dropped and shuffled, numbers spelled out, a hashtag and a link added (as make_queries)."""
    words = text.rstrip(".").split()
    kept = [_NUMBER_WORDS.get(int(w), w) if w.isdigit() else w for w in words if rng.random() > 0.3] or words[:1]
    rng.shuffle(kept)
    return " ".join(kept) + f" #{kept[0].capitalize()}Now https://example.org/{rng.randint(0, 9999)}"


def _quantiles(seconds: list[float]) -> tuple[float, float]:
    import statistics

    q = statistics.quantiles(seconds, n=100) if len(seconds) > 1 else seconds * 99
    return q[49] * 1000, q[94] * 1000


def registry_main(a: argparse.Namespace) -> int:
    import json

    registry_setup(a.registry_claims, a.seed)
    from django.db import connection
    from django.test import Client

    from api.keys import api_key_create
    from claims.models import Claim, MatchIndexState
    from claims.services import match_index
    from claims.services.matching import reviewed_claims

    reviewed = reviewed_claims().count()
    state = MatchIndexState.objects.filter(pk=1).first()
    if state is None or state.claims != reviewed:
        print(f"building the matching index of {reviewed:,} reviewed claims (once; reused by later runs) ...")
        started = time.perf_counter()
        match_index.index_rebuild()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE claims_matchentry; ANALYZE claims_matchterm; ANALYZE claims_matchgram")
        print(f"  built in {time.perf_counter() - started:.0f} s")
    match_index.index_sync(pages=100)
    rng = random.Random(a.seed + 1)
    top = Claim.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    picked = {rng.randint(1, top) for _ in range(a.queries * 2)}
    sources = list(reviewed_claims().filter(pk__in=picked).values_list("pk", "text")[: a.queries])
    queries = [(pk, paraphrase(rng, text)) for pk, text in sources]
    key = api_key_create(name=f"bench match {time.time():.0f}", scopes="read").key
    client = Client()

    def search(text: str) -> list[int]:
        response = client.post(
            "/api/v1/claims/search/",
            data=json.dumps({"text": text, "limit": 10}),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Api-Key {key}",
        )
        assert response.status_code == 200, response.content[:300]
        return [row["claim"]["id"] for row in response.json()["results"]]

    # The API's own ?q= search: websearch syntax, every word required, on the claim text's GIN index.
    plain_and = (
        "SELECT id FROM claims_claim WHERE to_tsvector('english'::regconfig, COALESCE(text, '')) "
        "@@ websearch_to_tsquery('english', %s) LIMIT 10"
    )
    # The same words, any of them, ranked by ts_rank (what a plain full-text "similar claims" would do).
    plain_or = (
        "WITH q AS (SELECT replace(plainto_tsquery('english', %s)::text, '&', '|')::tsquery AS q) "
        "SELECT id FROM claims_claim, q WHERE to_tsvector('english'::regconfig, COALESCE(text, '')) @@ q.q "
        "ORDER BY ts_rank(to_tsvector('english'::regconfig, COALESCE(text, '')), q.q) DESC LIMIT 10"
    )

    def plain(sql: str, text: str) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(sql, [text])
            return [pk for (pk,) in cursor.fetchall()]

    for _, q in queries[:10]:  # warm up: caches, the first connection
        search(q)
        plain(plain_and, q)
    total = Claim.objects.count()
    lines = []
    for label, run, subset in [
        ("POST claims/search/ (DB index + engine)", search, queries),
        ("plain full-text, all words (API ?q=)", lambda q: plain(plain_and, q), queries),
        # (ranks every claim holding any word: seconds per query at a million claims, so a few queries only)
        ("plain full-text, any word, ts_rank", lambda q: plain(plain_or, q), queries[: max(3, a.queries // 60)]),
    ]:
        times, first, top10 = [], 0, 0
        for pk, q in subset:
            started = time.perf_counter()
            found = run(q)
            times.append(time.perf_counter() - started)
            first += bool(found) and found[0] == pk
            top10 += pk in found
        p50, p95 = _quantiles(times)
        lines.append((label, len(subset), p50, p95, first / len(subset), top10 / len(subset)))
        if len(lines) == 1:
            print(
                f"\n{total:,} claims in PostgreSQL ({reviewed:,} reviewed, in the matching index); paraphrases as queries"
            )
            print(f"{'':42} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'found 1st':>9} {'in top 10':>9}")
        print(
            f"{label:42} {len(subset):7d} {p50:8.1f} {p95:8.1f} {first / len(subset):9.0%} {top10 / len(subset):9.0%}"
        )
        sys.stdout.flush()
    p95 = lines[0][3]
    verdict = "ok" if p95 < 100 else "MISSED"
    print(f"\nclaims/search/ p95 {p95:.1f} ms at {total:,} claims (target < 100 ms): {verdict}")
    return 0 if verdict == "ok" else 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claims", type=int, default=10_375)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--registry", action="store_true", help="the registry's search over PostgreSQL instead")
    ap.add_argument("--registry-claims", type=int, default=1_000_000)
    a = ap.parse_args()
    if a.registry:
        sys.exit(registry_main(a))
    rng = random.Random(a.seed)
    claims = make_claims(rng, a.claims)
    queries = make_queries(rng, claims, a.queries)
    print(f"{len(claims)} synthetic claims, {len(queries)} queries")
    timed("engine (defaults)", lambda: Matcher(claims), queries)
    no_rerank = MatchParams(char_weight=0.0, query_cover_weight=0.0)
    timed("engine, no re-ranking", lambda: Matcher(claims, no_rerank), queries)
    timed("plain BM25 (same run)", lambda: PlainBM25(claims), queries)


if __name__ == "__main__":
    main()
