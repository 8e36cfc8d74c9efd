"""Sentence splitting and page furniture (claims.extraction.segment / .furniture)."""

import pytest

from claims.extraction.segment import paragraphs, split


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split(text)]


def body(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split(text) if not s.furniture]


def furniture(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split(text) if s.furniture]


SPLITS = [
    # plain terminators
    ("It rained. The match went on.", ["It rained.", "The match went on."]),
    ("Who won? Nobody knows.", ["Who won?", "Nobody knows."]),
    ("Stop! They listened.", ["Stop!", "They listened."]),
    ("Really?! Yes.", ["Really?!", "Yes."]),
    # titles and prepositive abbreviations never end a sentence before a name
    ("Mr. Hollis told the court. Dr. Li agreed.", ["Mr. Hollis told the court.", "Dr. Li agreed."]),
    ("Gen. Mark Milley spoke at St. Paul's Cathedral.", ["Gen. Mark Milley spoke at St. Paul's Cathedral."]),
    ("We climbed Mt. Kenya. It was cold.", ["We climbed Mt. Kenya.", "It was cold."]),
    # acronyms: break only before a typical sentence opener
    ("He met U.S. President Joe Biden.", ["He met U.S. President Joe Biden."]),
    ("She moved to the U.S. He stayed.", ["She moved to the U.S.", "He stayed."]),
    ("The event is in Washington D.C. The team arrived.", ["The event is in Washington D.C.", "The team arrived."]),
    ("He studied in the U.K. for ten years.", ["He studied in the U.K. for ten years."]),
    (
        "Shares of Acme Inc. Chief Executive Jo Bell sold rose.",
        ["Shares of Acme Inc. Chief Executive Jo Bell sold rose."],
    ),
    ("They hired Smith & Co. It paid off.", ["They hired Smith & Co.", "It paid off."]),
    # a company's suffix ends a sentence before a capitalised subject and its verb
    ("She joined Acme Corp. Analysts praised the move.", ["She joined Acme Corp.", "Analysts praised the move."]),
    ("He works for Brill Ltd. Brill makes ferries.", ["He works for Brill Ltd.", "Brill makes ferries."]),
    (
        "The probe began in Jan. Investigators seized records.",
        ["The probe began in Jan.", "Investigators seized records."],
    ),
    ("The Nov. Ballot Measure passed easily.", ["The Nov. Ballot Measure passed easily."]),
    # ... not before a title, a second suffix, a noun without a verb, or when the name is the whole sentence
    ("Kelby Electronics Co. Ltd. said profits rose.", ["Kelby Electronics Co. Ltd. said profits rose."]),
    ("She spoke to Acme Inc. Officials at the plant.", ["She spoke to Acme Inc. Officials at the plant."]),
    ("Acme Inc. Shares fell on the news.", ["Acme Inc. Shares fell on the news."]),
    ("It is Martin Luther King Jr. Day today.", ["It is Martin Luther King Jr. Day today."]),
    ("Bring pens, paper, etc. Others will bring food.", ["Bring pens, paper, etc.", "Others will bring food."]),
    # months and numbered references
    ("It opened on Jan. 5 in Paris. Crowds came.", ["It opened on Jan. 5 in Paris.", "Crowds came."]),
    ("See No. 10 and p. 42 for details.", ["See No. 10 and p. 42 for details."]),
    # initials
    ("The book by J. K. Rowling sold well.", ["The book by J. K. Rowling sold well."]),
    ("Harry S. Truman won. Dewey lost.", ["Harry S. Truman won.", "Dewey lost."]),
    ("It was up to you and I. Then we left.", ["It was up to you and I.", "Then we left."]),
    # times
    ("By 9 a.m. Mrs. Jones had left.", ["By 9 a.m. Mrs. Jones had left."]),
    ("The vote closed at 8 p.m. Monday.", ["The vote closed at 8 p.m. Monday."]),
    (
        "The polls closed at 8 p.m. Officials began counting.",
        ["The polls closed at 8 p.m.", "Officials began counting."],
    ),
    # numbers, e-mail, web addresses
    ("Inflation hit 3.5 percent. Prices rose.", ["Inflation hit 3.5 percent.", "Prices rose."]),
    ("It cost $4.20. Nobody paid.", ["It cost $4.20.", "Nobody paid."]),
    (
        "Write to press.office@example.org. Replies take a day.",
        ["Write to press.office@example.org.", "Replies take a day."],
    ),
    ("Visit www.example.gov.uk/news today.", ["Visit www.example.gov.uk/news today."]),
    # quotes
    ('"We will win." She smiled.', ['"We will win."', "She smiled."]),
    ('"We will win," she said. "Trust me."', ['"We will win," she said.', '"Trust me."']),
    ('"Is it over?" he asked.', ['"Is it over?" he asked.']),
    ("'It works.' he wrote.", ["'It works.' he wrote."]),
    ("He said “it is done.” Then he left.", ["He said “it is done.”", "Then he left."]),
    ('"First. Second. Third," said Kim.', ['"First.', "Second.", 'Third," said Kim.']),
    # an opening-shaped mark typed as the closer ends the quotation where the pairing closes it
    (
        'Roe said, "We regret the decision.“ However, the committee will meet.',
        ['Roe said, "We regret the decision.“', "However, the committee will meet."],
    ),
    ("Kim said, “It is over!“ The crowd left.", ["Kim said, “It is over!“", "The crowd left."]),
    ("Er sagte „Das ist gut.“ Dann ging er.", ["Er sagte „Das ist gut.“", "Dann ging er."]),
    # ... but not where the mark opens a quotation (nothing open before it)
    ("It ended.“ Then they left", ["It ended.“ Then they left"]),
    ("It ended.“ Then it began.” Fine.", ["It ended.“ Then it began.”", "Fine."]),
    ("That is Jr.'s car.", ["That is Jr.'s car."]),
    # wiki citation marks stay with the sentence they follow; e.g./c. announce more of it
    ("He ended.[4] Then he left.", ["He ended.[4]", "Then he left."]),
    ("He ended. [12] [13] Then he left.", ["He ended. [12] [13]", "Then he left."]),
    ("They won.[citation needed] Fans cheered.", ["They won.[citation needed]", "Fans cheered."]),
    ("Use roads, e.g. 47th Street.", ["Use roads, e.g. 47th Street."]),
    ("It was built c. 1818 in Rome.", ["It was built c. 1818 in Rome."]),
    # parentheses
    ("He works here (he moved in 2010.) and likes it.", ["He works here (he moved in 2010.) and likes it."]),
    ("He left. (The firm declined to comment.)", ["He left.", "(The firm declined to comment.)"]),
    # ellipses
    ("I wanted ... well, nothing.", ["I wanted ... well, nothing."]),
    ("So it ended... The next day was calm.", ["So it ended...", "The next day was calm."]),
    ("The rest . . . was silence.", ["The rest . . . was silence."]),
    ("It ended . . . . Then it rained.", ["It ended . . . .", "Then it rained."]),
    ("They left. . . . Nobody followed.", ["They left.", ". . . Nobody followed."]),
    ("It is over … The end came fast.", ["It is over …", "The end came fast."]),
    # [...] is a break only before a capital letter (annotation rule)
    (
        '"Prices rose [...] wages did not [...] Families suffered."',
        ['"Prices rose [...] wages did not [...]', 'Families suffered."'],
    ),
    ('"Prices rose [...]" (Smith 2020).', ['"Prices rose [...]" (Smith 2020).']),
    # enumerations and bullets
    ("1) Save water 2) Save power", ["1) Save water", "2) Save power"]),
    ("1. Buy bread. 2. Buy milk.", ["1. Buy bread.", "2. Buy milk."]),
    ("a. red b. green c. blue", ["a. red", "b. green", "c. blue"]),
    ("• 3. Tea • 4. Coffee", ["• 3. Tea", "• 4. Coffee"]),
    # lowercase after a period continues; camel-case brand names may open a sentence
    ("It was 5 ft. tall.", ["It was 5 ft. tall."]),
    ("Apple sold phones. iPhone sales rose.", ["Apple sold phones.", "iPhone sales rose."]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_split(text, expected):
    assert sentences(text) == expected


def test_offsets_are_exact_and_trimmed():
    text = "  First one.   Second one.\n\n\tThird.  "
    got = split(text)
    assert [text[s.start : s.end] for s in got] == ["First one.", "Second one.", "Third."]
    assert [s.paragraph for s in got] == [0, 0, 1]


def test_line_breaks_end_sentences_and_paragraphs():
    text = "A caption without a period\nImage: Someone.\n\nBody text starts here. It goes on."
    got = split(text)
    assert [s.paragraph for s in got] == [0, 1, 2, 2]


def test_hard_wrapped_block_is_one_paragraph():
    text = (
        "The committee met on Monday to discuss the\n"
        "budget and agreed that spending on roads would\n"
        "rise by ten percent next year. Members voted\n"
        "unanimously.\n"
    )
    assert sentences(text) == [
        "The committee met on Monday to discuss the\nbudget and agreed that spending on roads would\n"
        "rise by ten percent next year.",
        "Members voted\nunanimously.",
    ]
    assert len(paragraphs(text)) == 1


def test_crlf_and_unicode_line_separators():
    text = "One.\r\nTwo.\u2028Three."
    assert sentences(text) == ["One.", "Two.", "Three."]


def test_multi_paragraph_quote_keeps_paragraphs():
    text = 'She said: "The plan is bad.\n\n"It will fail," she added.'
    got = split(text)
    assert [text[s.start : s.end] for s in got] == ['She said: "The plan is bad.', '"It will fail," she added.']
    assert got[0].paragraph != got[1].paragraph


# --- furniture ---------------------------------------------------------------------------------------------

ARTICLE = """Council approves new bridge over the river

Tuesday, June 10, 2014

By Jane Doe

The council approved a $40 million bridge on Monday. Construction starts in May.

The old bridge, built in 1931, was closed last year.
Image: City Archive.

Live Updates: The Bridge Debate

Our live page gives you the latest on the vote. To follow every development, click here.

"It is a great day for the town," Mayor Ann Lee said.

Ann Lee speaking at the town hall in 2019.

Sources

"Council backs bridge" — Town Gazette, March 7, 2011
"""


def test_article_furniture():
    assert body(ARTICLE) == [
        "The council approved a $40 million bridge on Monday.",
        "Construction starts in May.",
        '"It is a great day for the town," Mayor Ann Lee said.',
    ]
    assert furniture(ARTICLE)[:3] == [
        "Council approves new bridge over the river",
        "Tuesday, June 10, 2014",
        "By Jane Doe",
    ]


FURNITURE_LINES = [
    "Additional reporting by AP",
    "Reporting by Tom Smith; Editing by Ann Cole",
    "Photo: Getty Images",
    "Image: Ruritanian Coast Guard.",
    "From Wikitimes, the free news site you can write!",
    "This is the stable version, checked on 14 October 2016. Template changes await review.",
    "Updated 10:45 GMT, Monday 3 June 2019",
    "Sign up for our morning newsletter.",
    "By Ann Lee, staff writer",
    "Compiled by staff from wire reports.",
    "Edited by Ann Lee and translated by Tom Vale.",
    "Want more from Ann? Sign up for her weekly digest.",
    "Sign up to get an email when Tom Vale publishes a story.",
    "Related articles",
    "pilgrims gathering at the shrine in 2010.",
    "A view of the harbour at dawn.",
    "Supporters at a rally in the capital.",
    "Thousands of protesters in the streets of the capital.",
    '"Floods hit the valley" — Daily Herald, June 3, 2020',
    "By JANE DOE and Ann Roe, Reuters",
    "Advertisement",
    "Officers guard the square in Kyiv, Monday, Jan. 5, 2023. (AP Photo/Jane Roe)",
    "The Associated Press contributed to this report.",
    "Updated 2 hours ago",
    "Rishi Sunak in Downing Street. Photograph: Ann Roe/Agency",
    "Read more: Why the storm hit",
    # agency credits closing a story
    "— AFP",
    "(Reuters)",
    "AFP/AP",
    "With AFP and Reuters",
    "Source: Reuters",
    "Reuters and AP contributed.",
    "With agencies",
    "Information from the Associated Press was used in this report.",
    "Kyodo News contributed reporting.",
    # broadcast sign-offs
    "BBC's Jane Doe reports.",
    "The Daily Courier's Tom Hale reports from Lagos.",
    "For NPR News, I'm Ann Lee in Kabul.",
    "This is Ann Lee, BBC News, Kabul.",
    # headings: in capitals or title case despite a contraction, a crosshead between dashes, a noun
    # phrase after "still"; an editor's note typed with a curly apostrophe
    "WHAT’S NEXT FOR THE PORT.",
    "Don’t Let The Rain Stop You From Voting.",
    "– Talks stall –",
    "- ‘We’re still here’ -.",
    "Still images of the harbour parade.",
    "Editor’s note: this story was first published in May.",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_furniture_lines_inside_an_article(line):
    text = (
        f"Storms hit the coast\n\nThe storm hit the coast on Monday, officials said.\n\n{line}\n\nPower was restored."
    )
    assert body(text) == ["The storm hit the coast on Monday, officials said.", "Power was restored."]


BODY_LINES = [
    "The festival ended on Tuesday.",
    "Both towns have put their fire crews on high alert.",
    '"Reckless sabotage deserves a firm answer," it added.',
    "Estimates suggest 3000 hikers may be in the hills.",
    "Rathbun stated,",
    "She continued:",
    "The company employs 500 people in Ohio.",
    "By the end of May, prices rose 5 percent.",
    "Netflix said 5 million people subscribe to its service.",
    "In a newsletter to investors, the chief executive said profits rose.",
    "The data was retrieved from satellites.",
    "The museum reopens next week.",
    "Officials met on Monday. They agreed to meet again in March",
    "• The company will cut 500 jobs in Ohio and Texas",
    "The stable version of the software shipped in May.",
    "Reuters reported the deal on Monday.",
    "The BBC's Ann Lee reports that the dam held.",
    "AP said the dam held.",
    "Reuters and AP confirmed the figures.",
    "Apple's Tim Cook spoke at the launch.",
    "This is America.",
    "I'm Not Guilty is the name of the album.",
    # a verb the word lists miss: an -s verb after an adverb, a contraction, an irregular past
    "The club also leases Kelby Park.",
    "The ferry now links Brill Island to the mainland.",
    "They're moving the market to Dale Street.",
    "He’ll chair the new board from Friday.",
    "There's no trace of the missing hikers.",
    "So far, it's holding.",
    "The 60-year-old underwent surgery in May.",
    "The mayor oversaw the count.",
    # "By" and a capitalised word opening a sentence with a verb is no byline
    "By Monday, Ann Lee had resigned.",
    "By Friday, Brill and Kelby were cut off.",
    # "Research by", "Contributions from" opening a sentence with its verb is no credit line
    "Research by Kelby University found that 40 percent of rivers were polluted.",
    "Contributions from donors fell by half in 2023.",
    # a brand in camel case opens a sentence in lowercase
    "eBay said its profits rose 5 percent.",
    "iPhone sales fell in the quarter.",
    # a closing mark typed as an opening one still ends the sentence
    "The panel rated the claim “Mostly False.“",
    "Critics called the new toll “reckless.“",
]


@pytest.mark.parametrize("line", BODY_LINES)
def test_short_body_paragraphs_are_not_furniture(line):
    text = f"Storms hit the coast\n\nThe storm hit the coast on Monday.\n\n{line}\n\nPower was restored."
    assert line in " ".join(body(text))


def test_everything_after_sources_heading_is_furniture():
    text = "Title here\n\nA fact was stated.\n\nReferences\n\nSome line that looks like a sentence."
    assert body(text) == ["A fact was stated."]


def test_pull_quote_repeated_from_body_is_furniture():
    quote = "We were told to leave the ship and never come back to the island."
    text = f"Title here\n\n{quote}\nJane Roe\n\nThe woman spoke to reporters. {quote} She later sued."
    assert body(text) == ["The woman spoke to reporters.", quote, "She later sued."]


def test_signed_pull_quote_is_furniture():
    text = (
        "Title here\n\nThe agency chose four museums on Tuesday.\n\n"
        "This was a hard decision. It was made with the public in mind. Jane Roe, Agency Administrator\n\n"
        '"It was a long game." - Ann Lee\n\n'
        "Officials met on Monday. They agreed to meet again in March"
    )
    assert body(text) == [
        "The agency chose four museums on Tuesday.",
        "Officials met on Monday.",
        "They agreed to meet again in March",
    ]


BODY_QUOTE = '"This was a hard decision, but one that was made with the public in mind," Roe said on Monday.'
HARD = "This was a hard decision, but one that was made with the public in mind."
BOXES = [
    # (box paragraph, line after it, body sentences left of the two): a box repeats body words verbatim,
    # with or without quote marks, whole or cut, and a verbless "Name, Title" line on its own follows it
    (HARD, "Jane Roe, Agency Administrator", []),
    ("This was a hard decision, but one that was made with the public.", "Jane Roe, Agency Administrator", []),
    ("“A hard decision, but one that was made with the public in mind.”", "— Jane Roe, Administrator", []),
    (HARD + " Costs fell.", "Jane Roe, NASA", []),
    # not repeated from the body, too short a run, or a line with a verb: ordinary paragraphs
    (
        "This was a hard decision for everyone at the agency.",
        "Jane Roe, Agency Administrator",
        ["This was a hard decision for everyone at the agency."],
    ),
    ("It was a hard decision for all.", "Jane Roe, Agency Administrator", ["It was a hard decision for all."]),
    (HARD, "Jane Roe then left for Paris.", [HARD, "Jane Roe then left for Paris."]),
    # a stock phrase shared with the body covers too little of the sentence; a heading is no signature
    (
        "Staff felt this was a hard decision, but one for the board to take next year.",
        "Jane Roe, Agency Administrator",
        ["Staff felt this was a hard decision, but one for the board to take next year."],
    ),
    (HARD, "Group G — Belgium 3 – 0 Panama", [HARD]),
]


@pytest.mark.parametrize(("box", "line", "kept"), BOXES)
def test_unmarked_pull_quote_with_signature_line(box, line, kept):
    text = (
        "Title here\n\nThe agency chose four museums on Tuesday.\n\n"
        f"{BODY_QUOTE} Officials agreed.\n\n{box}\n\n{line}\n\nThe museums open in May."
    )
    assert body(text) == [
        "The agency chose four museums on Tuesday.",
        BODY_QUOTE,
        "Officials agreed.",
        *kept,
        "The museums open in May.",
    ]


def test_first_paragraph_sentence_is_not_a_headline():
    text = "The council approved a bridge on Monday. It costs $40 million."
    assert body(text) == ["The council approved a bridge on Monday.", "It costs $40 million."]


def test_sign_off_sentence_inside_a_paragraph_is_furniture():
    text = "Storms hit\n\nMarkets fell sharply in Asia. Here's Radio Nord's Ola Berg.\n\nShares slid. Radio Nord's Ola Berg reports."
    assert body(text) == ["Markets fell sharply in Asia.", "Shares slid."]


# Closing credits of news agencies and reporters (invented lines).
HEAD = "Council passes budget\n\nThe council approved the budget on Tuesday. Critics said the plan was rushed."


@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by Ann Lee; Editing by Tom Cole)",
        "Additional reporting by Tom Cole in Kampala.",
        "Reuters contributed to this report.",
    ],
)
def test_a_credit_ending_a_body_paragraph_leaves_the_paragraph_a_claim(credit):
    text = HEAD + " " + credit + "\n"
    assert body(text) == ["The council approved the budget on Tuesday.", "Critics said the plan was rushed."]
    assert furniture(text)[-1] == credit


