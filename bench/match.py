"""Speed of the matching engine next to plain BM25, on synthetic claims.

    python bench/match.py [--claims 10375] [--queries 300] [--seed 1]

Generates N claims from a fixed random vocabulary of invented words, numbers and names (so the figures do
not depend on any corpus), then queries that paraphrase some of them (words dropped, reordered, numbers
spelled as words, a link and a hashtag added). Prints the index build time and queries per second of the
engine (`claims.matching.Matcher`) and of plain BM25 over the same claims (lower-case words, no stemming,
claim and title fields, no re-ranking), from the same run: compare the two figures, not figures from
different runs, since the machine's load moves both.
"""

from __future__ import annotations

import argparse
import heapq
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claims", type=int, default=10_375)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
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
