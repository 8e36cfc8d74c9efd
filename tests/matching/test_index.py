"""The matching index kept in the database (claims.services.match_index), on SQLite (FTS5) and PostgreSQL.

Invented claims only. The PostgreSQL-only tests skip without DATABASE_URL naming PostgreSQL.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection

from claims.matching import terms
from claims.models import Article, MatchEntry, MatchGram, MatchIndexState, MatchTerm, Verdict
from claims.services import match_index, matching
from claims.services import review as svc
from claims.services.articles import article_extract, article_retract, article_submit

pytestmark = pytest.mark.django_db

SENTENCES = [
    "The regional council said the Brennholt bridge will cost 40 million euros to repair.",
    "Ferry tickets to Lindqvist island rose by 12 percent in January, the operator said.",
    "The mayor of Oskarvik said 3,000 new homes were built there last year.",
    "Grain exports through the port of Tallory fell to 2.5 million tonnes in 2023.",
    "Minister Halvorsen said the new rail line to Vesterby will open in May.",
    "The hospital in Brennholt treated 40,000 patients last year, its director said.",
]
QUERIES = [
    "Repairing the Brennholt bridge will cost forty million euros, says the council",
    "Ferry fares to Lindqvist went up 12% in January",
    "Oskarvik built three thousand homes last year, the mayor claims",
    "Tallory port grain exports dropped to 2.5m tonnes",
    "The Vesterby rail line opens in May according to Halvorsen",
    "A completely unrelated sentence about gardening tools.",
]


def ingest(sentence: str, title: str) -> Article:
    article = article_submit(body=title + ".\n\n" + sentence, published=date(2024, 3, 8)).article
    article = article_extract(article_id=article.pk)
    assert article.status == Article.Status.DONE, article.status_error
    return article


def verify(article: Article, user) -> None:
    for claim in article.claims.all():
        svc.claim_review(
            claim_id=claim.pk,
            user=user,
            verdict=Verdict.VERIFIED,
            note="Checked.",
            sources=[{"url": f"https://records.example/{claim.pk}", "stance": "supports", "title": "Record"}],
        )


@pytest.fixture(autouse=True)
def _fresh_memory_index():
    matching.index_clear()
    yield
    matching.index_clear()


@pytest.fixture
def reviewed(reviewer):
    articles = [ingest(s, f"Desk note {i}") for i, s in enumerate(SENTENCES)]
    for article in articles:
        verify(article, reviewer)
    return articles


def claim_pk(articles: list[Article], i: int) -> int:
    return articles[i].claims.get(text=SENTENCES[i]).pk


def snapshot() -> tuple:
    """Everything the index holds, in a comparable form."""
    return (
        sorted(MatchEntry.objects.values_list("claim_id", "terms", "title_terms", "cleaned", "speaker")),
        sorted((k, b, t) for k, b, t in MatchTerm.objects.values_list("key", "body_df", "title_df") if b or t),
        sorted((k, d) for k, d in MatchGram.objects.values_list("key", "df") if d),
        MatchIndexState.objects.values_list("claims", "body_length", "title_length").get(),
    )


def test_the_database_index_serves_matching_on_this_database(reviewed):
    assert match_index.available()
    found = matching.text_matches(QUERIES[0])
    assert found and MatchEntry.objects.filter(claim_id=found[0].claim_id).exists()


def test_the_database_index_ranks_and_scores_exactly_as_the_in_memory_index(reviewed, reviewer, settings):
    """Candidates from the database, statistics of the whole collection: the engine's scores and why."""
    verify(ingest("The council said the bridge repair in Brennholt is on schedule.", "Desk note extra"), reviewer)
    by_database = {q: matching.text_matches(q, limit=5) for q in QUERIES}
    settings.REGISTRY_MATCH_INDEX = "memory"
    assert not match_index.available()
    by_memory = {q: matching.text_matches(q, limit=5) for q in QUERIES}
    assert by_database == by_memory
    assert by_database[QUERIES[0]][0].claim_id == claim_pk(reviewed, 0)
    assert by_database[QUERIES[-1]] == []


