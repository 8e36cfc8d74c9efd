"""Attribution, third round: constructions counted among the misses on unseen news, each with invented
sentences (none from an evaluation set)."""

from __future__ import annotations

import pytest

from .test_attribution import run

CASES = [
    # a part of a group before a restrictive relative clause opens the clause: the part speaks, not the
    # object inside the relative clause
    (
        [
            [
                "One of the pilots who signed the petition said the runway was unsafe.",
                "Several of the bakers who lost their stalls said the market had been mismanaged.",
                "Two of the nurses who wrote the letter called the ward a disgrace.",
            ]
        ],
        ["One of the pilots", "Several of the bakers", "Two of the nurses"],
    ),
    # 'said he jumped' after a subject and its relative clause: 'he' opens the reported clause, no inverted
    # subject; the passive 'was quoted by X as saying' keeps its subject; an issuer after 'released by';
    # a time adjunct never joins an organisation's name; a name's suffix before a relative clause; 'who'
    # after a plural or a person's noun makes them speakers
    (
        [
            [
                "The skipper, who declined to give his name, said he sailed from the harbour at dawn.",
                "Warden Ola Brandt was quoted by local radio as saying that the lynx had been seen again.",
                "A statement released by the palace said the queen would attend.",
                "A report released by the Vale Institute on Monday found that rents rose.",
                "Tom Reyes Jr., who was in Dorrow, Ohio, last week, said the deal was fair.",
                "The toll drew criticism from haulage firms, who said it would ruin them.",
                "The question came from a retired nurse, who said the bus was always late.",
            ]
        ],
        [
            "The skipper",
            "Ola Brandt",
            "the palace",
            "Vale Institute",
            "Tom Reyes",
            "haulage firms",
            "a retired nurse",
        ],
    ),
    # a report closing the sentence after a comma, also before a short time adjunct, frames a finding, a
    # generic subject's or a pronoun's cue inside it; a named speaker's own cue stays theirs, and an -ed
    # form of a thing's noun with its time is a participle ('a plan announced Friday')
    (
        [
            [
                "Researchers at the Vale Institute have found a new moth in the dunes, the institute said on Monday.",
                "Volunteers have counted fewer otters this year, the trust said.",
                "The orchestra said the tour would go ahead, the Harbor Ledger reported.",
                "The ferry keeps its winter sailings, a timetable published earlier this year.",
                "The pilot had flown 3,000 hours, the airline said Thursday.",
                "Ada Cole said the bridge had a crack, something that Ben Ross mocked.",
            ]
        ],
        ["Vale Institute", "the trust", "The orchestra", None, "the airline", "Ada Cole"],
    ),
    # an inverted subject with lowercase and capitalised modifiers before the name
    (
        [
            [
                '"The bridge will open soon," said retired Navy Capt. Tom Riley, who ran the port.',
                '"We saw nothing," said first-time voter Mary Fox of Leeds.',
                '"He is an old friend," said Riley ally Paul Grant.',
                '"It will pass," said Budget Committee ranking Republican Ann Best (R-Ohio).',
            ]
        ],
        ["Tom Riley", "Mary Fox", "Paul Grant", "Ann Best"],
    ),
    # an inverted description without a name, capitalised or not
    (
        [
            [
                '"It works," added one Ohio Democrat.',
                '"It fails," said one veteran party strategist.',
                '"It is late," said a Texas Republican, speaking after the vote.',
            ]
        ],
        ["one Ohio Democrat", "one veteran party strategist", "a Texas Republican"],
    ),
    # a party or description word before a name is no part of the name
    (
        [
            [
                "Ohio Democrat Tom Riley voted against the bill.",
                '"It is a bad law," said Riley.',
                "Billionaire Ann Best bought the team in May.",
                '"We will win," Best said.',
            ]
        ],
        [None, "Tom Riley", None, "Ann Best"],
    ),
    # a description of a person speaks like a name, wherever it stands
    (
        [
            [
                "The retired banker says managing a town is hard.",
                '"It is a fine day," the Ohio governor said.',
                '"We lost," the Riverton singer says of the match.',
                "The longtime volunteers say raising money got harder.",
            ]
        ],
        ["The retired banker", "the Ohio governor", "the Riverton singer", "The longtime volunteers"],
    ),
    # 'the TITLE of/from Place' is the office holder, linked to the person an apposition or 'is' described
    (
        [
            [
                "Ann Lee is the mayor of Riverton.",
                "The mayor of Riverton said the bridge was safe.",
                "Tom Best, the senator from Ohio, toured the plant.",
                "The senator from Ohio said the plant would stay open.",
            ]
        ],
        [None, "Ann Lee", None, "Tom Best"],
    ),
    (
        [["The governor of Ohio said the budget was sound.", "The senator from Utah says the law is flawed."]],
        ["The governor of Ohio", "The senator from Utah"],
    ),
    # a second verb of the subject, past a comma before 'but' and a venue or time adjunct before 'that'
    (
        [
            [
                "The firm refused to discuss prices but said in a statement that it had done nothing wrong.",
                "Ann Lee would not discuss the vote, but said the bridge was safe.",
                "Tom Best toured the plant and said on Monday that it would close.",
            ]
        ],
        ["The firm", "Ann Lee", "Tom Best"],
    ),
    # an infinitive said by the subject of 'go on' or 'pause'; after 'decline' nothing is said, but the
    # refusal itself is the subject's answer (see test_cue_classes.py)
    (
        [
            [
                "Ann Lee went on to say that the bridge was safe.",
                'Lee paused to add: "We will build it."',
                "Lee declined to say whether the bridge was safe.",
                "The memo goes on to say that the bridge is safe.",
            ]
        ],
        ["Ann Lee", "Ann Lee", "Ann Lee", "The memo"],
    ),
    # a colon announcing the quotation of the next paragraph, after a weak verb or an inverted subject
    (
        [["Ann Lee is the mayor of Riverton.", "Lee continued:"], ['"We will build the bridge."']],
        [None, "Ann Lee", "Ann Lee"],
    ),
    (
        [["Tom Best spoke next.", "He recalled:"], ['"It was a cold night."']],
        [None, "Tom Best", "Tom Best"],
    ),
    # a quotation opening a paragraph, attributed nowhere, is the person the sentence before opens with
    (
        [["Ann Lee is hopeful about the bridge."], ['"We will build it. It will be safe."'], ["The bridge opened."]],
        [None, "Ann Lee", None],
    ),
    (
        [["The bridge opened in May."], ['"It is lovely."']],
        [None, None],
    ),
    # a clause ending in a colon before a quotation that closes the sentence: the person it opens with
    # speaks the quotation, whatever the verb; a short quotation after a colon is a title or a name
    (
        [
            [
                'Tom Vale went even further: "We will sue the city."',
                'Ann Lee, the harbour master, was blunt in her reply: "No ferry will sail this winter."',
                'Ann Lee named her favourite shows: "Keld Nights" and "Harbor".',
                'The bridge opened in May: "a fine day for Keld," as the sign put it.',
            ]
        ],
        ["Tom Vale", "Ann Lee", None, None],
    ),
    # a quotation signed with a dash or a horizontal bar and its author's name (and place): every sentence
    # of the quotation is the author's; a dash before a clause is no signature
    (
        [
            ["Readers sent us their views on the ferry."],
            ["\u201cThe ferry is a disgrace.", "We pay and pay.\u201d \u2015 Ann Lee"],
            ['"Keld deserves better." \u2014 Omar Reyes, Varnholm'],
            ['"The bridge will open in May" - and it did.'],
        ],
        [None, "Ann Lee", "Ann Lee", "Omar Reyes", None],
    ),
    # ... and over narration that names no one, it resumes the last speaker quoted (not one who only
    # reported, not one quoted more than two sentences before)
    (
        [
            ["Ann Lee told the council that the levy would fail.", '"We cannot afford it," she said.'],
            ["The council voted for the levy anyway."],
            ['"It is a mistake and they know it."'],
        ],
        ["Ann Lee", "Ann Lee", None, "Ann Lee"],
    ),
    (
        [
            ['"The ferry is late again," said Tom Best, a fisherman in Keld.'],
            ["The crossing takes an hour.", "Tickets cost more since May."],
            ['"Nobody asked us."'],
        ],
        ["Tom Best", None, None, "Tom Best"],
    ),
    (
        [
            ["Tom Best said the ferry was late."],
            ["The crossing takes an hour."],
            ['"Nobody asked us."'],
        ],
        ["Tom Best", None, None],
    ),
    (
        [
            ['"The ferry is late," said Tom Best.'],
            ["The crossing takes an hour.", "Tickets cost more.", "The port is old."],
            ['"Nobody asked us."'],
        ],
        ["Tom Best", None, None, None, None],
    ),
    # a quoted title inside an apposition; two coordinated 'who' clauses between subject and verb
    (
        [
            [
                'Tom Best, the owner of the "Daily Star," said the paper would close.',
                'Ann Lee, a judge on the show "Big Week," who later ran a bakery, said the show was fair.',
                "A driver who works nights and who asked to stay anonymous said the road was unsafe.",
                "Two nurses who worked nights and who lost their jobs say the ward was understaffed.",
            ]
        ],
        ["Tom Best", "Ann Lee", "A driver", "Two nurses"],
    ),
    # cue classes: 'as X put it' before a quotation, 'pointed to', 'defended', 'ripped into', giving
    # something said, a weak verb's that-clause past an adjunct
    (
        [
            [
                'As Ida Voss, a retired pilot, put it: "The town is dying."',
                "Ann Lee pointed to the budget as proof of waste.",
                "Lee defended her budget on Tuesday.",
                "Tom Best ripped into the council for its delays.",
                "Lee offered a frank assessment of the budget.",
                "Lee offered to pay for the repairs.",
                "Best delivered a stern warning to the council.",
                "Best delivered the mail on Tuesday.",
                "Best recalled in 2008 that the town was poor.",
            ]
        ],
        ["Ida Voss", "Ann Lee", "Ann Lee", "Tom Best", "Ann Lee", None, "Tom Best", None, "Tom Best"],
    ),
    # an attack in words names its reason; 'described' with an object gives an account; a document
    # closing its sentence after a comma
    (
        [
            [
                "Ann Lee attacked Tom Best for his votes on the budget.",
                "Rebels attacked the base for hours.",
                "Best attacked the plan as too costly.",
                "Lee described the flood in detail.",
                "Best described how the bridge fell.",
                "Turnout fell sharply, a Harbor College survey shows.",
            ]
        ],
        ["Ann Lee", None, "Tom Best", "Ann Lee", "Tom Best", "Harbor College"],
    ),
    # making or repeating something said; a weak verb beside a quotation for a person; posting, apologising,
    # talking about, referencing
    (
        [
            [
                "Ann Lee made the case that the bridge was safe.",
                "Lee made history on Tuesday.",
                "Tom Best repeated his pledge to cut fares.",
                "Best repeated that the bridge was safe.",
                '"We will win," Lee concluded.',
                '"See you at the fair," Best posted on Monday.',
                "Lee apologized for the delays.",
                "Best talked about the bridge at length.",
                "The peace talks about the border failed.",
                "Lee referenced an old survey of the bridge.",
            ]
        ],
        ["Ann Lee", None, "Tom Best", "Tom Best", "Ann Lee", "Tom Best", "Ann Lee", "Tom Best", None, "Ann Lee"],
    ),
    # a cue inside an opening adverbial clause yields to the main clause ('As X noted, ...' does not);
    # a participle after the object takes the subject past 'even' / 'never'
    (
        [
            [
                "Although much of what Ann Lee says is wrong, Tom Best said Lee means well.",
                "Although Best says the bridge is safe, Lee said a survey is needed.",
                "As Best noted, the bridge is old.",
                "Lee even backed the mayor's plan, saying the bridge was safe.",
                "Best never answered the charges, saying they were false.",
            ]
        ],
        ["Tom Best", "Ann Lee", "Tom Best", "Ann Lee", "Tom Best"],
    ),
    # a participle phrase between subject and verb; 'To that,' is no relative clause; a verb after an
    # irregular past or an apposition between commas keeps the clause's subject
    (
        [
            [
                "Ann Lee is the mayor.",
                'A port worker talking to the Herald said, "The vote is lost."',
                "A nurse working at the clinic said the ward was full.",
                "Lee took a long breath and said that the closure was a shame.",
                'After that, Lee added: "We will rebuild."',
                "Tom Best, who has run the port for years, toured the docks and admitted that mistakes were made.",
            ]
        ],
        [None, "A port worker", "A nurse", "Ann Lee", "Ann Lee", "Tom Best"],
    ),
    # inverted subjects: 'tweeted', a name in apposition to a description, a participle with its
    # preposition after the subject, an outlet with a lowercase head
    (
        [
            [
                '"It works," tweeted Lee spokesman Tom Riley.',
                '"It works," said another reader, Ann Best.',
                '"It fails," said one aide involved in the talks, who asked not to be named.',
                '"It works," wrote Harbor magazine.',
                '"It fails," said the Riverton Herald newspaper.',
            ]
        ],
        ["Tom Riley", "Ann Best", "one aide", "Harbor", "the Riverton Herald newspaper"],
    ),
    # a reported clause whose subject takes its verb without an auxiliary ('saying voters need to ...')
    (
        [
            [
                "Ann Lee was blunt about her dislike of the plan, saying voters need to reject it.",
                "Tom Best toured the ward on Monday, saying nurses deserve better pay.",
            ]
        ],
        ["Ann Lee", "Tom Best"],
    ),
]


@pytest.mark.parametrize(("paragraphs", "speakers"), CASES)
def test_speakers(paragraphs: list[list[str]], speakers: list[str | None]) -> None:
    assert [r.speaker for r in run(*paragraphs)] == speakers
