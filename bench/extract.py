"""Throughput and memory of the extraction engine.

    python bench/extract.py [--min-bytes 1000000] [--data DIR]

Reads the annotated dev articles (../shared/eval/dev next to the repository root) or, failing
that, the sample texts shipped in the repository, repeats them as separate articles until the
corpus holds at least --min-bytes of text, and prints for the engine and for an in-run baseline (a
naive regex sentence splitter over the same texts): words per second (of CPU time, i.e. on one core,
and of wall-clock time), milliseconds per article, and peak memory. Then, in child processes, the
peak memory of one 2 MB article made of those texts, and the growth of the time on one paragraph
holding all of them (the line breaks made spaces): --para-bytes and ten times that; the engine
passes when ten times the text takes at most twelve times the time. Compare engine and baseline
figures from the same run only: the machine's load moves both.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
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


def timed(fn: Callable[[str], object], corpus: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall-clock seconds) for running fn over corpus."""
    started, cpu = time.perf_counter(), time.process_time()
    for text in corpus:
        fn(text)
    return time.process_time() - cpu, time.perf_counter() - started


# Run in a child process so that its peak RSS is the engine's on that text alone.
_CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from claims.extraction.pipeline import extract
from claims.extraction import segment
text = sys.stdin.read()
extract("Warm up. It works.")
fn = {"engine": extract, "split": segment.split}[sys.argv[2]]
best = float("inf")
for _ in range(int(sys.argv[3])):
    copy = text[:1] + text[1:]  # a new string each run, so that no run can reuse work done on another
    began = time.process_time()
    fn(copy)
    best = min(best, time.process_time() - began)
print(json.dumps({"cpu": best, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def child(text: str, what: str = "engine", runs: int = 1) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(ROOT), what, str(runs)],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return json.loads(proc.stdout)


def build(texts: list[str], size: int, sep: str) -> str:
    """The texts joined by sep, repeated until the result holds size characters; each copy numbers its
    "the"s, so that no copy's paragraphs repeat another's (repeated paragraphs are pull quotes)."""
    unit = sep.join(texts) + sep
    copies = [unit.replace(" the ", f" the {k} ") for k in range(size // len(unit) + 1)]
    return "".join(copies)[:size]


def one_paragraph(texts: list[str]) -> list[str]:
    return [" ".join(t.split()) for t in texts]


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
    ap.add_argument("--article-bytes", type=int, default=2_000_000, help="size of the one big article")
    ap.add_argument("--para-bytes", type=int, default=200_000, help="one paragraph of this size and 10x it")
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
        cpu, wall = timed(fn, corpus)
        print(
            f"{name:30s} {words / cpu:>12,.0f} words/s on one core ({words / wall:,.0f} wall-clock)"
            f"  {1000 * cpu / len(corpus):8.2f} ms/article  {cpu:6.2f} s CPU"
        )
    peak = peak_python_memory(extract, texts)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(f"peak memory: {peak / 2**20:.1f} MiB traced during extraction, {rss / 1024:.1f} MiB process RSS")

    big = build(texts, args.article_bytes, "\n\n")
    got = child(big)
    big_words = len(big.split())
    print(
        f"one {len(big) / 1e6:.1f} MB article: {got['cpu']:.2f} s CPU ({big_words / got['cpu']:,.0f} words/s),"
        f" peak {got['rss_mb']:.0f} MiB RSS"
        f" (limit 300)  {'PASS' if got['rss_mb'] < 300 else 'FAIL'}"
    )

    paragraph = one_paragraph(texts)
    for name, what in (("engine (extract)", "engine"), ("segment.split only", "split")):
        small = child(build(paragraph, args.para_bytes, " "), what, runs=3)
        large = child(build(paragraph, args.para_bytes * 10, " "), what, runs=3)
        ratio = large["cpu"] / small["cpu"]
        print(
            f"one paragraph, {name:20s} {args.para_bytes / 1e6:.1f} MB: {small['cpu']:6.2f} s"
            f"  {args.para_bytes * 10 / 1e6:.1f} MB: {large['cpu']:6.2f} s  ratio {ratio:4.1f}x for 10x the text"
            f" (limit 12)  peak {large['rss_mb']:.0f} MiB  {'PASS' if ratio <= 12 else 'FAIL'}"
        )
    started = time.process_time()
    naive_split(build(paragraph, args.para_bytes * 10, " "))
    print(
        f"one paragraph, baseline naive split {args.para_bytes * 10 / 1e6:.1f} MB: {time.process_time() - started:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
