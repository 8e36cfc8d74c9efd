"""Word lists of the extraction engine, each defined once under a name that says its use: reporting verbs,
titles, roles, group nouns, organisation heads, and the lists of the places stage and the speaker registry.

All lists are general English newsroom vocabulary written for this project; nothing here names a
particular person or article. Verb forms are generated from lemmas so each list stays short.
"""

from __future__ import annotations

from functools import lru_cache

from .normalize import wordset


def _forms(lemma: str) -> set[str]:
    """Regular inflections of a verb lemma: say -> say, says, ... (irregulars are listed separately)."""
    out = {lemma}
    if lemma.endswith("e"):
        out |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        out |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        out |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return out


_IRREGULAR = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "write": "write writes wrote writing written",
    "find": "find finds found finding",
    "think": "think thinks thought",
    "admit": "admit admits admitted admitting",
    "stress": "stress stresses stressed stressing",
    "read": "reads",
    "put": "put",
    "send": "send sends sent sending",
    "foresee": "foresee foresees foresaw foreseen foreseeing",
    "bet": "bet bets betting",
    "go": "went",
    "quip": "quips quipped",
    "concur": "concurs concurred",
    "plead": "plead pleads pleaded pleading",
    "show": "show shows showed shown showing",
    "dub": "dub dubs dubbed dubbing",
    "label": "label labels labelled labeled labelling labeling",
    "issue": "issue issues issued",
    "release": "release releases released",
    "post": "posted",
    "slam": "slam slams slammed slamming",
    "rebut": "rebut rebuts rebutted rebutting",
    "fire": "fire fires fired firing",
    "shoot": "shoot shoots shot shooting",
    "hit": "hit hits hitting",
    "rip": "rip rips ripped ripping",
    "make": "make makes made making",
    "lash": "lash lashes lashed lashing",
    "speak": "speak speaks spoke speaking",
    "weigh": "weigh weighs weighed weighing",
    "chime": "chime chimes chimed chiming",
    "push": "push pushes pushed pushing",
    "open": "open opens opened opening",
    "feel": "feel feels felt",
    "know": "know knows knew",
    "understand": "understand understands understood",
    "sing": "sing sings sang singing",
    "cast": "cast casts casting",
    "see": "see sees saw seeing",
    "hold": "hold holds held holding",
    "give": "give gives gave given giving",
}

# Verbs of saying and speech acts: the grammatical subject is the speaker whatever it is.
_SPEECH = """
say tell state announce declare explain note add warn claim argue insist assert contend allege
acknowledge admit concede confirm deny report write ask urge demand promise pledge vow predict
recommend reply respond answer remark comment observe emphasise emphasize stress reiterate disclose
reveal testify tweet caution complain counter accuse criticise criticize believe cite inform assure
advise remind propose clarify concur plead appeal request theorise theorize speculate hypothesise
hypothesize mention lament retort boast decry denounce condemn opine posit surmise reckon estimate
query
"""

# Stance verbs: evaluative speech acts. Their subject speaks whatever the object is ('praised the plan',
# 'blasted the agency for its delays', 'downplayed the risk', 'mused that ...').
_STANCE = """
praise blast slam mock ridicule deride scold chide rebuke lambaste castigate thank applaud commend laud
downplay blame fault berate disparage belittle taunt tout rail assail excoriate question muse wonder
express voice refute rebut gloat brag defend reference apologize apologise
congratulate champion endorse oppose bemoan deplore
"""

# Verbs that report a finding for documents and a speech act for people and organisations ('the data
# suggest ...' is the reporter's statement; 'the senator suggested that ...' is attributed).
_SUGGESTION = "suggest indicate"

# Rejection verbs: a speech act when their object is something said or a that-clause ('dismissed the
# allegations', 'rejected claims that ...', 'disputed that ...'), a plain action otherwise ('the court
# dismissed the case', 'voters rejected the measure').
_REJECTION = """
dismiss reject dispute contest
"""
# Words after 'as' that open an adjunct, not a verdict on the object ('rejected the bill as part of a
# deal', 'dismissed the staff as soon as ...', 'as expected').
AS_ADJUNCT_WORDS = wordset(
    """
part well soon long much many far of if though usual expected planned scheduled promised before always
such per early late recently
"""
)

# Objects that make a rejection verb a speech act.
SAID_NOUNS = wordset(
    """
accusation accusations allegation allegations assertion assertions attack attacks charge charges
claim claims comment comments criticism criticisms idea notion remark remarks report reports rumor
rumors rumour rumours speculation suggestion suggestions characterization characterisation concern
concerns account accounts argument arguments premise
"""
)

# Verbs that take a stance on something said or a that-clause, never on a thing or an event: 'highlighted
# the claims', 'underscored that ...' (not 'the lamps highlighted the stage'); only for a speaker subject.
_SAID_STANCE = "highlight underscore"

# Verbs that take a stance on an idea or a measure: a cue with such a noun as object ('embraced the plan',
# 'supported the ferry bill', 'backed a ban on tolls'), an action otherwise ('embraced her son', 'beams
# support the roof', 'the bank backed the loan').
_IDEA_STANCE = "embrace support"
IDEA_NOUNS = wordset(
    """
idea ideas plan plans policy policies proposal proposals notion notions view views approach agenda
strategy reform reforms cause position message platform theory argument vision concept label
bill bills measure measures law laws ban bans legislation amendment amendments resolution resolutions
initiative initiatives referendum treaty treaties pact accord candidacy nomination bid bids
"""
)

# Verbs that give something said: a speech act when their object is a said noun or one of these
# ('offered a frank assessment', 'delivered a warning', 'gave an assessment'), an action otherwise
# ('offered to pay', 'delivered the mail').
_GIVING = "offer deliver give"
GIVEN_NOUNS = wordset(
    """
assessment assessments congratulations condolences defense defence apology apologies critique warning
warnings assurance assurances prediction predictions rebuttal explanation explanations answer answers
verdict endorsement praise thanks message reminder pledge promise appeal plea view views opinion
retort retorts rebuke riposte
"""
)

# Belief and stance-of-mind verbs, and speech acts that report only with a clause: a cue only with a
# that-clause or a finite clause after them ('analysts fear that ...', 'she thinks the plan will fail',
# 'agreed with the mayor that ...', 'joked that ...', 'the inspector concluded that ...'; not 'concluded
# the tour', 'joked about the weather').
_BELIEF = """
think fear hope worry expect feel doubt suspect know assume realise realize understand agree disagree
recall acknowledge maintain hint imply signal concede remember
anticipate foresee envision envisage presume suppose figure bet sense
joke quip intimate conclude confide notice charge recognise recognize
"""

# Prepositions spelled like gerunds: never the bare subject of a reported clause ('said during the
# debate', 'said following the vote').
ING_PREPOSITIONS = wordset(
    "during including following regarding concerning according excluding pending notwithstanding"
)

# Verdicts: with a that-clause they state what a court, panel or board holds true ('the court ruled
# that the levy was unlawful', 'the inquiry determined that ...'); with a plain object they are acts ('ruled
# the country', 'decided the match'). Read with the beliefs' clause check.
_VERDICT = "rule determine decide"
# Verdicts of a ruling or investigating body only (FINDING_BODIES), read with the same clause check: 'the
# appeals court held that the ban was lawful', 'a coroner found that the death was accidental'. For
# anyone else 'found that ...' is a discovery told as narration ('Ann Lee found that her keys were
# missing'); with a plain object they are acts ('the jury found the bag', 'the court held a hearing').
_BODY_VERDICT = "find hold judge"

# Verbs with a particle that together are speech acts ('fired back', 'lashed out', 'weighed in').
PARTICLE_CUES: dict[str, frozenset[str]] = {}

# Naming verbs: a cue when a quotation or "as" follows in the clause ('dubbed the feud "X"', 'described
# him as a hero', 'called the ruling "dangerous"').
_NAMING = """
call dub describe characterise characterize label term brand hail deem liken
"""

# Verbs that present something as what it is said to be: a stance only with 'as' after a short object
# ('painted the bill as a giveaway', 'cast her rival as weak', 'framed the vote as a test', 'the registry
# lists him as the owner', 'lists the harbour's depth as 12 metres').
# ('see', 'view' and 'regard' are beliefs held, read with their own checks: SEE_AS_VERBS)
_AS_NAMING = "cast paint frame portray depict list"
# Words after 'as' that open a clause or an adverb, not what the object is presented as ('as soon as',
# 'cast their votes as the polls closed').
AS_CLAUSE_WORDS = wordset("soon well long much far many if though it he she they we i you there the")
REFLEXIVE_PRONOUNS = wordset("himself herself themselves itself myself ourselves yourself")
# After 'as a': a stage of life, which dates the event and presents nothing ('saw the sea as a boy').
LIFE_STAGE_NOUNS = wordset("boy boys girl girls child children kid kids teenager teenagers teen teens youth young baby")
# Objects of 'cast' that make it a vote or a look, not a portrayal ('cast their ballots as a bloc').
CAST_OBJECTS = wordset("vote votes ballot ballots glance look eye eyes shadow doubt")

