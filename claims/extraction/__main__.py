import sys

from .cli import run_jsonl

sys.exit(run_jsonl(sys.stdin, sys.stdout))
