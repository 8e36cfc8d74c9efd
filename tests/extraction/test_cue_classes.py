"""Cue classes: which words and constructions report speech, stance, belief or evidence.

Every sentence is invented; each case stands for a construction of English.
"""

from __future__ import annotations

import pytest

from .test_attribution import paragraph_speakers as speakers


# recorded footage reports what it shows as documents and figures do; what recorded it is a modifier
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Security footage shows the clerk leaving early.", "Security footage"),
        ("Drone video showed the levee breaking.", "Drone video"),
        ("The footage shows the guard refusing the ballot.", "The footage"),
        ("Television footage showed crews digging through the rubble.", "Television footage"),
        ("CCTV footage showed the van leaving the depot.", "CCTV footage"),
    ],
)
def test_recorded_evidence(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# the development set leaves bare photos to the reporter ('Photos of the scene showed ...')
@pytest.mark.parametrize(
    "sentence",
    [
        "Photos showed the pier intact after the storm.",
        "The photographer showed the visitors his pictures.",
    ],
)
def test_photos_are_no_speaker(sentence: str) -> None:
    assert speakers(sentence) == [None]


# performance verbs beside a quotation: what is sung, chanted or recited is the performer's words
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('Ida Sorn sings, "Stay with me tonight."', "Ida Sorn"),
        ('The marchers chanted: "Open the border."', "The marchers"),
        ('"Keep the night ferry running," the strikers chanted.', "the strikers"),
        ('Tomas Ree recites, "The sea is wide and cold."', "Tomas Ree"),
    ],
)
def test_performance_beside_quote(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        'Ina Soto sang "Blue River" at the gala.',
        'The pupils recited "The Old Mill" for their parents.',
        "The choir sang in the square on Sunday.",
    ],
)
def test_performance_without_words(sentence: str) -> None:
    assert speakers(sentence) == [None]


# refusing to speak is the subject's answer to the question; refusing to act says nothing
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The harbour board declined to comment.", "The harbour board"),
        ("The bakery chain has refused to disclose its suppliers.", "The bakery chain"),
        ("Ann Vole declined to say whether she would run again.", "Ann Vole"),
        ("The coach declined to immediately comment on the injury.", "The coach"),
        ("The mayor refused to rule out a second term.", "The mayor"),
        ("The ferry operator declined comment on the delays.", "The ferry operator"),
    ],
)
def test_refusing_to_speak(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "The senator refused to sign the zoning bill.",
        "Ticket sales declined to a record low.",
        "The union declined the offer on Friday.",
        "Tom Fisk, who declined to be interviewed, has sold the farm.",
        "After the ministry declined to comment, the paper printed the memo.",
    ],
)
def test_refusing_no_speech(sentence: str) -> None:
    assert speakers(sentence) == [None]


def test_refusal_yields_to_report() -> None:
    assert speakers("Ida Marsh said the firm refused to name its donors.") == ["Ida Marsh"]


# stance verbs: praise, advocacy and emphasis in words
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Vole congratulated the rowers on a clean race.", "Ann Vole"),
        ("Tom Fisk has long championed the harbour tariff.", "Tom Fisk"),
        ("The union hailed the court ruling on night shifts.", "The union"),
        ("The mayor highlighted that burglaries have fallen.", "The mayor"),
        ("The governor underscored the concerns of dairy farmers.", "The governor"),
        ("The senator embraced the plan to cut ferry fares.", "The senator"),
        ("Ida Marsh has embraced her rival's housing proposal.", "Ida Marsh"),
    ],
)
def test_stance_verbs(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "The senator embraced her son at the airport.",
        "Ann Vole hailed a cab outside the court.",
        "The crash highlighted concerns about the old bridge.",
        "Spotlights highlighted the stage during the gala.",
        "The champions celebrated in the square.",
    ],
)
def test_stance_verbs_in_narration(sentence: str) -> None:
    assert speakers(sentence) == [None]


def test_stance_inside_reported_clause() -> None:
    sentence = "Tom Fisk could embrace a clean water policy, Ann Vole told the Harbor Times on Monday."
    assert speakers(sentence) == ["Ann Vole"]


# presenting something as what it is said to be: 'cast X as', 'painted X as', 'framed X as'
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ida Marsh cast her rival as a man without a plan.", "Ida Marsh"),
        ("The senator painted the ferry bill as a giveaway.", "The senator"),
        ("The mayor framed the recall vote as a test of trust.", "The mayor"),
        ("The union portrayed the strike as a last resort.", "The union"),
        ("Ann Vole has cast herself as the voice of dairy farmers.", "Ann Vole"),
        ("The senator paints the tax purely as relief for families.", "The senator"),
    ],
)
def test_presenting_as(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "Voters cast their ballots as the polls closed.",
        "The crew painted the fence as the sun set.",
        "The villagers cast their nets as soon as the tide turned.",
        "Tom Fisk was portrayed as a villain in the film.",
    ],
)
def test_presenting_without_as_object(sentence: str) -> None:
    assert speakers(sentence) == [None]


