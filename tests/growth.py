"""Linear-growth checks that do not depend on how busy the machine is.

A unit test must not assert seconds: on a shared or slow machine, or with the suite running in
parallel, an absolute limit fails for reasons that are not the code's (the absolute figures live in
`bench/robustness.py`). What a test can check on any machine is how the cost *grows*: ten times
the input must cost about ten times as much, not a hundred times as a quadratic stage would.

The cost is this process's CPU time (`time.process_time`), which other processes on the machine do
not inflate, and the smallest of a few runs, which drops a garbage collection or a cold cache that
happened to land in one of them.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

FACTOR = 10  # the large input is ten times the small one
# ...and may cost at most twenty times as much. Linear stages measure 11-13x here (a larger input
# fits the CPU caches less well); n^1.5 would be 32x and quadratic 100x.
LIMIT = 20.0
FLOOR = 0.005  # seconds: below this a run is mostly timer noise, so the small run counts as at least this


def cpu_seconds(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        # A collection of garbage left by earlier tests must not land inside one run and not the other.
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            run()
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def assert_linear(run: Callable[[int], object], small: int, *, factor: int = FACTOR, limit: float = LIMIT) -> None:
    """`run(n)` works on an input of size n: at `factor` times the size it must cost at most `limit` times as much."""
    base = max(cpu_seconds(lambda: run(small), repeat=3), FLOOR)  # the first run also warms caches up
    large = cpu_seconds(lambda: run(small * factor), repeat=1)
    if large > limit * base:  # two more runs of the large input before calling it super-linear
        large = min(large, cpu_seconds(lambda: run(small * factor), repeat=2))
    assert large <= limit * base, (
        f"{factor}x the input cost {large / base:.1f}x the CPU time ({base:.3f} s -> {large:.3f} s): "
        f"more than {limit:g}x, so the work grows faster than the input"
    )
