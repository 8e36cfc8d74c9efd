"""The README's two commands, run as a new user would in a fresh copy of the project.

The copy is the committed tree (`git archive HEAD`), so a file that was never committed breaks this
test as it would break a fresh clone. It reuses this checkout's virtualenv (so the test downloads
nothing; CI's own `make test` installs a fresh one from the lock), and runs `make` exactly as
documented: `make run` must install, migrate, load the demo, print a login that
works, and serve the admin; a second run must reuse what exists; `make test` must run the suite.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def clean_env() -> dict[str, str]:
    skip = ("DJANGO_", "DATABASE_", "REDIS_", "CELERY_", "PYTEST_")
    return {k: v for k, v in os.environ.items() if not k.startswith(skip)}


@pytest.fixture(scope="module")
def fresh_copy(tmp_path_factory):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    dest = tmp_path_factory.mktemp("fresh") / "registry"
    dest.mkdir()
    archive = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    return dest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_make_run(copy: Path, port: int):
    log = copy / f"make-run-{port}.log"
    out = open(log, "wb")
    proc = subprocess.Popen(
        ["make", "run", f"PORT={port}"],
        cwd=copy,
        env=clean_env(),
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return proc, log


def wait_until_served(proc, log: Path, port: int, timeout: float = 240) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"make run exited {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2)
            return log.read_text()
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"make run did not serve in time:\n{log.read_text()[-3000:]}")


def stop(proc) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def admin_login(port: int, username: str, password: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    base = f"http://127.0.0.1:{port}"
    page = opener.open(f"{base}/admin/login/?next=/admin/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/admin/"}
    ).encode()
    request = urllib.request.Request(f"{base}/admin/login/?next=/admin/", data=data, headers={"Referer": base})
    return opener.open(request).read().decode()


def test_make_run_serves_the_admin_with_the_printed_demo_login_and_is_idempotent(fresh_copy):
    port = free_port()
    proc, log = start_make_run(fresh_copy, port)
    try:
        output = wait_until_served(proc, log, port)
        assert "Loaded the sample article" in output
        login = re.search(r"Login:\s+(\S+)", output).group(1)
        password = re.search(r"Password:\s+(\S+)", output).group(1)
        home = admin_login(port, login, password)
        assert "Log out" in home or "logout" in home, "the printed demo login did not log in"
    finally:
        stop(proc)

    port = free_port()
    proc, log = start_make_run(fresh_copy, port)
    try:
        again = wait_until_served(proc, log, port)
        assert "Reusing the sample article" in again
        assert re.search(r"Password:\s+(\S+)", again).group(1) == password
    finally:
        stop(proc)


def test_make_test_runs_the_suite(fresh_copy):
    proc = subprocess.run(
        ["make", "test", "PYTEST_ARGS=tests/foundation/test_env.py -q -p no:cacheprovider"],
        cwd=fresh_copy,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert re.search(r"\d+ passed", proc.stdout)