@pytest.mark.parametrize(("tail", "credit"), [(" — Reuters", "— Reuters"), (" -AFP", "-AFP"), (" – AP", "– AP")])
def test_a_trailing_agency_credit_is_cut_off_the_last_sentence(tail, credit):
    text = HEAD + tail + "\n"
    assert body(text) == ["The council approved the budget on Tuesday.", "Critics said the plan was rushed."]
    assert furniture(text)[-1] == credit


def test_a_trailing_agency_credit_on_a_one_sentence_paragraph_keeps_the_sentence():
    text = HEAD + "\n\nThe mayor said the vote was fair. — AFP\n"
    assert body(text)[-1] == "The mayor said the vote was fair."


@pytest.mark.parametrize(
    "line",
    [
        "Ann Lee reported from Nairobi.",
        "Tom Cole reported from Portland, Ore.",
        "Tom Cole reports for Radio Nord from Oslo.",
        "The Daily Planet's Clark Kent reported.",
        "This article was amended on 3 May to correct the date of the vote.",
        "This story has been updated with comments from the mayor.",
        "Correction: An earlier figure for the budget was wrong.",
        "Staff writer Tom Cole contributed.",
        "Ann Lee and Tom Cole contributed reporting.",
        "Got a news tip? Email us at tips@example.com.",
    ],
)
def test_reporter_credits_and_correction_notices_are_furniture(line):
    text = HEAD + "\n\n" + line + "\n"
    assert not [s for s in body(text) if s in line]
    assert "Critics said the plan was rushed." in body(text)


