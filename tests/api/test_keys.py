"""API keys: hashed at rest, scopes validated, expiry and revocation, the command and the admin."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from api.keys import api_key_create, api_key_find, hash_key
from api.models import ApiKey
from claims.errors import ApplicationError
from tests.api.conftest import api

pytestmark = pytest.mark.django_db


def test_only_a_hash_of_the_key_is_stored(db):
    created = api_key_create(name="Desk", scopes="read")
    row = ApiKey.objects.get()
    assert created.key.startswith(f"crk_{row.prefix}_")
    assert row.hashed_key == hash_key(created.key) != created.key
    assert created.key not in str(ApiKey.objects.values().get())
    assert api_key_find(created.key) == row
    assert api_key_find(created.key[:-1] + ("A" if created.key[-1] != "A" else "B")) is None


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"scopes": "read,write"}, "scopes"),
        ({"scopes": ""}, "scopes"),
        ({"scopes": "review"}, "user"),
        ({"scopes": "read", "name": "  "}, "name"),
        ({"scopes": "read", "expires_at": timezone.now() - timedelta(days=1)}, "expires_at"),
        ({"scopes": "read", "throttle_rate": "lots"}, "throttle_rate"),
    ],
)
def test_bad_key_settings_are_refused_naming_the_field(kwargs, field):
    with pytest.raises(ApplicationError) as refused:
        api_key_create(**{"name": "Desk", **kwargs})
    assert field in refused.value.fields


def test_the_command_prints_the_key_once_and_it_works(client, claims):
    out, err = StringIO(), StringIO()
    call_command(
        "create_api_key", "Harbour CMS", "--scopes", "read,submit", "--expires", "2999-01-01", stdout=out, stderr=err
    )
    key = out.getvalue().strip()
    assert "not shown again" in err.getvalue()
    row = ApiKey.objects.get()
    assert row.scopes == ["read", "submit"] and row.expires_at.year == 2999
    assert client.get(api("claims/"), HTTP_AUTHORIZATION=f"Api-Key {key}").status_code == 200


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scopes", "read,admin"], "Unknown scope"),
        (["--scopes", "read", "--expires", "tomorrow"], "not a date"),
        (["--scopes", "review"], "reviewer account"),
        (["--scopes", "review", "--user", "nobody"], "No user"),
    ],
)
def test_the_command_refuses_bad_arguments_clearly(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("create_api_key", "Desk", *args, stdout=StringIO(), stderr=StringIO())
    assert not ApiKey.objects.exists()


def test_a_review_key_is_created_for_a_named_account(key_account):
    call_command(
        "create_api_key",
        "Bot",
        "--scopes",
        "review",
        "--user",
        key_account.username,
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert ApiKey.objects.get().user == key_account


def test_use_is_recorded_at_most_once_a_minute(client, claims):
    key = api_key_create(name="Desk", scopes="read").key
    client.get(api("claims/"), HTTP_AUTHORIZATION=f"Api-Key {key}")
    first = ApiKey.objects.get().last_used_at
    assert first is not None
    client.get(api("claims/"), HTTP_AUTHORIZATION=f"Api-Key {key}")
    assert ApiKey.objects.get().last_used_at == first


def test_a_key_stops_working_when_it_expires_or_is_revoked(client, claims):
    from api.keys import api_key_revoke

    created = api_key_create(name="Desk", scopes="read", expires_at=timezone.now() + timedelta(hours=1))
    header = {"HTTP_AUTHORIZATION": f"Api-Key {created.key}"}
    assert client.get(api("claims/"), **header).status_code == 200
    ApiKey.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(api("claims/"), **header).json()["error"]["code"] == "expired_key"
    ApiKey.objects.update(expires_at=None)
    api_key_revoke(api_key=ApiKey.objects.get())
    assert client.get(api("claims/"), **header).json()["error"]["code"] == "revoked_key"


def test_the_admin_creates_a_key_shows_it_once_and_revokes(admin_client, claims, client):
    response = admin_client.post(
        "/admin/api/apikey/add/",
        {"name": "Admin-made", "scopes": ["read"], "throttle_rate": "", "user": "", "expires_at": ""},
        follow=True,
    )
    assert response.status_code == 200
    shown = [str(m) for m in response.context["messages"]]
    key = next(word for m in shown for word in m.split() if word.startswith("crk_"))
    assert client.get(api("claims/"), HTTP_AUTHORIZATION=f"Api-Key {key}").status_code == 200
    row = ApiKey.objects.get(name="Admin-made")
    admin_client.post("/admin/api/apikey/", {"action": "revoke", "_selected_action": [row.pk]})
    assert client.get(api("claims/"), HTTP_AUTHORIZATION=f"Api-Key {key}").status_code == 401


def test_the_admin_refuses_a_review_key_without_an_account(admin_client):
    response = admin_client.post(
        "/admin/api/apikey/add/", {"name": "Bad", "scopes": ["review"], "throttle_rate": "", "user": ""}
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Required for the review scope" in response.content.decode()
    assert not ApiKey.objects.exists()


def test_the_command_refuses_a_review_key_for_an_account_that_cannot_review(staff_without_group):
    with pytest.raises(CommandError, match="not a reviewer"):
        call_command(
            "create_api_key",
            "Bot",
            "--scopes",
            "read,review",
            "--user",
            staff_without_group.username,
            stdout=StringIO(),
            stderr=StringIO(),
        )
    assert not ApiKey.objects.exists()


def test_a_key_without_the_review_scope_may_name_any_account(staff_without_group):
    assert api_key_create(name="Desk", scopes="read", user=staff_without_group).api_key.user == staff_without_group


def test_the_admin_refuses_a_review_key_for_an_account_that_cannot_review(admin_client, staff_without_group):
    response = admin_client.post(
        "/admin/api/apikey/add/",
        {"name": "Bad", "scopes": ["review"], "throttle_rate": "", "user": str(staff_without_group.pk)},
    )
    assert response.status_code == 200  # the form again, with the error
    assert "not a reviewer" in response.content.decode()
    assert not ApiKey.objects.exists()
