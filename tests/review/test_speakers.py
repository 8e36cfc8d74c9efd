"""The speaker registry: names resolved through aliases at extraction, merges by editors, the speaker page."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from claims import selectors
from claims.errors import ApplicationError, PermissionDenied
from claims.models import Claim, Review, Speaker, SpeakerAlias, SpeakerMerge, Tombstone, Verdict
from claims.services import review as review_services
from claims.services.articles import article_submit
from claims.services.speakers import speaker_get_or_create, speaker_merge, speaker_set_aliases
from tests.review.conftest import PASSWORD

pytestmark = pytest.mark.django_db

# Two invented articles naming one invented person with two romanisations (and a title in the second).
FIRST = (
    "Bridge repairs to finish in June\n\n"
    "“The river bridge will reopen to traffic in June,” said Olek Marchenkiy, the transport minister.\n\n"
    "The repairs cost 30 million euros, Marchenkiy told reporters on Monday."
)
SECOND = (
    "Fewer cars in the city centre\n\n"
    "“Traffic in the centre fell by 12 percent last year,” President Olek Marchenkyy said on Friday.\n\n"
    "Ticket sales on the trams rose by 9 percent, the city transport company said."
)


@pytest.fixture
def submit(django_capture_on_commit_callbacks):
    def _submit(body: str):
        with django_capture_on_commit_callbacks(execute=True):
            article = article_submit(body=body, published=date(2024, 3, 8)).article
        article.refresh_from_db()
        return article

    return _submit


# --- resolving names ----------------------------------------------------------------------------------


def test_two_articles_naming_one_person_differently_give_one_speaker(submit):
    first, second = submit(FIRST), submit(SECOND)
    speakers = {c.speaker_id for c in Claim.objects.filter(article__in=[first, second], text__contains="Marchenk")} | {
        c.speaker_id for c in second.claims.filter(text__contains="Traffic")
    }
    assert len(speakers) == 1 and None not in speakers
    assert Speaker.objects.get(pk=speakers.pop()).name == "Olek Marchenkiy"  # the first spelling seen
    assert Speaker.objects.filter(name__icontains="marchenk").count() == 1


def test_a_name_given_as_an_alias_resolves_to_its_speaker(editor):
    tova = Speaker.objects.create(name="Tova Lindqvist")
    speaker_set_aliases(speaker=tova, names=["T. Lindqvist", "Tova Lindkvist"], user=editor)
    assert speaker_get_or_create(name="Tova Lindkvist") == tova
    assert speaker_get_or_create(name="t. lindqvist") == tova
    assert speaker_get_or_create(name="Minister Tova Lindkvist") == tova  # title dropped, then the alias' key
    assert Speaker.objects.count() == 1


def test_titles_and_diacritics_fold_to_an_existing_speaker():
    renee = speaker_get_or_create(name="Renée Duclair")
    assert speaker_get_or_create(name="Mayor Renee Duclair") == renee
    assert speaker_get_or_create(name="Dr Renée Duclair") == renee


def test_an_unknown_name_makes_a_new_speaker_and_a_similar_one_is_not_merged_by_guessing():
    ana = speaker_get_or_create(name="Ana Lind")
    anna = speaker_get_or_create(name="Anna Lind")
    assert ana != anna
    assert speaker_get_or_create(name="Lind") not in (ana, anna)  # a surname alone across articles: a new one


def test_a_title_and_a_surname_name_the_one_person_with_that_surname():
    olek = Speaker.objects.create(name="Olek Marchenkiy", kind=Speaker.Kind.PERSON)
    Speaker.objects.create(name="Fund Marchenkiy", kind=Speaker.Kind.ORGANISATION)  # not a person: not counted
    assert speaker_get_or_create(name="President Marchenkyy") == olek
    assert speaker_get_or_create(name="Marchenkyy") != olek  # without a title: not across articles


def test_a_title_and_a_surname_shared_by_two_people_make_a_new_speaker():
    first = Speaker.objects.create(name="Olek Marchenkiy", kind=Speaker.Kind.PERSON)
    second = Speaker.objects.create(name="Dana Marchenky", kind=Speaker.Kind.PERSON)
    assert speaker_get_or_create(name="Minister Marchenky") not in (first, second)


def test_when_the_loose_key_fits_two_speakers_the_oldest_one_is_taken():
    older = Speaker.objects.create(name="Olek Marchenkiy")
    Speaker.objects.create(name="Olek Marchenkij")
    assert selectors.speaker_resolve("Olek Marchenkyy") == older


def test_an_alias_cannot_take_a_name_of_another_speaker(editor):
    tova = Speaker.objects.create(name="Tova Lindqvist")
    other = Speaker.objects.create(name="Ines Vallo")
    with pytest.raises(ApplicationError) as exc:
        speaker_set_aliases(speaker=tova, names=["ines vallo"], user=editor)
    assert exc.value.code == "alias_taken" and "Ines Vallo" in exc.value.message
    assert not SpeakerAlias.objects.exists() and other.aliases.count() == 0


def test_reviewers_may_not_change_a_speakers_names(reviewer):
    tova = Speaker.objects.create(name="Tova Lindqvist")
    with pytest.raises(PermissionDenied):
        speaker_set_aliases(speaker=tova, names=["Tove"], user=reviewer)


# --- merging ------------------------------------------------------------------------------------------


@pytest.fixture
def two_speakers(article, reviewer):
    """'the mayor' with one verified claim (and its history) and 'Anna Berg' with two claims."""
    mayor_claim = article.claims.get(position=0)
    review_services.claim_review(
        claim_id=mayor_claim.pk,
        user=reviewer,
        verdict=Verdict.VERIFIED,
        note="The budget lists it.",
        expected_version=mayor_claim.version,
        sources=[{"url": "https://council.example/budget", "stance": "supports"}],
    )
    mayor = Speaker.objects.get(name="the mayor")
    berg = Speaker.objects.get(name="Anna Berg")
    return mayor, berg, mayor_claim


def test_a_merge_moves_claims_and_history_and_keeps_the_names(two_speakers, editor):
    mayor, berg, mayor_claim = two_speakers
    SpeakerAlias.objects.create(speaker=mayor, name="Mayor of the city")
    Speaker.objects.filter(pk=mayor.pk).update(wikidata_id="Q4242", description="Mayor since 2020.")
    version = Claim.objects.get(pk=mayor_claim.pk).version
    history = list(Review.objects.filter(claim=mayor_claim).values_list("pk", flat=True))

    merge = speaker_merge(keep_id=berg.pk, other_id=mayor.pk, user=editor)

    assert not Speaker.objects.filter(pk=mayor.pk).exists()
    moved = Claim.objects.get(pk=mayor_claim.pk)
    assert moved.speaker_id == berg.pk and moved.version == version + 1
    assert moved.verdict == Verdict.VERIFIED  # the verdict and its history travel with the claim
    assert list(Review.objects.filter(claim__speaker=berg).values_list("pk", flat=True)) == history
    assert set(Claim.objects.filter(speaker=berg).values_list("pk", flat=True)) == set(
        Claim.objects.values_list("pk", flat=True)
    )
    berg.refresh_from_db()
    assert sorted(berg.aliases.values_list("name", flat=True)) == ["Mayor of the city", "the mayor"]
    assert (berg.wikidata_id, berg.description) == ("Q4242", "Mayor since 2020.")  # filled, being empty
    assert (merge.from_id, merge.into_id, merge.merged_by, merge.claims_moved) == (mayor.pk, berg.pk, editor, 1)
    assert merge.from_name == "the mayor" and merge.merged_at is not None
    tomb = Tombstone.objects.get(kind=Tombstone.Kind.SPEAKER)
    assert tomb.object_id == mayor.pk and str(berg.pk) in tomb.reason
    # Later extraction of the old name lands on the kept speaker.
    assert speaker_get_or_create(name="The Mayor") == berg


def test_reviewers_may_not_merge(two_speakers, reviewer, staff_without_group):
    mayor, berg, _ = two_speakers
    for user in (reviewer, staff_without_group, None):
        with pytest.raises(PermissionDenied):
            speaker_merge(keep_id=berg.pk, other_id=mayor.pk, user=user)
    assert Speaker.objects.filter(pk=mayor.pk).exists() and not SpeakerMerge.objects.exists()


def test_a_merge_with_itself_a_missing_speaker_or_two_wikidata_items_is_refused(two_speakers, editor):
    mayor, berg, _ = two_speakers
    with pytest.raises(ApplicationError, match="itself"):
        speaker_merge(keep_id=berg.pk, other_id=berg.pk, user=editor)
    with pytest.raises(ApplicationError, match="No speaker"):
        speaker_merge(keep_id=berg.pk, other_id=999999, user=editor)
    Speaker.objects.filter(pk=mayor.pk).update(wikidata_id="Q1")
    Speaker.objects.filter(pk=berg.pk).update(wikidata_id="Q2")
    with pytest.raises(ApplicationError) as exc:
        speaker_merge(keep_id=berg.pk, other_id=mayor.pk, user=editor)
    assert exc.value.code == "wikidata_conflict"
    assert Claim.objects.filter(speaker=mayor).count() == 1 and not Tombstone.objects.exists()


def test_merged_ids_are_followed_through_later_merges(two_speakers, editor):
    mayor, berg, _ = two_speakers
    third = Speaker.objects.create(name="Ines Vallo")
    speaker_merge(keep_id=berg.pk, other_id=mayor.pk, user=editor)
    speaker_merge(keep_id=third.pk, other_id=berg.pk, user=editor)
    assert selectors.speaker_merged_into(mayor.pk) == third.pk
    assert selectors.speaker_merged_into(berg.pk) == third.pk
    assert selectors.speaker_merged_into(third.pk) is None
    assert Claim.objects.filter(speaker=third).count() == 3


# --- the admin ----------------------------------------------------------------------------------------


def _login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_an_editor_merges_through_the_confirm_page(client, two_speakers, editor):
    mayor, berg, _ = two_speakers
    _login(client, editor)
    changelist = reverse("admin:claims_speaker_changelist")
    response = client.post(changelist, {"action": "merge_selected", "_selected_action": [mayor.pk, berg.pk]})
    assert response.status_code == 302
    confirm = client.get(response["Location"])
    assert confirm.status_code == 200
    assert b"Merge into \xe2\x80\x9cAnna Berg\xe2\x80\x9d" in confirm.content  # one button per choice
    assert Speaker.objects.filter(pk=mayor.pk).exists()  # nothing happens before the confirmation
    done = client.post(reverse("admin:claims_speaker_merge"), {"keep": berg.pk, "other": mayor.pk})
    assert done.status_code == 302 and done["Location"] == reverse("admin:claims_speaker_change", args=[berg.pk])
    assert not Speaker.objects.filter(pk=mayor.pk).exists()
    assert SpeakerMerge.objects.get().merged_by == editor
    page = client.get(done["Location"]).content.decode()
    assert "Merged into this speaker:" in page and "“the mayor”" in page and "by edna" in page


def test_the_merge_action_asks_for_exactly_two_speakers(client, two_speakers, editor):
    mayor, _, _ = two_speakers
    _login(client, editor)
    changelist = reverse("admin:claims_speaker_changelist")
    response = client.post(changelist, {"action": "merge_selected", "_selected_action": [mayor.pk]}, follow=True)
    assert b"Select exactly two speakers" in response.content
    bad = client.get(reverse("admin:claims_speaker_merge") + "?ids=1,x", follow=True)
    assert b"Select exactly two existing speakers" in bad.content


@pytest.mark.parametrize("persona", ["reviewer", "staff_without_group"])
def test_reviewers_and_staff_without_a_role_get_403_from_the_merge_page(request, client, two_speakers, persona):
    mayor, berg, _ = two_speakers
    _login(client, request.getfixturevalue(persona))
    url = reverse("admin:claims_speaker_merge")
    assert client.get(url + f"?ids={mayor.pk},{berg.pk}").status_code == 403
    assert client.post(url, {"keep": berg.pk, "other": mayor.pk}).status_code == 403
    assert Speaker.objects.filter(pk=mayor.pk).exists()


def test_reviewers_do_not_see_the_merge_action(client, two_speakers, reviewer):
    _login(client, reviewer)
    response = client.get(reverse("admin:claims_speaker_changelist"))
    assert response.status_code == 200 and b"merge_selected" not in response.content


def test_the_anonymous_merge_page_goes_to_the_login(client):
    response = client.get(reverse("admin:claims_speaker_merge") + "?ids=1,2")
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_speaker_page_lists_claims_with_the_verdict_record(client, two_speakers, reviewer):
    mayor, berg, mayor_claim = two_speakers
    Claim.objects.filter(speaker=berg).update(speaker=mayor)  # the mayor: 1 verified, 2 unreviewed
    _login(client, reviewer)
    page = client.get(reverse("admin:claims_speaker_change", args=[mayor.pk])).content.decode()
    assert page.count('class="verdict-badge verdict-') == 3
    assert 'data-verdict="verified">1<' in page and 'data-verdict="unreviewed">2<' in page
    assert 'data-verdict="disputed">0<' in page
    assert "Verdict record: 3 claims" in page
    assert reverse("admin:claims_claim_change", args=[mayor_claim.pk]) in page


def test_an_editor_edits_aliases_and_the_wikidata_id_on_the_speaker_page(client, two_speakers, editor):
    _, berg, _ = two_speakers
    _login(client, editor)
    url = reverse("admin:claims_speaker_change", args=[berg.pk])
    data = {"name": "Anna Berg", "kind": "person", "wikidata_id": "Q777", "description": "City engineer."}
    response = client.post(url, {**data, "aliases_text": "A. Berg\nAnna  Bergová\n"})
    assert response.status_code == 302
    berg.refresh_from_db()
    assert berg.wikidata_id == "Q777" and sorted(a.name for a in berg.aliases.all()) == ["A. Berg", "Anna Bergová"]
    bad = client.post(url, {**data, "wikidata_id": "https://www.wikidata.org/wiki/Q777", "aliases_text": ""})
    assert bad.status_code == 200 and b"Wikidata item id" in bad.content
    taken = client.post(url, {**data, "aliases_text": "The Mayor"})
    assert taken.status_code == 200 and b"merge the two speakers instead" in taken.content
    assert berg.aliases.count() == 2  # the refused posts changed nothing


def test_a_new_speaker_with_a_name_already_taken_is_refused_on_the_form(client, two_speakers, editor):
    _login(client, editor)
    response = client.post(reverse("admin:claims_speaker_add"), {"name": "Anna  Berg", "kind": "person"})
    assert response.status_code == 200 and b"Another speaker already has this name" in response.content
    assert Speaker.objects.filter(name__iexact="anna berg").count() == 1
    created = client.post(reverse("admin:claims_speaker_add"), {"name": "Ines Vallo", "kind": "person"})
    assert created.status_code == 302
    assert Speaker.objects.get(name="Ines Vallo").key == "ines vallo"


def test_the_migration_fills_the_match_key_of_speakers_stored_before_it():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("claims.migrations.0013_speaker_registry")
    stored = Speaker.objects.create(name="Olek Marchenkiy")
    Speaker.objects.filter(pk=stored.pk).update(match_key="", surname_key="")  # as the rows of before the migration
    migration.backfill_match_keys(apps, None)
    assert Speaker.objects.get(pk=stored.pk).match_key == "olek marchenky"
    assert Speaker.objects.get(pk=stored.pk).surname_key == "marchenky"
    assert selectors.speaker_resolve("Olek Marchenkyy") == stored


def test_merging_a_speaker_whose_name_is_already_an_alias_of_the_kept_one(two_speakers, editor):
    mayor, berg, _ = two_speakers
    SpeakerAlias.objects.create(speaker=berg, name="The Mayor")  # added by an editor before the merge
    speaker_merge(keep_id=berg.pk, other_id=mayor.pk, user=editor)
    assert list(berg.aliases.values_list("name", flat=True)) == ["The Mayor"]
