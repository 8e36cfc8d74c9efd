"""Sentences where a word that is not the speaker used to be taken for one: an adverb, a time adjunct or an
adjective standing between the speaker and the cue, or a noun that doubles as a speech verb.

Every sentence is invented; each case stands for a construction of English.
"""

from __future__ import annotations

import pytest

from claims.extraction.pipeline import extract

from .test_attribution import paragraph_speakers as speakers

CASES = [
    # a frequency adverb between the auxiliary and the cue is no subject
    ("The figures shifted over the winter, as Telford has sometimes acknowledged.", "Telford"),
    ("The harbour lost money for years, as Mayor Ina Rusk has often admitted.", "Ina Rusk"),
    ("The bridge will need repairs, as Olmo Varga has usually argued.", "Olmo Varga"),
    # an 'ago' adjunct or 'this past week' between the subject and the cue
    (
        "The Transport Department less than two weeks ago said for the first time that the bridge was unsafe.",
        "Transport Department",
    ),
    ("Dara Quill a few days ago told reporters that the mill would close.", "Dara Quill"),
    ("Pell Brenner, the party chairman, this past week announced the creation of a new website.", "Pell Brenner"),
    ("The river authority this past month warned that the levees were weak.", "The river authority"),
    # a capitalised sentence adverb opening the clause is no name
    ("Similarly, Ann Bole, a former city clerk, said she could not support the plan.", "Ann Bole"),
    ("Likewise, Teo Marsh said the port would reopen in June.", "Teo Marsh"),
    # 'retort' after a determiner and a modifier is a noun, not the cue of the words before it
    ('Fenwick offered a Vork-style retort on the tax, tweeting at him, "you are a liar."', "Fenwick"),
    ('Ula Kade gave a Lisbon-style retort to the minister, saying "we will not pay."', "Ula Kade"),
    # a participle after a comma inside the quotation marks belongs to the clause's subject, not to the
    # quoted name before it
    (
        'Farmers had sued after Vantia ended what had been called the "Silver Week," saying the change hurt them.',
        "Farmers",
    ),
    ('Ada Roth mocked the so-called "expert," saying that he had never seen the river.', "Ada Roth"),
    # a perfect participle opening the sentence: its speaker is the main clause's subject after the comma
    ("Having announced that he would not resign, Judge Morrow proceeded to read his ruling.", "Morrow"),
    ("Having argued that the levy was unfair, Senator Ilse Brand voted for it anyway.", "Ilse Brand"),
    # 'reference' after a modifier is a noun: the words before it are no subject
    (
        "The feud began when Mrs. Ida Dane, in response to Mr. Vork's use of a crude reference to describe "
        "her defeat, accused him of a habit of insults.",
        "Ida Dane",
    ),
    ("Ola Brand made a passing reference to the strike in her speech.", "Ola Brand"),
    # an office after 'as' closing a clause is no subject; a verb phrase after ', then' is the clause subject's
    (
        "Brenner jokingly offered the farmer a job as Minister of Agriculture, then says he will welcome advice.",
        "Brenner",
    ),
    ("Ula Pike served for years as Secretary of Ports, then said she would retire.", "Ula Pike"),
    ("The council delayed the vote, then said the budget was too tight.", "The council"),
    ("As Ada Cole, an expert on ports, noted, the harbour is shallow.", "Ada Cole"),
    # a relative clause after 'a spokesman for X' does not take the body away: X speaks through them
    (
        "A spokeswoman for the Varnia Rail Board, who asked not to be named, said the line would reopen.",
        "Varnia Rail Board",
    ),
    ("A spokesman for Kell Mining, who was not authorised to comment, said output had doubled.", "Kell Mining"),
    # an office and its fields before a name in apposition ('The Minister of X and Y, Name,') is the
    # name's title, not a person called after the last field
    ("The Minister of Youth and Culture, Ilse Marow, said the stadium would open in June.", "Ilse Marow"),
    ("Varnia's Minister of Fisheries and Mines, Teo Brandt, said the quota would fall.", "Teo Brandt"),
    # 'ruled that ...': a court or a judge gives its finding with the clause
    ("The Varnia High Court ruled on Tuesday that the port levy was unlawful.", "Varnia High Court"),
    ("Judge Ilse Marow ruled that the lease had expired in 2019.", "Ilse Marow"),
    # a body's name listing its fields with commas is one name, not its last fields
    ("The Ministry of Ports, Fisheries and Mines said the quota would fall.", "Ministry of Ports, Fisheries and Mines"),
    (
        "Varnia's Department of Culture, Media and Sport told reporters the museum would reopen.",
        "Department of Culture, Media and Sport",
    ),
    # particular polls after 'in' stay a source
    ("She was about 40 points ahead of Lowe in polls taken in March.", "polls taken in March"),
    # a gerund before the noun for a kind of body modifies it; the name after them speaks (wire round)
    ("Danish shipping group Moller Line said it would route its ships around the cape.", "Moller Line"),
    ("Keld mining company Orrin Holdings said output fell.", "Orrin Holdings"),
    # a port named with 'of' is a body, whole
    ("The Port of Keldby said it had seen a drop in arrivals.", "Port of Keldby"),
    ("The Port of Varnholm, the region's largest, said ships were waiting.", "Port of Varnholm"),
    # a quantity ends before a clause opener; a lowercase body 'of' a place speaks as written
    (
        "Oil prices rose more than 2% on Wednesday after the state oil company of Vardan said it would cut output.",
        "the state oil company of Vardan",
    ),
    ("Fares rose 5% after the national airline of Keld said fuel costs had doubled.", "the national airline of Keld"),
    # a place after 'in' inside a subject naming a thing makes no report
    (
        "Wheat jumped as a drought in Kasmir threatened the harvest of a large exporter, traders said.",
        "traders",
    ),
    ("Shares fell as a strike in Orlow threatened supplies, analysts said.", "analysts"),
    # a plural of people outside the lexicon, with a place after it
    ("Bread makers in Keld warned that consumers would feel the effect.", "Bread makers in Keld"),
    ("Coffee growers in Varnia said the frost had killed half the crop.", "Coffee growers in Varnia"),
    # people with their modifier opening the clause speak whole before an apposition, as without it
    ("Analysts at the Orrin Fund, a health think tank, said the backlog would grow.", "Analysts at the Orrin Fund"),
    ("Economists at Varn Bank, the largest lender, said rates would rise.", "Economists at Varn Bank"),
    # (a singular description may be a name's apposition)
    ("But the other candidate on the stage, former Mayor Ann Lee, drew a contrast, saying jobs mattered.", "Ann Lee"),
    # a proper adjective inside the description before a name in apposition
    ("Its head, former Ghanaian president Kofi Adoma, said turnout was about 61%.", "Kofi Adoma"),
    ("Its chair, retired Danish judge Ida Holm, said the count was fair.", "Ida Holm"),
]


