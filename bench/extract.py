"""Throughput and memory of the extraction engine.

    python bench/extract.py [--min-bytes 1000000] [--data DIR]

Reads the annotated dev articles (../shared/eval/dev next to the repository root) or, failing
that, the sample texts shipped in the repository, repeats them as separate articles until the
corpus holds at least --min-bytes of text, and prints for the engine and for an in-run baseline (a
naive regex sentence splitter over the same texts): words per second, milliseconds per article,
and peak memory. Compare engine and baseline figures from the same run only: the machine's load
moves both.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.extraction import segment  # noqa: E402
from claims.extraction.pipeline import extract  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev"
_NAIVE = re.compile(r"[^.!?\n]+[.!?]*")


def load_texts(data: Path | None) -> tuple[list[str], str]:
    folder = data or DEV
    if folder.is_dir():
        texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(folder.glob("*.json"))]
        if texts:
            return texts, str(folder)
    samples = sorted(ROOT.glob("claims/**/*.txt")) + sorted(ROOT.glob("tests/**/*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in samples]
    if not texts:
        raise SystemExit("bench: no dev articles and no sample texts found")
    return texts, "sample texts in the repository"


def naive_split(text: str) -> list[tuple[int, int]]:
    """Baseline: split at every . ! ? and line break, nothing else."""
    return [m.span() for m in _NAIVE.finditer(text)]


def timed(fn: Callable[[str], object], corpus: list[str]) -> float:
    started = time.perf_counter()
    for text in corpus:
        fn(text)
    return time.perf_counter() - started


def peak_python_memory(fn: Callable[[str], object], corpus: list[str]) -> int:
    """Peak bytes allocated by Python while running ``fn`` over ``corpus`` (tracemalloc)."""
    tracemalloc.start()
    for text in corpus:
        fn(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-bytes", type=int, default=1_000_000)
    ap.add_argument("--data", type=Path, help="a folder of articles as JSON files with a 'text' field")
    args = ap.parse_args()

    texts, source = load_texts(args.data)
    one_pass = sum(len(t) for t in texts)
    corpus = texts * max(1, -(-args.min_bytes // one_pass))
    words = sum(len(t.split()) for t in corpus)
    size = sum(len(t) for t in corpus)
    print(f"corpus: {len(corpus)} articles from {source}, {size / 1e6:.2f} MB, {words:,} words")

    extract(texts[0])  # build lazy indexes (gazetteers, lexicons) outside the timing
    rows = [
        ("engine (extract)", extract),
        ("segment.split only", segment.split),
        ("baseline: naive regex split", naive_split),
    ]
    for name, fn in rows:
        seconds = timed(fn, corpus)
        print(
            f"{name:30s} {words / seconds:>12,.0f} words/s  {1000 * seconds / len(corpus):8.2f} ms/article"
            f"  {seconds:6.2f} s"
        )
    peak = peak_python_memory(extract, texts)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(f"peak memory: {peak / 2**20:.1f} MiB traced during extraction, {rss / 1024:.1f} MiB process RSS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
