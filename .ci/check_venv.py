"""CI: the virtualenv holds exactly what the locks say, and nothing else.

Run with the venv's python after `make install`. Checks that pip is the version pinned in
requirements-bootstrap.lock (not the one `python3 -m venv` bundled), that every package pinned in
requirements-dev.lock is installed at its pinned version, and that nothing else is installed.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: str) -> dict[str, str]:
    return {canonical(name): version for name, version in PIN.findall((ROOT / lock).read_text())}


def main() -> int:
    wanted = pins("requirements-dev.lock")
    bootstrap = pins("requirements-bootstrap.lock")
    installed = {canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}
    problems = []
    if installed.get("pip") != bootstrap["pip"]:
        problems.append(f"pip is {installed.get('pip')}, requirements-bootstrap.lock pins {bootstrap['pip']}")
    for name, version in sorted(wanted.items()):
        if installed.get(name) != version:
            problems.append(f"{name}: locked {version}, installed {installed.get(name, 'nothing')}")
    problems += [
        f"{name} {installed[name]} is installed but not in the lock"
        for name in sorted(installed.keys() - wanted.keys())
    ]
    if problems:
        print("The virtualenv does not match the lock:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print(f"the virtualenv holds exactly the lock: {len(wanted)} packages, pip {installed['pip']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
