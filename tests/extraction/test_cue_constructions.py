"""Reporting constructions that used to get no speaker although the convention attributes them.

Every sentence is invented; each case stands for a construction of English.
"""

from __future__ import annotations

import pytest

from .test_attribution import paragraph_speakers as speakers


# speech acts that report only with a clause: 'joked that', 'quipped to X that', 'intimated that',
# 'concluded that', 'confided to her that'
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Tom Vint joked that the new stadium would need a moat.", "Tom Vint"),
        ("After the vote, Ada Kerr quipped to reporters that the budget read like a novel.", "Ada Kerr"),
        ("The governor has intimated that a deal on the port is close.", "The governor"),
        ("The fire inspector concluded that the blaze had started in the kitchen.", "The fire inspector"),
        ("Ines Moll confided to him that the clinic would close in May.", "Ines Moll"),
        ("The mayor hinted to a few close friends that she would not run again.", "The mayor"),
    ],
)
def test_clause_speech_act(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "The band concluded the tour in Lisbon.",
        "The coach joked about the weather before the match.",
        "The union agreed to the offer that the board made on Friday.",
        "They shared an intimate dinner that night.",
    ],
)
def test_no_clause_no_speech_act(sentence: str) -> None:
    assert speakers(sentence) == [None]


# a negated belief with a clause is still the subject's belief (in the contrary); a negated speech act,
# a question of knowledge and a belief without a clause are none
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Lee does not think that the tax will pass.", "Ann Lee"),
        ("Most farmers don't think the new dam will help them.", "Most farmers"),
        ("The mayor did not really believe the report was accurate.", "The mayor"),
    ],
)
def test_negated_belief(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "The senator did not say that the vote was rigged.",
        "The mayor does not know whether the bridge will reopen.",
        "He does not think about the past very often.",
        "She doesn't believe in luck.",
    ],
)
def test_negated_speech_is_none(sentence: str) -> None:
    assert speakers(sentence) == [None]


# 'made clear' with a time adjunct before its that-clause, or with a finite clause and no 'that'
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Lee made clear on Monday that the bridge would stay closed.", "Ann Lee"),
        ("Tom Vint made it clear last week that no fees would rise.", "Tom Vint"),
        ("The union made clear on Sunday that the walkout would go on.", "The union"),
        ("The mayor has made clear she has no plans to resign.", "The mayor"),
    ],
)
def test_made_clear(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    ["The fog made clear skies impossible.", "The new coach made clear progress with the squad."],
)
def test_clear_without_clause(sentence: str) -> None:
    assert speakers(sentence) == [None]


# an aside opening the sentence with 'as' gives the clause after its comma to its subject, even a common
# noun phrase ('As a reporter noted, ...', 'As one economist put it, ...')
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("As a reporter noted, the factory had closed twice.", "a reporter"),
        ("But as a local reporter noted, the hall was half empty.", "a local reporter"),
        ("As residents pointed out on Friday, the water was brown.", "residents"),
        ("As one economist put it, the town is broke.", "one economist"),
    ],
)
def test_as_aside(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    ["As the crowd grew, police closed the road.", "As the crew put it away, the rain started."],
)
def test_as_clause_without_report(sentence: str) -> None:
    assert speakers(sentence) == [None]


# documents that show: a progressive after its auxiliary, plural letters and memos, and a collection of
# documents before 'of' ('A batch of letters', 'An average of recent polls')
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Recent polling is showing Lee has a lead over Vint.", "Recent polling"),
        ("Early results of an exit poll are showing that Lee won most women.", "Early results"),
        ("New letters show that the mayor knew of the leak.", "New letters"),
        ("A batch of memos released this week showed that the mayor knew of the leak.", "A batch of memos"),
        ("An average of recent polls shows Lee ahead by four points.", "An average of recent polls"),
    ],
)
def test_documents_that_show(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lee made a strong showing in the north.",
        "The mayor is showing signs of fatigue.",
        "A batch of cookies showed up at the office.",
        "Voters ignored the many polls showing Lee ahead.",
    ],
)
def test_no_document_that_shows(sentence: str) -> None:
    assert speakers(sentence) == [None]