@pytest.mark.parametrize(
    "notice",
    [
        "(XYZ) Copyright 2024 The Wire Service. All rights reserved. This material may not be published, "
        "broadcast, rewritten or redistributed.",
        "© 2023 Daily Planet Media",
        "Copyright Daily Planet",
        "This content may not be republished without permission.",
    ],
)
def test_rights_notices_are_furniture(notice):
    text = HEAD + "\n\n" + notice + "\n"
    assert not [s for s in body(text) if s in notice]


@pytest.mark.parametrize(
    "promo",
    [
        "FILE - Mayor Ann Lee speaks at a rally in Dover, Del., on Jan. 4, 2024.",
        "FILE PHOTO: Workers repair the east pier in Portland, Maine, May 2, 2023.",
        "WATCH | Council members clash over the spending plan:",
        "Have you been affected by the cuts? Share your experience by emailing tips@example.com.",
    ],
)
def test_file_photo_captions_video_labels_and_reader_callouts_are_furniture(promo):
    text = HEAD + "\n\n" + promo + "\n\nThe vote follows weeks of talks.\n"
    assert not [s for s in body(text) if s in promo]
    assert "The vote follows weeks of talks." in body(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "File photos of the mayor were shown at the meeting, the clerk said.",
        "Residents can share your stories with us, the mayor joked.",
        "Watch crews worked through the night, the agency said.",
        # signing up to a draft or a scheme, not to the outlet's mail
        "Thousands of young men were told to sign up for the draft by May.",
        "Residents can sign up for the buyback scheme until June.",
    ],
)
def test_sentences_like_promos_stay_claims(sentence):
    assert sentence in body(HEAD + "\n\n" + sentence + "\n\nThe vote follows weeks of talks.\n")


