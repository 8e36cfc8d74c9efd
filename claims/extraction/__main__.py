"""``python -m claims.extraction [--jsonl]``: JSON Lines from stdin to stdout (see cli.py)."""

import argparse
import sys

from .cli import run_jsonl


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claims.extraction", description=__doc__)
    parser.add_argument("--jsonl", action="store_true", help="accepted for symmetry with manage.py; always on")
    parser.parse_args(argv)
    # Undecodable input bytes become U+FFFD instead of aborting the whole batch.
    sys.stdin.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    return run_jsonl(sys.stdin, sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
