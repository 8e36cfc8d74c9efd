"""The claim list at scale (issue 12): no COUNT(*) of every claim per page, no sidebar listing every speaker."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.admin import CappedPaginator
from claims.models import Claim, Speaker
from tests.review.conftest import PASSWORD

pytestmark = pytest.mark.django_db
LIST = "/admin/claims/claim/"


@pytest.fixture
def signed_in(client, reviewer):
    assert client.login(username=reviewer.username, password=PASSWORD)
    return client


def test_counting_stops_at_the_cap_and_the_page_says_more_than(signed_in, article, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "CAP", 2)  # the fixture has three unreviewed claims
    with CaptureQueriesContext(connection) as captured:
        response = signed_in.get(LIST)
    html = response.content.decode()
    counts = [q["sql"].upper() for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    assert counts and all("LIMIT 3" in sql for sql in counts), counts  # every count reads at most CAP + 1 rows
    assert "more than 2 claims" in html
    assert re.search(r'data-verdict="unreviewed">Unreviewed <strong>2\+</strong>', html)
    assert re.search(r'data-verdict="verified">Verified <strong>0</strong>', html)
    assert "All 2+" in html
    assert "Select all claims matching the filters (more than 2)" in html
    assert 'class="showall"' not in html


def test_under_the_cap_the_counts_are_exact(signed_in, article):
    html = signed_in.get(LIST).content.decode()
    assert '<span id="result-count">3 claims</span>' in html
    assert re.search(r'data-verdict="unreviewed">Unreviewed <strong>3</strong>', html)


def test_the_speaker_filter_is_an_autocomplete_not_a_list_of_speakers(signed_in, article):
    for n in range(30):
        speaker = Speaker.objects.create(name=f"Often Quoted {n}", key=f"often quoted {n}")
        Claim.objects.create(article=article, position=10 + n, text=f"Claim {n}.", speaker=speaker)
    with CaptureQueriesContext(connection) as captured:
        html = signed_in.get(LIST).content.decode()
    assert "Often Quoted" not in html.split('id="changelist-filter"', 1)[1].split("</nav>", 1)[0]
    assert not [q for q in captured.captured_queries if 'FROM "claims_speaker"' in q["sql"]]
    assert 'id="speaker-filter"' in html and 'data-ajax--url="/admin/autocomplete/"' in html
    assert 'data-field-name="speaker"' in html and "admin/js/autocomplete.js" in html


def test_the_chosen_speaker_is_shown_and_the_other_filters_travel_with_the_form(signed_in, article):
    berg = Speaker.objects.get(name="Anna Berg")
    html = signed_in.get(f"{LIST}?verdict__exact=unreviewed&speaker={berg.pk}&p=1").content.decode()
    form = html.split('id="speaker-filter-form"', 1)[1].split("</form>", 1)[0]
    assert '<input type="hidden" name="verdict__exact" value="unreviewed">' in form
    assert 'name="p"' not in form
    assert re.search(rf'<option value="{berg.pk}" selected>Anna Berg</option>', form)


@pytest.mark.parametrize("value", ["x", "-1", "99999999999999999999999", "0"])
def test_a_bad_speaker_value_is_no_error(signed_in, article, value):
    response = signed_in.get(f"{LIST}?speaker={value}")
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 3


def test_the_claim_list_searches_speakers_through_the_autocomplete_for_reviewers_only(
    client, reviewer, staff_without_group, article
):
    url = "/admin/autocomplete/?app_label=claims&model_name=claim&field_name=speaker&term=Berg"
    client.force_login(reviewer)
    assert [r["text"] for r in client.get(url).json()["results"]] == ["Anna Berg"]
    client.force_login(staff_without_group)
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302
    assert client.get(reverse("admin:claims_claim_changelist")).status_code == 302


def test_check_worthiness_is_shown_sorted_and_filtered_in_the_claim_list(signed_in, article):
    claims = list(article.claims.order_by("position"))
    for claim, worth in zip(claims, (0.25, 0.91, 0.55), strict=True):
        Claim.objects.filter(pk=claim.pk).update(checkworthiness=worth)
    html = signed_in.get(LIST).content.decode()
    assert "Check-worthiness" in html and '<td class="field-checkworthiness_display">0.91</td>' in html
    from claims.admin import ClaimAdmin

    column = ClaimAdmin.list_display.index("checkworthiness_display") + 1
    descending = signed_in.get(f"{LIST}?o=-{column}").context["cl"].result_list
    assert [c.checkworthiness for c in descending] == [0.91, 0.55, 0.25]
    bands = {"high": [0.91], "medium": [0.55], "low": [0.25], "nonsense": [0.25, 0.55, 0.91]}
    for band, expected in bands.items():
        found = signed_in.get(f"{LIST}?worth={band}").context["cl"].result_list
        assert sorted(c.checkworthiness for c in found) == expected, band


def test_a_list_of_one_verdict_counts_once(signed_in, article):
    with CaptureQueriesContext(connection) as captured:
        response = signed_in.get(f"{LIST}?verdict__exact=unreviewed")
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(counts) == 1  # the paginator's; the other verdicts are 0 without asking
    shown = {item["verdict"]: item["shown"] for item in response.context["verdict_counts"]}
    assert shown == {"unreviewed": "3", "verified": "0", "disputed": "0", "unverifiable": "0"}