# a researcher and her group reporting a finding with a clause: the researcher named before 'and' speaks
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Lee and her colleagues found that the lake was warming.", "Ann Lee"),
        ("But Tom Vint and his team found that in towns with large ports, rents rose.", "Tom Vint"),
        ("Ada Kerr and her students have shown that the moss grows in shade.", "Ada Kerr"),
    ],
)
def test_researcher_and_team(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ann Lee and her colleagues found the keys on the table.",
        "Tom Vint and his team found a new species in the cave.",
        "Ann Lee found that her keys were missing.",
    ],
)
def test_no_research_finding(sentence: str) -> None:
    assert speakers(sentence) == [None]


# a verb form that doubles as a noun is a verb after a quantifier opening the sentence ('Many fear ...')
# and before an adverb and 'that' or a quotation ('by warning darkly that ...')
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Many fear the mill will close.", "Many"),
        ("Most hope the ferry will keep running.", "Most"),
        ('The mayor roused the crowd by warning grimly that "the town is in danger."', "The mayor"),
    ],
)
def test_nounlike_verb_in_context(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    ["Some fears proved unfounded.", "Many claims were false.", "The mayor ignored the warning entirely."],
)
def test_nounlike_form_stays_a_noun(sentence: str) -> None:
    assert speakers(sentence) == [None]


# a weak verb beside a quotation: 'cracked', and a second verb of the clause's subject ('and joked, "..."')
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('During the debate, Ann Lee cracked, "I am a farmer, but I am not a fool."', "Ann Lee"),
        ('Tom Vint was joined on stage by Ann Lee and joked, "We are the only ones left."', "Tom Vint"),
        ('Tom Vint toured the mill and sighed: "It is over."', "Tom Vint"),
    ],
)
def test_weak_verb_beside_quote(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


def test_weak_verb_without_quote() -> None:
    assert speakers("The dam cracked in two places.") == [None]


# an aspect verb before a speech infinitive: its subject says it ('continued to insist that ...')
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Farmers continue to warn that the river is drying up.", "Farmers"),
        ("The mayor is continuing to insist that the budget is balanced.", "The mayor"),
        ("The mayor began to argue that the tax was unfair.", "The mayor"),
        ("Tom Vint continued to question whether the dam was safe.", "Tom Vint"),
    ],
)
def test_aspect_before_speech(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "The river continued to rise.",
        "The mayor started to walk home.",
        "The question whether the dam is safe remains open.",
    ],
)
def test_aspect_before_action(sentence: str) -> None:
    assert speakers(sentence) == [None]


# taking to a venue to speak ('took to the radio to defend ...') or to a habit of speech ('taken to saying')
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Some Republican leaders have taken to saying that the race is over.", "Some Republican leaders"),
        ("The mayor took to the radio to defend the budget.", "The mayor"),
        ("The mayor took to the airwaves on Monday to warn that the river would flood.", "The mayor"),
    ],
)
def test_taking_to_speak(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ann Lee took to the stage to sing.",
        "It took the crew two days to repair the dam.",
        "She has taken to walking her dog at night.",
    ],
)
def test_taking_to_act(sentence: str) -> None:
    assert speakers(sentence) == [None]


# a belief verb before a clause with an expletive 'there' ('thinks there is a chance ...')
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Lee thinks there is a chance the bridge will reopen.", "Ann Lee"),
        ("The scholars agreed there are good candidates for the post.", "The scholars"),
        ("Most analysts expect there will be a deal by June.", "Most analysts"),
    ],
)
def test_belief_before_there(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


def test_belief_before_place_adverb() -> None:
    assert speakers("Ann Lee thinks there.") == [None]


# 'called' + a person or a short noun phrase + 'a'/'an': a verdict in words
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Lee called him a kind and honest man.", "Ann Lee"),
        ("Tom Vint called the fire a disgrace.", "Tom Vint"),
        ("The mayor called Ann Lee a hero.", "The mayor"),
    ],
)
def test_called_object_a(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor called a press conference.",
        "The crew called it a day at noon.",
        "The mayor called the fire department a day later.",
    ],
)
def test_called_without_verdict(sentence: str) -> None:
    assert speakers(sentence) == [None]


