"""Webhooks in the admin: editors only; adding shows the secret once; test event; delivery log filters."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from claims import permissions
from webhooks.models import Attempt, Delivery, Event, Subscription
from webhooks.services import deliver_endpoint, subscription_create, subscription_send_test

pytestmark = pytest.mark.django_db

PAGES = [
    "/admin/webhooks/subscription/",
    "/admin/webhooks/subscription/add/",
    "/admin/webhooks/delivery/",
]


@pytest.fixture
def reviewer_user(editor_user, django_user_model):
    user = django_user_model.objects.create_user(username="rita", password="a-long-test-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name=permissions.REVIEWERS))
    return user


def test_editors_see_the_pages_reviewers_and_anonymous_do_not(client, editor_user, reviewer_user):
    for path in PAGES:
        assert client.get(path).status_code == 302  # to the login page
    client.force_login(reviewer_user)
    for path in PAGES:
        assert client.get(path).status_code == 403, path
    client.force_login(editor_user)
    for path in PAGES:
        assert client.get(path).status_code == 200, path


def test_adding_a_subscription_checks_the_url_and_shows_the_secret_once(client, editor_user, organisation):
    client.force_login(editor_user)
    refused = client.post(
        "/admin/webhooks/subscription/add/",
        {"organisation": organisation.pk, "url": "https://inside.example/in", "events": ["claim.created"]},
    )
    assert refused.status_code == 200 and "resolves to 10.1.2.3" in refused.content.decode()
    assert not Subscription.objects.exists()
    added = client.post(
        "/admin/webhooks/subscription/add/",
        {"organisation": organisation.pk, "url": "https://hooks.example/in", "events": ["claim.created"]},
        follow=True,
    )
    assert added.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.secret in added.content.decode()


def test_send_test_event_action_and_the_failed_only_and_endpoint_filters(
    client, editor_user, organisation, receiver_factory
):
    good, bad = receiver_factory(), receiver_factory(default=500)
    ok_sub = subscription_create(organisation_id=organisation.pk, url=good.url, events=["claim.created"]).subscription
    bad_sub = subscription_create(organisation_id=organisation.pk, url=bad.url, events=["claim.created"]).subscription
    client.force_login(editor_user)
    answer = client.post(
        "/admin/webhooks/subscription/",
        {"action": "send_test_event", "_selected_action": [ok_sub.pk, bad_sub.pk]},
        follow=True,
    )
    assert answer.status_code == 200 and Event.objects.filter(type="webhook.test").count() == 2
    deliver_endpoint(ok_sub.pk)
    deliver_endpoint(bad_sub.pk)
    assert good.bodies()[0]["type"] == "webhook.test" and Attempt.objects.filter(ok=False).count() == 1
    failed = client.get("/admin/webhooks/delivery/?outcome=failed").content.decode()
    bad_delivery, ok_delivery = (Delivery.objects.get(subscription=s) for s in (bad_sub, ok_sub))
    assert f"/admin/webhooks/delivery/{bad_delivery.pk}/change/" in failed
    assert f"/admin/webhooks/delivery/{ok_delivery.pk}/change/" not in failed
    by_endpoint = client.get(f"/admin/webhooks/delivery/?subscription__id__exact={ok_sub.pk}").content.decode()
    assert f"/admin/webhooks/delivery/{ok_delivery.pk}/change/" in by_endpoint
    assert f"/admin/webhooks/delivery/{bad_delivery.pk}/change/" not in by_endpoint
    detail = client.get(f"/admin/webhooks/delivery/{bad_delivery.pk}/change/").content.decode()
    assert "HTTP 500" in detail


def test_the_redeliver_action_sends_the_same_webhook_id_again(client, editor_user, organisation, receiver_factory):
    receiver = receiver_factory()
    sub = subscription_create(organisation_id=organisation.pk, url=receiver.url, events=["claim.created"]).subscription
    subscription_send_test(sub)
    deliver_endpoint(sub.pk)
    client.force_login(editor_user)
    client.post(
        "/admin/webhooks/delivery/",
        {"action": "redeliver", "_selected_action": [Delivery.objects.get().pk]},
        follow=True,
    )
    deliver_endpoint(sub.pk)
    assert len(receiver.ids()) == 2 and len(set(receiver.ids())) == 1