# What one hails that is no praise ('hailed a cab'); 'hailed the ruling' praises it.
HAILED_VEHICLES = wordset("cab cabs taxi taxis rickshaw")

# Only a cue when a quotation is right beside it ('she continued: "..."', '"...," it reads').
_WEAK = """
continue read joke quip recall shout exclaim sigh put go conclude reason post
fume bark scoff exhort snap growl rant thunder gush marvel yell scream whisper mutter grumble sneer
chuckle interject agree remember echo retaliate boom crack
"""
# Performance verbs: weak cues too ('Ida Sorn sings, "Stay with me."', '"No more tolls," the crowd chanted'),
# but a quotation right after them, with no comma, is the title of the work performed ('sang "Blue River"').
_PERFORMANCE = "sing chant recite"

# Research verbs: a cue only for research-like subjects (scientists found, the study shows).
_RESEARCH = """
find show estimate conclude suggest
"""


def _build(words: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma in words.split():
        forms = _IRREGULAR[lemma].split() if lemma in _IRREGULAR else _forms(lemma)
        for form in forms:
            table.setdefault(form, lemma)
    return table


SPEECH_VERBS = _build(_SPEECH + _STANCE)
STANCE_VERBS = _build(_STANCE)
REJECTION_VERBS = _build(_REJECTION)
SAID_STANCE_VERBS = _build(_SAID_STANCE)
# ('back' itself is mostly an adverb: 'brought back the ban')
IDEA_STANCE_VERBS = _build(_IDEA_STANCE) | {"backed": "back", "backs": "back", "backing": "back"}
# ('given' is left out: mostly the preposition, 'given the delays at the port')
GIVING_VERBS = {k: v for k, v in _build(_GIVING).items() if k != "given"}
# 'made the case that', 'made comments', 'repeated his pledge': making or repeating something said
MAKING_VERBS = {k: v for k, v in _build("make repeat").items() if k not in SPEECH_VERBS}
MADE_NOUNS = wordset(
    "case point plea statement statements reference references promises prediction contention remarks comments"
)
# Attack verbs: speech when the attack names its reason or verdict ('attacked Lee for his votes').
ATTACK_VERBS = _build("attack")
SUGGESTION_VERBS = _build(_SUGGESTION)
# Threats: a speech act of a person or organisation ('the union threatened to strike', 'threatened legal
# action'), a plain event for anything else ('the storm threatened to flood the town').
THREAT_VERBS = _build("threaten")
BELIEF_VERBS = {k: v for k, v in _build(_BELIEF + _VERDICT).items() if k not in SPEECH_VERBS}
BODY_VERDICT_VERBS = {k: v for k, v in _build(_BODY_VERDICT).items() if k not in SPEECH_VERBS}
for _lemma, _particles in (
    ("fire", "back"),
    ("shoot", "back"),
    ("hit", "back out"),
    ("push", "back"),
    ("lash", "out"),
    ("speak", "out up"),
    ("talk", "out up"),
    ("weigh", "in"),
    ("chime", "in"),
    ("open", "up"),
    ("point", "out to"),
    ("rip", "into"),
):
    for _form in _IRREGULAR[_lemma].split() if _lemma in _IRREGULAR else _forms(_lemma):
        PARTICLE_CUES[_form] = frozenset(_particles.split())
NAMING_VERBS = _build(_NAMING)
AS_NAMING_VERBS = _build(_AS_NAMING)
WEAK_VERBS = {k: v for k, v in _build(_WEAK + _PERFORMANCE).items() if k not in SPEECH_VERBS}
PERFORMANCE_VERBS = _build(_PERFORMANCE)

# Refusing to speak ('declined to comment', 'refused to say whether ...', 'declined comment') states the
# subject's position on the question; refusing to act ('refused to sign the bill') says nothing.
REFUSAL_VERBS = _build("decline refuse")
# Infinitives of speaking after a refusal verb besides the speech verbs ('declined to elaborate').
REFUSED_SPEECH = wordset("comment elaborate discuss specify detail identify name disclose speculate")
# Nouns of speaking right after a refusal verb ('declined comment', 'refused an interview').
REFUSED_NOUNS = wordset("comment comments interview interviews")

# Verbs that publish a statement: 'issued a statement', 'released a communique' are speech acts.
PUBLISHING_VERBS = _build("issue release publish post")
# Verbs that publish a statement with 'out': 'sent out a statement', 'put out a release', 'sent out a memo'.
OUT_PUBLISHING_VERBS = _build("send put")
STATEMENT_NOUNS = wordset(
    """
statement statements communique announcement declaration release letter notice response rebuttal
"""
)

# What is sent with its content after it ('sent a letter to the council asking ...', 'sent out an email
# saying ...'): statements and messages.
SENT_NOUNS = STATEMENT_NOUNS | wordset("email emails message messages memo memos note notes text texts")

# "claimed the title", "conceded a penalty": with a plain object right after them these are no speech.
OBJECT_SENSITIVE = wordset(
    """
add adds added adding claim claims claimed claiming concede concedes conceded conceding declare declares
declared declaring
"""
)

# Particles of motion: a stance verb followed by one is a physical act, not a verdict ('the storm slammed
# into the coast', 'the rocket blasted off', 'the car slammed through the barrier').
MOTION_PARTICLES = wordset("into onto off through across past")

# Verbs whose active form puts a person between the verb and 'of' ('accused the mayor of lying',
# 'reminded them of'): right before 'of' they are passive participles ('officers accused of assault').
OBJECT_BEFORE_OF = wordset(
    """
accused informed reminded assured convinced notified suspected
"""
)
RESEARCH_VERBS = _build(_RESEARCH)


# Verb forms that double as nouns ("the report", "a claim"): after a determiner they are nouns.
NOUNLIKE_FORMS = wordset(
    """
reporting advice answer answers appeal appeals call calls claim claims comment comments complaint concerns counter
question questions thanks rails faults voice voices blame praise taunts wonders express muse hope hopes fear fears
doubt doubts signal signals showing
demand demands request requests estimate estimates find finding findings finds note notes pledge pledges promise promises
proposal read reads remark remarks reply report reports retort retorts show shows state states stress tweet tweets vow
vows warning write talks reference references post posts charge charges query queries
figure figures bet bets sense senses champion champions support supports backing view views rule rules
"""
)

# Determiners and quantifiers that open a noun phrase.
DETERMINERS = wordset(
    """
a all an another any both each every few four her his its many most my no one other our several some
that the their these this those three two your
"""
)

# Auxiliaries and adverbs that may stand between a subject and its reporting verb.
AUXILIARIES = wordset(
    """
again all allegedly already also always apparently are be been both can clearly could did directly do longer
does earlier explicitly finally firmly first flatly formally frequently further had has have herself
himself immediately initially is itself jointly just last later likewise may might must never now
officially often once openly originally personally previously privately publicly quickly recently
repeatedly reportedly separately shall should similarly simply sometimes still strongly subsequently themselves
then together too usually was were widely will would
"""
)

# Sentence adverbs that may stand between a subject and its verb ('Ada Cole, however, said'; 'Ada Cole
# however said').
# Adverbs that stand between an auxiliary and its participle only: 'has long said', 'has since said'
# (alone before a verb they are something else: 'since said' opens a clause).
ADVERBS_AFTER_AUXILIARY = wordset("long since ever consistently")

# Quantifier pronouns that are a whole subject: 'Several said', 'Many say', 'Most agreed'.
QUANTIFIER_PRONOUNS = wordset("several many most some few both all each")

# Pronouns heading a fronted clause without 'that': 'Nothing the mayor said will help, Lee said.' (the
# mayor's verb is inside the subject of the sentence).
CONTACT_RELATIVE_PRONOUNS = wordset("nothing everything something anything")

# Determiners opening a noun that a clause without 'that' modifies: 'The one thing the coach said ...',
# 'Every promise the mayor made ...'.
CONTACT_RELATIVE_DETERMINERS = wordset("the a an one every each some any no")

# Prepositions opening a sentence with the person whose view it gives: 'To Ms. Vance, the verdict is a
# betrayal', 'For the governor, the deal is a win'.
PERSPECTIVE_PREPOSITIONS = wordset("to for")

# Nouns of 'In X's view, ...' ('In Lee's opinion', 'in her eyes'): the clause after is X's view.
PERSPECTIVE_NOUNS = wordset("view opinion eyes mind estimation judgment judgement reckoning telling")

# Verbs of a view with 'as' after their object: 'Lee sees the vote as a test', 'the union regards the
# deal as unfair' (the subject's stance; 'is seen as' has no holder).
SEE_AS_VERBS = wordset("see sees saw view views viewed regard regards regarded")

# Words after 'as' that make no predicate of the object: 'saw the plan as soon as ...', 'as well'.
NOT_AS_PREDICATE = wordset("well soon long much far if though many few")

# Words labelling a paragraph before a colon that are no speaker: 'Note: ...', 'Update: ...', 'Watch: ...'.
LABEL_WORDS = wordset(
    """
note notes update updates correction corrections clarification warning watch read related source sources
photo photos video videos breaking exclusive analysis opinion review live listen see also editor question
answer summary background context disclosure caption transcript bottom line fact check
"""
)

INTERRUPTING_ADVERBS = wordset(
    """
however even meanwhile though instead nonetheless nevertheless too again now then later also likewise
"""
)

# Words of a time adjunct between a subject and its verb ('on Tuesday', 'earlier this month', 'last week')
# and the words that open one.
TIME_WORDS = wordset(
    """
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec morning
afternoon evening night weekend week month year day today yesterday tonight spring summer autumn fall
winter time
"""
)
TIME_OPENERS = wordset(
    """
on in at during earlier late last this next early
"""
)

# Words that cancel a cue ("did not say", "declined to comment").
NEGATIONS = wordset(
    """
declined failed n't neither never no nor not refused
"""
)

# Belief verbs whose negation with a clause is still the subject's belief ('does not think the tax will
# pass' holds that it will not): a cue after 'not' or "n't", unlike a negated speech act ('did not say').
NEG_RAISING_VERBS = _build("think believe suppose imagine feel")

# Words that put the following subject and verb into a subordinate clause.
SUBORDINATORS = wordset(
    """
if that when where whether which who whom whose
"""
)

# Finite auxiliaries: after "claimed the company" one of these shows a clause follows.
FINITE_AUXILIARIES = wordset(
    """
is are was were has have had will would can could shall should may might must did does do
"""
)

# Words that open an adverbial chunk ("In Washington,", "After the match,", "When asked,"): never a subject.
ADJUNCT_OPENERS = wordset(
    """
after although amid as at because before by despite during following for from if in like of on over
per since though to under unlike upon via when where whether while whilst with
"""
)

# Conjunctions and adverbs dropped from the front of a subject phrase.
LEADING_SKIP = wordset(
    """
after allegedly also although and as at because before but earlier finally first furthermore however in
indeed instead later meanwhile moreover now on or previously reportedly separately since so still then
therefore though thus today tonight while whilst yesterday yet
"""
)

PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s", "you": "s"}

# Honorifics, titles and role nouns written before a name; never part of the speaker. Modifiers of a
# title count too ('former', 'senior', 'top': 'Top Lee aide quits' names no 'Top Lee').
TITLES = wordset(
    """
academic acting activist actor actress adm administrator admiral adviser advisor advocate aide
ambassador analyst anchor archbishop architect artist assistant associate astronaut attorney
attorney-general author ayatollah barrister biologist bishop blogger brigadier brother campaigner
candidate capt captain cardinal ceo cfo chair chairman chairperson chairs chairwoman chancellor chemist
chief cleric cmdr co- co-author co-chair co-founder coach coauthor cofounder col colonel columnist
commander commentator commissioner composer congressman congresswoman constable consultant coo coroner
corporal correspondent councillor councilman councilor councilwoman counsel creator crown cto curator
dame dean deputy designer detective diplomat director director-general doctor dr economist editor
emeritus emir emperor empress engineer entrepreneur envoy epidemiologist ex executive father filmmaker
former founder gen general goalkeeper gov governor governor-general head historian imam incoming
inspector instructor interim investigator journalist judge junior justice king lady lawmaker lawyer
leader lecturer legislator lieutenant lord lt lt. magistrate maj major manager managing marshal mayor member mep
midfielder minister miss monsignor mp mr mrs ms mufti musician mx nominee novelist nurse officer official
ombudsman outgoing owner pastor photographer physician physicist playwright poet politician pope premier
president president-elect priest prince princess principal private producer prof professor prosecutor
provost psychiatrist psychologist publisher queen rabbi rector referee rep representative researcher rev
reverend scientist secretary secretary-general sen senator senior sergeant sgt shadow sheik sheikh
sheriff singer singer-songwriter sir sister solicitor songwriter speaker spokesman spokesperson
spokeswoman strategist striker student sultan superintendent surgeon teacher then top treasurer trustee
under-secretary undersecretary vice vice-president warden
"""
)

# Abbreviated titles that keep their full stop ("Mr.", "Gen.").
TITLE_ABBREVIATIONS = wordset(
    """
adm. capt. cmdr. col. det. dr. fr. gen. gov. hon. insp. jr. lt. maj. mr. mrs. ms. prof. rep. rev. sen.
sgt. sr. st. supt.
"""
)

# The title an abbreviation before a name stands for, and the descriptions that later refer back to its
# holder: 'Sen. Ada Cole ... the senator said', 'Rep. Tom Vint ... the congressman said'.
TITLE_ABBREVIATION_WORDS: dict[str, tuple[str, ...]] = {
    "adm": ("admiral",),
    "capt": ("captain",),
    "cmdr": ("commander",),
    "col": ("colonel",),
    "det": ("detective",),
    "gen": ("general",),
    "gov": ("governor",),
    "insp": ("inspector",),
    "lt": ("lieutenant",),
    "maj": ("major",),
    "prof": ("professor",),
    "rep": ("representative", "congressman", "congresswoman"),
    "sen": ("senator",),
    "sgt": ("sergeant",),
    "supt": ("superintendent",),
}

# Other words a later description uses for an office a person was named with: 'Prime Minister Ana Lee
# ... the premier said', 'United manager Tom Roe ... the coach said', 'Sen. Ada Cole ... the lawmaker
# said'. Two-word offices are keyed by both words joined with a space.
TITLE_ALIASES: dict[str, tuple[str, ...]] = {
    "prime minister": ("premier",),
    "premier": ("minister",),
    "chief executive": ("ceo", "boss"),
    "ceo": ("boss",),
    "manager": ("coach", "boss"),
    "coach": ("manager", "boss"),
    "senator": ("lawmaker", "legislator"),
    "representative": ("lawmaker", "legislator"),
    "congressman": ("lawmaker", "legislator"),
    "congresswoman": ("lawmaker", "legislator"),
    "mp": ("lawmaker", "legislator"),
    "striker": ("player",),
    "midfielder": ("player",),
    "goalkeeper": ("player", "keeper"),
}

# Written after a name ("Tom Smith, QC"): not part of the name.
POSTNOMINALS = wordset(
    """
cbe esq ii iii iv jr jr. kbe kc mbe md mep mla mp msp obe phd qc sc sr sr. td
"""
)

# Words that mark the person they describe as female.
FEMALE_WORDS = wordset(
    """
actress aunt baroness businesswoman chairwoman congresswoman councilwoman countess dame daughter duchess
empress girl grandmother her herself lady madam madame miss mother mrs mrs. ms ms. niece princess queen
she sister spokeswoman widow wife woman
"""
)

# Words that mark the person they describe as male.
MALE_WORDS = wordset(
    """
actor baron boy brother businessman chairman congressman councilman count duke emperor father fr.
grandfather he him himself his husband king lord man mr mr. nephew prince sheikh sir son spokesman uncle
widower
"""
)

# The pronouns among those gendered words: beside a noun or name they stand for someone else ('Her deputy,
# Tom Vale,' says nothing of Tom Vale's gender; 'the actress' does).
GENDERED_PRONOUNS = wordset("her herself she he him himself his")

# Lowercase heads of unnamed speakers; the article's wording is kept ("The researchers").
GROUP_NOUNS = wordset(
    """
activist activists administration agencies agency analyst analysts army authorities authors broadcaster
campaigner campaigners charities charity citizens coach coauthors commentators committee companies
company council court critic critics delegates democrats department diplomats doctor doctors economists
embassy employees engineers expert experts families farmers firm fishermen government governments group
historians inspectors investigators journalists judge judges lawmakers lawyer lawyers leaders
legislators locals media mediators medics member members military minister ministers ministry monitors
navy negotiators newspaper ngo ngos nurse observers office officers official officials opponents
opposition organisation organisers organization organizers paramedics parents participants physician
police pollsters president prosecutor prosecutors protesters protestors regulator regulators relatives
reporters representatives republicans rescuers researcher researchers resident residents scholars
scientist scientists senators source sources spokesman spokesmen spokespeople spokesperson spokespersons
spokeswoman staff students supporters survivors teachers team union unions users victims villagers
voters watchdog witness witnesses workers campaign camp aides allies advisers crew crews panel jury
board tribunal tribunals coroner coroners auditor auditors ombudsman inspector juries panels
"""
)

# Lowercase heads of descriptions of a person ('the billionaire businessman', 'the Vermont senator'),
# besides the titles above.
DESCRIPTION_HEADS = wordset(
    """
businessman businesswoman magnate billionaire mogul tycoon socialist conservative liberal moderate
republican democrat frontrunner front-runner hopeful contender challenger incumbent veteran star
politician lawmaker congressman congresswoman senator governor nominee candidate boss player keeper
"""
)

# Epithets that vary a person's name rather than introduce someone ('Midfielder Josip Bilic said ...
# "...," the veteran said'): a definite one right after a sentence opening with a named person, whose
# head the article has not used before, is that person.
EPITHET_HEADS = wordset(
    """
billionaire businessman businesswoman magnate mogul tycoon star veteran champion superstar singer rapper
striker midfielder goalkeeper winger
"""
)

# Unnamed sources described by their access ('a source familiar with the talks', 'people close to the
# mayor', 'an official briefed on the plan'): the words that open that description, and its heads.
ACCESS_WORDS = wordset("familiar close briefed knowledgeable privy")
# A pronoun standing for the people described by their access ('Those close to the mayor say').
ACCESS_PRONOUNS = wordset("those")
SOURCE_HEADS = wordset(
    """
source sources person people official officials aide aides someone insider insiders adviser advisers
diplomat diplomats individual individuals
"""
)

# People speaking for someone, named by that relation ('Aides to the mayor say').
ENTOURAGE_NOUNS = wordset(
    """
aide aides adviser advisers advisor advisors ally allies confidant confidants lawyer lawyers attorney
attorneys spokesman spokeswoman spokesperson associates friends loyalists
"""
)

# Lowercase heads of a phrase describing a person or group of people
# ('said one Ohio Republican strategist', 'added a longtime party confidant').
PERSON_NOUNS = wordset(
    """
actor actress adviser advocate ally analyst attorney banker believer blogger boss businessman
businesswoman candidate caller citizen colleague commentator confidant consultant contributor customer
delegate developer donor economist educator employee employer entrepreneur executive expert farmer
father fan founder friend governor guest host insider investor lawmaker lawyer leader lobbyist man
manager mother neighbor neighbour nominee observer officer official operative organizer organiser owner
parent partner patient personality pollster president professor protester reader resident retiree
rival senator shopper spokesman spokeswoman staffer strategist student supporter surrogate teacher
tenant veteran viewer volunteer voter woman worker writer
controller rescuer firefighter medic paramedic climber hiker astronomer archaeologist demonstrator protestor
mourner pilgrim passenger survivor villager fisherman midwife pupil ranger diver sailor crewman geologist
seismologist volcanologist virologist meteorologist forecaster juror
"""
)
PERSON_HEADS = DESCRIPTION_HEADS | GROUP_NOUNS | TITLES | ENTOURAGE_NOUNS | SOURCE_HEADS | PERSON_NOUNS

# People named by their relation to someone ('the former wife of the senator', 'a close friend of the
# mayor'): with 'of' after them they are the subject, not the one they relate to.
RELATION_NOUNS = wordset(
    """
wife husband widow widower ex-wife ex-husband son daughter mother father brother sister parent parents
child children cousin niece nephew uncle aunt grandson granddaughter grandmother grandfather stepson
stepdaughter fiance fiancee girlfriend boyfriend friend colleague relative classmate roommate neighbor
neighbour men women people
"""
)

# What one recalls as a memory told ('recalled the day the mill closed'); 'recalled its ambassador' and
# 'recalled 5,000 cars' are actions.
MEMORY_NOUNS = wordset(
    "day days time times moment moments incident conversation conversations night morning evening episode"
    " occasion occasions visit story stories scene years"
)

# Plurals without a final -s that open a reported clause as bare plurals do ('think women will decide').
IRREGULAR_PLURALS = wordset("men women people children police")

# Words before an amount after 'put ... at' ('put the cost at about $2 million').
AMOUNT_APPROXIMATORS = wordset("about around roughly nearly almost some just over under more less than at least")

# Verbs that follow a clause's subject right away without an auxiliary, for telling a reported clause
# from an object ('saying voters need to act', 'thinks residents want a vote').
CLAUSE_VERBS = wordset("need needs want wants deserve deserves feel remain remains face faces")

# Lowercase heads of a news outlet's name ('wrote Harbor magazine', 'the Riverton Herald newspaper').
MEDIA_NOUNS = wordset("magazine newspaper paper website site network channel station outlet daily tabloid weekly")

# Nouns ending in -ly, which are no adverbs ('the family said').
LY_NOUNS = wordset(
    """
family ally rally assembly monopoly supply reply anomaly bully homily folly jelly belly tally fly butterfly
"""
)

# Recorded evidence: footage and video report what they show as documents do ('The video shows the
# guard leaving'), in the same lists as the documents below. Photos and pictures stay out: the
# development set leaves a bare 'Photos of the scene showed ...' to the reporter.
_RECORDED_EVIDENCE = """
footage video videos
"""

# Heads of documents: the speaker is their author when the article names one.
DOCUMENT_NOUNS = wordset(_RECORDED_EVIDENCE) | wordset(
    """
analysis article assessment audit blog bulletin complaint data document editorial figures filing
findings guidance inquiry investigation judgement judgment letter memo note notice paper poll post press
release report research results review ruling site statement study survey website ad ads advertisement
commercial records documents polls surveys statistics transcript polling filings email emails projection
projections letters memos disclosures examination
"""
)

# After 'according to' a few more nouns name a document or a count ('according to a fact sheet', 'a tally
# by the league', 'calculations by the auditor'); they stay out of DOCUMENT_NOUNS, where 'count' or
# 'model' before a verb would read as a subject.
ACCORDING_DOCUMENT_NOUNS = DOCUMENT_NOUNS | wordset(
    """
sheet sheets tally tallies count calculations estimate estimates memoir memoirs excerpts excerpt book
biography lawsuit indictment affidavit declaration testimony minutes recording recordings footage logs
forecast forecasts census tabulation interviews database dataset studies reports schedule schedules
"""
)

# Documents, polls and data that speak for themselves when no author or owner is named ('The ad says',
# 'A court document filed on Monday says', 'The survey found').
SPEAKING_DOCUMENTS = wordset(_RECORDED_EVIDENCE) | wordset(
    """
study report survey review research results findings paper poll polls ad advertisement commercial memo
document documents letter statement website filing ruling records analysis audit assessment editorial
complaint guidance notice bulletin transcript polling filings email emails projection projections
letters memos disclosures examination data figures statistics
"""
)

# Subjects that make research verbs (found, estimated, show) a cue.
RESEARCH_SUBJECTS = wordset(_RECORDED_EVIDENCE) | wordset(
    """
analysis analysts assessment audit authors coauthors economists experts inquiry investigation
investigators paper poll report reports research researcher researchers review scientist scientists
studies study survey team polls surveys records data figures statistics examination polling projection
projections disclosures
"""
)

# Ruling and investigating bodies and officials: their verdict verbs with a clause state a finding
# (BODY_VERDICT_VERBS: 'the tribunal found that ...', 'auditors found the accounts were wrong', 'the
# inspector held that ...'), with a plain object they act ('the committee concluded its meeting', 'the
# jury found the bag'). Not research subjects, whose 'found' needs no clause ('the study found higher
# rates').
FINDING_BODIES = wordset(
    """
court courts judge judges justice justices jury juries tribunal tribunals panel panels inquiry inquiries
commission commissions commissioner commissioners watchdog watchdogs regulator regulators auditor
auditors ombudsman ombudsmen ombudsperson coroner coroners inspector inspectors inspectorate
investigator investigators review reviews magistrate magistrates arbitrator arbitrators arbitration
adjudicator examiner examiners probe committee committees board
"""
)

# A person's research group after 'and' + a possessive: 'Ann Lee and her colleagues found that ...'.
TEAM_NOUNS = wordset("colleagues team coauthors co-authors collaborators students")

# Heads of organisation names ("Department of Fisheries", "Tenants Council").
ORG_HEADS = wordset(
    """
academy administration ag agency airlines airways alliance army assembly association authorities
authority bank battalion board brigade broadcasting bureau cabinet center centre chronicle church clinic
co co. coalition coastguard college command commission commissioner committee company conference congress consulate
corp corp. corporation corps council court daily department departments directorate embassy examiner
exchange express federation force forces forum foundation fund gazette gmbh government group guard
guardian herald holdings hospital inc inc. independent industries initiative inquirer institute
institutes institution international journal kingdom laboratories laboratory league library llc ltd ltd.
magazine mail media ministries ministry monitor mosque motors museum n.v. nations navy network news
observer office organisation organization parliament partners party pharmaceuticals plc police post press program
programme project radio regiment reporter republic reserve review s.a. school secretariat senate service
services society standard star states study summit sun survey systems technologies telegraph television
port temple times tribune trust tv union university watch weekly tribunal ombudsman inquiry inspectorate
"""
)

# Fields of government and organisation names ("Minister of Education", "Council on Foreign Relations"):
# a capitalised one just before a person's name belongs to the title or organisation, not the name.
ORG_DOMAINS = wordset(
    """
affairs agriculture commerce communications culture defence defense development economy education
energy environment finance health housing immigration industry infrastructure interior justice labor
labour planning relations research resources rights science sciences security sport sports studies
technology tourism trade transport transportation treasury welfare youth fisheries mines mining veterans
heritage arts aviation forestry petroleum sanitation information
"""
)

# Lowercase nouns that may follow a name inside an organisation ("Meridian news agency").
ORG_TAILS = wordset(
    """
agency broadcaster channel daily magazine network news newspaper radio service television website wire
"""
)

# Capitalised words that open sentences or clauses but are never names.
CAPITAL_STOPWORDS = wordset(
    """
a about according advertisement after against all allegedly also although among an and april are as
asked at august because before between both but by can citing could december despite did discussing do
does during each earlier even every february for friday from had has have he her here him his how
however i if image in instead into is it its january july june just last later less let like many march
may me meanwhile might monday more most must my next no not november now october of on one only or our
over photo read related reportedly saturday see september several she should since so some speaking
still such sunday that the their them then there these they this those though three through thursday to
today tomorrow tonight tuesday two under unlike until update updated us video was we wednesday were what
when where which while whilst who why will with without would yesterday yet you your
"""
)

# Words that may join capitalised words inside one name ("Department of Fisheries").
NAME_CONNECTORS = wordset(
    """
& al bin da das de del della den der di dos du el for ibn la le of on the van von y
"""
)


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Lower-cased country names, built lazily from the installed ISO 3166 package."""
    names: set[str] = {"us", "u.s.", "usa", "u.s.a.", "uk", "u.k.", "britain", "eu", "america"}
    try:
        import pycountry
    except ImportError:  # pragma: no cover - the package is a pinned dependency
        return frozenset(names)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value.lower())
    return frozenset(names)


# Common given names with a clear gender, English-language and international (a general list written for
# this project, not drawn from any article): a weak cue, used when titles and pronouns say nothing.
# Names commonly given to both sexes (Alex, Jordan, Sam, Robin, Jean, Andrea...) are left out.
FEMALE_NAMES = wordset(
    """
abigail ada adriana agnes aisha alexandra alice alicia alina alison amanda amber amelia amina amy ana
anastasia angela angelica anita ann anna anne annette antonia astrid audrey ava barbara beatrice beatriz
bella bernadette beth betty beverly bianca brenda bridget brigitte camila carla carmen carol caroline
carolyn catherine cecilia charlotte cheryl chiara chloe christina christine claire clara claudia colette
cristina cynthia daniela danielle daphne deborah debra denise diana diane dolores donna doris dorothy
edith eleanor elena elif elisabeth eliza elizabeth ella ellen elsa emilia emily emma erika esther eva
evelyn fatima fiona florence frances francesca gabriela gabrielle georgia gillian gina giulia gloria
grace greta hanna hannah harriet heather heidi helen helena hillary ines ingrid irene irina isabel
isabella jacqueline jane janet janice jasmine jennifer jessica joan joanna josephine joyce judith judy
julia julie juliet kamala karen karin katarzyna kate katherine kathleen kathryn katie katrin kelly
kimberly laura lauren layla leah leila lena linda lisa lois lorraine louise lucia lucy luisa lydia
madeleine madison magdalena margaret margarita maria mariam marie marilyn marina marion marta martha
mary maryam megan melanie melissa mia michelle miriam molly monica monika nadia nancy naomi natalia
natalie natasha nicola nicole nina nora olga olivia pamela paola patricia paula pauline penelope petra
pia priya rachel rebecca rita rosa rose rosemary ruth sabine sally samantha sandra sara sarah shannon
sharon sheila shirley silvia simone sofia sonia sophia sophie stella stephanie susan susanne suzanne
svetlana sylvia tamara tanya tatiana teresa theresa tina ursula valentina valerie vanessa vera veronica
victoria virginia wendy yasmin yolanda yulia yvonne zainab zoe
"""
)

# Common given names with a clear gender (see above).
MALE_NAMES = wordset(
    """
aaron abdul abdullah adam adrian ahmed ahmet alan albert alberto alejandro alexander alexei alfred ali
alistair amir anders andre andreas andrei andrew angelo anthony antoine antonio arjun arnold arthur
austin barack benjamin bernard bill billy bob bobby boris brandon brian bruce bryan carl carlos charles
chris christian christopher claude colin craig daniel darren dave david dennis derek diego dmitry
dominic donald douglas duncan dylan eduardo edward elijah emmanuel enrique eric ethan eugene fabio felix
fernando francesco francisco francois frank franz fred frederick gabriel gary geoffrey george gerald
gerhard giovanni giuseppe gordon graham gregory guillaume gustavo hamid hans harold hassan hector henri
henry hiroshi hugh hussein ian ibrahim igor ivan jack jacob jacques jake james jason javier jeff jeffrey
jeremy jerry jim joe johan john johnny jonathan jorge jose joseph joshua juan julian jurgen justin karl
keith ken kenneth kevin khalid klaus kurt kyle larry lars lawrence leonard liam lorenzo louis luca lucas
luigi luis luke malcolm manuel marc marcel marco marcus mario mark martin matthew mauricio max michael
miguel mike mikhail mohamed mohammad mohammed muhammad mustafa nathan neil nicholas nick nigel noah oleg
oliver omar oscar otto pablo patrick paul pedro peter philip philippe pierre rafael rahul rajesh ralph
ramon randy raul raymond ricardo richard robert roberto roger roland ronald roy russell ryan salvatore
samuel scott sean sebastian sergei sergey simon stefan stephen steve steven stuart sven terry thomas
timothy tobias tom tony trevor tyler victor viktor vincent vladimir walter wayne werner william willie
wolfgang yuri yusuf zachary
"""
)

# Speech cues that are phrases rather than verbs; the speaker follows them.
ACCORDING_PHRASES = (
    ("according", "to"),
    ("in", "the", "words", "of"),
    # 'In the view of Tom Ek, ...', as 'In Ek's view' (PERSPECTIVE_NOUNS)
    ("in", "the", "view", "of"),
    ("in", "the", "opinion", "of"),
    ("as", "quoted", "by"),
    ("quoting",),
    # 'As reported by the Daily Ledger, ...', 'the plan, first reported by X, ...': the outlet is the source
    ("as", "reported", "by"),
    ("as", "reported", "in"),
    ("first", "reported", "by"),
    ("first", "reported", "in"),
    ("originally", "reported", "by"),
    ("previously", "reported", "by"),
    ("as", "published", "by"),
)
# Verbs that quote someone else's words: 'quoted Minister Ode as saying', 'cited an aide as saying'.
QUOTING_VERBS = wordset("quoted quotes quote quoting cited cites citing")
# Object pronouns after a quoting verb, as the subject pronoun they stand for ('quoted him as saying').
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}

# Openers of the phrases above that need 'as' or a comma before them: ', first reported by X,' is the
# source of the sentence; 'The theft was first reported by a neighbor' is an event.
REPORTED_PHRASE_OPENERS = frozenset({"first", "originally", "previously"})


# Attribution stages (claims/extraction/attribution/): clause punctuation, subject phrases, documents.

CLAUSE_PUNCT = {";", ":", "(", ")", "—", "–", "[", "]", "!", "?"}

PASSIVE_AUXILIARIES = {"was", "were", "been", "being", "be", "is", "are", "get", "got", "gets"}

SPEAKING_VENUES = {
    "statement",
    "address",
    "interview",
    "speech",
    "remarks",
    "post",
    "tweet",
    "letter",
    "report",
    "briefing",
    "release",
    "conference",
    "email",
    "message",
    "broadcast",
    "op-ed",
    "article",
    "blog",
    "video",
    "ruling",
    "filing",
    "testimony",
    "submission",
    "hearing",
    "session",
    "call",
    "note",
}

AUDIENCES = {"reporters", "journalists", "the press", "the media", "lawmakers", "parliament", "the court"}

# Verbs that may come before their subject ('"...," said RSNA').
INVERTIBLE_VERBS = {
    "said",
    "tweeted",
    "posted",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "continued",
    "explained",
    "noted",
    "insisted",
    "asked",
    "replied",
    "responded",
    "answered",
    "warned",
    "admitted",
    "declared",
    "exclaimed",
    "recalled",
    "concluded",
    "argued",
    "claimed",
    "confirmed",
    "stated",
    "reported",
    "observed",
    "remarked",
    "cautioned",
    "stressed",
    "countered",
    "quipped",
    "joked",
    "shouted",
    "acknowledged",
    "conceded",
    "predicted",
    "urged",
}

# Reporting verbs whose plain object is no reported clause ('report their results', 'request funds').
OBJECT_VERBS = {"report", "request", "reveal", "propose", "recommend", "demand", "promise", "pledge"}

# Prepositions whose object is never the subject of a verb after it: 'Lee spoke at the Palace Hotel in
# Lagos and called ...' (the hotel is where she spoke; the second verb is still hers). 'of', 'for' and
# 'by' are left out: 'one of the pilots said', 'a spokesman for the port said'.
PLACE_PREPOSITIONS = wordset("at in on into inside outside near across toward towards onto aboard")

OBJECT_PREPOSITIONS = {
    "of",
    "for",
    "from",
    "to",
    "by",
    "against",
    "on",
    "about",
    "at",
    "in",
    "into",
    "toward",
    "towards",
}

# Words and marks before a participle whose subject is the main clause's: ', saying', 'before saying',
# and a dash: 'Ada Cole changed her vote – saying ...'.
ELIDED_SUBJECT_INTROS = {
    ",",
    "while",
    "whilst",
    "before",
    "after",
    "when",
    "by",
    "in",
    "and",
    "as",
    "also",
    "—",
    "–",
    "--",
}

# Irregular simple past forms of common verbs: the finite verb of a main clause ('The chef began by ...,
# saying', 'Ada Cole made a pitch to farmers, saying').
IRREGULAR_PAST = wordset(
    """began became brought built came caught chose drew drove fell felt fought found gave got grew held
    hit kept knew led left lost made meant met paid put ran rose sat saw sent set shook sought spent
    spoke stood struck swore took taught threw told took understood went won wore wrote thought heard
    sold bought flew fled slept woke ate drank sang rode hid broke forgot froze hung sank shot stole stuck
    swam swept swung tore withdrew withheld upheld overcame undertook bent dealt dug fed knelt lent wept
    clung crept sped strove forbade forgave"""
)

QUANTITY_HEDGES = wordset(
    "about nearly almost roughly some over under just only more less fewer than around a an the another"
)

# Words of a short time adjunct after a closing verb: 'the mayor said on Monday.', 'data showed last week'.
TIME_ADJUNCT_WORDS = wordset("on in last this late early earlier overnight")

# Currency signs that open an amount ('adds $12 billion').
CURRENCY_SIGNS = frozenset({"$", "€", "£", "¥"})

# Organisation heads that are common words too ('the news', 'the star', 'the study'): a definite
# description with one of these is no reference to a body named before.
# Last words of a company's own name ('Halvorsen Pharmaceuticals', 'Brim Motors', 'Varn Holdings').
CORPORATE_HEADS = wordset(
    """
ag airlines airways co co. company corp corp. corporation gmbh holdings inc inc. industries laboratories
llc ltd ltd. motors n.v. pharmaceuticals plc s.a. systems technologies
"""
)

COMMON_WORD_ORG_HEADS = wordset(
    """
news star sun post times mail press express standard review independent watch summit program programme
project study survey conference forum initiative fund media network international kingdom nations states
republic partners
"""
)

# Words joining the parts of one name or two subjects: 'Food and Drug Administration', 'Ann Lee & Co'.
AND_WORDS = frozenset({"and", "&"})

# People who speak for a body ('a spokeswoman for the ministry', 'a ministry spokesman'): the body is the
# speaker.
SPEAKS_FOR_NOUNS = wordset("spokesman spokeswoman spokesperson spokesmen spokespeople spokespersons")

# People and bodies who speak for the one a possessive pronoun names: 'Her campaign said', 'his lawyer said'
# are the campaign and the lawyer of the person 'her' and 'his' stand for.
OWNED_SPEAKERS = SPEAKS_FOR_NOUNS | wordset(
    """office campaign aides aide lawyer lawyers attorney attorneys staff team representatives representative
    government administration ministry family"""
)

# Kinds of company written before its name ('Scandinavian carrier Norvik Air', 'chipmaker Veltrix') and
# standing for it later ('the airline said'): each word -> the kind it names ('carrier' is an airline).
BODY_KINDS: dict[str, str] = {
    "airline": "airline",
    "carrier": "airline",
    "chipmaker": "chipmaker",
    "carmaker": "carmaker",
    "automaker": "carmaker",
    "lender": "lender",
    "retailer": "retailer",
    "insurer": "insurer",
    "broadcaster": "broadcaster",
    "drugmaker": "drugmaker",
    "conglomerate": "conglomerate",
    "utility": "utility",
    "operator": "operator",
    "firm": "firm",
    "regulator": "regulator",
    "watchdog": "regulator",
    "company": "company",
    "miner": "miner",
    "manufacturer": "manufacturer",
    "brewer": "brewer",
    "startup": "startup",
    "start-up": "startup",
    "developer": "developer",
    "publisher": "publisher",
    "supermarket": "supermarket",
    "maker": "maker",
    "producer": "producer",
    "supplier": "supplier",
    "distributor": "distributor",
    "giant": "giant",
    "importer": "importer",
    "exporter": "exporter",
    "refiner": "refiner",
    "shipper": "shipper",
    # sport: 'Championship club Halton Rovers ... the club said'
    "club": "club",
    "team": "team",
}
# Other words a body's name may be called by later: 'the agency said' after 'the World Soil Organization',
# 'the organisation said' after 'the International Federation of River Pilots', 'the charity said' after
# 'the Brenn Children's Trust'. Each description head -> the organisation heads of the names it may stand
# for (its own head is matched first).
_NON_PROFIT_HEADS = wordset(
    "organisation organization federation association union alliance league society council foundation fund "
    "agency institute institution coalition network trust committee commission programme program charity body"
)
BODY_HEAD_ALIASES: dict[str, frozenset[str]] = {
    "agency": wordset(
        "organisation organization office administration authority bureau commission service programme program "
        "fund directorate centre center institute"
    ),
    "organisation": _NON_PROFIT_HEADS,
    "organization": _NON_PROFIT_HEADS,
    "body": _NON_PROFIT_HEADS | wordset("authority board office bureau directorate"),
    "group": wordset(
        "alliance coalition association federation society league network organisation organization charity body"
    ),
    "charity": wordset("trust foundation fund society appeal"),
    "watchdog": wordset("authority commission office board agency regulator ombudsman"),
    "regulator": wordset("authority commission office board agency"),
}

# Modifiers of a description that set it apart from the body named before ('the opposition party', 'the
# rival airline'): such a description stays as written.
CONTRASTING_MODIFIERS = wordset("other another rival opposition ruling former new second third smaller larger")

# Participles whose agent runs a vehicle, line or site as a business ('a ferry owned by Skarn Lines', 'a
# train operated by Northway Rail'): the agent is what 'the operator' or 'the company' later stands for.
OPERATOR_PARTICIPLES = wordset("operated owned run managed chartered leased")

# Kinds of body that describe a business: 'the company said', 'the carmaker said' stand for the business
# named before ('carmaker Brim Motors', 'the firm, Swiftway,', 'Varn Holdings').
BUSINESS_DESCRIPTORS = frozenset(BODY_KINDS) - {"regulator", "broadcaster", "club", "team"}

# Endings of plurals that name people ('economists', 'residents', 'researchers', 'democrats'), not things.
PEOPLE_PLURAL_ENDINGS = ("ists", "ers", "ors", "ians", "ents", "ants", "ats", "ees")

# Works one writes as an author ('wrote more than 30 plays', 'writes crime novels'): writing one is no
# report of what it says.
CREATED_WORK_NOUNS = wordset(
    """
play plays novel novels poem poems song songs script scripts screenplay screenplays opera operas symphony
symphonies score scores libretto memoir memoirs biography biographies lyrics musical musicals sonnet sonnets
"""
)

# Verdicts given with 'call' and an object ('called the strike illegal', 'called the plan unacceptable'):
# the endings of such adjectives, and short ones without them.
VERDICT_ADJECTIVE_ENDINGS = ("al", "ful", "ous", "ive", "ic", "able", "ible", "less", "ent", "ant", "ed")
VERDICT_ADJECTIVES = wordset("wrong unfair false absurd bad unjust premature untrue unwise cruel")

# Events whose organisers speak in the event's name ('The Harven Film Festival said'): 'the festival said'
# later stands for the festival named before.
SPEAKING_EVENT_HEADS = wordset("festival carnival biennale expo")

# Bodies that speak, beside the organisation heads: 'the airline said Thursday', 'the carrier announced'.
SPEAKING_BODIES = wordset("club team campaign") | frozenset(BODY_KINDS) | SPEAKING_EVENT_HEADS

# Participles used as adjectives before a speaker's head, never a verb there: 'the governing body', 'the
# ruling party', 'the reigning champion', 'the visiting coach'.
ATTRIBUTIVE_PARTICIPLES = wordset(
    """
governing ruling reigning defending visiting organising organizing founding coordinating supervising
examining accrediting leading
"""
)

# Modifiers that make 'body' an organisation, never a corpse: 'the governing body said', 'the industry body'.
ORGANISATION_BODY_MODIFIERS = (
    wordset(
        """
regulatory professional umbrella industry trade representative advisory oversight watchdog supervisory
standards sporting sports statutory disciplinary
"""
    )
    | ATTRIBUTIVE_PARTICIPLES
)

# Every head of a subject that speaks: people, organisations, speaking documents and bodies (built once).
SPEAKING_HEADS = PERSON_HEADS | ORG_HEADS | SPEAKING_DOCUMENTS | SPEAKING_BODIES

# Reporting forms that never modify a noun as participles ('the airline said Thursday').
NEVER_PARTICIPLES = wordset("said says told tells added adds wrote writes")

QUANTITY_WORDS = wordset(
    "half third thirds quarter quarters majority majorities minority most plurality two-thirds three-quarters"
    " one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    " eighteen nineteen twenty thirty forty fifty sixty"
    " seventy eighty ninety"
)

QUANTITY_BOUNDS = frozenset({",", ";", ":", "and", "but", "—", "–"})

# Coordinators that open a new clause: a pronoun after one is a clause's subject, not a word inside a
# clause of its sentence ('Lee met Roe, and he said ...').
CLAUSE_COORDINATORS = wordset("and but or so then yet")

PARTY_HEADS = frozenset({"party", "movement", "bloc", "faction", "alliance", "coalition"})

NOUN_PHRASE_STOPS = AUXILIARIES | SUBORDINATORS | NEGATIONS | {"and", "or", "but", "by"}

CLAUSE_OPENERS = frozenset(
    ["after", "before", "when", "while", "whilst", "as", "because", "since", "until", "although", "though", "once"]
)

TIME_NOUNS = frozenset(
    [
        "week",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "day",
        "time",
    ]
)

# Conjunctions and sentence adverbs skipped at the front of a chunk ("but Smith", "and head of ...").
CHUNK_SKIP = LEADING_SKIP - ADJUNCT_OPENERS

TIME_ADVERBS = frozenset({"back", "later", "earlier", "late", "early", "since", "until", "by"})

DASHES = frozenset({"—", "–", "-", "--"})
# Marks that sign a quotation with its author's name after it ('"..." ― Ann Lee'): the dashes and the
# horizontal bar.
SIGNATURE_DASHES = DASHES | {"\u2015"}

NOT_A_VERB_AFTER_TO = wordset("the a an this that these those his her its their our my your him them us me")

CLAUSE_END = CLAUSE_PUNCT | {".", ","}

# Heads of a document subject ('A new study mapping ...', 'Results of the trials').
DOCUMENT_SUBJECT_HEADS = wordset(_RECORDED_EVIDENCE) | wordset(
    "analysis assessment audit findings inquiry investigation paper poll report research results review study"
    " studies survey document documents memo memos records filing ad letter letters examination polls polling"
    " surveys reports"
    " filings email emails projection projections"
    " disclosures data figures statistics"
    # court papers and official notices speak for their issuer ('the ruling released Friday said')
    " ruling rulings order orders judgment verdict indictment complaint affidavit notice statement"
)

# Collections before 'of' and the documents they hold ('A batch of letters', 'An average of recent polls').
DOCUMENT_COLLECTIONS = wordset("batch set series trove cache collection average sample bundle stack handful")

# Irregular past participles that may open a document's modifier ('A filing made public on Monday says').
IRREGULAR_PARTICIPLES = wordset(
    "made seen sent written given shown held taken read put set obtained found built caught kept"
)

# Words after which 'by X' names the document's author ('a paper by X', 'written by X').
AUTHORSHIP_PARTICIPLES = wordset(
    "written authored published conducted compiled prepared led issued posted filed signed released"
)

# Words that may open a post-modifier of the document noun up to its verb.
DOCUMENT_MODIFIER_OPENERS = wordset("of by on into from about in for among across published out")

SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it"})

AUDIENCE_WORDS = frozenset(
    {"reporters", "journalists", "supporters", "voters", "the", "an", "a", "his", "her", "their"}
)

SELF_REPORT_MARKERS = (("has", "learned"), ("has", "learnt"), ("have", "learned"), ("reporters",), ("reporter",))


# Lists of the places stage (places.py), compared with the cased token text.

# Capitalised titles and office words (places stage): a capitalised word after one is a person's name,
# not a place ("Governor Lagos" is a person); they also end a multiword place name.
CASED_TITLES = wordset(
    """Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady King Queen Prince Princess Duke Duchess
    President Vice Senator Sen Rep Representative Congressman Congresswoman Gov Governor Mayor Judge
    Justice General Gen Lt Lieutenant Col Colonel Captain Capt Major Maj Sgt Sergeant Admiral Adm
    Commander Minister Premier Chancellor Secretary Ambassador Envoy Consul Pope Rev Reverend Father
    Sister Bishop Archbishop Cardinal Sheikh Imam Rabbi Chief Commissioner Director Spokesman
    Spokeswoman Spokesperson Officer Detective Inspector Superintendent Constable Coach Agent Prime
    Deputy Acting Foreign Defence Defense Interior Home Health Trade Finance Justice Education Leader
    Speaker Attorney Solicitor Consul-General Chairman Chairwoman Chair CEO Councillor Councilor"""
)

# Heads of organisation, publication and event names: a place inside such a name is not a place.
ORG_NAME_HEADS = wordset(
    """Department Departments Ministry Office Council Agency Commission Committee Authority Bureau Service
    Services Administration Board Institute Institution University College School Academy Association
    Society Federation Union League Party Foundation Fund Trust Bank Corporation Corp Company Co Inc
    Ltd Group Organisation Organization Network Army Navy Force Forces Guard Police Command Court
    Tribunal Senate Congress Parliament Assembly Embassy Consulate Mission Airlines Airways Railways
    Railway Television Radio Broadcasting Press News Times Post Journal Herald Tribune Gazette
    Chronicle Daily Today Observer Guardian Telegraph Mail Express Review Magazine Standards
    Statistics Customs Club Team Cup Open Games Olympics Championship Championships Festival Project
    Programme Program Initiative Laboratory Laboratories Labs Studies Reserve Exchange Chamber
    Secretariat Cabinet Treasury Executive Directorate Division Unit Regiment Brigade Battalion Corps
    Fleet Intelligence Security Day Week Prize Award Awards Act Law Bill Agreement Accord Accords
    Treaty Declaration Convention Protocol Conference Summit Forum Index Survey Report Medical
    Hospitals Institutes Energy Airport Airports Stock Media Times-Dispatch Independent Star Sun Live
    Broadcasting Records Pictures Studios Industries Holdings Partners Associates Enterprises
    Alliance Coalition Movement Front Council Commonwealth Federal National Central Red Electric
    Electricity Power Gas Telecom Telecommunications Steel Motors Motor Petroleum Oil Rail Transport
    Transit Marathon Derby Prix Expo Biennale Masters Regatta Rally Philharmonic Orchestra Symphony
    Ballet Choir United Rovers Wanderers Athletic Albion Hotspur FC Voice Tour Underground Subway
    Airshow Show Fair Carnival Classic Invitational Gala Olympiad Triathlon Water Utilities"""
)

# Places stage: a capitalised word followed by one of these verbs is a speaker, not a place.
SPEECH_VERBS_AFTER_NAME = wordset(
    """said says say told tells added adds stated noted explained argued claimed asked wrote announced
    insisted warned continued replied responded confirmed denied admitted suggested believes thinks
    testified tweeted posted urged"""
)

# Registry service: a capitalised two-to-four word speaker name with one of these words is not a person.
SPEAKER_ORG_WORDS = frozenset(
    {
        "agency",
        "ministry",
        "department",
        "council",
        "government",
        "office",
        "news",
        "committee",
        "association",
        "police",
        "company",
        "group",
        "university",
        "institute",
        "service",
        "union",
    }
)

# Adjectives after 'be' that pass their subject to 'to' + a reporting verb that was carried out: 'Voters
# were more likely to say ...' (a poll's answer), 'The mayor was quick to point out ...' (not 'willing to
# say', 'reluctant to say': nothing was said); with the degree words that may stand before them.
RAISING_ADJECTIVES = wordset("likely quick first")
# Nouns ending in -ing, which head a noun phrase rather than open a participle phrase ('a court filing
# made public', 'the morning briefing').
ING_NOUNS = wordset(
    """
filing filings polling ruling rulings hearing hearings meeting meetings briefing briefings building
buildings funding spending offering warning warnings finding findings reading recording recordings
morning evening ending opening setting training housing listing listings posting postings wording
gathering marketing fundraising bombing shooting killing uprising understanding
"""
)
# 'went on to say', 'paused to add': verbs whose subject says the infinitive after them
GO_FORMS = wordset("go goes going went gone")
# Verbs whose subject says the infinitive after them: 'paused to add', and aspect ('continued to insist
# that', 'began to argue that', 'has started to warn'), unlike 'declined to say' or 'wants to say'.
SPEECH_INFINITIVE_HOSTS = wordset(
    "paused pauses stopped stops interjected interjects rose rises continue continues continued continuing"
    " begin begins began begun beginning start starts started starting"
)
# 'Lee was prompted to say ...', 'was moved to add': passive participles whose subject says the infinitive
PASSIVE_SPEECH_HOSTS = wordset("prompted moved compelled forced")
# 'a cap that read:', 'a sign that said:', 'a shirt reading:': a thing's written words announced by a colon
INSCRIPTION_VERBS = wordset("read reads said says")
INSCRIPTION_PARTICIPLES = wordset("reading saying")
# 'took to Twitter to call ...', 'has taken to saying ...': taking to a venue or a habit of speech.
TAKE_FORMS = wordset("take takes took taken taking")
DEGREE_WORDS = wordset("more less most least much far even slightly very so too")
BE_FORMS = wordset("is are was were be been am")

# Adjectives that open a document phrase, capitalised only as a sentence's first word: 'Recent polling
# shows', 'Exit polls found', 'New figures show' (no owner's name).
DOCUMENT_ADJECTIVES = wordset(
    "recent exit early earlier latest new national internal public private separate independent official"
    " preliminary final initial previous later federal local leaked"
    # nouns of an owner used as modifiers: 'State records show', 'Court papers say', 'Campaign finance reports'
    " state city county court government police campaign school company congressional"
    # what the figures count: 'Crime statistics showed', 'Trade data show', 'Census figures suggest'
    " crime trade census industry customs employment unemployment housing hospital sales tax budget traffic"
    " inflation labor labour production export import"
    # what recorded it: 'Satellite images show', 'Security footage shows', 'Drone video shows'
    " satellite security surveillance drone camera video phone television tv cctv dashcam bodycam mobile"
)

# Adjectives of stance before a that-clause, held by the subject of 'be' or 'make': 'X is confident
# that ...', 'X was concerned that ...', 'X made clear that ...'.
STANCE_ADJECTIVES = wordset("confident convinced concerned aware sure certain hopeful optimistic worried adamant clear")

# Verbs that report a view only with that view as their object: 'X shared her belief that ...', 'X aired
# the concern that ...' (not 'shared a photo'); and the nouns of such views, besides SAID_NOUNS.
SHARING_VERBS = _build("share air")
VIEW_NOUNS = wordset("belief beliefs view views opinion opinions conviction hope hopes fear fears feeling sense")

# Where the subject of a reported clause ends: its auxiliary or one of the verbs above.
CLAUSE_VERB_STOPS = FINITE_AUXILIARIES | CLAUSE_VERBS

# Adjectives of order or kind between a determiner and a noun ('the last state election', 'a new report').
ORDER_ADJECTIVES = wordset("last next first second third final same other new old whole entire latest previous")

# Speech acts whose object is what was said ('promised tougher rules', 'announced new funding', 'denied
# wrongdoing'): a second verb of a clause's subject even without a reported clause.
CONTENT_OBJECT_VERBS = {
    form: lemma
    for form, lemma in SPEECH_VERBS.items()
    if lemma in {"promise", "announce", "deny", "pledge", "vow", "propose", "demand", "urge", "predict", "reject"}
    and not form.endswith("ing")
}

# Speech acts of commitment taking an infinitive ('vows to cut the toll', 'pledges not to run'): their
# forms that double as nouns are verbs before it.
COMMITMENT_VERBS = {k: v for k, v in SPEECH_VERBS.items() if v in {"promise", "pledge", "vow"}}

# Words before 'to' that make the speech act after it one still to come ('is expected to announce', 'plans
# to unveil'): without a reported clause it is the reporter's forecast, not a claim.
FUTURE_BEFORE_TO_CUE = wordset("expected set due poised slated scheduled going plans planned plan intends intend")

# Function words that never head a bare noun subject of a reported clause ('said profits rose').
BARE_NOUN_STOPS = wordset(
    "and or but nor yet so for of in on at to from with without about into onto over under than as not no"
)

# Nouns of something said or held whose possessive owner speaks their that-clause ('the party's
# allegations that ...', 'Lee's warning that ...').
CLAIM_NOUNS = (
    SAID_NOUNS
    | VIEW_NOUNS
    | wordset(
        """
warning warnings prediction predictions promise promises pledge pledges insistence assurance assurances
contention admission denial denials statement statements announcement argument assessment conclusion
"""
    )
) - wordset("report reports account accounts attack attacks idea notion premise")
# Nouns whose possessive owner speaks the that-clause after 'is' or 'was': 'Lee's answer was that ...',
# 'the union's point is that ...' (not 'The problem is that ...', which has no owner).
COPULA_CLAIM_NOUNS = CLAIM_NOUNS | wordset(
    "answer answers response responses point position message reply replies stance complaint worry case "
    "reasoning thinking line pitch"
)

# Possessive pronouns as the subject pronoun they stand for ('his warning that ...').
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}

# Documents whose figures are theirs after 'in': polls anywhere ('led by 9 points in the latest Vale
# poll'), studies and reports only opening the sentence ('In a 2019 study, ...').
POLL_NOUNS = wordset("poll polls survey surveys")
IN_SOURCE_HEADS = POLL_NOUNS | wordset("study studies report analysis")

# Plural heads of a poll's respondents ('Most Americans say ..., according to a new poll').
RESPONDENT_NOUNS = wordset(
    """
americans voters respondents adults residents people democrats republicans independents parents women men
millennials consumers workers students citizens britons canadians germans australians
"""
)


# Verbs that put out an ad, a letter or a website: its publisher speaks through it.
LAUNCHING_VERBS = wordset(
    "released releases issued issues published publishes posted posts sent sends launched launches began begins "
    "ran runs aired airs unveiled unveils rolled rolls put puts tweeted tweets circulated circulates"
)
# What such a verb puts out, besides documents and statements: 'an ad campaign praising ...', 'ran a
# piece that noted ...'.
PUT_OUT_NOUNS = frozenset(
    {"campaign", "campaigns", "commercial", "spot", "spots", "mailer", "flyer", "piece", "column", "essay", "op-ed"}
)

# Last words of the names of wars, crises, laws, treaties and events, never of a person ('the Harbor War',
# 'the Vell Crisis', 'the Clean Ports Act', 'the Oslo Jazz Festival', 'the Lisbon Boat Show'): such a name
# is no antecedent of 'he' or 'she'.
EVENT_NAME_HEADS = wordset(
    """
war wars crisis revolution uprising massacre scandal affair doctrine genocide olympics games cup act
treaty accord accords summit agreement protocol festival festivals championship championships tournament
marathon expo biennale carnival regatta olympiad triathlon show
"""
)

# Words opening an aside that names some members of a plural subject ('Critics, including the Keld
# Institute, argue'; 'Growers, notably those in the north, say'): the plural stays the subject.
EXAMPLE_ASIDE_OPENERS = frozenset({"including", "notably", "especially", "particularly", "mostly", "mainly", "among"})

# Words that may follow a past participle modifying a subject noun, opening its agent or time ('Residents
# interviewed on Friday said', 'Voters polled last week said', 'Workers reached by the paper said').
PARTICIPLE_ADJUNCT_OPENERS = frozenset(
    {"by", "on", "in", "at", "last", "this", "after", "during", "outside", "over", "since", "for", "earlier"}
)

# Possessive pronouns owning a document opening the subject, with the pronoun they stand for ('Its last
# estimate put the crop at ...' -> the body named before).
DOCUMENT_OWNER_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}

# Nouns of speaking given by someone, and the verbs of a reduced relative clause naming the giver
# ('according to an interview the mayor gave to the Ledger', 'a speech Ann Lee delivered').
GIVEN_SPEECH_NOUNS = wordset("interview speech address lecture briefing sermon testimony")
GIVEN_SPEECH_VERBS = wordset("gave delivered granted")
