"""Settings load in every mode they promise, and production mode refuses unsafe configurations.

Each case imports the settings in a fresh interpreter with exactly the environment under test, as
an operator's process would.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = secrets.token_urlsafe(64)
PROBE = (
    "import json, django; from django.conf import settings as s; "
    "print(json.dumps({'debug': s.DEBUG, 'engine': s.DATABASES['default']['ENGINE'], "
    "'eager': s.CELERY_TASK_ALWAYS_EAGER, 'broker': s.CELERY_BROKER_URL, "
    "'cache': s.CACHES['default']['BACKEND'], 'hosts': s.ALLOWED_HOSTS, "
    "'hsts': getattr(s, 'SECURE_HSTS_SECONDS', 0), 'secure_cookie': getattr(s, 'SESSION_COOKIE_SECURE', False)}))"
)
CLEAN = {
    k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CELERY_", "REGISTRY_"))
}
PUBLIC = {"REGISTRY_PUBLIC_URL": "https://claims.example/"}


def load(**env):
    proc = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**CLEAN, "DJANGO_SETTINGS_MODULE": "registry.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return proc


def test_with_no_environment_it_runs_embedded():
    proc = load()
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["debug"] is True
    assert got["engine"] == "django.db.backends.sqlite3"
    assert got["eager"] is True
    assert got["cache"].endswith("LocMemCache")


def test_database_and_redis_urls_switch_to_postgres_and_a_real_broker():
    proc = load(DATABASE_URL="postgres://u@127.0.0.1:5432/x", REDIS_URL="redis://127.0.0.1:6379/3")
    got = json.loads(proc.stdout)
    assert got["engine"] == "django.db.backends.postgresql"
    assert got["eager"] is False
    assert got["broker"] == "redis://127.0.0.1:6379/3"
    assert got["cache"].endswith("RedisCache")


def test_eager_tasks_can_be_forced_with_a_broker():
    proc = load(REDIS_URL="redis://127.0.0.1:6379/3", CELERY_TASK_ALWAYS_EAGER="true")
    assert json.loads(proc.stdout)["eager"] is True


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "short"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "ab" * 40, "DJANGO_ALLOWED_HOSTS": "a.example"}, "DJANGO_SECRET_KEY"),
        (
            {"DJANGO_SECRET_KEY": "django-insecure-" + "x" * 60, "DJANGO_ALLOWED_HOSTS": "a.example"},
            "DJANGO_SECRET_KEY",
        ),
        ({"DJANGO_SECRET_KEY": GOOD_SECRET}, "DJANGO_ALLOWED_HOSTS"),
        ({"DJANGO_SECRET_KEY": GOOD_SECRET, "DJANGO_ALLOWED_HOSTS": "*"}, "DJANGO_ALLOWED_HOSTS"),
        ({"DJANGO_DEBUG": "flase"}, "DJANGO_DEBUG='flase' is not a boolean"),
        # The public address of ClaimReview documents and claim pages: never the loopback default.
        (
            {"DJANGO_SECRET_KEY": GOOD_SECRET, "DJANGO_ALLOWED_HOSTS": "a.example", "REGISTRY_PUBLIC_URL": ""},
            "REGISTRY_PUBLIC_URL",
        ),
        (
            {
                "DJANGO_SECRET_KEY": GOOD_SECRET,
                "DJANGO_ALLOWED_HOSTS": "a.example",
                "REGISTRY_PUBLIC_URL": "http://127.0.0.1:8000/",
            },
            "REGISTRY_PUBLIC_URL",
        ),
        (
            {
                "DJANGO_SECRET_KEY": GOOD_SECRET,
                "DJANGO_ALLOWED_HOSTS": "a.example",
                "REGISTRY_PUBLIC_URL": "http://localhost/",
            },
            "REGISTRY_PUBLIC_URL",
        ),
        (
            {
                "DJANGO_SECRET_KEY": GOOD_SECRET,
                "DJANGO_ALLOWED_HOSTS": "a.example",
                "REGISTRY_ORGANIZATION_URL": "http://[::1]/",
            },
            "REGISTRY_ORGANIZATION_URL",
        ),
    ],
)
def test_production_mode_refuses_unsafe_settings(env, message):
    proc = load(**{"DJANGO_DEBUG": "false", **PUBLIC, **env})
    assert proc.returncode != 0
    assert "ImproperlyConfigured" in proc.stderr
    assert message in proc.stderr


def test_production_mode_starts_with_a_secret_and_hosts_and_secures_cookies():
    proc = load(DJANGO_DEBUG="false", DJANGO_SECRET_KEY=GOOD_SECRET, DJANGO_ALLOWED_HOSTS="claims.example", **PUBLIC)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["debug"] is False
    assert got["hosts"] == ["claims.example"]
    assert got["hsts"] >= 31536000
    assert got["secure_cookie"] is True


def test_check_deploy_reports_nothing_in_production_mode():
    proc = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **CLEAN,
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": GOOD_SECRET,
            "DJANGO_ALLOWED_HOSTS": "claims.example",
            **PUBLIC,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no issues" in proc.stdout


def test_the_wsgi_application_is_warmed_up_and_its_long_lived_objects_frozen():
    probe = (
        "import gc, sys; import registry.wsgi as w; "
        "print(gc.get_freeze_count(), 'api.views' in sys.modules, callable(w.application))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=CLEAN, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    frozen, views_loaded, app = proc.stdout.split()
    assert int(frozen) > 10_000 and views_loaded == "True" and app == "True"


def test_the_login_throttle_is_read_from_the_environment():
    probe = (
        "import django; from django.conf import settings as s; "
        "print(s.AXES_FAILURE_LIMIT, int(s.AXES_COOLOFF_TIME.total_seconds()), s.REGISTRY_TRUSTED_PROXIES, "
        "s.AXES_LOCKOUT_PARAMETERS)"
    )
    env = {**CLEAN, "DJANGO_SETTINGS_MODULE": "registry.settings"}
    run = lambda **more: subprocess.run(  # noqa: E731
        [sys.executable, "-c", probe], cwd=ROOT, env={**env, **more}, capture_output=True, text=True, timeout=60
    )
    assert run().stdout.split(None, 3) == ["5", "900", "0", "[['username', 'ip_address']]\n"]
    proc = run(REGISTRY_LOGIN_FAILURE_LIMIT="10", REGISTRY_LOGIN_LOCKOUT_MINUTES="60", REGISTRY_TRUSTED_PROXIES="1")
    assert proc.stdout.split()[:3] == ["10", "3600", "1"], proc.stderr
    for bad in ({"REGISTRY_LOGIN_FAILURE_LIMIT": "five"}, {"REGISTRY_LOGIN_LOCKOUT_MINUTES": "0"}):
        proc = run(**bad)
        assert proc.returncode != 0
        assert next(iter(bad)) in proc.stderr