# political positions: endorsing and opposing anything; supporting or backing a measure or an idea; seeing,
# viewing or regarding something as what one believes it is
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Vole endorsed Tom Fisk for harbour master.", "Ann Vole"),
        ("The senator opposes the ferry bill.", "The senator"),
        ("Ida Marsh has supported the ban on night flights.", "Ida Marsh"),
        ("Most farmers backed a ban on tolls.", "Most farmers"),
        ("The senator sees the tax as a trap for pensioners.", "The senator"),
        ("The council regards the old pier as unsafe.", "The council"),
    ],
)
def test_political_positions(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "Steel beams support the roof of the hall.",
        "The bank backed the loan to the farm.",
        "The union backed away from the offer.",
        "The opposing team scored twice.",
        "The two boxers opposed each other in the final.",
        "Public support for the bill has grown.",
        "Tom Fisk saw the harbour as a boy.",
        "I saw him as he left the hall.",
    ],
)
def test_positions_in_narration(sentence: str) -> None:
    assert speakers(sentence) == [None]


def test_stance_suffered_yields_to_report() -> None:
    assert speakers("The toll plan was opposed by the union, the harbour master said.") == ["the harbour master"]


# an estimate: 'put X at' an amount; a belief of what one noticed; an irregular plural opening the clause
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Harbor Ledger put her fortune at $3 billion.", "Harbor Ledger"),
        ("Officials put the number of injured at more than 200.", "Officials"),
        ("Ann Vole noticed that none of the boats had returned.", "Ann Vole"),
        ("Strategists think women will decide the ferry vote.", "Strategists"),
    ],
)
def test_estimates_and_noticing(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "The clerk put the box at the door.",
        "The coach put the team at ease before 2 matches.",
        "The guard noticed a smell of smoke.",
    ],
)
def test_no_estimate_no_noticing(sentence: str) -> None:
    assert speakers(sentence) == [None]


# making no secret of something, and a memory told ('recalled what happened'), are the subject's account
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Vole has made no secret of her doubts about the ferry.", "Ann Vole"),
        ("The mill owner recalled what happened during the flood.", "The mill owner"),
        ("Tom Fisk recalled the day the cannery closed.", "Tom Fisk"),
        ("An old neighbour recalled him saying the bridge would fall.", "An old neighbour"),
    ],
)
def test_no_secret_and_memories(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "The carmaker recalled 5,000 vans.",
        "The ministry recalled its ambassador.",
        "The council made a secret deal with the firm.",
    ],
)
def test_recall_and_secret_as_actions(sentence: str) -> None:
    assert speakers(sentence) == [None]


# 'called to' + a verb is a demand as 'called for' is; a retort delivered is something said
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Vole called to ban the sale of the pier.", "Ann Vole"),
        ("Tom Fisk delivered a sharp retort to the council.", "Tom Fisk"),
    ],
)
def test_calls_to_and_retorts(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ida Marsh called to her dog across the field.",
        "The hearing was called to order at noon.",
    ],
)
def test_calling_out_loud(sentence: str) -> None:
    assert speakers(sentence) == [None]


# a stance verb followed by a particle of motion is a physical act: the closing reporting verb speaks
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Cyclone Ivo slammed into the Keld coast on Monday, cutting power, officials said.", "officials"),
        ("A Brim rocket blasted off from the Varn pad at dawn, the agency said.", "the agency"),
        ("The truck slammed through the barrier, police said.", "police"),
        ("Mayor Ada Venn slammed the toll plan.", "Ada Venn"),
    ],
)
def test_stance_verb_of_motion_is_no_cue(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# 'according to' a pronoun: the person or body it stands for speaks, also through a short possessed noun
# ('according to its figures'); a work named after the possessive stays the source as written
@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (
            ["Ada Venn ran the Keld mill for years.", "According to her, the mill will close in May."],
            [None, "Ada Venn"],
        ),
        (
            ["The Brim Institute said tolls were too low.", "According to its figures, the tolls cost 4 million."],
            ["Brim Institute", "Brim Institute"],
        ),
        (
            ["Tom Rice said the ferry was sold.", "According to his own account, he left in 1990."],
            ["Tom Rice", "Tom Rice"],
        ),
        (
            ["Tom Rice said the ferry was sold.", 'According to his memoir "Harbour Days", he left in 1990.'],
            ["Tom Rice", "his memoir"],
        ),
    ],
)
def test_according_to_a_pronoun(sentences: list[str], expected: list[str]) -> None:
    assert speakers(*sentences) == expected


