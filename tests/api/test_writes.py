"""Writes: submitting articles, setting verdicts (optimistic locking), adding sources."""

from __future__ import annotations

import pytest

from claims.models import Article, Claim, Review
from tests.api.conftest import api

pytestmark = pytest.mark.django_db

TEXT = "The harbour authority said on Monday that 300 ships used the port last year."


@pytest.fixture
def submitter(client_for):
    return client_for("submit")


@pytest.fixture
def reviewer_key(client_for):
    return client_for("review")


# --- articles -----------------------------------------------------------------------------------------


def test_a_new_article_is_accepted_with_the_url_to_poll(submitter):
    response = submitter.post(
        api("articles/"),
        {"text": TEXT, "url": "https://port.example/news/ships", "published": "2024-03-08", "title": "Ships"},
        format="json",
    )
    assert response.status_code == 202, response.content
    data = response.json()
    article = Article.objects.get()
    assert response["Location"] == data["url"] == f"http://testserver/api/v1/articles/{article.pk}/"
    assert data["status"] in {"pending", "extracting", "done", "failed"}
    assert data["outlet"] == {"name": "port.example", "domain": "port.example"}
    assert data["published_at"].startswith("2024-03-08")
    assert article.body == TEXT
    assert submitter.get(data["url"]).status_code == 200  # a submit-only key may poll


@pytest.mark.parametrize(
    "again",
    [
        {"text": TEXT, "url": "https://port.example/news/ships"},  # same URL, same text (other text: a revision)
        {"text": TEXT.replace(" ", "  ") + "\n"},  # same body, other white space
    ],
)
def test_submitting_the_same_url_or_body_again_returns_the_existing_article(again, submitter):
    first = submitter.post(api("articles/"), {"text": TEXT, "url": "https://port.example/news/ships"}, format="json")
    second = submitter.post(api("articles/"), again, format="json")
    assert second.status_code == 200
    assert second.json()["id"] == first.json()["id"]
    assert Article.objects.count() == 1


