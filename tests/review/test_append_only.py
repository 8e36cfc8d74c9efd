"""History is append-only in the database: raw SQL cannot change or delete reviews or link checks (PostgreSQL)."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction

from claims.append_only import GUARD_SETTING, link_check_delete_allowed
from claims.models import LinkCheck, Review, SourceLink, Verdict
from claims.services import review as svc
from tests.conftest import requires_postgres

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(claim, reviewer):
    """A claim with a verdict, one source and two checks of that source."""
    svc.claim_review(
        claim_id=claim.pk,
        user=reviewer,
        verdict=Verdict.VERIFIED,
        sources=[{"url": "https://council.example/budget", "stance": "supports"}],
    )
    source = claim.sources.get()
    for n in range(2):
        LinkCheck.objects.create(source=source, attempt_key=f"attempt-{source.pk}-{n}", status_code=200)
    return claim


def refused(sql: str, params: list) -> bool:
    """Runs one statement in a savepoint; True when the database refused it."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    except IntegrityError as exc:
        assert "append-only" in str(exc)
        return True
    return False


@pytest.mark.postgres
@requires_postgres
def test_raw_sql_cannot_update_or_delete_a_review(reviewed):
    review = reviewed.reviews.get()
    assert refused("UPDATE claims_review SET note = %s WHERE id = %s", ["rewritten", review.pk])
    assert refused("DELETE FROM claims_review WHERE id = %s", [review.pk])
    assert refused("DELETE FROM claims_review", [])
    # Past the ORM's guards (the base manager has no ImmutableQuerySet): the database still refuses.
    with pytest.raises(IntegrityError), transaction.atomic():
        Review._base_manager.filter(pk=review.pk).update(note="rewritten")
    with pytest.raises(IntegrityError), transaction.atomic():
        Review._base_manager.filter(pk=review.pk)._raw_delete(connection.alias)
    assert Review.objects.get(pk=review.pk).note == review.note


@pytest.mark.postgres
@requires_postgres
def test_raw_sql_cannot_update_or_delete_a_link_check(reviewed):
    check = LinkCheck.objects.filter(source__claim=reviewed).first()
    assert refused("UPDATE claims_linkcheck SET status_code = 404 WHERE id = %s", [check.pk])
    assert refused("DELETE FROM claims_linkcheck WHERE id = %s", [check.pk])
    assert LinkCheck.objects.get(pk=check.pk).status_code == 200


@pytest.mark.postgres
@requires_postgres
def test_the_link_check_guard_never_opens_for_reviews_nor_for_updates(reviewed):
    review = reviewed.reviews.get()
    check = LinkCheck.objects.filter(source__claim=reviewed).first()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'on', true)", [GUARD_SETTING])
        assert refused("DELETE FROM claims_review WHERE id = %s", [review.pk])
        assert refused("UPDATE claims_linkcheck SET error = 'x' WHERE id = %s", [check.pk])


@pytest.mark.postgres
@requires_postgres
def test_removing_a_source_takes_its_check_log_and_closes_the_guard_again(reviewed, reviewer):
    svc.source_add(claim_id=reviewed.pk, user=reviewer, url="https://second.example/", stance="supports")
    first, second = SourceLink.objects.filter(claim=reviewed).order_by("id")
    LinkCheck.objects.create(source=second, attempt_key="second-0", status_code=200)
    with transaction.atomic():
        svc.source_remove(source_id=first.pk, user=reviewer)
        # Still in the same transaction: the guard was for the removal only.
        assert refused("DELETE FROM claims_linkcheck WHERE source_id = %s", [second.pk])
    assert not LinkCheck.objects.filter(source_id=first.pk).exists()
    assert LinkCheck.objects.filter(source=second).count() == 1
    assert reviewed.reviews.order_by("id").last().action == "source_removed"


@pytest.mark.postgres
@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_the_guard_needs_a_transaction_and_truncate_still_empties_the_tables(reviewed):
    with pytest.raises(RuntimeError, match="needs a transaction"), link_check_delete_allowed():
        pass
    # The test's teardown flushes the database with TRUNCATE, which the row triggers let through.


def test_removing_a_checked_source_works_on_every_database(reviewed, reviewer):
    source = reviewed.sources.get()
    svc.source_add(claim_id=reviewed.pk, user=reviewer, url="https://second.example/", stance="supports")
    svc.source_remove(source_id=source.pk, user=reviewer)
    assert not LinkCheck.objects.filter(source_id=source.pk).exists()
    assert [s["url"] for s in reviewed.reviews.order_by("id").last().sources] == ["https://second.example/"]
