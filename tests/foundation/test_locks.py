"""The lock files agree with each other, so a fresh `make install` and `make lock` use one pinned pip.

`make install` puts the pip of requirements-bootstrap.lock into a fresh virtualenv first and then
installs requirements-dev.lock with it; `make lock` runs pip-tools from that same virtualenv. These
tests fail when the locks drift apart: a dev lock that pins another pip, or a pip-tools that needs a
newer pip than the pinned one (it would then be installed behind the lock's back), or a runtime
package locked at another version for the image than for the tests.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)((?:\s*\\\n\s*--hash=\S+)*)", re.MULTILINE)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: str) -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes) for every pin of a lock file."""
    text = (ROOT / lock).read_text()
    return {canonical(name): (version, hashes.count("--hash=")) for name, version, hashes in PIN.findall(text)}


def test_every_pin_of_every_lock_is_exact_and_hashed():
    for lock in ("requirements-bootstrap.lock", "requirements.lock", "requirements-dev.lock"):
        found = pins(lock)
        assert found, f"{lock} pins nothing"
        unhashed = [name for name, (_, hashes) in found.items() if hashes == 0]
        assert not unhashed, f"{lock}: pinned without a hash: {unhashed}"
        text = (ROOT / lock).read_text()
        requirement_lines = [line for line in text.splitlines() if line and not line[0].isspace() and line[0] != "#"]
        assert len(requirement_lines) == len(found), f"{lock} has a requirement that is not pinned with =="


def test_the_dev_lock_pins_the_bootstrap_pip_and_the_runtime_versions():
    bootstrap, runtime, dev = (
        pins("requirements-bootstrap.lock"),
        pins("requirements.lock"),
        pins("requirements-dev.lock"),
    )
    assert dev["pip"][0] == bootstrap["pip"][0]
    for name, (version, _) in runtime.items():
        assert dev.get(name, (None,))[0] == version, f"{name}: {version} in requirements.lock, {dev.get(name)} in dev"


def test_pip_tools_is_locked_and_runs_with_the_pinned_pip():
    dev = pins("requirements-dev.lock")
    assert "pip-tools" in dev, "make lock runs pip-compile from the dev lock"
    pip_version = pins("requirements-bootstrap.lock")["pip"][0]
    # Everything the locked pip-tools needs is locked too, and what it asks of pip the pinned pip satisfies.
    assert metadata.version("pip-tools") == dev["pip-tools"][0]
    for line in metadata.requires("pip-tools") or []:
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = canonical(requirement.name)
        assert name in dev, f"pip-tools needs {name}, which the dev lock does not pin"
        version = pip_version if name == "pip" else dev[name][0]
        assert requirement.specifier.contains(version, prereleases=True), f"pip-tools needs {requirement}"


def test_the_installed_pip_is_the_pinned_one():
    assert metadata.version("pip") == pins("requirements-bootstrap.lock")["pip"][0]


def declared(*in_files: str) -> set[str]:
    names = set()
    for in_file in in_files:
        for line in (ROOT / in_file).read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if line and not line.startswith("-"):
                names.add(canonical(Requirement(line).name))
    return names


def third_party_imports(*folders: str) -> dict[str, set[str]]:
    """Top-level module imported -> files importing it, for absolute imports outside the project."""
    import ast
    import sys

    own = {"claims", "api", "registry", "webhooks", "tests", "bench", "manage"}
    found: dict[str, set[str]] = {}
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    top = module.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in own:
                        found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_package_the_code_imports_is_declared_not_only_installed_through_another():
    distributions = metadata.packages_distributions()
    runtime = declared("requirements.in")
    everything = runtime | declared("requirements-dev.in")
    for folders, allowed, where in (
        (("claims", "api", "registry", "webhooks"), runtime, "requirements.in"),
        (("tests", "bench"), everything, "requirements.in or requirements-dev.in"),
    ):
        for module, files in third_party_imports(*folders).items():
            names = {canonical(name) for name in distributions.get(module, [module])}
            assert names & allowed, f"{module} (imported by {sorted(files)[:3]}) is not declared in {where}"
