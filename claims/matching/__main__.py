"""``python -m claims.matching``: the JSON Lines contract without Django (see cli.py)."""

import sys

from claims.matching.cli import run_jsonl

sys.exit(run_jsonl(sys.stdin, sys.stdout, sys.stderr))
