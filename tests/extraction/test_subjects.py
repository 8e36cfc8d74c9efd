"""Subjects of reporting cues: long, post-modified, coordinated and interrupted subjects.

Every sentence is invented; each case stands for a construction of English.
"""

from __future__ import annotations

import pytest

from claims.extraction.attribution import attribute

from .test_attribution import article
from .test_attribution import paragraph_speakers as speakers

CASES = [
    # two modifiers between an owner and the head of the description
    ("The Harbor League's chief legal counsel said the lease was void.", "The Harbor League's chief legal counsel"),
    ("Velmora's deputy health minister told reporters the clinics were full.", "Velmora's deputy health minister"),
    # coordinated verb phrases sharing a long subject: the subject of the first verb says
    (
        "Several retired diplomats with long service in the region bristled at the plan and said it would fail.",
        "Several retired diplomats with long service in the region",
    ),
    ("The veteran senator spent two years in a prison camp and says such methods are cruel.", "The veteran senator"),
    ("The young teacher flew home from the coast and said the runway was too short.", "The young teacher"),
    (
        "Two local farmers with land near the river met the inspectors and said the water was clean.",
        "Two local farmers with land near the river",
    ),
    (
        "Other retired officers with no part in the rescue but with long experience at sea bristled "
        "at the report and said the landing was safe.",
        "Other retired officers with no part in the rescue but with long experience at sea",
    ),
    (
        "Other former Navy officers with no role in the inquiry grumbled at the report and said the order was right.",
        "Other former Navy officers with no role in the inquiry",
    ),
    ("Local farmers oppose the new canal, arguing that it would drain the wells.", "Local farmers"),
    ("The harbour officers reject the plan, saying that the channel is too narrow.", "The harbour officers"),
    # an aside between dashes typed as two hyphens
    (
        "The union's former treasurer -- Ada Lund, who retired in 2010 -- said the budget was wrong.",
        "Ada Lund",
    ),
    ("Ivo Dane -- a ferry captain for thirty years -- says the harbour is too shallow.", "Ivo Dane"),
    # a time adverb or a bare weekday between the subject and its verb
    ('Carmen Diaz later Thursday told the Herald: "The talks are over."', "Carmen Diaz"),
    ("Oskar Lindgren Tuesday night told reporters the mine would reopen.", "Oskar Lindgren"),
    ("Mira Kovac earlier Monday said the vote would be delayed.", "Mira Kovac"),
    # a possessive determiner, a capitalised modifier and a lowercase head
    ("The province's Liberal party leader said the count was fair, but slow.", "The province's Liberal party leader"),
    ("The county's Green party chairman said the turnout was low.", "The county's Green party chairman"),
    ("The city's Catholic parish priest says the shelter is full.", "The city's Catholic parish priest"),
    # coordinated descriptions sharing a determiner
    (
        '"We will not move," the Ohio senator and Democratic presidential candidate said in a statement.',
        "the Ohio senator and Democratic presidential candidate",
    ),
    (
        "The Vermont lawyer and former city treasurer said the audit was overdue.",
        "The Vermont lawyer and former city treasurer",
    ),
    (
        '"The bridge stays shut," the retired engineer and Labour councillor said.',
        "the retired engineer and Labour councillor",
    ),
    # a subject with an infinitival or prepositional post-modifier
    (
        "The last woman to win the state's governorship says she doesn't think the mayor will run.",
        "The last woman to win the state's governorship",
    ),
    (
        "The first farmer to sell his land to the dam company said he regretted it.",
        "The first farmer to sell his land to the dam company",
    ),
    ("The only candidate to visit every county says the roads are poor.", "The only candidate to visit every county"),
    (
        "Even the organiser of a large harbour festival said the rules were too strict.",
        "the organiser of a large harbour festival",
    ),
    ("A nurse from the northern valley said the clinic had closed.", "A nurse from the northern valley"),
    # inverted subject after the verb: coordinated lowercase titles before a name, an apposition after it
    (
        "The company paid its suppliers late in both years, said accountant and former auditor Peter Hale, "
        "the firm's longtime adviser.",
        "Peter Hale",
    ),
    (
        "The harbour will be dredged next spring, said engineer and former diver Lena Strand, who works for the port.",
        "Lena Strand",
    ),
    (
        "Prices rose sharply in the autumn, said economist and radio host Daniel Ferro.",
        "Daniel Ferro",
    ),
    (
        "The ferry paid its crews late, said lawyer and Green party activist Tomas Reed, a critic of the firm.",
        "Tomas Reed",
    ),
    # 'X of Y' with a relational person head: the relation speaks, not the one it relates to
    ("The former wife of the senator blames his aide for the scandal.", "The former wife of the senator"),
    ("The eldest son of the painter said the portrait was a forgery.", "The eldest son of the painter"),
    ("A close friend of the mayor says the resignation was planned.", "A close friend of the mayor"),
    # ... and an apposition whose closing comma is missing still yields to the name before it
    ("Tomas Reed, a close friend of the mayor said the deal was done.", "Tomas Reed"),
    ("Lina Berg, the press officer for the harbour board said in a statement.", "Lina Berg"),
    # a plural description without a determiner, several modifiers before its head
    ("Harbor election officials say the ballots were counted twice.", "Harbor election officials"),
    ("Local law enforcement officers said the road would stay closed.", "Local law enforcement officers"),
    ('Ivo Lund said he "cannot leave the house" without neighbours asking him about the strike.', "Ivo Lund"),
    # a named subject with its apposition before the verb, not the noun opening the reported clause after it
    (
        "Tomas Vale, a spokesman for the port, said the plan to close the dock was drawn up last year.",
        "Tomas Vale",
    ),
    ("Lina Berg, the head of the ferry union, said the plan to cut wages was unfair.", "Lina Berg"),
    # a noun that doubles as a speech verb modifying a head
    ("The state inspectors whose budgets were cut say the roads will suffer.", "The state inspectors"),
    (
        "The Vermont lawyer and former state treasurer said the audit was late.",
        "The Vermont lawyer and former state treasurer",
    ),
    # coordinated subjects, relatives and appositions: the named first conjunct speaks
    ("Ada Reed and her opponents in the council race have said they will repeal the tax.", "Ada Reed"),
    ("Ivo Lund and others who oppose the canal said the vote came too early.", "Ivo Lund and others"),
    ("Ivo Lund and his aides who oppose the canal said the vote came too early.", "Ivo Lund"),
    ("The farmers whose fields were flooded say the canal was badly built.", "The farmers"),
    (
        "Even the club's oldest members, like Ivo Lund and Ada Reed, say the budget should be cut.",
        "the club's oldest members",
    ),
    # a spokesperson speaks for the body named after them: the body is the speaker
    ("A spokeswoman for the harbour board said the ferry would sail.", "the harbour board"),
    (
        "Harbour engineers and city officials, however, said the dam would hold.",
        "Harbour engineers and city officials",
    ),
    ("Local doctors and hospital nurses, meanwhile, say the ward is full.", "Local doctors and hospital nurses"),
    (
        "Ada Moss, who had just toured the docks, did not name the mayor, but told union members that the budget "
        "was too small.",
        "Ada Moss",
    ),
    ("Ivo Lund met the ferry crews on Friday and told reporters that the strike was over.", "Ivo Lund"),
    ("Fares, said Ivo Lund and others, will rise before the summer.", "Ivo Lund and others"),
    ("The canal will be closed, said Ada Reed and colleagues, until the spring.", "Ada Reed and colleagues"),
]