# verdicts with a that-clause state what a court, inquiry or board holds true; with a plain object or an
# infinitive they are acts
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Keld court ruled that the toll was unlawful.", "The Keld court"),
        ("A judge blocked the Brim levy on Monday, ruling that it broke the charter.", "A judge"),
        ("The inquiry determined that the ferry had been overloaded.", "The inquiry"),
        ("The queen ruled Varn for forty years.", None),
        ("The board decided to close the Brim plant.", None),
    ],
)
def test_verdicts_with_a_clause(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# a ruling or investigating body's verdict: 'found', 'held', 'judged' with a clause (or an omitted 'that')
# state its finding; with a plain object they are acts, and a person's 'found that' is narration
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Brim tribunal found that the lease was void.", "The Brim tribunal"),
        ("The appeals court held that the Varn toll was lawful.", "The appeals court"),
        ("A federal appeals panel held that the ferry ban was lawful.", "A federal appeals panel"),
        ("A coroner found that the climber's death was accidental.", "A coroner"),
        ("Auditors found that the Keld accounts were wrong.", "Auditors"),
        ("The fire inspector found the wiring had been faulty.", "The fire inspector"),
        ("The ombudsman judged that the council had failed the Lee family.", "The ombudsman"),
        ("The lease was void, the tribunal found.", "the tribunal"),
        ("The jury found the bag in Ann Lee's car.", None),
        ("The Keld court held a hearing on the toll.", None),
        ("The jury found the Brim grocer guilty.", None),
        ("Ann Lee found that the ferry had left.", None),
        ("Tom Ek held that the toll was unfair.", None),
        ("Three judges held the trial in a small room in Keld.", None),
    ],
)
def test_a_ruling_body_finds(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# a person speaks as a ruling or investigating official by the title before the name; a body's verdict in
# a participle after its clause ('..., holding that ...'); a relative clause after a determiner's noun is
# none reported ('held a hearing that could last a week'); a time adjunct with 'this' before the clause
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Judge Ann Lee held that the Brim lease had expired.", "Ann Lee"),
        ("Chief Inspector Tom Ek found that the Keld wiring was faulty.", "Tom Ek"),
        ("Mayor Ann Lee found that her keys were missing.", None),
        ("The Keld court ruled against the council, holding that the lease had expired.", "The Keld court"),
        ("The tribunal sided with Ann Lee, judging that the dismissal was unfair.", "The tribunal"),
        ("The Brim court held a hearing that could last a week.", None),
        ("The jury is holding talks that will end on Monday.", None),
        ("The Keld police concluded this month that the brakes had failed.", "The Keld police"),
    ],
)
def test_ruling_officials_and_participles(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


def test_a_court_named_before_finds() -> None:
    assert speakers("The Keld High Court heard the lease case in May.", "The court found that the lease was void.") == [
        None,
        "Keld High Court",
    ]


# 'concluded' without its clause ends something; 'decided that day to ...' is a demonstrative and a time
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The inquiry concluded its hearings in Keld on Monday.", None),
        ("The Varn committee concluded its meeting early.", None),
        ("The Brim court decided that day to adjourn the case.", None),
        ("The panel ruled that morning that the ferry ban was lawful.", "The panel"),
        ("The inquiry concluded that the Keld ferry had been overloaded.", "The inquiry"),
    ],
)
def test_ends_and_times_are_no_verdicts(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# a gerund right before a finite verb is the bare subject of the reported clause ('said lending fell');
# prepositions spelled like gerunds are none ('said during the debate that ...')
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Keld central bank said lending fell in May.", "The Keld central bank"),
        ("The Brim bank said hiring would slow.", "The Brim bank"),
        ("Mayor Ada Venn said during the debate that tolls would rise.", "Ada Venn"),
    ],
)
def test_a_gerund_subject_after_said(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# a plural noun capitalised only because it opens the sentence is no name: its verb agrees with a plural
# ('Footprints suggest'), and a finding of things has no speaker; a name takes the singular
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Bones suggest that the cave was used for burials.", None),
        ("Fossils indicate that the lagoon was once salty.", None),
        ("Marquez suggests that the lagoon was once salty.", "Marquez"),
        ("Geologists suggest that the lagoon was once salty.", "Geologists"),
    ],
)
def test_plural_noun_opening_the_sentence(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# 'call' with an object and an adjective of verdict closing the clause gives a verdict in words; calling a
# person, a body or a meeting does not
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Minister Ida Holm called the blockade illegal.", "Ida Holm"),
        ("The union called the pay offer unacceptable and walked out.", "The union"),
        ("Tomas Berg called the verdict shameful, saying he would appeal.", "Tomas Berg"),
        ("Ida Holm called the fire brigade.", None),
        ("Ida Holm called the board meeting.", None),
        ("Ida Holm called the Harbor Council on Monday.", None),
    ],
)
def test_calling_with_a_verdict(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# 'point to' for a thing indicates (a market, clues, figures read as common nouns); people and bodies who
# point to something give it as their reason
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("In early trading, index futures pointed to a weaker open for shares.", None),
        ("The scorch marks on the stairs point to a fire started on purpose.", None),
        ("The regulator pointed to a rise in complaints about late trains.", "The regulator"),
        ("Economists pointed to weaker demand from abroad.", "Economists"),
    ],
)
def test_things_pointing_to(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# an adjective of order after the article belongs to the document it opens ('The first report showed'
# gave 'report'); it is no sentence opener there
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The first report showed that the dam had cracked twice.", "The first report"),
        ("The latest survey found that half the wells were dry.", "The latest survey"),
    ],
)
def test_order_adjective_in_a_document(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# 'according to' a description and the name right after it gives the name; a day after the source is no
# part of it
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The train derailed, according to the national rail operator KRail.", "KRail"),
        ("Tolls rose, according to the state statistics agency Statkeld.", "Statkeld"),
        ("Tolls rose, according to the agency Monday.", "the agency"),
        ("Tolls rose, according to Statkeld Monday.", "Statkeld"),
    ],
)
def test_according_to_a_description_and_its_name(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# a rejection verb whose object is given a verdict after 'as' is a judgement in words; 'as' opening an
# adjunct or a clause is not
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('Councillor Ivo Dane dismissed the scheme as "a vanity project."', "Ivo Dane"),
        ("The dockers' union rejected the pay offer as insulting.", "The dockers' union"),
        ("The board rejected the bid as part of a wider deal.", None),
        ("The coach dismissed two assistants as the season ended.", None),
    ],
)
def test_rejection_with_a_verdict_after_as(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# a title between a description and the name in apposition ('former Rep.', 'state Sen.'): the name speaks,
# and 'state' before a title is the office's level, no speech verb
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Her challenger, former Rep. Ivo Dane, said the levy was unfair.", "Ivo Dane"),
        ("His main rival, state Sen. Mila Ostrom, said the levy was unfair.", "Mila Ostrom"),
        ("The governor's opponent, state Attorney General Rui Sato, said the levy was unfair.", "Rui Sato"),
    ],
)
def test_description_then_titled_name(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# a name after 'in' or 'near' inside the noun phrase opening the clause places that phrase; the phrase
# speaks (through a spokesman, the body), not the place; a spokesperson named in apposition speaks
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("One cashier in Orlen said the tills were empty.", "One cashier in Orlen"),
        ("A spokesman for the ministry in Varn said the tills were empty.", "the ministry in Varn"),
        ("Farmers near Orlen said the wells were dry.", "Farmers near Orlen"),
        ("A spokeswoman for the Orlen Water Board, Ida Brun, said the wells were dry.", "Ida Brun"),
        ("A spokesman for the ministry in Varn, Pol Asker, said the wells were dry.", "Pol Asker"),
    ],
)
def test_located_subject_and_named_spokesperson(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# participles used as adjectives before a speaker's head ('the governing body', 'the ruling party'); a
# body with an organisation's modifier speaks, 'the body' alone may be a corpse
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The ban was fair, the governing body added.", "the governing body"),
        ("The count was rigged, the ruling party said.", "the ruling party"),
        ("The grass was too long, the visiting coach said.", "the visiting coach"),
        ("The tariffs will hurt growers, the industry body said.", "the industry body"),
        ("The body showed signs of a fall.", None),
    ],
)
def test_attributive_participles_and_bodies(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# a title with its domain and no personal name is the office that speaks, not the domain; a name in
# apposition or after the domain is the holder
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Governor of Keldia said the dam would hold.", "Governor of Keldia"),
        ("The Secretary of State said the talks would resume.", "Secretary of State"),
        ("The Mayor of Orlen, Ida Brun, said the dam would hold.", "Ida Brun"),
        ("Governor of Keldia Pol Asker said the dam would hold.", "Pol Asker"),
    ],
)
def test_office_with_its_domain(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# a continent or wider region after a body's purpose is the scope inside its name, while a city after a
# body says where it sits; where a spokesman spoke is no part of whom he speaks for
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Council for Water Rights in Africa said the dam was unlawful.", "Council for Water Rights in Africa"),
        ("The Forum on Ports in Latin America said fees were rising.", "Forum on Ports in Latin America"),
        ("The Orlen Institute for Trade Studies in London said fees were rising.", "Orlen Institute for Trade Studies"),
        ("A Varn Holdings spokeswoman in Oslo said profits fell.", "A Varn Holdings spokeswoman"),
    ],
)
def test_scope_of_a_body_and_where_a_spokesman_spoke(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]
