"""Events come from the change log, named by what changed, with the REST representation and a feed cursor."""

from __future__ import annotations

import time

import pytest
from rest_framework.test import APIClient

from api.pagination import _decode_position
from claims.models import Article, Claim, SourceLink
from claims.services import articles as article_services
from claims.services.changes import changes_record
from webhooks.dispatch import dispatch
from webhooks.models import Delivery, DispatchPosition, Event, EventType, ObjectState
from webhooks.services import subscription_create

pytestmark = pytest.mark.django_db

ALL = list(EventType.values)


def subscribe(organisation, url="http://hooks.example/in", events=ALL):
    return subscription_create(organisation_id=organisation.pk, url=url, events=events).subscription


def types() -> list[str]:
    return list(Event.objects.order_by("id").values_list("type", flat=True))


def test_a_new_claim_then_its_verdict_make_created_then_verdict_changed_with_the_rest_representation(
    organisation, claim, editor_user
):
    from claims.services.review import claim_review

    sub = subscribe(organisation)
    dispatch()
    assert "claim.created" in types()
    claim_review(
        claim_id=claim.pk,
        user=editor_user,
        verdict="verified",
        expected_version=claim.version,
        sources=[{"url": "https://stats.example/ferry", "stance": "supports"}],
    )
    Event.objects.all().delete()
    dispatch()
    assert types() == ["claim.verdict_changed"]
    payload = Event.objects.get().payload
    assert set(payload) == {"type", "timestamp", "data"}
    data = payload["data"]
    assert data["verdict"] == "verified" and data["previous_verdict"] == "unreviewed"
    # The same representation as GET claims/{id}/ (apart from the link host and the two event fields).
    api = APIClient()
    api.force_authenticate(editor_user)
    rest = api.get(f"/api/v1/claims/{claim.pk}/").json()
    assert {k: v for k, v in data.items() if k not in ("previous_verdict", "feed_cursor")}.keys() == rest.keys()
    assert data["text"] == rest["text"] and data["version"] == rest["version"]
    # The cursor is a claims-feed cursor a client can resume from.
    assert _decode_position(data["feed_cursor"], "claim")
    assert Delivery.objects.get(event__type="claim.verdict_changed").subscription == sub


def test_nothing_is_skipped_or_sent_twice_and_a_second_read_makes_nothing(organisation, claim):
    subscribe(organisation)
    dispatch()
    first = Event.objects.count()
    dispatch()
    assert Event.objects.count() == first
    changes_record("claim", [claim.pk])  # a change that alters nothing named: claim.updated
    dispatch()
    assert types()[-1] == "claim.updated"


def test_flagged_for_recheck_and_source_link_changed(organisation, claim):
    subscribe(organisation)
    source = SourceLink.objects.create(claim=claim, url="https://stats.example/ferry", state=SourceLink.State.OK)
    dispatch()
    Event.objects.all().delete()
    SourceLink.objects.filter(pk=source.pk).update(state=SourceLink.State.BROKEN)
    changes_record("claim", [claim.pk])
    dispatch()
    event = Event.objects.get()
    assert event.type == "source.link_changed"
    assert event.payload["data"]["state"] == "broken" and event.payload["data"]["previous_state"] == "ok"
    assert event.payload["data"]["claim_id"] == claim.pk
    Event.objects.all().delete()
    Claim.objects.filter(pk=claim.pk).update(needs_recheck=True, recheck_reason="source gone")
    changes_record("claim", [claim.pk])
    dispatch()
    assert types() == ["claim.flagged_for_recheck"]


def test_article_extracted_failed_and_retracted(organisation, claim, editor_user):
    subscribe(organisation)
    article = claim.article
    dispatch()
    assert "article.extracted" in types()
    Event.objects.all().delete()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.FAILED, status_error="fetch failed")
    changes_record("article", [article.pk])
    dispatch()
    assert types() == ["article.failed"]
    Event.objects.all().delete()
    article_services.article_retract(article_id=article.pk, user=editor_user, reason="wrong figures")
    dispatch()
    assert types() == ["article.retracted"]
    data = Event.objects.get().payload["data"]
    assert data["kind"] == "article" and data["object_id"] == article.pk
    assert _decode_position(data["feed_cursor"], "tombstone")