@pytest.mark.parametrize(("sentence", "speaker"), CASES)
def test_subject(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


def test_restricted_description_is_not_an_earlier_person() -> None:
    """'the last senator to ...' names someone new: not the senator named before, nor an earlier group
    whose last word it shares."""
    text, sents = article(
        ["Senator Ida Moss said the vote was close.", "The last senator to leave the chamber said it was late."],
        [
            "Insiders across the four valley towns said the road was shut.",
            "Insiders in two coastal towns said it was open.",
        ],
    )
    assert [a.speaker for a in attribute(text, sents)] == [
        "Ida Moss",
        "The last senator to leave the chamber",
        "Insiders across the four valley towns",
        "Insiders in two coastal towns",
    ]


NEGATIVE = [
    # no person is the subject: the post-modified noun is a thing, or the verb's clause is a relative one
    "The plan to widen the road says nothing about the trees.",
    "A map of the old harbour shows the wreck near the pier.",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_no_person_subject(sentence: str) -> None:
    assert speakers(sentence) == [None]


# The object of a place preposition ('at the Palace Hotel in Lagos') is no subject of a verb coordinated
# after it; the clause's own subject speaks. Verbs of the first clause in irregular past forms ('slept')
# and collective nouns ('the crew', 'the jury') still find that subject.
COORDINATED_AFTER_PLACE = [
    ('Okafor took the stage Monday at the Palace Hotel in Lagos and called the tax plan "a disaster."', "Okafor"),
    ("Vance spoke at last week's Harbor Trade Forum in Dorrow and delivered a warning about tariffs.", "Vance"),
    ("Ruiz appeared at Monday's Dorrow Book Fair and said the prize was rigged.", "Ruiz"),
    ("Ann Best slept at the Grand Hotel but told reporters the rooms were cold.", "Ann Best"),
    ("The ferry crew waited in Port Alder and said the storm had passed.", "The ferry crew"),
    ("The jury deliberated for a day and said the evidence was weak.", "The jury"),
]


@pytest.mark.parametrize(("sentence", "speaker"), COORDINATED_AFTER_PLACE)
def test_a_place_object_is_no_subject_of_the_coordinated_verb(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# A report closing the sentence after a comma frames everything before it: a pronoun's cue inside that
# content is not the sentence's speaker.
CLOSING_REPORTS = [
    ("He vowed to beat Tanaka in the primary, Ortiz said.", "Ortiz"),
    ("They promised to reopen the mine by spring, the union leader said.", "the union leader"),
]


@pytest.mark.parametrize(("sentence", "speaker"), CLOSING_REPORTS)
def test_a_closing_report_frames_a_pronoun_cue(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


def test_a_pronoun_cue_without_a_closing_report_keeps_its_person() -> None:
    assert speakers("Tom Lee ran the port.", "He vowed to beat Tanaka in the primary.") == [None, "Tom Lee"]


# Inverted subjects with a possessive owner ('said the bureau's director, Jane Moss'); a belief verb
# closing the sentence after a comma holds the clause before it; a document's participle with 'by' is no
# cue of the document, its author speaks; court papers speak for their issuer.
MORE = [
    ("The agency found no link, said the bureau's director, Jane Moss.", "Jane Moss"),
    ("The pier is unsafe, said the harbour's chief engineer.", "the harbour's chief engineer"),
    ("The port will reopen by June, Okafor maintains.", "Okafor"),
    ("The vote was rigged, many residents believe.", "many residents"),
    ("A campaign email written by Lena Varga warned that the fight would be hard.", "Lena Varga"),
    ("A memo sent out by Omar Reyes on Monday said the lease was void.", "Omar Reyes"),
    ("The statement issued by the Dorrow Port Authority said the pier was closed.", "Dorrow Port Authority"),
    ("The judge's order said the lease was void.", "The judge's order"),
    ("The court's ruling said the contract was valid.", "The court"),  # an owner that is an institution speaks
]


@pytest.mark.parametrize(("sentence", "speaker"), MORE)
def test_more_subject_and_source_shapes(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


def test_a_belief_verb_needs_its_clause_or_a_closing_position() -> None:
    assert speakers("Tom Lee, who fears the worst, left early.") == [None]


# The agent of a passive speech act speaks; a passive action's agent does not.
PASSIVE_AGENTS = [
    ("Ruiz was asked by moderator Ann Cole whether the tax plan would pass.", "Ann Cole"),
    ("The plan was criticised by the fishermen's union as reckless.", "the fishermen's union"),
    ("He was told by doctors that the injury would heal.", "doctors"),
    ("The bridge was built by the army in 1950.", None),
    ("The ferry was rescued by a fishing crew near the cape.", None),
]


@pytest.mark.parametrize(("sentence", "speaker"), PASSIVE_AGENTS)
def test_the_agent_of_a_passive_speech_act_speaks(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# An inverted subject whose name follows a description the plain readers stop inside.
NAMED_DESCRIPTIONS = [
    ('"The dam is safe," said another Facebook user, Ann Best.', "Ann Best"),
    ('"The pier will hold," said one Dorrow resident, Carl Moss.', "Carl Moss"),
    ('"Nobody warned us," said a longtime Harbor Club member, Rita Vale.', "Rita Vale"),
    ('"We are ready," said master of ceremonies Tom Vint, who ran the gala.', "Tom Vint"),
    ('"The budget is tight," said chief of staff Lena Ortis.', "Lena Ortis"),
    ('"No comment," said director of communications Omar Fell in a statement.', "Omar Fell"),
    ('"It was a trap," said the base chief known as Bob.', "Bob"),
    ('"We won the race," said the veteran driver nicknamed Turbo.', "Turbo"),
    ('"The tide is turning," said a local fisherman called Jim Hale.', "Jim Hale"),
    ('"The market will recover," wrote a trader calling himself Bull Run.', "Bull Run"),
    ('"Sell everything now," wrote a blogger calling herself Red Fox.', "Red Fox"),
    # no office before a name: a group with its own modifier, a participle with another complement
    ('"We lost," said members of the union Local 12.', "members"),
    ('"It is fine," said the officer known for his temper.', None),
]


@pytest.mark.parametrize(("sentence", "speaker"), NAMED_DESCRIPTIONS)
def test_a_name_after_an_inverted_description_speaks(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# An inverted organisation name goes on over connectors once it has crossed one after its head.
CHAINED_ORGS = [
    (
        '"Fares must fall," said the Joint Council for the Welfare of Farmworkers.',
        "Joint Council for the Welfare of Farmworkers",
    ),
    ('"We are broke," said the Dorrow Council of the Friends of Parks.', "Dorrow Council of the Friends of Parks"),
    (
        '"Rents are too high," said the Dorrow Society for the Protection of Tenants.',
        "Dorrow Society for the Protection of Tenants",
    ),
    (
        '"The reef is dying," said the Institute for the Study of Coral Reefs in a report.',
        "Institute for the Study of Coral Reefs",
    ),
]


@pytest.mark.parametrize(("sentence", "speaker"), CHAINED_ORGS)
def test_an_inverted_organisation_name_crosses_its_connectors(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# A bracketed party or short tag after a name does not hide the name from the clause or apposition rules.
BRACKETED_TAGS = [
    ('Rep. Ann Lee (D-Ore.) reacted to the news, saying: "This is a disgrace."', "Ann Lee"),
    ('Gov. Tom Vint (R) vetoed the bill on Friday, calling it "a tax grab."', "Tom Vint"),
    ("Rep. Ann Lee (D-Ore.) has long opposed the dam, arguing that it would flood the valley.", "Ann Lee"),
    ("The Dorrow Port Authority (DPA) rejected the bid, arguing that the pier was unsafe.", "Dorrow Port Authority"),
    ("Sen. Ray Holt (R-Ore.), a critic of the trade deal told reporters the vote would fail.", "Ray Holt"),
    ("Rep. Lia Moss (D-Vt.), the author of the port bill said the vote was close.", "Lia Moss"),
]


@pytest.mark.parametrize(("sentence", "speaker"), BRACKETED_TAGS)
def test_a_bracketed_tag_after_a_name(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# A document subject after opening adverbials (one or several, each closed by its comma).
DOCUMENTS_AFTER_ADVERBIALS = [
    (
        "Amid a rough week for the mayor, and with polls showing her rival ahead, a report by the Dorrow Herald"
        " says that the race is close.",
        "Dorrow Herald",
    ),
    ("Amid a rough week for the mayor, a report by the Dorrow Herald says that the race is close.", "Dorrow Herald"),
    (
        "On Monday, after the storm had passed, a study by the Vale Institute found that the dunes had moved.",
        "Vale Institute",
    ),
]


@pytest.mark.parametrize(("sentence", "speaker"), DOCUMENTS_AFTER_ADVERBIALS)
def test_a_document_subject_after_opening_adverbials(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# A plural person noun whose prepositional modifier joins two objects with 'and' or 'or': the whole phrase
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Experts on trade and tariffs said the levy would raise prices in Keld.", "Experts on trade and tariffs"),
        (
            "Lawyers for the growers and the packers said the deal would hold until March.",
            "Lawyers for the growers and the packers",
        ),
        ("Critics of the toll or the bridge said the plan was too costly.", "Critics of the toll or the bridge"),
    ],
)
def test_a_coordinated_modifier_of_a_plural_subject(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]
