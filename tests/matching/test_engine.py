"""Ranking properties of the matcher on an invented collection of checked claims."""

import dataclasses

import pytest

from claims.matching import KnownClaim, Matcher, MatchParams

KNOWN = [
    KnownClaim(
        "1", "The town of Eastbrook banned plastic bags in all supermarkets in 2019.", "Did Eastbrook ban bags?"
    ),
    KnownClaim("2", "Unemployment in Norland fell to 3 percent in March.", "Norland jobless rate at record low"),
    KnownClaim("3", "Governor Olga Petrenko said the new bridge cost three million dollars.", ""),
    KnownClaim("4", "A photo shows a shark swimming on a flooded highway after the storm.", "Shark on the highway?"),
    KnownClaim("5", "The river festival drew 40,000 visitors last summer.", "Festival attendance"),
    KnownClaim("6", "Eastbrook's mayor wants to ban cars from the old town.", "Car-free old town plan"),
    KnownClaim("7", "Norland's inflation reached 9 percent, the highest in decades.", "Norland inflation"),
    KnownClaim("8", "Senator Wojciechowski voted against the school lunch bill.", "Lunch bill vote"),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(KNOWN)


def best(m: Matcher, text: str, speaker: str | None = None) -> str:
    return m.rank(text, 5, speaker=speaker)[0].id


def test_paraphrase_with_reordering_finds_the_claim(matcher):
    assert best(matcher, "Plastic bags were banned from every supermarket in Eastbrook in 2019") == "1"


def test_number_written_differently_still_matches(matcher):
    assert best(matcher, "Norland's jobless rate dropped to 3% in March") == "2"
    assert best(matcher, "The bridge cost $3m, says Governor Petrenko") == "3"
    assert best(matcher, "Some 40000 people came to the river festival") == "5"


def test_the_number_decides_between_similar_claims(matcher):
    ranked = [m.id for m in matcher.rank("Norland: 9% inflation, highest in decades", 5)]
    assert ranked.index("7") < ranked.index("2")


def test_name_variants_match_through_character_ngrams(matcher):
    # a transliteration variant shares no whole word with the claim's name
    assert best(matcher, "Wojciechowsky voted against the lunch bill for schools") == "8"
    assert best(matcher, "Gov. Petrenko: the bridge cost 3 million dollars") == "3"


def test_transliteration_variants_of_a_name():
    claims = [
        KnownClaim("1", "The senator asked Congress for more air defence money.", ""),
        KnownClaim("2", "President Zelenskyy asked Congress for more air defence systems.", ""),
        KnownClaim("3", "President Zelaya asked Congress for more roads.", ""),
    ]
    m = Matcher(claims)
    assert best(m, "Zelenskiy asks for more air defence") == "2"
    no_chars = Matcher(claims, dataclasses.replace(MatchParams(), char_weight=0.0))
    assert best(no_chars, "Zelenskiy asks for more air defence") == "1"  # the words alone do not decide


def test_tweet_noise_does_not_hide_the_claim(matcher):
    tweet = (
        "WOW 😱🦈 a SHARK swimming on the flooded highway after the storm!! #SharkOnTheHighway "
        "pic.twitter.com/Xy12Ab https://t.co/zzz — Storm Watcher (@stormwatch99) May 1, 2021"
    )
    assert best(matcher, tweet) == "4"


def test_quoted_and_reported_speech_match_the_same_claim(matcher):
    assert best(matcher, '"We have banned plastic bags in all our supermarkets," Eastbrook officials said.') == "1"
    assert best(matcher, "Eastbrook officials say they banned plastic bags in all supermarkets") == "1"


def test_shared_words_and_numbers_are_reported(matcher):
    top = matcher.rank("Unemployment fell to 3 per cent in Norland", 5)[0]
    assert top.id == "2"
    assert "3" in top.shared_numbers and "percent" in top.shared_terms
    assert "norland" in top.shared_terms


def test_ranking_is_ordered_distinct_and_padded(matcher):
    ranked = matcher.rank("nothing in common whatsoever zzz", 6)
    assert len(ranked) == 6 and len({m.id for m in ranked}) == 6
    scored = matcher.rank("Eastbrook ban", 8)
    assert [m.score for m in scored] == sorted((m.score for m in scored), reverse=True)
    assert {scored[0].id, scored[1].id} == {"1", "6"}


def test_fewer_claims_than_asked_returns_them_all():
    m = Matcher(KNOWN[:2])
    assert sorted(x.id for x in m.rank("bags", 5)) == ["1", "2"]
    assert Matcher([]).rank("anything", 5) == []


def test_title_field_counts(matcher):
    # "jobless", "record" and "low" occur only in claim 2's title
    assert best(matcher, "record low jobless rate") == "2"
    no_title = Matcher(KNOWN, dataclasses.replace(MatchParams(), title_weight=0.0, char_weight=0.0))
    assert best(no_title, "record low jobless rate") != "2"


def test_query_term_repetition_does_not_outweigh_other_terms():
    m = Matcher(KNOWN, dataclasses.replace(MatchParams(), char_weight=0.0))
    # shouting one word many times must not pull a claim that only shares that word above the real match
    assert best(m, "Eastbrook Eastbrook Eastbrook EASTBROOK! mayor wants to ban cars from the old town") == "6"


def test_tweet_date_matches_the_month_a_fact_check_names():
    claims = [
        KnownClaim("a", "Wildfires burned near the lake in August 2019.", ""),
        KnownClaim("b", "Wildfires burned near the lake in May 2021.", ""),
    ]
    m = Matcher(claims)
    assert best(m, "The lake is on fire!! — Fire Fan (@firefan) August 20, 2019") == "a"
    assert best(m, "The lake is on fire!! — Fire Fan (@firefan) May 2, 2021") == "b"


def test_optional_stages_run(matcher):
    params = dataclasses.replace(MatchParams(), bigram_weight=0.5, prf_docs=2, number_weight=0.2)
    m = Matcher(KNOWN, params)
    assert best(m, "Plastic bags were banned in Eastbrook supermarkets") == "1"


def test_exact_ties_keep_the_order_the_claims_were_given_in():
    # two near-duplicates differing only in quote marks tie exactly: the one given first ranks first,
    # whatever their ids
    older = KnownClaim("z9", 'The mayor called the plan "a disaster."', "")
    newer = KnownClaim("a1", "The mayor called the plan 'a disaster.'", "")
    other = KnownClaim("m5", "The plan was approved by the council.", "")
    ranked = [m.id for m in Matcher([older, newer, other]).rank("Mayor: the plan is a disaster", 3)]
    assert ranked[:2] == ["z9", "a1"]
    ranked = [m.id for m in Matcher([newer, older, other]).rank("Mayor: the plan is a disaster", 3)]
    assert ranked[:2] == ["a1", "z9"]


def test_features_measure_coverage_both_ways(matcher):
    qterms = ["norland", "unemploy", "fell", "3", "percent"]
    acc = matcher._first_stage(qterms)
    cand = sorted(acc, key=acc.__getitem__, reverse=True)
    feats = matcher.features("Norland unemployment fell to 3 percent", qterms, acc, cand)
    by_id = {matcher.ids[i]: dict(zip(Matcher.FEATURES, f, strict=True)) for i, f in feats.items()}
    top = by_id["2"]
    assert top["bm25"] == 1.0 and top["query_cover"] == pytest.approx(1.0) and top["numbers"] == 1.0
    assert 0 < top["claim_cover"] < 1  # the claim also names March and a record low
    assert by_id["7"]["query_cover"] < top["query_cover"] and by_id["7"]["numbers"] == 0.0
    assert 0 < by_id["7"]["char"] < top["char"] <= 1.0


def test_a_known_speaker_decides_between_two_claims_of_the_same_words():
    claims = [
        KnownClaim("a", "Senator Hollis Grant said the dam will be finished next year.", ""),
        KnownClaim("b", "Mayor Ruth Ivers said the dam will be finished next year.", ""),
    ]
    m = Matcher(claims)
    assert best(m, "The dam will be finished next year") == "a"  # a tie: the claim given first
    assert best(m, "The dam will be finished next year", speaker="Ruth Ivers") == "b"
    assert best(m, "The dam will be finished next year", speaker="Hollis Grant") == "a"


@pytest.mark.parametrize("text", ["", "   ", "https://example.org/x pic.twitter.com/abc", "🙄🔥🔥", "the of and"])
def test_queries_with_no_terms_still_get_k_claims(matcher, text):
    ranked = matcher.rank(text, 5)
    assert len(ranked) == 5 and len({m.id for m in ranked}) == 5