@pytest.mark.parametrize(
    "sentence",
    ["Copyright holders sued the firm, the court said.", "The union said all rights reserved by the deal would lapse."],
)
def test_sentences_about_copyright_stay_claims(sentence):
    assert sentence in body(HEAD + "\n\n" + sentence + "\n\nThe vote follows weeks of talks.\n")


@pytest.mark.parametrize(
    "bio",
    [
        "Ann Lee is a reporter for the Daily Planet.",
        "Ann Lee is a senior correspondent based in Nairobi.",
        "Ann Lee can be reached at 555-0100.",
        "Ann Lee is the Daily Planet's city hall reporter.",
    ],
)
def test_a_closing_line_about_the_reporter_is_furniture_only_at_the_end(bio):
    assert bio in furniture(HEAD + "\n\n" + bio + "\n")
    assert bio in body(HEAD + "\n\n" + bio + "\n\nThe vote follows weeks of talks.\n")


def test_a_closing_bio_line_may_carry_the_reporters_handle():
    bio, handle = "Tom Vale is the Weekly Ledger's courts correspondent.", "Follow him on Threads @tomvale."
    flagged = furniture(HEAD + "\n\n" + bio + " " + handle + "\n")
    assert bio in flagged and handle in flagged


@pytest.mark.parametrize(
    "line",
    [
        "Lee said the aide reported from Kabul for years.",
        "The mayor's aide reported the figures on Monday.",
        "Ann Lee is a reporter for the Daily Planet who covered the trial.",
        "Two donors contributed.",
        "The hotline can be reached at 555-0100, officials said.",
    ],
)
def test_sentences_about_reporting_stay_claims(line):
    text = HEAD + "\n\n" + line + " The vote follows weeks of talks.\n"
    assert line in body(text)


def test_a_line_broken_mid_sentence_joins_the_next_line_in_lowercase():
    text = (
        "Port closes\n\nThe council voted to close the\nharbour road on Monday.\n\n"
        "Fishermen protested, and the\nmayor, who had backed the plan, met them.\n\nThe road reopens in May."
    )
    assert body(text) == [
        "The council voted to close the\nharbour road on Monday.",
        "Fishermen protested, and the\nmayor, who had backed the plan, met them.",
        "The road reopens in May.",
    ]


def test_lines_ending_a_sentence_or_opening_in_capitals_stay_apart():
    text = "Port closes\n\nThe council voted.\nthe harbour road closed.\nFishermen protested\nMayor Ann Lee met them."
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "Port closes",
        "The council voted.",
        "the harbour road closed.",
        "Fishermen protested",
        "Mayor Ann Lee met them.",
    ]
    # a heading and a lowercase byline joined are still furniture
    text = "Storm hits the coast\nby Ann Lee\n\nThe storm hit the coast on Monday."
    assert body(text) == ["The storm hit the coast on Monday."]


