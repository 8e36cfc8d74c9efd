"""The engine reaches the project's quality bars on the hand-annotated development set.

Runs the shared scorer exactly as documented, through the public command. Skipped (visibly) where
the shared folder is not beside the checkout; the product itself never needs it.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
# Issue 10: the development set stays at or above 0.97 on every column (precision of places too; the
# dates' precision is lower on purpose: "last week", "two years ago" are dates the set leaves out)
BARS = {"claims": 0.97, "speaker": 0.97, "quotes": 0.97, "dates": 0.97, "places": 0.97, "places_precision": 0.97}


@pytest.mark.skipif(not SCORER.exists(), reason="the development set (../shared/eval) is not beside this checkout")
def test_the_engine_meets_every_bar_on_the_development_set():
    cmd = f"{sys.executable} {ROOT / 'manage.py'} extract --jsonl"
    proc = subprocess.run(
        [sys.executable, str(SCORER), "--cmd", cmd, "--json", "-v"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert proc.returncode in (0, 1), proc.stdout[-2000:] + proc.stderr[-2000:]
    summary = json.loads(next(line for line in proc.stdout.splitlines() if line.startswith("{")))
    misses = "\n".join(line for line in proc.stdout.splitlines() if line.startswith("    "))
    short = {k: summary[k] for k, bar in BARS.items() if summary[k] < bar}
    assert not short, f"below the bars {BARS}: {short}\n{misses}"
    assert summary["furniture"] == 0, f"page furniture returned as claims:\n{misses}"
