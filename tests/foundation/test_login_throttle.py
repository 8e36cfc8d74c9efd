"""The admin login throttle: one account from one address is locked out after repeated wrong passwords."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-1"
LOGIN = "/admin/login/"
ATTACKER = "203.0.113.7"
COLLEAGUE = "198.51.100.20"


@pytest.fixture(autouse=True)
def _throttle(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.AXES_FAILURE_LIMIT = settings.REGISTRY_LOGIN_FAILURE_LIMIT = 5
    settings.REGISTRY_LOGIN_LOCKOUT_MINUTES = 15
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(username="rita", password=PASSWORD, is_staff=True)


@pytest.fixture
def root(django_user_model):
    return django_user_model.objects.create_superuser(username="root", password=PASSWORD, email="root@example.org")


def attempt(client, username: str, password: str, address: str = ATTACKER, **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address, **extra
    )


def logged_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def fail(client, username: str, times: int, address: str = ATTACKER, **extra):
    for n in range(times):
        response = attempt(client, username, f"wrong-{n}", address, **extra)
        assert response.status_code in (200, 429)
    return response


def test_the_right_password_no_longer_works_after_five_wrong_ones(client, staff, caplog):
    for _ in range(4):
        response = attempt(client, "rita", "wrong")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()
    with caplog.at_level(logging.WARNING, logger="registry.login_throttle"):
        response = attempt(client, "rita", "wrong")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed logins for this account from your address" in page
    assert "blocked for 15 minutes" in page
    assert 'name="password"' in page, "the login page itself, with the message where the form's error goes"
    assert any("rita" in r.getMessage() and ATTACKER in r.getMessage() for r in caplog.records), "a log line"

    response = attempt(client, "rita", PASSWORD)
    assert response.status_code == 429
    assert not logged_in(response)
    assert "_auth_user_id" not in client.session


def test_the_lock_binds_the_account_and_the_address_together(client, staff, django_user_model):
    django_user_model.objects.create_user(username="omar", password=PASSWORD, is_staff=True)
    fail(client, "rita", 5)
    assert logged_in(attempt(client, "rita", PASSWORD, address=COLLEAGUE)), "the same account from elsewhere"
    client.logout()
    assert logged_in(attempt(client, "omar", PASSWORD, address=ATTACKER)), "another account from that address"


def test_the_lock_ends_after_the_cool_off(client, staff):
    from axes.models import AccessAttempt

    fail(client, "rita", 5)
    assert attempt(client, "rita", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16))
    assert logged_in(attempt(client, "rita", PASSWORD))


def test_hammering_a_locked_account_does_not_grow_its_record_or_extend_the_lock(client, staff):
    from axes.models import AccessAttempt

    fail(client, "rita", 5)
    record = AccessAttempt.objects.get()
    fail(client, "rita", 20)
    again = AccessAttempt.objects.get()
    assert (again.failures_since_start, again.attempt_time, len(again.post_data)) == (
        record.failures_since_start,
        record.attempt_time,
        len(record.post_data),
    )
    assert PASSWORD not in again.post_data and "wrong-" not in again.post_data, "passwords are never stored"


def test_a_successful_login_clears_the_earlier_failures(client, staff):
    fail(client, "rita", 4)
    assert logged_in(attempt(client, "rita", PASSWORD))
    client.logout()
    fail(client, "rita", 4)
    assert logged_in(attempt(client, "rita", PASSWORD))


def test_an_administrator_unlocks_the_account_in_the_admin(client, staff, root):
    from axes.models import AccessAttempt

    fail(client, "rita", 5)
    admin_client = client.__class__()
    admin_client.force_login(root)
    changelist = admin_client.get(reverse("admin:axes_accessattempt_changelist"))
    assert changelist.status_code == 200
    assert "rita" in changelist.content.decode()
    attempt_id = AccessAttempt.objects.get(username="rita").pk
    response = admin_client.post(reverse("admin:axes_accessattempt_delete", args=[attempt_id]), {"post": "yes"})
    assert response.status_code == 302
    assert logged_in(attempt(client, "rita", PASSWORD))


def test_reviewers_cannot_see_or_clear_login_attempts(client, staff):
    client.force_login(staff)
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403


def test_an_operator_unlocks_the_account_from_the_command_line(client, staff):
    fail(client, "rita", 5)
    call_command("axes_reset_username", "rita")
    assert logged_in(attempt(client, "rita", PASSWORD))


def test_behind_a_trusted_proxy_the_forwarded_address_counts_and_cannot_be_forged(client, staff, settings):
    settings.REGISTRY_TRUSTED_PROXIES = 1
    proxy = "10.0.0.2"
    # The attacker adds made-up addresses in front; the proxy appends the one it saw.
    for n in range(5):
        attempt(client, "rita", "wrong", address=proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, {ATTACKER}")
    assert attempt(client, "rita", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR=ATTACKER).status_code == 429
    assert logged_in(attempt(client, "rita", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR=COLLEAGUE))


def test_api_keys_of_a_locked_out_account_keep_working(client, staff):
    from api.keys import api_key_create

    key = api_key_create(name="Rita's desk", scopes="read", user=staff).key
    fail(client, "rita", 5)
    assert attempt(client, "rita", PASSWORD).status_code == 429
    response = client.get("/api/v1/claims/", HTTP_AUTHORIZATION=f"Api-Key {key}", REMOTE_ADDR=ATTACKER)
    assert response.status_code == 200


def test_the_test_clients_login_is_not_throttled(client, staff):
    """Code that authenticates without a request (the test client, scripts) has no address to lock."""
    fail(client, "rita", 5)
    assert client.login(username="rita", password=PASSWORD)
