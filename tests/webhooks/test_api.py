"""/api/v1/webhooks/: the contract, who may use each endpoint, and bad input as clear 4xx."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.webhooks.conftest import make_key
from webhooks.models import Attempt, Delivery, Subscription
from webhooks.services import subscription_create

pytestmark = pytest.mark.django_db

EVENTS = ["claim.verdict_changed", "article.retracted"]


def client_with(key: str | None) -> APIClient:
    client = APIClient()
    if key:
        client.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    return client


def create(client, url="https://hooks.example/in", events=EVENTS, **extra):
    return client.post("/api/v1/webhooks/", {"url": url, "events": events, **extra}, format="json")


def test_create_answers_201_with_the_secret_once_then_get_list_patch_delete(webhook_client):
    answer = create(webhook_client, description="Newsroom bot")
    assert answer.status_code == 201, answer.json()
    body = answer.json()
    assert body["secret"].startswith("whsec_") and body["url"] == "https://hooks.example/in"
    assert body["events"] == EVENTS and body["enabled"] is True
    assert answer["Location"].endswith(f"/api/v1/webhooks/{body['id']}/")
    detail = webhook_client.get(f"/api/v1/webhooks/{body['id']}/").json()
    assert "secret" not in detail and detail["id"] == body["id"]
    assert [s["id"] for s in webhook_client.get("/api/v1/webhooks/").json()] == [body["id"]]
    patched = webhook_client.patch(f"/api/v1/webhooks/{body['id']}/", {"events": ["claim.created"]}, format="json")
    assert patched.status_code == 200 and patched.json()["events"] == ["claim.created"]
    assert webhook_client.delete(f"/api/v1/webhooks/{body['id']}/").status_code == 204
    assert not Subscription.objects.exists()


def test_rotate_secret_returns_a_new_secret_and_the_overlap(webhook_client):
    body = create(webhook_client).json()
    rotated = webhook_client.post(f"/api/v1/webhooks/{body['id']}/rotate-secret/")
    assert rotated.status_code == 200
    assert rotated.json()["secret"] != body["secret"] and rotated.json()["previous_secret_expires_at"]


def test_test_event_is_delivered_and_shows_in_the_deliveries(webhook_client, receiver_factory):
    receiver = receiver_factory()
    body = create(webhook_client, url=receiver.url).json()
    answer = webhook_client.post(f"/api/v1/webhooks/{body['id']}/test/")
    assert answer.status_code == 202 and answer.json()["type"] == "webhook.test"
    # In-process tasks: delivered on commit; here (one test transaction) run the task body.
    from webhooks.services import deliver_endpoint

    deliver_endpoint(body["id"])
    assert receiver.bodies()[0]["type"] == "webhook.test"
    log = webhook_client.get(f"/api/v1/webhooks/{body['id']}/deliveries/").json()
    assert log["results"][0]["status"] == "delivered"
    assert log["results"][0]["attempts"][0]["status_code"] == 200
    assert webhook_client.get(f"/api/v1/webhooks/{body['id']}/deliveries/?failed=true").json()["results"] == []
    again = webhook_client.post(
        f"/api/v1/webhooks/{body['id']}/redeliver/", {"delivery": log["results"][0]["id"]}, format="json"
    )
    assert again.status_code == 202 and again.json() == {"redelivered": 1}


def test_failed_filter_shows_only_deliveries_with_a_failed_attempt(webhook_client, receiver_factory, settings):
    settings.REGISTRY_WEBHOOKS_RETRY_DELAYS = [60.0]
    receiver = receiver_factory(default=500)
    body = create(webhook_client, url=receiver.url).json()
    webhook_client.post(f"/api/v1/webhooks/{body['id']}/test/")
    from webhooks.services import deliver_endpoint

    deliver_endpoint(body["id"])
    failed = webhook_client.get(f"/api/v1/webhooks/{body['id']}/deliveries/?failed=true").json()["results"]
    assert len(failed) == 1 and failed[0]["attempts"][0]["error"] == "HTTP 500"
    assert failed[0]["status"] == "pending" and failed[0]["next_attempt_at"]


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://127.0.0.2/in", "loopback"),
        ("https://10.0.0.8/in", "private"),
        ("https://inside.example/in", "resolves to 10.1.2.3"),
        ("https://localhost/in", "names this machine"),
        ("https://169.254.169.254/latest", "metadata"),
        ("ftp://hooks.example/in", "only http and https"),
        ("https://user:pw@hooks.example/in", "credentials"),
        ("https://nowhere.example/in", "does not resolve"),
        ("https://2130706433/in", "non-standard notation"),
    ],
)
def test_endpoint_urls_that_reach_inward_are_refused_with_a_reason(webhook_client, url, why):
    answer = create(webhook_client, url=url)
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert why in error["message"] and "url" in error["fields"]


def test_http_is_refused_when_https_is_required(webhook_client, settings):
    settings.REGISTRY_WEBHOOKS_REQUIRE_HTTPS = True
    answer = create(webhook_client, url="http://hooks.example/in")
    assert answer.status_code == 400 and "https" in answer.json()["error"]["message"]
    assert create(webhook_client).status_code == 201


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"url": "https://hooks.example/in", "events": []}, "events"),
        ({"url": "https://hooks.example/in", "events": ["claim.deleted"]}, "events"),
        ({"url": "https://hooks.example/in", "events": "claim.created"}, "events"),
        ({"events": ["claim.created"]}, "url"),
        ({"url": "https://hooks.example/in", "events": ["claim.created"], "secret": "whsec_mine"}, "secret"),
    ],
)
def test_bad_bodies_are_400_naming_the_field(webhook_client, payload, field):
    answer = webhook_client.post("/api/v1/webhooks/", payload, format="json")
    assert answer.status_code == 400 and field in answer.json()["error"]["fields"]


def test_a_json_list_body_is_a_400(webhook_client):
    assert webhook_client.post("/api/v1/webhooks/", [1, 2], format="json").status_code == 400


def test_redeliver_needs_a_delivery_or_a_range(webhook_client):
    body = create(webhook_client).json()
    assert webhook_client.post(f"/api/v1/webhooks/{body['id']}/redeliver/", {}, format="json").status_code == 400
    missing = webhook_client.post(f"/api/v1/webhooks/{body['id']}/redeliver/", {"delivery": 999}, format="json")
    assert missing.status_code == 404


# --- who may -------------------------------------------------------------------------------------------


def _endpoints(pk: int) -> list[tuple[str, str, dict | None]]:
    return [
        ("get", "/api/v1/webhooks/", None),
        ("post", "/api/v1/webhooks/", {"url": "https://hooks.example/in", "events": EVENTS}),
        ("get", f"/api/v1/webhooks/{pk}/", None),
        ("patch", f"/api/v1/webhooks/{pk}/", {"description": "x"}),
        ("delete", f"/api/v1/webhooks/{pk}/", None),
        ("post", f"/api/v1/webhooks/{pk}/rotate-secret/", None),
        ("get", f"/api/v1/webhooks/{pk}/deliveries/", None),
        ("post", f"/api/v1/webhooks/{pk}/test/", None),
        ("post", f"/api/v1/webhooks/{pk}/redeliver/", {"since": "2024-01-01T00:00:00Z"}),
    ]


@pytest.fixture
def theirs(other_organisation):
    return subscription_create(
        organisation_id=other_organisation.pk, url="https://hooks.example/theirs", events=EVENTS
    ).subscription


def _call(client, method, path, body):
    return getattr(client, method)(path, body, format="json") if body is not None else getattr(client, method)(path)


def test_without_a_key_every_endpoint_is_401(theirs):
    for method, path, body in _endpoints(theirs.pk):
        answer = _call(client_with(None), method, path, body)
        assert answer.status_code == 401, (method, path)
        assert answer.json()["error"]["code"] == "not_authenticated"


def test_a_key_without_the_webhooks_scope_is_403_naming_it(organisation, theirs):
    client = client_with(make_key("read,submit", organisation))
    for method, path, body in _endpoints(theirs.pk):
        answer = _call(client, method, path, body)
        assert answer.status_code == 403, (method, path)
        assert "'webhooks'" in answer.json()["error"]["message"]


def test_a_key_of_no_organisation_is_403_saying_why(theirs):
    client = client_with(make_key("webhooks"))
    for method, path, body in _endpoints(theirs.pk):
        answer = _call(client, method, path, body)
        assert answer.status_code == 403, (method, path)
        assert "belongs to none" in answer.json()["error"]["message"]


def test_a_reviewer_session_cannot_use_them_either(theirs, editor_user):
    client = APIClient()
    client.force_authenticate(editor_user)
    assert client.get("/api/v1/webhooks/").status_code == 403


def test_another_organisations_subscription_is_404_and_untouched(webhook_client, theirs):
    for method, path, body in _endpoints(theirs.pk)[2:]:
        answer = _call(webhook_client, method, path, body)
        assert answer.status_code == 404, (method, path)
        assert answer.json()["error"]["code"] == "not_found"
    assert webhook_client.get("/api/v1/webhooks/").json() == []
    theirs.refresh_from_db()
    assert theirs.description == "" and not Delivery.objects.exists() and not Attempt.objects.exists()
    assert Subscription.objects.filter(pk=theirs.pk).exists()


def test_an_organisation_has_at_most_twenty_endpoints(webhook_client):
    for _ in range(20):
        assert create(webhook_client).status_code == 201
    assert create(webhook_client).status_code == 400