@pytest.mark.parametrize(
    "paragraph",
    [
        # an aside closed inside its bracket is a sentence, not a signature
        "The vote passed easily. Turnout was the highest in years. (Hello again, Ann Lee.)",
        "Stalls sold maps and mugs. (Also, a set of Kelby Bridge stickers.)",
        # a quotation and its speaker in one sentence: a reader's words, not a box's signature
        "“The buses never come on time. We wait an hour.” — Tom Vale",
        "“Rents doubled in two years. Nobody can stay.” ― Mia Roe",
    ],
)
def test_paragraphs_ending_like_a_signature_but_written_as_sentences_stay_claims(paragraph):
    text = f"Storms hit the coast\n\nThe storm hit the coast on Monday.\n\n{paragraph}\n\nPower was restored."
    assert " ".join(body(text)) == f"The storm hit the coast on Monday. {paragraph} Power was restored."


@pytest.mark.parametrize(
    ("paragraph", "kept"),
    [
        # a picture credit in brackets still makes its paragraph a caption
        ("Ann Lee waves to supporters in Kelby on May 2. (TOM ROE/AFP/Getty Images.)", []),
        ("Campaign posters on a wall in Brill. (Party Archive/Kelby Images.)", []),
        # a source note in square brackets is furniture alone: the news item before it is kept
        (
            "Turnout rose in Kelby. Officials were pleased. [Ann Lee, Daily Planet]",
            ["Turnout rose in Kelby.", "Officials were pleased."],
        ),
        ("Bread prices fell for a third month. [Kelby Times.]", ["Bread prices fell for a third month."]),
    ],
)
def test_bracketed_credits_ending_a_paragraph(paragraph, kept):
    text = f"Storms hit the coast\n\nThe storm hit the coast on Monday.\n\n{paragraph}\n\nPower was restored."
    assert body(text) == ["The storm hit the coast on Monday.", *kept, "Power was restored."]


def test_a_sentence_opening_like_a_credit_inside_a_paragraph_stays_a_claim():
    text = (
        "Storms hit the coast\n\nThe river rose. Research by the Kelby institute found that most lakes were "
        "polluted. Additional reporting by Tom Vale."
    )
    assert body(text) == ["The river rose.", "Research by the Kelby institute found that most lakes were polluted."]


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by the weekly paper led to an inquiry last year, the authority said.",
        "Reporting by local radio prompted the recall, the firm said.",
        "Written by a panel of judges, the ruling runs to 80 pages.",
    ],
)
def test_sentences_opening_like_credits_stay_claims(line):
    assert line in body(HEAD + "\n\n" + line + "\n\nThe vote follows weeks of talks.\n")


@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by Ann Lee in Oslo; additional reporting by Tom Cole; edited by Jo Park)",
        "Compiled by Ann Lee from wire reports",
    ],
)
def test_credit_lines_with_their_participles_stay_furniture(credit):
    text = HEAD + "\n\n" + credit + "\n"
    assert not [s for s in body(text) if s in credit]


@pytest.mark.parametrize(
    "sentence",
    [
        "Children who read more books at home did better in tests, the study found.",
        "Many teachers share this view, a survey by the union showed.",
        "Parents can sign up for the reading scheme until May 30.",
        "The report, originally published in 2019, was updated last year.",
        "Walkers who follow us on the river path will see the bridge, the guide joked.",
        "The story continues to develop as more schools join.",
        "Police got a tip about the van on Friday.",
        "Users who download the app receive a discount.",
        '"Support our work and subscribe to our newsletter," the charity said in its appeal.',
    ],
)
def test_sentences_holding_promo_words_stay_claims(sentence):
    assert sentence in body(HEAD + "\n\n" + sentence + "\n\nThe vote follows weeks of talks.\n")


@pytest.mark.parametrize(
    "promo",
    [
        "Read more about the budget vote here.",
        "Share this story on Facebook",
        "Sign up for the morning briefing here.",
        "For more, sign up for the Harbour Weekly newsletter.",
        "Have a tip? Contact us at tips@example.com.",
        "Follow us on Instagram",
        "This story was produced with support from the Open Harbour Fund.",
        "This article originally appeared on Coastline Review.",
        "The Wire Service receives support from several foundations. The Wire Service is solely responsible for "
        "all content.",
        "(Editor’s note: the agency could not verify the footage.)",
    ],
)
def test_calls_to_the_reader_and_notes_about_the_story_are_furniture(promo):
    text = HEAD + "\n\n" + promo + "\n\nThe vote follows weeks of talks.\n"
    assert not [s for s in body(text) if s in promo]
    assert "The vote follows weeks of talks." in body(text)


@pytest.mark.parametrize(
    "caption",
    [
        "[1/4] A crane lifts a container at the port in Kobe, Japan, May 3, 2023. REUTERS/Ann Lee/File Photo",
        "Firefighters tackle a blaze in a warehouse in Lyon, France. AFP/Tom Cole",
    ],
)
def test_wire_photo_captions_with_agency_credit_are_furniture(caption):
    text = HEAD + "\n\n" + caption + "\n\nThe vote follows weeks of talks.\n"
    assert not [s for s in body(text) if s in caption]


@pytest.mark.parametrize(
    "sentence",
    ["A Reuters/Ipsos poll showed support at 41%.", "The AFP/Getty picture desk moved to Paris in 2019."],
)
def test_sentences_naming_agency_pairs_stay_claims(sentence):
    assert sentence in body(HEAD + "\n\n" + sentence + "\n\nThe vote follows weeks of talks.\n")


@pytest.mark.parametrize(
    ("bio", "after"),
    [
        ("Ann Lee is a senior correspondent based in Sofia. She covers banking.", "Follow her on X @annlee"),
        ("Ken Ito covers energy and mining in Japan. He joined the paper in 2015.", "Print"),
        ("Ruth Bell writes about science for the Daily Planet.", ""),
    ],
)
def test_a_closing_bio_of_several_sentences_before_trailing_furniture_is_furniture(bio, after):
    text = HEAD + "\n\n" + bio + ("\n\n" + after if after else "") + "\n"
    assert not [s for s in body(text) if s in bio]
    assert "Critics said the plan was rushed." in body(text)