def test_only_subscribed_types_make_deliveries_and_each_endpoint_gets_its_own(organisation, other_organisation, claim):
    a = subscribe(organisation, events=["claim.verdict_changed"])
    b = subscribe(other_organisation, events=["claim.created"])
    dispatch()
    assert types() == ["claim.created"]
    assert list(Delivery.objects.values_list("subscription_id", flat=True)) == [b.pk]
    assert not Delivery.objects.filter(subscription=a).exists()


def test_without_subscribers_no_event_is_stored_but_states_and_positions_move_on(claim):
    dispatch()
    assert not Event.objects.exists()
    assert ObjectState.objects.filter(kind="claim", object_id=claim.pk).exists()
    assert DispatchPosition.objects.get(kind="claim").change_id > 0


@pytest.mark.django_db(transaction=True)
def test_a_commit_kicks_the_dispatcher_once_per_transaction(organisation):
    from django.db import transaction

    from claims.services.changes import change_logged

    subscribe(organisation)
    sent = []

    def count(sender, **kwargs):
        sent.append(sender)

    change_logged.connect(count)
    try:
        with transaction.atomic():
            article = Article.objects.create(title="Ferry", body="Ferry.", body_hash="x", status=Article.Status.DONE)
            changes_record("article", [article.pk])
            assert sent == []  # not before the commit
    finally:
        change_logged.disconnect(count)
    assert len(sent) == 1  # once, however many rows the transaction logged
    # Tasks run in-process here: the commit ran the dispatcher. (On a shared PostgreSQL server a transaction
    # open elsewhere can hold the feed's horizon back for a while: then a later run makes the event.)
    deadline = time.monotonic() + 30
    while not types() and time.monotonic() < deadline:
        time.sleep(0.2)
        dispatch()
    assert types() == ["article.extracted"]


def test_a_claim_created_and_reviewed_before_the_first_read_still_makes_its_verdict_event(organisation, claim):
    subscribe(organisation)
    Claim.objects.filter(pk=claim.pk).update(verdict="disputed")
    dispatch()
    assert types().count("claim.created") == 1
    changed = Event.objects.get(type="claim.verdict_changed").payload["data"]
    assert changed["verdict"] == "disputed" and changed["previous_verdict"] == "unreviewed"


def test_an_unreviewed_claim_of_one_newsroom_is_not_sent_to_another_until_it_is_reviewed(
    organisation, other_organisation, claim, editor_user, settings
):
    from claims.services.review import claim_review

    settings.REGISTRY_OPEN_VISIBILITY = False
    Article.objects.filter(pk=claim.article_id).update(submitted_by_organisation=organisation)
    own = subscribe(organisation, url="http://hooks.example/own")
    other = subscribe(other_organisation, url="http://hooks.example/other")
    dispatch()
    assert set(Delivery.objects.filter(event__type="claim.created").values_list("subscription", flat=True)) == {own.pk}
    claim_review(
        claim_id=claim.pk,
        user=editor_user,
        verdict="verified",
        expected_version=claim.version,
        sources=[{"url": "https://stats.example/ferry", "stance": "supports"}],
    )
    dispatch()
    heard = Delivery.objects.filter(event__type="claim.verdict_changed").values_list("subscription", flat=True)
    assert set(heard) == {own.pk, other.pk}  # reviewed: every newsroom may read it


def test_the_open_visibility_setting_sends_every_claim_to_every_newsroom(
    organisation, other_organisation, claim, settings
):
    settings.REGISTRY_OPEN_VISIBILITY = True
    Article.objects.filter(pk=claim.article_id).update(submitted_by_organisation=organisation)
    other = subscribe(other_organisation)
    dispatch()
    assert Delivery.objects.filter(event__type="claim.created", subscription=other).exists()


@pytest.mark.django_db(transaction=True)
def test_a_second_dispatcher_does_not_wait_for_the_running_one(organisation):
    """It answers busy at once (its task then looks again shortly) instead of holding a worker slot."""
    import threading

    from django.db import connection, transaction

    from tests.conftest import using_postgres
    from webhooks.dispatch import _positions

    if not using_postgres():
        pytest.skip("row locks are PostgreSQL's (SQLite has one writer at a time)")
    dispatch()  # the positions exist
    holding, release = threading.Event(), threading.Event()

    def running_dispatcher():
        try:
            with transaction.atomic():
                _positions()
                holding.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=running_dispatcher)
    thread.start()
    try:
        assert holding.wait(10)
        started = time.monotonic()
        run = dispatch()
        assert run.busy and time.monotonic() - started < 2
    finally:
        release.set()
        thread.join(10)
    assert not dispatch().busy
