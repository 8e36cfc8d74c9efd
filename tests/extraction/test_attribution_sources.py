"""Attribution: sources that are documents, polls and data, layered attribution, noun and belief cues
(invented sentences only, none from an evaluation set)."""

from __future__ import annotations

import pytest

from .test_attribution import run

CASES = [
    # a name modifying a lowercase organisation head after 'by'/'from': the author is the whole body
    (
        [
            [
                "Data from the Orlen statistics office showed that rents rose.",
                "A report by the Varn police department said burglaries fell.",
            ]
        ],
        ["the Orlen statistics office", "the Varn police department"],
    ),
    # a document dated by a year, a day or a month, inverted after the quotation it is quoted for; a
    # capitalised word after the determiner that is no date still opens a name
    (
        [
            [
                '"The bridge is a disgrace," reads a Wednesday editorial in the Keld Courier.',
                '"Rents rose by half," concluded a 2019 study by the Keld Institute.',
                '"Fares will rise," said the March report.',
                '"Fares will rise," said the Harbor Board.',
            ]
        ],
        ["a Wednesday editorial", "Keld Institute", "the March report", "Harbor Board"],
    ),
    # what the figures count, capitalised as the sentence's first word, is no owner's name
    (
        [["Housing statistics published on Monday showed that rents rose.", "Customs data show imports fell in May."]],
        ["Housing statistics", "Customs data"],
    ),
    # a document's author after 'from' keeps the floor past its own apposition
    (
        [["Figures from Statvale, the national statistics bureau, showed that exports fell."]],
        ["Statvale"],
    ),
    (
        [["A study by the Orlen Institute, the country's oldest think tank, found that rents doubled."]],
        ["Orlen Institute"],
    ),
    # data and figures speak like other documents, also when a time adjunct or a second clause follows the
    # closing verb; a bare document noun opening the sentence gives way to its author or owner, and a
    # sentence-initial owner noun ('Court', 'State') stays part of the document phrase
    (
        [
            [
                "Ferry traffic rose by a fifth in the spring, official figures showed on Friday.",
                "Bakery prices climbed again last month, data from the consumer office showed on Tuesday, beating forecasts.",
                "Timber exports slumped in June, government data showed, as demand from builders cooled.",
                "Figures from the Harbor Board show that the marina doubled its moorings.",
                "Valley Radio exit poll data revealed deep unease about the bypass.",
                "Court records show the bakery paid no rent for a year.",
                "- One poll shows Ada Cole ahead by nine points.",
                "Grain prices eased in the afternoon, data from the exchange showed.",
                "A letter from the water board said the reservoir would stay shut.",
                "A notice from the ferry desk said the crossing would stay shut.",
            ]
        ],
        [
            "official figures",
            "the consumer office",
            "government data",
            "Harbor Board",
            "Valley Radio",
            "Court records",
            "One poll",
            "data from the exchange",
            "the water board",
            "A notice from the ferry desk",
        ],
    ),
    # 'add' with an amount as its object is no speech: the frame's source or the closing speaker holds
    (
        [
            [
                "According to the audit office, the tunnel adds $3 billion to the debt.",
                "The ferry line added 40 sailings this summer, the harbour master said.",
                "In the spring, the firm added about 300 jobs.",
                "Ada Cole added 40 percent of the ballots were still uncounted.",
            ]
        ],
        ["the audit office", "the harbour master", None, "Ada Cole"],
    ),
    # 'according to' a document: its named author speaks, else its named owner, else the document as
    # written with its modifiers (a reduced relative included)
    (
        [
            [
                "A third of the region's orchards flooded in May, according to a 2019 Agriculture Department study.",
                "Rents rose 12 percent in the spring, according to new data from the housing office.",
                "The port missed its targets, according to a memo sent Thursday by the port's auditor.",
                "The tunnel will cost 3 billion dollars, according to a fact sheet the council handed out Tuesday.",
            ]
        ],
        [
            "Agriculture Department",
            "new data from the housing office",
            "a memo sent Thursday by the port's auditor",
            "a fact sheet the council handed out Tuesday",
        ],
    ),
    (
        [
            [
                "Turnout fell by a third, according to preliminary results of street surveys conducted by Vale Research.",
                "Ticket sales doubled, according to a recent report from Brightwater Analytics.",
                "According to a 2017 survey, most anglers release their catch.",
                "The club has 300 members, according to a tally by the Harbor Ledger.",
                "The mill closed in 1990, according to Ben Ott's memoir.",
            ]
        ],
        ["Vale Research", "Brightwater Analytics", "a 2017 survey", "Harbor Ledger", "Ben Ott's memoir"],
    ),
    (
        [
            [
                "But according to newly leaked Harbor Party documents, the party plans to merge with the Greens.",
                "According to conservative columnist Tom Ek, the play runs too long.",
                "According to the draft schedule published Thursday, the ferry will stop at Lundby.",
                "Rents rose, according to a report by local economist Ida Berg.",
                "According to police, the bridge was closed at noon.",
            ]
        ],
        ["Harbor Party", "Tom Ek", "the draft schedule published Thursday", "Ida Berg", "police"],
    ),
    # 'as (first) reported by X', ', first reported by X,': the outlet is the source; 'first reported by'
    # without 'as' or a comma is an event
    (
        [
            [
                "As reported by the Valley Gazette, the council approved the measure last year.",
                "As first reported by the Harbor Ledger, the mayor will resign in June.",
                "The plan, first reported by the Coastal Ledger on Tuesday, would close two schools.",
                "As first reported by the Harbor Ledger, Mayor Ann Lee said she would resign.",
                "The theft was first reported by a neighbor.",
            ]
        ],
        ["Valley Gazette", "Harbor Ledger", "Coastal Ledger", "Ann Lee", None],
    ),
    # layers: the person a paper quotes speaks ('quoted X as saying'); after 'according to X,' a speaker
    # with a speech verb of their own speaks, else X
    (
        [
            [
                "Premier Ivo Lind flew to Oslo on Monday.",
                "State radio quoted him as saying the border would stay closed.",
                "The daily Kurier quoted Minister Rasa Ode as saying the plan would go ahead.",
                "The Harbor Ledger cited an unnamed aide as saying the mayor would resign.",
                "According to the Harbor Ledger, Ida Berg said the plan would go ahead.",
                "According to the Harbor Ledger, the plan will go ahead.",
                "Ida Berg said, according to the Harbor Ledger, that the plan would go ahead.",
            ]
        ],
        [None, "Ivo Lind", "Rasa Ode", "an unnamed aide", "Ida Berg", "Harbor Ledger", "Ida Berg"],
    ),
    # a statement sent or put out with its content after it is a speech act of the sender
    (
        [
            [
                "The mayor's office sent out a statement reassuring residents that the water was safe.",
                "The league put out a release saying the final would be moved.",
                "The school sent out a notice warning parents that classes would be cancelled.",
                "The clinic sent out letters to patients on Monday.",
                "Crews put out the fire by noon.",
            ]
        ],
        ["The mayor's office", "The league", "The school", None, None],
    ),
    # belief verbs with a that-clause or a finite clause; the noun forms and plain objects are no cues
    (
        [
            [
                "Ms. Ana Tan anticipated that the talks would stall.",
                "Analysts foresee that rates will rise again next year.",
                "Ben Ott figured that the vote would fail.",
                "Traders bet that the bank would cut rates.",
                "Ida Berg sensed the mood had shifted.",
                "Investors presume the merger will close.",
                "The mayor envisions that the park will open in May.",
            ]
        ],
        ["Ana Tan", "Analysts", "Ben Ott", "Traders", "Ida Berg", "Investors", "The mayor"],
    ),
    (
        [
            [
                "The figures that the ministry released show a drop.",
                "His bet that the team would win paid off.",
                "The company figured prominently in the report.",
                "A sense that the war was lost spread among the troops.",
            ]
        ],
        [None, None, None, None],
    ),
    # the possessive owner of a claim noun with a that-clause speaks its content; a reporting verb of the
    # sentence comes first; a relative 'that' or a noun that says nothing is no cue
    (
        [
            [
                "The party's allegations that the vote was rigged were dismissed.",
                "Ann Lee's repeated warning that the dam would fail went unheeded.",
                "The Harbor Union's claim that wages had fallen was disputed.",
                "Judge Ida Berg rejected the party's claim that the vote was rigged.",
                "The party's claim that was rejected last week returned.",
                "The mayor's plan that the council adopted failed.",
            ]
        ],
        ["The party", "Ann Lee", "Harbor Union", "Ida Berg", None, None],
    ),
    # document subjects: owners joined by a slash or 'of', authors joined by 'and', 'by' after a dated
    # participle, and a subject found inside the document's own modifier
    (
        [
            [
                "A Harbor Ledger/Valley Radio poll released Saturday found that a third of anglers favour the ban.",
                "A University of Vale poll out this week shows the levy losing support.",
                "A regional poll published Sunday by the Harbor Ledger and Valley Radio shows the levy losing.",
                "A study by Ann Lee and Tom Ek of Vale University concluded that the moss grows faster in shade.",
                "A Vale poll of local voters has revealed that the mayor is unpopular.",
                "A Coastal Institute survey of the county's farmers found that most of them sell online.",
            ]
        ],
        ["Valley Radio", "University of Vale", "Harbor Ledger", "Ann Lee", "Vale", "Coastal Institute"],
    ),
    # more document subjects: a closing one with a long modifier, a relative clause between commas, an
    # author with lowercase words of office, footage and disclosures
    (
        [
            [
                "The dairy sold 40 tonnes of butter abroad, Customs Board records compiled by the Vale Trade Center show.",
                "An Ada Institute survey of beekeepers, who keep most of the hives, found that most of them lost bees.",
                "A 2012 examination by the nonpartisan Civic Watch found that the ferry lost money.",
                "A survey conducted by freelance statistician Rosa Ek found that most bakers open before dawn.",
                "Footage from the harbour shows that the ferry left late.",
                "The mill owes 2 million dollars in back rent, disclosures filed on Friday revealed.",
                "Lee filed disclosures on Sunday.",
                "The video ran for hours.",
            ]
        ],
        [
            "Vale Trade Center",
            "Ada Institute",
            "Civic Watch",
            "Rosa Ek",
            "Footage from the harbour",
            "disclosures",
            None,
            None,
        ],
    ),
    # a poll after 'in' is the source of its figures (a study or report only opening the sentence); a
    # comparison ('than in') is none; a poll's respondents speak through the poll
    (
        [
            [
                "In a Harbor Ledger poll released Monday, 61 percent of readers picked the blue flag design.",
                "In a 2019 study, most anglers released their catch.",
                "Lee holds a narrow lead in the latest Valley Radio poll.",
                "Lee took part in a study of sleep in 2019.",
                "In a statement, the mayor said the dam was safe.",
                "The Coastal Ledger poll found Lee further ahead than in other polls.",
            ]
        ],
        ["Harbor Ledger", "a 2019 study", "Valley Radio", None, "the mayor", "Coastal Ledger"],
    ),
    (
        [
            [
                "Most Americans say they would pay more for local cheese, according to a Harbor Ledger poll.",
                "Rural voters said the buses were late, according to a new survey.",
                "Officials said the dam was safe, according to a report.",
                "Most Americans say they would pay more for local cheese, according to Ann Lee.",
            ]
        ],
        ["Harbor Ledger", "a new survey", "Officials", "Americans"],
    ),
    (
        [
            [
                "Senator Ivo Lind spoke on Monday.",
                "His warning that the dam would fail went unheeded.",
            ]
        ],
        [None, "Ivo Lind"],
    ),
]


@pytest.mark.parametrize(("paragraphs", "speakers"), CASES)
def test_speakers(paragraphs: list[list[str]], speakers: list[str | None]) -> None:
    assert [r.speaker for r in run(*paragraphs)] == speakers