# A common-noun subject ('the carmaker', 'the retailer') speaks when the verb of saying takes a clause: a
# bare noun with a finite verb ('said profits rose', 'said bread would cost more'), or a pronoun after a
# short time adjunct ('said on Thursday it would'); hyphenated modifiers belong to the subject's phrase.
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The carmaker said profits rose.", "The carmaker"),
        ("The retailer said sales fell 4 percent in the quarter.", "The retailer"),
        ("Keld's biggest lender said demand slowed in May.", "Keld's biggest lender"),
        ("A local baker said bread would cost more.", "A local baker"),
        ("The ferry operator said on Thursday it would cut routes.", "The ferry operator"),
        ("The insurer said late last week they would merge.", "The insurer"),
        ("The third-largest carmaker said it would cut jobs.", "The third-largest carmaker"),
        ("A state-owned lender said it would raise rates.", "A state-owned lender"),
    ],
)
def test_common_noun_subject_with_a_reported_clause(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "A message stating costs incurred by the firm was sent.",
        "The taxes requested in arrears were paid.",
    ],
)
def test_a_participle_after_a_thing_is_no_report(sentence: str) -> None:
    assert speakers(sentence) == [None]


# A speech act still to come with a plain object is the reporter's forecast, not a claim of the subject;
# with a reported clause or a quotation it reports prepared words and stays attributed.
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The minister will announce the plan on Monday.", None),
        ("The Keld firm plans to release the memo in May.", None),
        ("Ministers are expected to unveil extra funding next week.", None),
        ("The minister will say in a speech on Monday that taxes must rise.", "The minister"),
        ("The mayor will tell voters that the city is safe.", "The mayor"),
        ("The minister will say the tax must rise.", "The minister"),
        ("The minister announced the plan on Monday.", "The minister"),
    ],
)
def test_a_speech_act_still_to_come(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# Modifiers joined by 'and' inside one noun phrase ('the search and rescue agency') keep the phrase whole;
# two subjects joined by 'and' stay two phrases.
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The boat sank, Keld's search and rescue agency said.", "Keld's search and rescue agency"),
        ("The state's fish and game department said the lake was closed.", "The state's fish and game department"),
        ("Voters and the agency said the boat sank.", "Voters"),
    ],
)
def test_modifiers_joined_by_and(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# A second verb of the clause's subject that is a speech act with its content as object ('visited the
# town and promised tougher rules'); a base-form verb of saying right after an article is a noun ('the
# state electoral office').
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Chancellor Ola Berg visited the town on Monday and promised tougher rules.", "Ola Berg"),
        ("Ida Wren toured the plant and announced new funding for schools.", "Ida Wren"),
        ("The result will be announced late, the state electoral office said.", "the state electoral office"),
        ("The report card said grades rose.", "The report card"),
    ],
)
def test_content_objects_and_nouns_spelled_like_verbs(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# A verb's form right after a determiner, or after one and an adjective of order, is a noun even after a
# document noun ('Results of the last state election ... were challenged' has no cue 'state').
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Results of the last state election, in 2019, were challenged in court by the party.", None),
        ("Copies of the first report card were sent to parents.", None),
        ("The report states that prices rose.", "The report"),
    ],
)
def test_a_verb_form_in_a_nouns_slot(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# A counted noun and its verb after 'said' is a reported clause ('said 62 blazes had broken out').
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The fire service said 62 blazes had broken out.", "The fire service"),
        ("The ferry operator said 300 passengers were stranded.", "The ferry operator"),
        # a share of a noun and its verb ('said 54 percent of voters had opposed it')
        ("The commission said 54.2 percent of voters had opposed the plan.", "The commission"),
        ("The board said 12 per cent of the ballots were blank.", "The board"),
    ],
)
def test_a_counted_noun_opens_a_reported_clause(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# A view set off by commas inside or at the end of the sentence, or 'in the view of X' opening it or an
# aside, is its owner's, as 'In X's view, ...' opening the sentence; not a view of a landscape.
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The port will close by June, in Ann Lee's view.", "Ann Lee"),
        ("The Keld toll, in Tom Ek's opinion, is far too high.", "Tom Ek"),
        ("In the view of Tom Ek, the Brim ferry will be sold.", "Tom Ek"),
        ("The toll is unfair, in the view of the Keld Party.", "Keld Party"),
        ("The Varn hotel stands in the view of the lake.", None),
        ("The village of Keld lies, in the valley, near the river.", None),
    ],
)
def test_a_view_set_off_by_commas(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# Sending a statement or message with its content after it, past an addressee and a day, is a speech act:
# 'sent a letter to the council asking ...'; sending things or letters with no content is an act.
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Lee sent a letter to the Keld council asking it to drop the toll.", "Ann Lee"),
        ("The Varn campaign sent an email to donors Friday saying the ferry vote was close.", "The Varn campaign"),
        ("Tom Ek sent a text message to his staff, urging them to stay calm.", "Tom Ek"),
        ("The Brim clinic sent letters to patients.", None),
        ("Tom Ek sent a parcel to his aunt in Keld.", None),
    ],
)
def test_a_message_sent_with_its_content(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# A stance on a measure named by a gerund ('supports raising the toll'); 'claim' with an infinitive says
# something of its subject ('claim to oppose'); 'lists X as Y' presents X; 'gave' assurances or warnings
# (an irregular past) gives something said. Not 'embraced smiling fans', 'claimed three lives', 'given
# the delays at the port' (a preposition).
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Lee supports raising the Keld toll for lorries.", "Ann Lee"),
        ("The Brim union strongly supported scrapping the levy.", "The Brim union"),
        ("Four Keld senators claim to oppose the toll.", "Four Keld senators"),
        ("Tom Ek claimed to have seen the Varn ferry sink.", "Tom Ek"),
        ("The Keld registry lists the harbour's depth as 12 metres.", "The Keld registry"),
        ("Tom Ek gave firm assurances that the Brim ferry would sail.", "Tom Ek"),
        ("Ann Lee gave a stern warning to the Brim council.", "Ann Lee"),
        ("Ann Lee embraced smiling fans at the Keld airport.", None),
        ("The storm claimed three lives in Keld.", None),
        ("Given the delays at the port, the Varn plan seems doomed.", None),
    ],
)
def test_stances_and_claims_with_their_complements(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# 'charge that ...' is a speech act with its clause (not 'charged the man with theft', 'the charges that
# he faces'); a commitment's form that doubles as a noun is a verb before an infinitive ('vows to cut',
# 'pledges not to run'), not before a plural ('campaign promises to voters').
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Rival ferry owners charge that the Keld toll is unfair.", "Rival ferry owners"),
        ("Ann Lee charged that the Brim hearing had been a sham.", "Ann Lee"),
        ("Keld police charged the man with theft.", None),
        ("The charges that Tom Ek faces are serious.", None),
        ("Tom Ek vows to cut the Keld toll.", "Tom Ek"),
        ("Ann Lee pledges not to run for mayor of Brim.", "Ann Lee"),
        ("The campaign promises to Keld voters were broken.", None),
        ("Tom Ek toured Keld with a band and promises to cut the toll, Ann Lee said.", "Ann Lee"),
    ],
)
def test_charges_and_commitments(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# Stance verbs 'bemoan' and 'deplore' take any object; 'recognise that ...' is a belief with its clause
# ('recognized the new government', 'recognized the need to ...' are none); 'query' is a speech act.
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Lee bemoaned the state of the Keld port.", "Ann Lee"),
        ("The Brim union deplored the closure of the plant.", "The Brim union"),
        ("Brim planners recognize that the port needs dredging.", "Brim planners"),
        ("The Brim council recognized the new Keld government.", None),
        ("Tom Ek recognized the need to cut the Keld toll.", None),
        ("Ann Lee thinks the need for ferries will grow.", "Ann Lee"),
        ("The Keld Herald queried whether the new pier was sound.", "Keld Herald"),
        ("The queries from Brim readers were answered.", None),
    ],
)
def test_stances_beliefs_and_queries(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


# Writing a work as its author is no report of what it says ('wrote more than 30 plays', 'writes crime
# novels'); writing that something is so, or in a memoir that it is, stays a report.
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ivo Marr wrote more than 30 plays, many of which were banned.", None),
        ("Ada Venn writes crime novels set in Lisk.", None),
        ("Ada Venn wrote that the plays were banned.", "Ada Venn"),
        ("Ivo Marr wrote in his memoir that the war was lost.", "Ivo Marr"),
    ],
)
def test_writing_a_work_is_no_report(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]
