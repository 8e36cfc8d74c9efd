"""Static files: a `collectstatic` run in either mode serves production, and production never answers 500
for a missing manifest (it says so in its log at start instead).

Each case runs in a fresh interpreter with the environment under test, as an operator's process would.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLEAN = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CELERY_"))}
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
    "DJANGO_ALLOWED_HOSTS": "testserver",
    "REGISTRY_PUBLIC_URL": "https://claims.example/",
}
# Starts the WSGI application as gunicorn does, then asks for the admin's login page.
PROBE = (
    "import json, re, registry.wsgi; from django.test import Client; "
    "r = Client().get('/admin/login/', secure=True); "
    "print(json.dumps({'status': r.status_code, "
    "'css': re.findall(r'href=\"(/static/admin/css/base[^\"]*)\"', r.content.decode())}))"
)


def run(args: list[str], static_root: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        args,
        cwd=ROOT,
        env={**CLEAN, "DJANGO_SETTINGS_MODULE": "registry.settings", "DJANGO_STATIC_ROOT": str(static_root), **env},
        capture_output=True,
        text=True,
        timeout=180,
    )


def login_page(static_root: Path) -> tuple[dict, str]:
    proc = run([sys.executable, "-c", PROBE], static_root, PYTHONPATH=str(ROOT), **PRODUCTION)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1]), proc.stderr


@pytest.fixture(scope="module")
def collected_in_debug_mode(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("static") / "collected"
    proc = run([sys.executable, "manage.py", "collectstatic", "--no-input"], root)  # no DJANGO_DEBUG: debug mode
    assert proc.returncode == 0, proc.stderr
    return root


def test_collectstatic_in_debug_mode_writes_the_manifest_production_reads(collected_in_debug_mode):
    assert (collected_in_debug_mode / "staticfiles.json").is_file()
    page, log = login_page(collected_in_debug_mode)
    assert page["status"] == 200
    [css] = page["css"]
    assert re.fullmatch(r"/static/admin/css/base\.[0-9a-f]{12}\.css", css), "production links the hashed copy"
    assert (collected_in_debug_mode / css.removeprefix("/static/")).is_file()
    assert "registry.staticfiles" not in log, log


def test_production_without_collected_files_answers_and_says_why_at_start(tmp_path):
    page, log = login_page(tmp_path / "never-collected")
    assert page == {"status": 200, "css": ["/static/admin/css/base.css"]}
    assert "ERROR registry.staticfiles no static files manifest at" in log
    assert "manage.py collectstatic" in log


def test_an_outdated_manifest_is_reported_at_start_and_its_missing_files_still_linked(
    collected_in_debug_mode, tmp_path
):
    root = tmp_path / "outdated"
    shutil.copytree(collected_in_debug_mode, root)
    manifest = json.loads((root / "staticfiles.json").read_text())
    del manifest["paths"]["admin/css/base.css"]  # as if base.css had been added after the last collectstatic
    (root / "staticfiles.json").write_text(json.dumps(manifest))
    page, log = login_page(root)
    assert page == {"status": 200, "css": ["/static/admin/css/base.css"]}
    assert "is out of date: it lacks admin/css/base.css" in log


@pytest.mark.django_db
def test_debug_mode_links_the_plain_names(client, settings):
    assert settings.STORAGES["staticfiles"]["BACKEND"] == "registry.staticfiles.DebugStaticFilesStorage"
    assert 'href="/static/admin/css/base.css"' in client.get("/admin/login/").content.decode()