@pytest.mark.parametrize(("sentence", "speaker"), CASES)
def test_wrong_speaker(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        'Kasper delivered a snappy retort: "Nobody is leaving this town.',
        'The mayor issued a sharp retort: "The budget is balanced.',
    ],
)
def test_noun_retort_is_no_cue_of_an_object(sentence: str) -> None:
    # the object 'a snappy' / 'a sharp' is never the speaker
    assert speakers(sentence)[0] not in {"a snappy", "a sharp"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Having been told that the road was closed, the drivers turned back.",
        "Having said that the port was safe, the mayor left the room.",
    ],
)
def test_opening_participle_is_no_name(sentence: str) -> None:
    assert speakers(sentence)[0] != "Having"


@pytest.mark.parametrize(
    "sentence",
    [
        "Since naming his running mate, Farrow has risen in the polls to the high single digits.",
        "Local pundits are shocked that Ida Wren is leading in the polls.",
        "Despite his low standing in the polls, Mayor Ott had a reply ready for his rival.",
    ],
)
def test_standing_in_the_polls_is_no_source(sentence: str) -> None:
    # 'in the polls' is the race's standing, not a poll that says something
    assert speakers(sentence)[0] != "the polls"


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("At the same time, Xu has worked hard to calm Russian fears, reassuring his partner.", "Russian"),
        ("At first, Pell has worked hard to calm Greek fears, reassuring his allies.", "Greek"),
    ],
)
def test_adjective_before_noun_like_form_after_infinitive(sentence: str, wrong: str) -> None:
    # 'to calm Russian fears': 'fears' is the infinitive's object, so 'Russian' is no subject
    assert speakers(sentence)[0] != wrong


@pytest.mark.parametrize(
    "sentence",
    [
        "The Keld family ruled the valley for two centuries.",
        "The tribunal ruled in favour of the dock workers.",
        "Inspectors enforced a rule which officials defend in private.",
        "The rules that the council adopted were strict.",
    ],
)
def test_ruled_without_a_clause_is_no_cue(sentence: str) -> None:
    assert [c.speaker for c in extract(sentence)] == [None]


# A thing's words quoted after a colon ('a cap that read:', 'a sign that said:') are not the words of the
# person who wears or holds it; a person's own verb before the colon still gives them
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('Tom Vale wore a cap that read: "Keep Keld Green."', None),
        ('Ann Lee held a sign that said: "No more tolls on the Varn bridge."', None),
        ('Ann Lee carried a banner that read: "No more tolls on the Varn bridge."', None),
        ('Tom Vale wore a shirt reading: "Vote for Lee on Sunday."', None),
        ('Ann Lee went further: "We will sue the city."', "Ann Lee"),
        ('Tom Vale said: "Keep Keld Green."', "Tom Vale"),
    ],
)
def test_a_things_words_after_a_colon(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]