@pytest.mark.parametrize(
    "line",
    [
        "Tom Vale is a former correspondent for the state broadcaster. He was arrested in May.",
        "The Ministry reports on progress twice a year.",
        "Ann Lee covers the trial for the Daily Planet. She said the verdict was expected in June.",
    ],
)
def test_closing_sentences_about_other_people_stay_claims(line):
    text = HEAD + "\n\n" + line + "\n"
    assert line.split(". ")[0] in " ".join(body(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Col. (ret.) Ann Lee led the inquiry. It ended in May.",
            ["Col. (ret.) Ann Lee led the inquiry.", "It ended in May."],
        ),
        (
            "The panel heard Gen. (ret.) Tom Cole. He denied it.",
            ["The panel heard Gen. (ret.) Tom Cole.", "He denied it."],
        ),
    ],
)
def test_retired_rank_abbreviation_does_not_end_a_sentence(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "notice",
    [
        "This page is archived, and is no longer publicly editable. Articles presented on Wikitimes reflect the "
        "specific time at which they were written and published, and do not attempt to encompass events or "
        "knowledge which occur or become known after their publication.",
        "This page is archived and no longer publicly editable.",
    ],
)
def test_wiki_archive_notices_are_furniture_however_long(notice):
    text = HEAD + "\n\n" + notice + "\n\nThe vote follows weeks of talks.\n"
    assert not [s for s in body(text) if s in notice]
    assert "The vote follows weeks of talks." in body(text)


@pytest.mark.parametrize("line", ["12 March 2024 • 10:00am", "Posted 4 May 2023, 9am"])
def test_date_lines_with_glued_am_pm_are_furniture(line):
    text = HEAD + "\n\n" + line + "\n\nThe vote follows weeks of talks.\n"
    assert not [s for s in body(text) if s in line]


@pytest.mark.parametrize(
    "caption",
    [
        "Traders work on the floor of the exchange in Halden, March 12, 2024.",
        "A crane is pictured at the port in Kobe, Japan, Tuesday, May 3, 2023.",
        "Volunteers sort donations at a church hall in Leeds, 4 February 2024.",
    ],
)
def test_captions_dated_after_a_comma_are_furniture(caption):
    text = HEAD + "\n\n" + caption + "\n\nThe vote follows weeks of talks.\n"
    assert caption not in body(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "The bank raised rates on Tuesday, March 12, 2024.",
        "The law took effect in Ohio on March 12, 2024.",
        "The firm was founded by two brothers, 12 March 1998.",
        "Rescuers searched the rubble in Kobe, Japan, March 12, 2024.",
    ],
)
def test_sentences_ending_with_a_full_date_stay_claims(sentence):
    assert sentence in body(HEAD + "\n\n" + sentence + "\n\nThe vote follows weeks of talks.\n")


@pytest.mark.parametrize(
    ("claim", "promo"),
    [
        ("The strike has halted 40% of container traffic.", "Sign up here."),
        ("Ferry fares will rise by 6% in June.", "Want the day's news in your inbox? Subscribe to our newsletter."),
        ("The port reopened on Friday.", "Get a look at the week ahead with our Harbour Brief. Sign up here."),
    ],
)
def test_a_promo_ending_a_body_paragraph_is_furniture_alone(claim, promo):
    text = HEAD + "\n\n" + claim + " " + promo + "\n\nThe vote follows weeks of talks.\n"
    assert claim in body(text)
    assert not [s for s in body(text) if s in promo]


@pytest.mark.parametrize(
    "bio",
    [
        "Ann Lee is a co-host of the Daily Planet podcast “Tide Tables.” Subscribe here.",
        "Tom Cole hosts the Harbour Hour for Coast Radio. Listen to the latest episode here.",
    ],
)
def test_a_host_line_next_to_a_promo_is_furniture(bio):
    text = HEAD + "\n\n" + bio + "\n\nThe vote follows weeks of talks.\n"
    assert not [s for s in body(text) if s in bio]


@pytest.mark.parametrize(
    "line",
    [
        "AP writer Ann Lee contributed.",
        "Ann Lee reported from Oslo. Tom Cole contributed from Bergen.",
        "Ann Lee reported this story from Oslo.",
        "Wire writers Ann Lee in Oslo and Tom Cole in Bergen contributed.",
    ],
)
def test_reporter_credits_with_places_are_furniture(line):
    text = HEAD + "\n\n" + line + "\n"
    assert not [s for s in body(text) if s in line]


@pytest.mark.parametrize(
    "line",
    [
        "The Harbour Trust contributed $1 million to the fund, its filing shows.",
        "Staff at the port contributed to a fund for the strikers.",
        "The union's leader, Ann Lee, reported the abuse to police in 2019.",
        "The Daily Courier's Ann Lee first reported the deal in May.",
    ],
)
def test_sentences_about_contributions_and_reports_stay_claims(line):
    assert line in body(HEAD + "\n\n" + line + "\n\nThe vote follows weeks of talks.\n")


def test_a_body_sentence_above_a_source_line_stays_a_claim():
    text = HEAD + "\nSources close to the talks said a deal was near.\nSource: Harbour Statistics Office\n"
    assert "Sources close to the talks said a deal was near." in body(text)
    text = HEAD + "\nFerry traffic fell 30% in five years.\nSource: Harbour Statistics Office\n"
    assert "Ferry traffic fell 30% in five years." in body(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops reached St. George’s. Residents fled.", ["Troops reached St. George’s.", "Residents fled."]),
        ("They ate at McDonald's. Police arrived later.", ["They ate at McDonald's.", "Police arrived later."]),
    ],
)
def test_a_possessive_ends_a_sentence_before_any_capital(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "box",
    [
        "Have your say\n\nWhat do you think of car-free town centres?\n\nAdd or view comments",
        "Have your say\n\nShould your town ban cars from its centre?\n\nAdd or view comments",
    ],
)
def test_a_have_your_say_box_is_furniture(box):
    text = HEAD + "\n\n" + box + "\n\nThe vote follows weeks of talks.\n"
    assert body(text) == [
        "The council approved the budget on Tuesday.",
        "Critics said the plan was rushed.",
        "The vote follows weeks of talks.",
    ]


@pytest.mark.parametrize(
    "question",
    ["Q: Do you think the budget was rushed?", "Why raise taxes when you can cut waste?"],
)
def test_a_question_to_the_reader_among_body_paragraphs_stays(question):
    text = HEAD + "\n\n" + question + "\n\nThe vote follows weeks of talks.\n"
    assert question in body(text)


