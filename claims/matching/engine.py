"""Ranking known claims against a new one: BM25 over several fields, then a re-ranking stage.

Stage 1 (recall): BM25 (Lucene idf) over the stemmed terms of the claim text, of its title and of the
adjacent term pairs (bigrams) of both, weighted and summed; optionally expanded once with the best terms of
the top results (pseudo-relevance feedback).
Stage 2 (precision): the best `rerank_depth` candidates get extra evidence — the share of the query's
numbers that the candidate states too, and the character n-gram cosine of the two texts (which catches
name variants such as "Zelensky"/"Zelenskyy" and words the stemmer does not conflate).
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from claims.matching.text import STOPWORDS, clean, is_number, terms, terms_of_clean, words


@dataclass(frozen=True)
class KnownClaim:
    id: str
    text: str
    title: str = ""


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

    def __init__(self, docs: Sequence[Sequence[str]], k1: float, b: float) -> None:
        self.n = len(docs)
        self.k1 = k1
        self.post: dict[str, list[tuple[int, int]]] = defaultdict(list)
        lens = [len(d) for d in docs]
        for i, d in enumerate(docs):
            for t, c in Counter(d).items():
                self.post[t].append((i, c))
        avg = (sum(lens) / len(lens)) if lens and sum(lens) else 1.0
        self.norm = [k1 * (1 - b + b * dl / avg) for dl in lens]
        self._cache: dict[str, list[tuple[int, float]]] = {}

    def idf(self, t: str) -> float:
        df = len(self.post.get(t, ()))
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

    def __init__(self, claims: Iterable[KnownClaim], params: MatchParams | None = None) -> None:
        self.params = p = params or MatchParams()
        self.ids: list[str] = []
        self.docs: list[_Doc] = []
        for c in claims:
            ctext, ctitle = clean(c.text), clean(c.title)
            body, title = terms_of_clean(ctext), terms_of_clean(ctitle)
            self.ids.append(c.id)
            self.docs.append(
                _Doc(
                    terms=body,
                    title_terms=title,
                    numbers=frozenset(t for t in body + title if is_number(t)),
                    cleaned=ctext + " " + ctitle,
                )
            )
        self.body = BM25Field([d.terms for d in self.docs], p.k1, p.b)
        self.title = BM25Field([d.title_terms for d in self.docs], p.k1, p.b)
        for d in self.docs:
            d.termset = frozenset(d.terms + d.title_terms)
            d.idf_mass = sum(self._idf(t) for t in d.termset)
        self._pairs: BM25Field | None = None  # built on first use (off by default: it did not pay)
        self._gram_df: Counter[str] | None = None
        self._cstop = frozenset() if p.char_stopwords else STOPWORDS
        if p.char_weight:
            self._unit(Counter())  # document frequencies of the character n-grams: part of the build
        # Equal scores (near-duplicate claims that differ only in punctuation tie exactly): the claim given
        # first -- the earlier-checked one when claims are given oldest first -- ranks first.
        self._tie = [-i for i in range(len(self.ids))]

    def __len__(self) -> int:
        return len(self.ids)

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
            df = self._gram_df = Counter()
            for d in self.docs:
                df.update(char_ngrams(d.cleaned, self.params.char_n, self._cstop).keys())
        n = len(self.docs) + 1
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
        qgrams = self._unit(char_ngrams(clean(text), p.char_n, self._cstop))
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
