"""Bad fetcher, re-check and Celery limits are refused when the settings load, naming the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_settings(**env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("REGISTRY_", "CELERY_"))}
    environ.update(env)
    code = "import registry.settings"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("env", "names"),
    [
        (
            {"REGISTRY_FETCH_TEST_ALLOW_NETWORKS": "notacidr"},
            ["REGISTRY_FETCH_TEST_ALLOW_NETWORKS", "'notacidr'"],
        ),
        (
            {"REGISTRY_FETCH_TEST_ALLOW_NETWORKS": "127.0.0.1/32, 10.0.0.0/33"},
            ["REGISTRY_FETCH_TEST_ALLOW_NETWORKS", "'10.0.0.0/33'"],
        ),
        (
            {"CELERY_TASK_SOFT_TIME_LIMIT": "360", "CELERY_TASK_TIME_LIMIT": "360"},
            ["CELERY_TASK_SOFT_TIME_LIMIT", "CELERY_TASK_TIME_LIMIT"],
        ),
        (
            {"CELERY_TASK_SOFT_TIME_LIMIT": "400", "CELERY_TASK_TIME_LIMIT": "360"},
            ["CELERY_TASK_SOFT_TIME_LIMIT", "CELERY_TASK_TIME_LIMIT"],
        ),
        (
            {"REGISTRY_FETCH_TOTAL_TIMEOUT_MS": "300000"},
            ["REGISTRY_FETCH_TOTAL_TIMEOUT_MS", "CELERY_TASK_SOFT_TIME_LIMIT"],
        ),
        (
            {"REGISTRY_RECHECK_LEASE_SECONDS": "300"},
            ["REGISTRY_RECHECK_LEASE_SECONDS", "CELERY_TASK_TIME_LIMIT"],
        ),
        (
            {"REGISTRY_RECHECK_SOURCE_TIMEOUT_MS": "10000"},
            ["REGISTRY_RECHECK_SOURCE_TIMEOUT_MS", "REGISTRY_FETCH_TOTAL_TIMEOUT_MS"],
        ),
        (
            {"REGISTRY_RECHECK_SOURCE_TIMEOUT_MS": "300000"},
            ["REGISTRY_RECHECK_SOURCE_TIMEOUT_MS", "CELERY_TASK_SOFT_TIME_LIMIT"],
        ),
        (
            {"REGISTRY_RECHECK_NOW_TIME_LIMIT_S": "3600"},
            ["REGISTRY_RECHECK_NOW_TIME_LIMIT_S", "REGISTRY_RECHECK_LEASE_SECONDS"],
        ),
    ],
)
def test_inconsistent_limits_are_refused_at_load_naming_the_variables(env, names):
    proc = load_settings(**env)
    assert proc.returncode != 0
    assert "ImproperlyConfigured" in proc.stderr
    for name in names:
        assert name in proc.stderr


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"REGISTRY_FETCH_TEST_ALLOW_NETWORKS": "127.0.0.1/32, ::1/128"},
        {"CELERY_TASK_SOFT_TIME_LIMIT": "359", "CELERY_TASK_TIME_LIMIT": "360"},
        {"REGISTRY_FETCH_TOTAL_TIMEOUT_MS": "299999", "REGISTRY_RECHECK_LEASE_SECONDS": "361"},
        {"REGISTRY_RECHECK_SOURCE_TIMEOUT_MS": "20000"},
    ],
)
def test_consistent_limits_load(env):
    proc = load_settings(**env)
    assert proc.returncode == 0, proc.stderr