@pytest.mark.parametrize(
    "note",
    [
        "This article contains a translation of an article from the Spanish Wikitimes.",
        "Interview notes have been made available for this article.",
    ],
)
def test_notes_about_the_page_are_furniture(note):
    text = HEAD + "\n\n" + note + "\n\nThe vote follows weeks of talks.\n"
    assert note not in body(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "This article of the treaty contains a clause on fishing rights.",
        "The minutes were made available for inspection on Monday.",
    ],
)
def test_sentences_like_page_notes_stay_claims(sentence):
    assert sentence in body(HEAD + "\n\n" + sentence + "\n\nThe vote follows weeks of talks.\n")


@pytest.mark.parametrize(
    "link",
    ["Photos: Wildfire rages near the city", "Video: Crowds gather at the harbour after the vote"],
)
def test_a_gallery_link_does_not_make_the_paragraph_above_a_caption(link):
    text = (
        HEAD + "\nThe fire had burned 4,000 acres by evening, officials said.\n" + link + "\nCrews worked all night.\n"
    )
    assert "The fire had burned 4,000 acres by evening, officials said." in body(text)
    assert link not in body(text)


def test_the_line_above_an_image_credit_is_still_its_caption():
    text = HEAD + "\nSmoke over the valley on Tuesday.\nImage: Local fire brigade.\nCrews worked all night.\n"
    assert body(text)[-1] == "Crews worked all night." and "Smoke over the valley on Tuesday." not in body(text)


@pytest.mark.parametrize(
    "label", ["Explainer: What is the planning row about?", "Factbox: Key facts about the harbour deal"]
)
def test_links_to_the_outlets_other_formats_are_furniture(label):
    text = HEAD + "\n\n" + label + "\n\nThe vote follows weeks of talks.\n"
    assert label not in body(text)


@pytest.mark.parametrize(
    "sentence",
    ["Explainers from the ministry were sent to every school.", "Timelines for the project slipped in May."],
)
def test_sentences_opening_with_format_words_stay_claims(sentence):
    assert sentence in body(HEAD + "\n\n" + sentence + "\n\nThe vote follows weeks of talks.\n")


@pytest.mark.parametrize("item", ["• Jobless claims fell", "• Oil prices dropped 2%"])
def test_a_short_bullet_with_a_verb_is_a_claim(item):
    text = HEAD + "\n\nKey points:\n" + item + "\n• Wages rose 4% in May\n\nThe vote follows weeks of talks.\n"
    assert item in body(text)


@pytest.mark.parametrize("item", ["• Home", "• World news"])
def test_a_short_bullet_without_a_verb_is_furniture(item):
    text = HEAD + "\n\n" + item + "\n\nThe vote follows weeks of talks.\n"
    assert item not in body(text)


@pytest.mark.parametrize(
    "line", ["By signing up you agree to our terms.", "By subscribing, you accept our privacy policy."]
)
def test_sign_up_small_print_is_furniture(line):
    assert line not in body(HEAD + "\n\n" + line + "\n\nThe vote follows weeks of talks.\n")


@pytest.mark.parametrize(
    "sentence",
    [
        "By signing up 400 new members, the union doubled in size.",
        "By clicking through the files, auditors found the error.",
    ],
)
def test_sentences_opening_with_signing_up_stay_claims(sentence):
    assert sentence in body(HEAD + "\n\n" + sentence + "\n\nThe vote follows weeks of talks.\n")


@pytest.mark.parametrize(
    "note",
    [
        "Editor's note: An article on Monday about the harbour fire reported that two crews had arrived late. "
        "Fire officials have since said the crews arrived on time. The crews were sent from Leith. "
        "The article has been corrected.",
        "Correction: A report on the budget said the tax would rise by 3%. The council set it at 2%. "
        "The vote was 9-2. The rise takes effect in June.",
    ],
)
def test_a_long_note_retelling_the_facts_keeps_its_sentences(note):
    text = HEAD + "\n\n" + note + "\n\nThe vote follows weeks of talks.\n"
    assert note.split(". ")[0] + "." in body(text)


def test_a_short_editors_note_is_furniture():
    note = "Editor's note: This story has been updated. It now includes the mayor's reply."
    text = HEAD + "\n\n" + note + "\n\nThe vote follows weeks of talks.\n"
    assert not [s for s in body(text) if s in note]


# Live blogs, regional papers, press releases, paywalls (helper round on furniture look-alikes, second pass)

TAIL = "\n\nThe vote follows weeks of talks.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Do you agree? Vote now",
        "Poll: Should the ferry run on Sundays?",
        "Already a subscriber? Log in",
        "You have reached your limit of free articles this month.",
        "This article is for subscribers only.",
        "For the latest headlines, follow our channel online or via the app.",
        "Letters to the editor are welcome. Email letters@harlpost.example. Letters may be edited for length.",
        "The Keld Broadcaster is not responsible for the content of external sites.",
        "Comments are closed.",
        "This site uses cookies. Find out more.",
        "This story was translated from Norwegian by Ann Lee.",
        "12 March 2024 • 4 min read",
        "We use your sign-up to provide content in ways you've consented to. This may include adverts from us and "
        "3rd parties. You can unsubscribe at any time. More info",
    ],
)
def test_polls_paywalls_and_page_notices_are_furniture(line):
    text = HEAD + "\n\n" + line + TAIL
    assert not [s for s in body(text) if s in line]
    assert "The vote follows weeks of talks." in body(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "A notice on the operator's website telling passengers to click here for refunds was removed on Monday.",
        "Readers of the Harl Post voted against the plan in an online poll.",
        "Comments on the plan can be made until April 30, the council said.",
        "Already registered voters will receive their ballots by post.",
        "Already a member of the board, Ann Lee was named chair in May.",
        "Subscribers to the season ticket scheme will pay 5 euros more a month.",
        "Letters from the mayor to the ministry were published on Friday.",
        "The most read story on the paper's website was a report on the floods.",
    ],
)
def test_sentences_like_polls_and_paywalls_stay_claims(sentence):
    assert sentence in body(HEAD + "\n\n" + sentence + TAIL)


def test_a_short_correction_is_furniture_even_when_it_says_what_the_story_said():
    note = "This article was amended on 15 March 2024. An earlier version said the farm would have 14 turbines."
    text = HEAD + "\n\n" + note + TAIL
    assert not [s for s in body(text) if s in note]


@pytest.mark.parametrize(
    "sentence",
    [
        "The article was amended by parliament in 2019 to allow a second term.",
        "An earlier version of the bill said the tax would rise by 3%.",
    ],
)
def test_amendments_and_earlier_versions_in_the_story_stay_claims(sentence):
    assert sentence in body(HEAD + "\n\n" + sentence + TAIL)