def test_the_outlet_can_be_given_by_domain(submitter):
    data = submitter.post(api("articles/"), {"text": TEXT, "outlet": "www.Port.example"}, format="json").json()
    assert data["outlet"]["domain"] == "port.example"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": "   "}, "text"),
        ({"text": TEXT, "html": "<p>x</p>"}, "html"),
        ({"text": TEXT, "url": "ftp://port.example/a"}, "url"),
        ({"text": TEXT, "url": "not a url"}, "url"),
        ({"text": TEXT, "published": "08/03/2024"}, "published"),
        ({"text": TEXT, "published": "2024-02-30"}, "published"),
        ({"text": TEXT, "outlet": "not a domain"}, "outlet"),
        ({"text": 42}, "text"),
    ],
)
def test_bad_submissions_are_400_with_the_field_named(body, field, submitter):
    response = submitter.post(api("articles/"), body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["error"]["fields"]
    assert Article.objects.count() == 0


def test_an_article_by_url_alone_is_fetched_in_the_background(submitter, monkeypatch):
    from claims import fetching

    monkeypatch.setattr(fetching, "url_refusal", lambda url, policy=None: None)  # no DNS in tests
    response = submitter.post(
        api("articles/"), {"url": "https://port.example/a", "published": "2024-03-08"}, format="json"
    )
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "fetching"
    again = submitter.post(api("articles/"), {"url": "https://port.example/a"}, format="json")
    assert again.status_code == 200 and again.json()["id"] == response.json()["id"]


@pytest.mark.parametrize("url", ["http://127.0.0.1/admin/", "http://169.254.169.254/latest/meta-data/"])
def test_an_article_url_the_fetcher_refuses_is_400(url, submitter):
    error = submitter.post(api("articles/"), {"url": url}, format="json").json()["error"]
    assert error["code"] == "url_refused" and "url" in error["fields"]
    assert not Article.objects.exists()


PORT_PAGE = (
    '<html><head><title>Port traffic</title><meta property="article:published_time" content="2024-02-03">'
    '<meta name="author" content="Ines Porto"></head><body><nav>Home | News</nav><article><h1>Port traffic</h1>'
    f"<p>{TEXT}</p><p>The port expects more ships this year, its director said.</p></article></body></html>"
)


def test_an_html_page_is_read_for_its_text_title_date_and_byline(submitter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # (the worker's part runs in-process)
        response = submitter.post(api("articles/"), {"html": PORT_PAGE}, format="json")
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "fetching" and response.json()["body"] == ""  # read by the worker
    article = Article.objects.get()
    assert "300 ships" in article.body and "<p>" not in article.body
    assert article.raw_html == PORT_PAGE
    assert (article.title, article.byline, str(article.published_at.date())) == (
        "Port traffic",
        "Ines Porto",
        "2024-02-03",
    )


def test_what_the_client_sends_wins_over_what_the_page_says(submitter):
    body = {"html": PORT_PAGE, "title": "Sent title", "byline": "Sent Byline", "published": "2024-05-06"}
    assert submitter.post(api("articles/"), body, format="json").status_code == 202
    article = Article.objects.get()
    assert (article.title, article.byline, str(article.published_at.date())) == (
        "Sent title",
        "Sent Byline",
        "2024-05-06",
    )


def test_html_without_an_article_fails_in_the_worker_saying_why(submitter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = submitter.post(
            api("articles/"), {"html": "<html><body><script>x</script></body></html>"}, format="json"
        )
    assert response.status_code == 202  # the request does not read the page
    article = submitter.get(response["Location"]).json()
    assert article["status"] == "failed" and "Could not read the page sent" in article["status_error"]


def test_an_empty_page_is_a_400_on_the_html_field(submitter):
    response = submitter.post(api("articles/"), {"html": "\x00\x00"}, format="json")
    assert response.status_code == 400
    assert "html" in response.json()["error"]["fields"]
    assert not Article.objects.exists()


# --- verdicts -----------------------------------------------------------------------------------------


def verdict(client, claim, body, **headers):
    return client.post(api(f"claims/{claim.pk}/verdict/"), body, format="json", **headers)


def test_a_verdict_with_a_source_is_recorded_through_the_review_service(reviewer_key, claims, key_account):
    claim = claims[1]
    etag = reviewer_key.get(api(f"claims/{claim.pk}/"))
    assert etag.status_code == 403  # a review-only key cannot read; it uses the version it knows
    response = verdict(
        reviewer_key,
        claim,
        {
            "verdict": "verified",
            "note": "Housing office figures.",
            "sources": [{"url": "https://housing.example/report", "stance": "supports", "title": "Report"}],
        },
        HTTP_IF_MATCH=str(claim.version),
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["verdict"] == "verified" and data["version"] == claim.version + 1
    assert response["ETag"].startswith(f'"{claim.version + 1}.')
    assert [s["url"] for s in data["sources"]] == ["https://housing.example/report"]
    review = Review.objects.get(claim=claim, action="verdict")
    assert review.reviewer == key_account and review.to_verdict == "verified"


def test_the_etag_of_a_claim_is_accepted_in_if_match(client_for, claims):
    client = client_for("all")
    etag = client.get(api(f"claims/{claims[0].pk}/"))["ETag"]
    response = verdict(client, claims[0], {"verdict": "unverifiable", "note": "No record."}, HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.content
    # The returned ETag is the one a GET now gives.
    assert client.get(api(f"claims/{claims[0].pk}/"))["ETag"] == response["ETag"]


@pytest.mark.parametrize("stale", ["version", "etag"])
def test_a_stale_if_match_is_412_and_nothing_is_written(stale, client_for, claims):
    client = client_for("all")
    claim = claims[0]
    etag = client.get(api(f"claims/{claim.pk}/"))["ETag"]
    first = verdict(client, claim, {"verdict": "unverifiable", "note": "No record."}, HTTP_IF_MATCH=etag)
    assert first.status_code == 200
    header = str(claim.version) if stale == "version" else etag
    second = verdict(client, claim, {"verdict": "unverifiable", "note": "Other note."}, HTTP_IF_MATCH=header)
    assert second.status_code == 412, second.content
    assert second.json()["error"]["code"] == "precondition_failed"
    assert Claim.objects.get(pk=claim.pk).verdict_note == "No record."


def test_an_etag_of_an_older_representation_is_412_even_with_the_same_version(client_for, claims):
    client = client_for("all")
    claim = claims[0]
    etag = client.get(api(f"claims/{claim.pk}/"))["ETag"]
    Claim.objects.filter(pk=claim.pk).update(speaker_role="deputy mayor")  # changed without a version bump
    response = verdict(client, claim, {"verdict": "unverifiable", "note": "n"}, HTTP_IF_MATCH=etag)
    assert response.status_code == 412


def test_a_stale_expected_version_is_a_409_conflict_that_says_what_changed(client_for, claims):
    client = client_for("all")
    claim = claims[0]
    assert verdict(client, claim, {"verdict": "unverifiable", "note": "A", "expected_version": 1}).status_code == 200
    response = verdict(client, claim, {"verdict": "unverifiable", "note": "B", "expected_version": 1})
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "conflict" and "version" in error["message"]


@pytest.mark.parametrize("header", ["*", " * ", '*, "1.abc"'])
def test_if_match_star_is_refused_because_a_verdict_must_name_the_version_it_read(header, client_for, claims):
    claim = claims[0]
    response = verdict(client_for("all"), claim, {"verdict": "unverifiable", "note": "n"}, HTTP_IF_MATCH=header)
    assert response.status_code == 428, response.content
    error = response.json()["error"]
    assert error["code"] == "precondition_required" and "*" in error["message"]
    assert Claim.objects.get(pk=claim.pk).verdict == "unreviewed"
    assert not Review.objects.filter(claim=claim).exists()


def test_a_verdict_without_if_match_or_expected_version_is_428(client_for, claims):
    response = verdict(client_for("all"), claims[0], {"verdict": "unverifiable", "note": "n"})
    assert response.status_code == 428
    assert response.json()["error"]["code"] == "precondition_required"


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"verdict": "verified"}, {"sources"}),
        ({"verdict": "unverifiable"}, {"note"}),
        ({"verdict": "disputed", "sources": [{"url": "https://a.example/", "stance": "supports"}]}, {"note"}),
        ({"verdict": "probably"}, {"verdict"}),
    ],
)
def test_the_admins_verdict_rules_apply(body, fields, client_for, claims):
    response = verdict(client_for("all"), claims[0], {**body, "expected_version": claims[0].version})
    assert response.status_code == 400, response.content
    assert set(response.json()["error"]["fields"]) == fields
    assert Claim.objects.get(pk=claims[0].pk).verdict == "unreviewed"


def test_a_reviewer_cannot_override_another_reviewers_verdict_but_an_editor_can(client_for, verified_claim):
    body = {"verdict": "unverifiable", "note": "n", "expected_version": verified_claim.version}
    refused = verdict(client_for("reviewer"), verified_claim, body)
    assert refused.status_code == 403
    assert "editor" in refused.json()["error"]["message"]
    assert verdict(client_for("editor"), verified_claim, body).status_code == 200


def test_a_verdict_on_an_unknown_claim_is_404(client_for):
    response = client_for("all").post(
        api("claims/987654/verdict/"), {"verdict": "unverifiable", "note": "n", "expected_version": 1}, format="json"
    )
    assert response.status_code == 404


# --- sources -----------------------------------------------------------------------------------------


def test_a_source_is_added_and_recorded_in_history(reviewer_key, claims):
    response = reviewer_key.post(
        api(f"claims/{claims[0].pk}/sources/"),
        {"url": "https://council.example/minutes", "stance": "context", "excerpt": "the barrier"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["stance"] == "context"
    assert Review.objects.filter(claim=claims[0], action="source_added").count() == 1


def test_a_duplicate_source_is_400(reviewer_key, verified_claim):
    response = reviewer_key.post(
        api(f"claims/{verified_claim.pk}/sources/"),
        {"url": "https://council.example/budget-2024", "stance": "supports"},
        format="json",
    )
    assert response.status_code == 400
    assert "url" in response.json()["error"]["fields"]


def test_an_article_over_the_length_limit_is_400_on_the_field_sent(submitter, settings):
    settings.REGISTRY_MAX_ARTICLE_CHARS = 20
    error = submitter.post(api("articles/"), {"text": TEXT}, format="json").json()["error"]
    assert error["code"] == "too_long" and "text" in error["fields"]


def test_reopening_through_the_api_needs_a_reason(client_for, verified_claim):
    editor = client_for("editor")
    body = {"verdict": "unreviewed", "expected_version": verified_claim.version}
    refused = verdict(editor, verified_claim, body)
    assert refused.status_code == 400, refused.content
    error = refused.json()["error"]
    assert error["code"] == "reason_required" and set(error["fields"]) == {"note"}
    assert "Say why you reopen this claim" in error["message"]
    assert Claim.objects.get(pk=verified_claim.pk).verdict == "verified"
    assert verdict(editor, verified_claim, {**body, "note": "The budget was revised."}).status_code == 200
    assert Review.objects.filter(claim=verified_claim).last().note == "The budget was revised."
