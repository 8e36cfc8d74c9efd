"""Matching in the registry: matches stored at extraction, claim families, "Checked before" on the claim page
and "same as this one" (invented articles only)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from claims.errors import ApplicationError, Conflict, NotFound, PermissionDenied
from claims.models import Article, Claim, ClaimMatch, Review, Verdict
from claims.services import matching
from claims.services import review as svc
from claims.services.articles import article_extract, article_retract, article_submit
from claims.text import family_key

pytestmark = pytest.mark.django_db

JOBS = (
    "Unemployment fell to 3.1 percent in March, the lowest level in twenty years, the labour minister said on Friday."
)
JOBS_PARAPHRASE = "The jobless rate dropped to 3.1% in March, its lowest in 20 years, according to the labour minister."
HOSPITAL = "The finance minister said on Monday that the new hospital will cost 250 million euros."
NURSES = "Nurses warned that staff shortages would delay the opening."
SOURCE = {"url": "https://stats.example/labour-march", "stance": "supports", "title": "Labour survey, March"}


@pytest.fixture(autouse=True)
def _fresh_index():
    matching.index_clear()
    yield
    matching.index_clear()


def ingest(*sentences: str, title: str) -> Article:
    article = article_submit(body=title + ".\n\n" + " ".join(sentences), published=date(2024, 3, 8)).article
    article = article_extract(article_id=article.pk)  # the task, run here (tests do not commit)
    assert article.status == Article.Status.DONE, article.status_error
    return article


def claim_of(article: Article, text: str) -> Claim:
    return article.claims.get(text=text)


def verify(claim: Claim, user, **source) -> Claim:
    return svc.claim_review(
        claim_id=claim.pk, user=user, verdict=Verdict.VERIFIED, sources=[{**SOURCE, **source}], note="Checked."
    )


@pytest.fixture
def checked(reviewer):
    """An article whose two claims were verified."""
    article = ingest(JOBS, HOSPITAL, title="Jobs report")
    verify(claim_of(article, JOBS), reviewer)
    verify(claim_of(article, HOSPITAL), reviewer, url="https://budget.example/hospital")
    return article


# --- families -------------------------------------------------------------------------------------------


def test_family_key_ignores_case_punctuation_quotes_and_spacing_but_not_words():
    assert family_key("“We will close the plant,” he said.") == family_key("we will close the plant he said")
    assert family_key("The bridge cost 40 million.") == family_key("The  bridge\ncost 40 million!")
    assert family_key("The bridge cost 40 million.") != family_key("The bridge cost 41 million.")
    assert family_key("The bridge cost 40 million.") != family_key("The bridge 40 million cost.")
    assert family_key("…") == ""
    assert len(family_key("a lone \ud800 surrogate")) == 64  # hashed, not an encoding error


def test_extraction_links_identical_sentences_of_different_articles_as_one_family():
    one = ingest(HOSPITAL, NURSES, title="Health desk")
    two = ingest(JOBS_PARAPHRASE, HOSPITAL, title="Budget news")
    a, b = claim_of(one, HOSPITAL), claim_of(two, HOSPITAL)
    assert a.family_key == b.family_key == family_key(HOSPITAL)
    assert claim_of(one, NURSES).family_key != a.family_key
    from claims import selectors

    assert list(selectors.claim_family(b)) == [a]
    assert a.verdict == b.verdict == Verdict.UNREVIEWED  # the family shares no verdict


# --- matches stored at extraction -------------------------------------------------------------------------


def test_a_new_article_gets_its_likely_earlier_checks_with_why(checked):
    new = ingest(JOBS_PARAPHRASE, HOSPITAL, title="Budget news")
    jobs, hospital = claim_of(checked, JOBS), claim_of(checked, HOSPITAL)
    paraphrase = ClaimMatch.objects.filter(claim=claim_of(new, JOBS_PARAPHRASE)).order_by("-score")
    assert [m.matched_id for m in paraphrase][:1] == [jobs.pk]
    why = paraphrase[0].why
    assert {"3.1", "20"} <= set(why["numbers"]) and {"march", "minister"} <= set(why["words"])
    assert why["speaker"] is True and why["same_sentence"] is False
    same = ClaimMatch.objects.filter(claim=claim_of(new, HOSPITAL)).order_by("-score")
    assert same[0].matched_id == hospital.pk and same[0].why["same_sentence"] is True
    assert same[0].score > paraphrase[0].score


def test_only_reviewed_claims_of_other_articles_are_matched(reviewer):
    first = ingest(HOSPITAL, NURSES, title="Health desk")  # nothing reviewed: nothing to match
    second = ingest(HOSPITAL, title="Budget news")
    assert not ClaimMatch.objects.exists()
    verify(claim_of(first, HOSPITAL), reviewer)
    third = ingest(HOSPITAL, NURSES, title="Hospital plans")
    matched = set(ClaimMatch.objects.filter(claim__article=third).values_list("matched_id", flat=True))
    assert matched == {claim_of(first, HOSPITAL).pk}  # not the unreviewed twin of `second`, not NURSES
    assert not ClaimMatch.objects.filter(claim__article=second).exists()  # extracted before the verdict


def test_the_index_follows_new_and_reopened_verdicts(reviewer, editor):
    article = ingest(HOSPITAL, title="Health desk")
    claim = claim_of(article, HOSPITAL)
    assert matching.text_matches(HOSPITAL) == []
    verify(claim, reviewer)
    assert [f.claim_id for f in matching.text_matches(HOSPITAL)] == [claim.pk]  # the cached index was rebuilt
    claim.refresh_from_db()
    svc.claim_review(
        claim_id=claim.pk,
        user=editor,
        verdict=Verdict.UNREVIEWED,
        expected_version=claim.version,
        note="Reopened: the figure was revised.",
    )
    assert matching.text_matches(HOSPITAL) == []


def test_a_paraphrase_is_found_while_one_claim_is_reviewed_and_a_shared_word_is_not_a_match(reviewer, settings):
    """With one reviewed claim the engine's scores are low (no idf to speak of): the overlap rule keeps the
    paraphrase; a text sharing one word with it is still no match."""
    claim = claim_of(ingest(JOBS, title="Jobs report"), JOBS)
    verify(claim, reviewer)
    assert [f.claim_id for f in matching.text_matches(JOBS_PARAPHRASE)] == [claim.pk]
    assert matching.text_matches("The minister opened a new library in the harbour district.") == []
    settings.REGISTRY_MATCH_MIN_OVERLAP = 1.0  # the rule is what keeps it
    assert matching.text_matches(JOBS_PARAPHRASE) == []


def test_matches_of_a_retracted_article_are_not_shown(checked, editor):
    from claims import selectors

    new = ingest(HOSPITAL, title="Budget news")
    assert selectors.claim_matches(claim_of(new, HOSPITAL).pk).exists()
    article_retract(article_id=checked.pk, user=editor, reason="Withdrawn by the outlet.")
    assert not selectors.claim_matches(claim_of(new, HOSPITAL).pk).exists()
    assert matching.text_matches(HOSPITAL) == []


def test_a_matching_failure_never_fails_the_extraction(checked, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(matching, "text_matches", broken)
    new = ingest(HOSPITAL, title="Budget news")  # asserts status DONE
    assert claim_of(new, HOSPITAL).family_key == family_key(HOSPITAL)  # families are set before matching
    assert "matching the claims of article" in caplog.text


# --- "same as this one": the service -----------------------------------------------------------------------


@pytest.fixture
def pair(checked):
    new = ingest(JOBS_PARAPHRASE, HOSPITAL, title="Budget news")
    return claim_of(new, JOBS_PARAPHRASE), claim_of(checked, JOBS)


def test_same_as_copies_the_verdict_and_sources_into_a_review_citing_the_earlier_claim(pair, other_reviewer):
    claim, earlier = pair
    done = svc.claim_same_as(
        claim_id=claim.pk, earlier_id=earlier.pk, user=other_reviewer, note="Same survey.", expected_version=1
    )
    assert done.verdict == Verdict.VERIFIED and done.same_as_id == earlier.pk
    assert done.reviewed_by == other_reviewer and done.version == 2
    assert list(done.sources.values_list("url", "stance")) == [(SOURCE["url"], "supports")]
    review = Review.objects.get(claim=claim)
    assert review.action == svc.ACTION_SAME_AS and review.cites_claim_id == earlier.pk
    assert review.to_verdict == Verdict.VERIFIED and review.sources[0]["url"] == SOURCE["url"]
    assert done.verdict_note.startswith(f"Same as claim {earlier.pk} (")
    assert "Same survey." in done.verdict_note and "Checked." in done.verdict_note
    earlier.refresh_from_db()
    assert earlier.sources.count() == 1 and earlier.version == 2  # the earlier claim is untouched


@pytest.mark.parametrize(
    ("case", "error"),
    [("stale", Conflict), ("self", ApplicationError), ("unreviewed", ApplicationError), ("missing", NotFound)],
)
def test_same_as_refuses_and_writes_nothing(pair, reviewer, case, error):
    claim, earlier = pair
    kwargs = {"claim_id": claim.pk, "earlier_id": earlier.pk, "user": reviewer, "expected_version": 1}
    if case == "stale":
        kwargs["expected_version"] = 7
    elif case == "self":
        kwargs["earlier_id"] = claim.pk
    elif case == "unreviewed":
        kwargs["earlier_id"] = Claim.objects.filter(verdict=Verdict.UNREVIEWED).exclude(pk=claim.pk).first().pk
    else:
        kwargs["earlier_id"] = 10**9
    with pytest.raises(error):
        svc.claim_same_as(**kwargs)
    claim.refresh_from_db()
    assert claim.verdict == Verdict.UNREVIEWED and claim.same_as_id is None
    assert not claim.sources.exists() and not Review.objects.filter(claim=claim).exists()


def test_same_as_follows_the_verdict_rules_of_who_may(pair, staff_without_group, reviewer, other_reviewer):
    claim, earlier = pair
    with pytest.raises(PermissionDenied):
        svc.claim_same_as(claim_id=claim.pk, earlier_id=earlier.pk, user=staff_without_group)
    svc.claim_review(claim_id=claim.pk, user=other_reviewer, verdict=Verdict.UNVERIFIABLE, note="No data.")
    with pytest.raises(PermissionDenied, match="only editors may override"):
        svc.claim_same_as(claim_id=claim.pk, earlier_id=earlier.pk, user=reviewer)


# --- the claim page -------------------------------------------------------------------------------------------


def page(client, user, claim):
    client.force_login(user)
    return client.get(reverse("admin:claims_claim_change", args=[claim.pk]))


def test_done_when_two_articles_share_a_sentence_and_paraphrase_a_verified_claim(client, checked, other_reviewer):
    """Two new articles share a sentence and one paraphrases a verified claim: the claim page shows both
    earlier checks, the family, and "same as this one" (after the confirm step) cites the earlier claim."""
    budget = ingest(JOBS_PARAPHRASE, HOSPITAL, title="Budget news")
    health = ingest(HOSPITAL, NURSES, title="Health desk")
    jobs, hospital = claim_of(checked, JOBS), claim_of(checked, HOSPITAL)
    paraphrase, shared = claim_of(budget, JOBS_PARAPHRASE), claim_of(budget, HOSPITAL)

    html = page(client, other_reviewer, paraphrase).content.decode()
    assert "Checked before" in html and f'id="match-{jobs.pk}"' in html and SOURCE["url"] in html
    html = page(client, other_reviewer, shared).content.decode()
    assert f'id="match-{hospital.pk}"' in html and "the same sentence" in html
    for member in (hospital, claim_of(health, HOSPITAL)):  # the family: the same sentence in the other articles
        assert reverse("admin:claims_claim_change", args=[member.pk]) in html

    url = reverse("admin:claims_claim_same_as", args=[paraphrase.pk, jobs.pk])
    assert url in page(client, other_reviewer, paraphrase).content.decode()
    confirm = client.get(url)
    assert confirm.status_code == 200 and "Yes, the same as claim" in confirm.content.decode()
    paraphrase.refresh_from_db()
    assert paraphrase.verdict == Verdict.UNREVIEWED  # showing the confirm step applies nothing
    response = client.post(url, {"version": paraphrase.version, "note": ""})
    assert response.status_code == 302
    paraphrase.refresh_from_db()
    assert paraphrase.verdict == Verdict.VERIFIED and paraphrase.same_as_id == jobs.pk
    review = Review.objects.get(claim=paraphrase)
    assert review.cites_claim_id == jobs.pk and review.action == svc.ACTION_SAME_AS
    html = page(client, other_reviewer, paraphrase).content.decode()
    assert "same as an earlier claim" in html and f"claim {jobs.pk}</a> (same as)" in html


def test_a_stale_confirm_page_saves_nothing_and_says_why(client, pair, reviewer, editor):
    claim, earlier = pair
    url = reverse("admin:claims_claim_same_as", args=[claim.pk, earlier.pk])
    svc.claim_review(claim_id=claim.pk, user=editor, verdict=Verdict.UNVERIFIABLE, note="No data.")
    client.force_login(editor)
    response = client.post(url, {"version": 1})
    assert (
        response.status_code == 200 and "changed this claim while you were working on it" in response.content.decode()
    )
    claim.refresh_from_db()
    assert claim.verdict == Verdict.UNVERIFIABLE and claim.same_as_id is None


def test_a_tampered_confirm_form_saves_nothing_and_says_why(client, pair, reviewer):
    claim, earlier = pair
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_same_as", args=[claim.pk, earlier.pk])
    for data in ({}, {"version": "x"}, {"version": 2**40}, {"version": 1, "note": "n" * 10_001}):
        response = client.post(url, data)
        assert response.status_code == 200 and "errorlist" in response.content.decode(), data
    claim.refresh_from_db()
    assert claim.verdict == Verdict.UNREVIEWED and not Review.objects.filter(claim=claim).exists()


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("anonymous", False), ("staff_without_group", False), ("reviewer", True), ("editor", True), ("superuser", True)],
)
def test_who_may_use_same_as(request, client, pair, persona, allowed):
    claim, earlier = pair
    url = reverse("admin:claims_claim_same_as", args=[claim.pk, earlier.pk])
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    got = client.get(url)
    posted = client.post(url, {"version": 1})
    if persona == "anonymous":
        assert got.status_code == posted.status_code == 302 and "/login/" in got["Location"]
    elif allowed:
        assert got.status_code == 200 and posted.status_code == 302
    else:
        assert got.status_code == posted.status_code == 403
    claim.refresh_from_db()
    assert (claim.verdict == Verdict.VERIFIED) is allowed


def test_same_as_urls_that_name_no_claim_are_404(client, pair, reviewer):
    claim, earlier = pair
    client.force_login(reviewer)
    base = f"/admin/claims/claim/{claim.pk}/same-as/"
    for tail in ("abc/", f"{10**9}/", f"{2**70}/"):
        assert client.get(base + tail).status_code == 404
    assert client.get(f"/admin/claims/claim/{10**9}/same-as/{earlier.pk}/").status_code == 404
    assert client.put(reverse("admin:claims_claim_same_as", args=[claim.pk, earlier.pk])).status_code == 405