PRESS_RELEASE = (
    "Varn Holdings names new finance chief\n\n"
    "KELD, Norway, March 14, 2024 -- Varn Holdings Inc. today announced that Rosa Inge will join as chief financial "
    "officer.\n"
    "Inge was previously finance director of Harl Energy.\n"
    "About Varn Holdings\n"
    "Varn Holdings Inc. designs turbine parts. The company employs 2,100 people in nine countries.\n"
    "Forward-Looking Statements\n"
    "Statements in this press release that are not historical facts are forward-looking statements that involve "
    "risks and uncertainties. Actual results may differ materially from those described. {long}\n"
    "Notes to editors\n"
    "A photo of Rosa Inge is available on request.\n"
    "Media contact:\n"
    "Tom Vale\n"
    "###\n"
)


def test_a_press_releases_boilerplate_is_furniture():
    text = PRESS_RELEASE.format(long="Varn Holdings undertakes no obligation to update them. " * 12)
    assert body(text) == [
        "KELD, Norway, March 14, 2024 -- Varn Holdings Inc. today announced that Rosa Inge will join as chief "
        "financial officer.",
        "Inge was previously finance director of Harl Energy.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "About 300 teachers attended the vote at the Harl sports centre.",
        "Analysts said the forward-looking part of the report was upbeat.",
        "Actual sales were 4% below the forecast, the company said.",
    ],
)
def test_sentences_like_press_release_boilerplate_stay_claims(sentence):
    assert sentence in body(HEAD + "\n\n" + sentence + TAIL)


def test_an_about_heading_over_a_paragraph_not_naming_it_keeps_the_paragraph():
    text = HEAD + "\n\nAbout Keld Energy\nShares in the group fell 4% on Monday after the warning." + TAIL
    assert "Shares in the group fell 4% on Monday after the warning." in body(text)


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("The photo, taken by a passer-by, shows the old bridge at Harl under water.", "Photo: Ann Lee/Keld Times"),
        ("Ticket sales rose by a third last year, the operator said.", "Photograph: Tom Vale/Harl Post"),
    ],
)
def test_a_sentence_above_a_picture_credit_is_no_caption_when_it_is_about_the_picture_or_the_caption_is_below(
    line, credit
):
    text = HEAD + "\n\n" + line + "\n" + credit + "\nPassengers queue for the morning ferry at Keld" + TAIL
    assert line in body(text)
    assert credit not in body(text)


def test_a_caption_above_a_picture_credit_is_furniture():
    text = HEAD + "\n\nThe old bridge at Harl under water on Thursday.\nPhoto: Ann Lee/Keld Times" + TAIL
    assert "The old bridge at Harl under water on Thursday." not in body(text)


def test_an_agency_slug_after_the_last_line_is_not_joined_to_it():
    text = HEAD + "\n\nInspectors found cracks in the dam's spillway in January. — AFP\ntv/ann\n"
    assert "Inspectors found cracks in the dam's spillway in January." in body(text)
    assert paragraphs("found cracks in the dam\nin January.")[0] == (0, len("found cracks in the dam\nin January."))


@pytest.mark.parametrize(
    "line",
    [
        "… we have a small favour to ask. Millions are turning to the Harl Post for open news every day. "
        + "We believe everyone deserves access to information that is grounded in fact. " * 8
        + "If you can, please consider supporting us with a regular contribution. Thank you.",
        "Please use the sharing tools found via the share button at the top of articles. Copying articles to share "
        "with others is a breach of our terms. Email rights@harlpost.example to buy additional rights.",
        "The comments below have not been moderated.",
        "The views expressed in the contents above are those of our users and do not reflect the views of the Post.",
        "Audio will be available later today.",
        "Thanks for reading The Harl Letter! Subscribe for free to receive new posts.",
        "Ann Lee reported from Keld, and Tom Vale from Oslo.",
        "We want to hear from you. Send your photos and videos to news@harlpost.example.",
        "Follow Radio Harl on Facebook, X and Instagram. Send your story ideas to news@radioharl.example.",
    ],
)
def test_reader_appeals_comment_notices_and_joint_reporter_credits_are_furniture(line):
    text = HEAD + "\n\n" + line + TAIL
    assert not [s for s in body(text) if s in line]
    assert "The vote follows weeks of talks." in body(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Subscribe-and-save offers made up 12 per cent of the group's sales last year.",
        "The views expressed by the councillor in her letter were not shared by her party.",
        "Thanks to the calm sea, the whales swam away within an hour.",
        "Ann Lee reported the theft to police on Monday.",
        "Walkers who follow the Harl trail on foot should send their route to the rangers, police said.",
        "Fans follow the club on Facebook in growing numbers.",
    ],
)
def test_sentences_like_appeals_and_notices_stay_claims(sentence):
    assert sentence in body(HEAD + "\n\n" + sentence + TAIL)


@pytest.mark.parametrize(
    "bio",
    [
        "Ann Lee is a Times correspondent covering the Nordic countries.",
        "Tom Vale is a Local Democracy Reporting Service reporter covering Keld and Harl.",
    ],
)
def test_a_closing_bio_with_a_longer_title_is_furniture(bio):
    text = HEAD + "\n\n" + bio + "\nSee more on: Keld\n"
    assert bio not in body(text)


@pytest.mark.parametrize(
    ("page", "deck"),
    [
        (
            "Supported by\nKeld tunnel will close for a year\nThe closure will reroute 30,000 cars a day.\n"
            "Share full article\nBy Ann Lee and Tom Vale\nMarch 14, 2024\n",
            "The closure will reroute 30,000 cars a day.",
        ),
        (
            "Harl ferry fares to rise\nFares will rise by a tenth in April.\n14 March 2024\n",
            "Fares will rise by a tenth in April.",
        ),
    ],
)
def test_a_deck_above_the_byline_or_date_is_furniture(page, deck):
    text = page + "The tunnel was opened in 1987, the agency said.\n"
    assert deck not in body(text)
    assert "The tunnel was opened in 1987, the agency said." in body(text)


@pytest.mark.parametrize(
    "page",
    [
        # a live blog's first post above its time stamp
        "Keld floods live\nRescuers reached the village of Harl by boat on Thursday.\n10:15\n",
        # the lede, then a byline's look-alike with a verb
        "Keld floods\nRescuers reached the village of Harl by boat on Thursday.\nBy Monday, the river had fallen.\n",
    ],
)
def test_a_first_paragraph_not_above_a_byline_or_date_stays_a_claim(page):
    assert "Rescuers reached the village of Harl by boat on Thursday." in body(page + "The water fell later.\n")
