"""Seconds the extraction stages take on hostile and oversized input: the absolute figures that the
unit tests no longer assert.

    python bench/robustness.py [--quick]

The tests in tests/extraction check that these inputs are handled correctly and that the cost grows
linearly (10x the input, at most 20x the CPU time). How many seconds they take depends on the machine
and on what else runs on it, so the seconds are measured here, each next to a baseline from the same
run: a plain regular-expression pass over the same text (`re.findall(r"\\w+")`), which any engine
has to pay for at least. Each case prints wall seconds, CPU seconds, the baseline's CPU seconds and
the limit the case must stay under, in CPU seconds of this process (on a machine shared with other
work the wall seconds also count the waiting); the script exits 1 if a case goes over its limit.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")

from claims.extraction.dates import find_dates  # noqa: E402
from claims.extraction.pipeline import extract  # noqa: E402
from claims.extraction.places import find_places  # noqa: E402

_WORD = re.compile(r"\w+")
PARAGRAPH = (
    'The council approved a {n} million bridge on Monday, Mayor Ann Lee said. "It is a great day for '
    'Springfield," she told reporters in Washington D.C. on March 4, 2011. Work starts in May.\n\n'
)
UNITS = ["word " * 50, "x" * 200, "A. " * 60, "Mr. " * 50, "1) " * 60, ". " * 100, '"a" ' * 50, "[...] " * 30]


def cases(quick: bool) -> list[tuple[str, str, Callable[[str], object], float]]:
    """(name, text, stage, limit in seconds); the limits are those the unit tests used to assert."""

    def article(size: int) -> str:
        count = size // len(PARAGRAPH)
        return "Bridge approved\n\n" + "".join(PARAGRAPH.replace("{n}", str(n)) for n in range(count))

    chunk = "the council met in May and March 2000 people 1999 to 2003 Friday yesterday between 12 and "
    out: list[tuple[str, str, Callable[[str], object], float]] = [
        ("article of 0.5 MB, extract()", article(500_000), extract, 18.0),
        *([] if quick else [("article of 5 MB, extract()", article(5_000_000), extract, 180.0)]),
        ("1 MB line without punctuation, extract()", "lorem ipsum dolor " * 58_000, extract, 30.0),
        ("1 MB line, find_dates()", chunk * (1_000_000 // len(chunk)), lambda t: find_dates(t, 0, len(t), date(2023, 11, 18)), 10.0),
        ("1.2 MB of capitalised words, find_places()", ("Paris New York Hall Road Kabul Jordan Smith of the and Lake " * 20_000).strip(), lambda t: find_places(t, 0, len(t)), 10.0),
    ]  # fmt: skip
    for line in [
        "Big " * 100_000 + "Road",
        "Kennedy Space Center (KSC) " + "KSC in Paris " * 30_000,
        "Paris, Pa. " * 30_000,
    ]:
        out.append(
            (
                f"{line[:18]!r}... ({len(line) // 1000} KB), find_places()",
                line,
                lambda t: find_places(t, 0, len(t)),
                10.0,
            )
        )
    for unit in UNITS:
        out.append((f"{unit[:10]!r} x 2,000 ({len(unit) * 2} KB), extract()", unit * 2_000, extract, 30.0))
    return out


def measure(stage: Callable[[str], object], text: str) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    stage(text)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="leave out the 5 MB article")
    args = ap.parse_args()
    import django

    django.setup()
    extract("Warm-up. The mayor said so on Monday in Paris.")
    print(f"{'case':<58} {'wall s':>8} {'cpu s':>8} {'baseline':>9} {'cpu limit':>9}")
    over = []
    cpu_of: dict[str, float] = {}
    for name, text, stage, limit in cases(args.quick):
        wall, cpu = measure(stage, text)
        cpu_of[name] = cpu
        _, baseline = measure(_WORD.findall, text)
        mark = "  OVER" if cpu > limit else ""
        print(f"{name:<58} {wall:8.2f} {cpu:8.2f} {baseline:9.3f} {limit:9.0f}{mark}", flush=True)
        if cpu > limit:
            over.append(name)
    small, large = cpu_of.get("article of 0.5 MB, extract()"), cpu_of.get("article of 5 MB, extract()")
    if small and large:
        print(f"article growth: 10x the text cost {large / small:.1f}x the CPU time (the unit tests allow 20x)")
    if over:
        print(f"over the limit: {', '.join(over)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