def test_the_index_follows_verdicts_reopenings_retractions_and_retitles(reviewed, editor, reviewer):
    first = reviewed[0].claims.get(text=SENTENCES[0])
    assert [f.claim_id for f in matching.text_matches(QUERIES[0])][:1] == [first.pk]
    first.refresh_from_db()
    svc.claim_review(
        claim_id=first.pk,
        user=editor,
        verdict=Verdict.UNREVIEWED,
        expected_version=first.version,
        note="Reopened: the estimate was revised.",
    )
    assert first.pk not in [f.claim_id for f in matching.text_matches(QUERIES[0])]
    assert not MatchEntry.objects.filter(claim_id=first.pk).exists()

    article_retract(article_id=reviewed[1].pk, user=editor, reason="Withdrawn by the outlet.")
    assert matching.text_matches(QUERIES[1]) == []

    third = reviewed[2]
    third.title = "Housing figures from Oskarvik"
    third.save()
    matching.text_matches(QUERIES[2])  # a search brings the index up to date first
    entry = MatchEntry.objects.get(claim_id=claim_pk(reviewed, 2))
    assert "hous" in entry.title_terms.split() or "housing" in entry.title_terms.split()

    # Followed change by change, the index holds what a rebuild from scratch computes.
    followed = snapshot()
    assert match_index.index_rebuild() == len(followed[0]) == matching.reviewed_claims().count()
    assert snapshot() == followed


def test_a_second_sync_applies_nothing_twice(reviewed):
    matching.text_matches(QUERIES[0])
    before = snapshot()
    assert match_index.index_sync() == 0
    assert snapshot() == before
    assert before[3][0] == len(before[0]) == matching.reviewed_claims().count() >= len(SENTENCES)


def test_an_index_never_built_is_built_by_the_first_search(reviewed):
    MatchIndexState.objects.all().delete()
    MatchEntry.objects.all().delete()
    assert [f.claim_id for f in matching.text_matches(QUERIES[3])][:1] == [claim_pk(reviewed, 3)]
    assert MatchEntry.objects.count() == matching.reviewed_claims().count() >= len(SENTENCES)


def test_with_few_candidates_the_rarest_words_still_find_the_claim(reviewed, monkeypatch):
    monkeypatch.setattr(match_index, "CANDIDATES", 1)
    assert [f.claim_id for f in matching.text_matches(QUERIES[4])] == [claim_pk(reviewed, 4)]


def test_odd_query_text_is_no_error(reviewed):
    for text in ["'; DROP TABLE claims_claim; --", '"quoted" OR NEAR(a b)', "o'brien's \\ back\\slash", "*", "ü ß ø"]:
        assert isinstance(matching.text_matches(text), list)


def test_the_command_rebuilds_and_syncs(reviewed, capsys):
    call_command("match_index", "--rebuild")
    assert f"{matching.reviewed_claims().count()} claims" in capsys.readouterr().out
    call_command("match_index")
    assert "0 entries changed" in capsys.readouterr().out


postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


@postgres_only
def test_postgresql_candidates_come_from_the_stored_tsvector(reviewed):
    match_index.index_sync()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM claims_matchentry WHERE tsv @@ 'brennholt'::tsquery")
        assert cursor.fetchone()[0] == 2  # the bridge and the hospital


@postgres_only
def test_postgresql_spelling_variants_of_an_unknown_word_come_from_pg_trgm(reviewed):
    if not match_index._trgm_present():
        pytest.skip("pg_trgm is not installed on this server")
    match_index.index_sync()
    state = MatchIndexState.objects.values_list(
        "claims", "body_length", "title_length", "cursor_xid", "cursor_id"
    ).get()
    stats = match_index._Stats(*state)
    # "Halvorssen" is in no claim; "halvorsen" is, and only the trigram expansion finds it.
    found = match_index._pg_candidates(terms("Halvorssen"), stats, 10)
    assert found == [claim_pk(reviewed, 4)]
