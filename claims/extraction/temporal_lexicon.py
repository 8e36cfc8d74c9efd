"""Word lists for date recognition: month and weekday names, tense cues and the context words that tell a
year from a quantity. General English only: nothing here is specific to one article."""

from __future__ import annotations

from .normalize import wordset

# Full names and the usual newspaper abbreviations (with or without a period). Abbreviations are only
# accepted when a day or a year is attached ("Sept. 29", "Oct 2015"), never on their own.
MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# Month names that are also common English words or first names: alone (no day, no year) they count as
# a month only after a temporal preposition ("in May", "since March"), not in "Theresa May" or "March on".
AMBIGUOUS_MONTHS = frozenset({"may", "march", "april", "june", "august"})
# Nouns for an outcome already delivered: after a weekday's possessive in object position they look back
# ("will appeal Monday's verdict", "vowed to fight Wednesday's ruling" in a Thursday article are past days).
OUTCOME_NOUNS = wordset(
    """
ruling rulings verdict verdicts decision decisions judgment judgement announcement attack attacks bombing
bombings shooting shootings crash explosion blast blasts killing killings arrest arrests defeat victory win
loss losses result results resignation ouster collapse raid raids massacre accident
"""
)
# Verbs that make or wait for the outcome, so it is still to come ("will hand down Friday's ruling",
# "awaits Monday's verdict").
OUTCOME_PENDING_VERBS = wordset(
    """
down deliver delivers issue issues announce announces release releases give gives reach reaches await
awaits awaiting expect expects expecting
"""
)
# Prepositions after "the <Month>" that make it an event's name ("the March on the capital", "the March for
# Science"), not a month used as a modifier ("the March accession").
EVENT_NAME_PREPOSITIONS = frozenset({"on", "for", "of", "to", "against", "across", "through"})

# Words that, right before a bare month or year, make it temporal ("in 2003", "since May", "mid-2015").
TEMPORAL_PREPOSITIONS = frozenset(
    {
        "in",
        "since",
        "by",
        "until",
        "till",
        "til",
        "from",
        "to",
        "through",
        "throughout",
        "during",
        "before",
        "after",
        "of",
        "between",
        "and",
        "or",
        "early",
        "mid",
        "late",
        "pre",
        "post",
        "last",
        "next",
        "this",
        "circa",
        "around",
        "fiscal",
        "year",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "as",
        "for",
        "on",
        "at",
        "into",
        "beginning",
        "end",
        "start",
        "ending",
        "starting",
    }
)

# Words that make a following four-digit number a quantity ("about 2000", "the 2000 people" is handled by
# the noun after it). "over"/"around" are ambiguous; ranges and nouns decide those cases first.
QUANTITY_PREFIXES = frozenset(
    {
        "about",
        "approximately",
        "nearly",
        "almost",
        "roughly",
        "some",
        "than",
        "over",
        "under",
        "least",
        "most",
        "only",
        "just",
        "exactly",
        "total",
        "totalling",
        "totaling",
        "number",
        "no",
        "another",
        "additional",
        "extra",
        "every",
        "per",
        "up",
        "down",
        "rose",
        "fell",
        "increased",
        "decreased",
        "plus",
        "minus",
        "times",
        "page",
        "pages",
        "room",
        "flight",
        "route",
        "highway",
        "chapter",
        "section",
        "article",
        "resolution",
        "code",
        "model",
        "version",
        "score",
        "scored",
    }
)

# Words ending in "s" that may follow a year: plural nouns a year can modify ("2000 levels", "2011
# figures") and common verbs/function words. Any other "-s" word after a four-digit number makes it a count
# ("2000 soldiers").
YEAR_FOLLOWERS_ENDING_IN_S = frozenset(
    {
        "levels",
        "figures",
        "prices",
        "values",
        "rates",
        "standards",
        "numbers",
        "estimates",
        "elections",
        "olympics",
        "games",
        "accords",
        "talks",
        "protests",
        "attacks",
        "riots",
        "floods",
        "fires",
        "results",
        "sales",
        "earnings",
        "profits",
        "revenues",
        "targets",
        "goals",
        "emissions",
        "statistics",
        "rankings",
        "finals",
        "championships",
        "awards",
        "nominations",
        "census",
        "was",
        "is",
        "has",
        "does",
        "saw",
        "marks",
        "remains",
        "brings",
        "sees",
        "begins",
        "ends",
        "ushers",
        "proves",
        "seems",
        "looks",
        "sets",
        "turns",
        "as",
        "its",
        "this",
        "his",
        "us",
        "plus",
        "versus",
        "across",
        "towards",
        "always",
        "perhaps",
        "thus",
        "whereas",
        "unless",
        "less",
    }
)
# Plurals without a final "s" that count things, matched as word endings ("schoolchildren", "servicemen").
IRREGULAR_COUNT_NOUNS = ("children", "people", "men", "women", "folk", "staff", "police", "personnel", "feet")
# Units and currencies written after a number: "2000 km", "1500 m", "2000 MW".
UNIT_WORDS = frozenset(
    {
        "km",
        "kg",
        "m",
        "mm",
        "cm",
        "mi",
        "ft",
        "lb",
        "lbs",
        "g",
        "t",
        "mw",
        "kw",
        "gw",
        "mph",
        "kph",
        "hp",
        "bn",
        "mn",
        "bbl",
        "percent",
        "per",
        "million",
        "billion",
        "thousand",
        "hundred",
        "trillion",
        "times",
        "more",
        "fewer",
        "less",
        "other",
        "others",
        "new",
        "additional",
        "extra",
    }
)

# Before a weekday or a month these make it a set ("every Monday", "each December"): no date.
RECURRENCE_WORDS = frozenset({"every", "each"})
# Before a weekday these make it anaphoric or a set ("the previous Friday", "every Monday"): left out.
WEEKDAY_ANAPHORIC_PREFIXES = frozenset({"previous", "following", "preceding", "same", "that"}) | RECURRENCE_WORDS
# Holidays named after a weekday: not "the latest Friday" ("Good Friday", "Super Tuesday").
WEEKDAY_HOLIDAY_PREFIXES = frozenset(
    {"good", "black", "super", "ash", "palm", "easter", "holy", "maundy", "bloody", "cyber", "shrove", "giving"}
)

# A weekday in a programme's title: a capitalised part of the day between it and another capitalised
# word ("Saturday Night Live", "Monday Night Baseball"), or a news organisation's name right before it
# ("Fox News Sunday"). Matched as written: "Saturday night" in running text is a date.
# Parts of a day: after "the next", "the following", "the previous" a day ("the next morning").
DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
TITLE_DAY_PARTS = frozenset(w.capitalize() for w in DAY_PARTS)
TITLE_NEWS_WORDS = frozenset({"News"})

# Tense cues: the nearest one to a relative date decides between the past and the coming occurrence.
FUTURE_CUES = frozenset(
    {
        "will",
        "shall",
        "won't",
        "won’t",
        "would",  # reported future: "said it would vote on Tuesday"
        "upcoming",
        "forthcoming",
        "coming",
        "scheduled",
        "slated",
        "soon",  # "as soon as Tuesday"
        "tomorrow",
        "planned",  # "farmers planned a march on Monday": a plan looks forward
        "planning",
        # present expectations look forward: "forecasters expect rain through Friday" (not the past forms:
        # "predicted on Monday that ..." dates the prediction)
        "expect",
        "expects",
        "predict",
        "predicts",
        "anticipate",
        "anticipates",
    }
)
# A future cue followed by these words is none: "soon after Sunday's storm" looks back, "coming off a
# strong debate Thursday" is done, "coming from the meeting Monday" too.
NOT_FUTURE_PAIRS = frozenset({("soon", "after"), ("coming", "off"), ("coming", "from")})
# Modals of possibility look forward from the report ("rivers could peak on Saturday", "the court may rule
# Friday") unless a perfect or a negation follows: "may have left on Monday" and "could not attend
# Friday's hearing" speak of the past. Only lowercase forms count: "May" is also a month.
POSSIBILITY_MODALS = frozenset({"may", "might", "could"})
NOT_FORWARD_AFTER_MODAL = frozenset({"have", "not", "never", "n't", "’ve", "'ve"})
# Present-tense verbs of scheduled events: with a day or month in news they look forward ("the leaders meet
# Monday", "the court convenes in March", "the exhibition opens Friday"). Only verbs that are rarely nouns:
# "vote", "visit", "debate", "play" and "return" are as often nouns ("Tuesday's debate", "his first visit
# on Monday"); a determiner before the verb still makes it a noun ("the meet").
SCHEDULED_PRESENT = frozenset(
    {
        "meet",
        "meets",
        "convene",
        "convenes",
        "resume",
        "resumes",
        "begin",
        "begins",
        "arrive",
        "arrives",
        "testify",
        "testifies",
        "reopen",
        "reopens",
        "opens",
        "decides",
        # -s forms that are rarely nouns: "the law takes effect Monday", "the offer expires Friday", "the
        # court next sits on April 2", "the exhibition closes Sunday", "the season starts Saturday"
        "takes",
        "starts",
        "closes",
        "expires",
        "sits",
        # and of events held or attended: "Keld holds its primary on Tuesday", "Lee faces Penn in the
        # runoff on Sunday" (not "releases": "periodic releases beginning in June" is a noun)
        "holds",
        "hosts",
        "ends",
        "goes",
        "speaks",
        "travels",
        "hears",
        "unveils",
        "kicks",
        "wraps",
        "faces",
        "returns",
        "plays",
        "visits",
        "launches",
        "announces",
        "publishes",
    }
)
# "was"/"were" before a word of planning tells a plan in the past tense, and the plan still lies ahead of
# the report: "talks were scheduled to resume Tuesday", "protesters planned a march on Saturday and were
# expected to block roads", "the ship was due to be towed Friday". These words (before "to") make the
# auxiliary no past cue; "was set for" too. "The delay was due to rain" keeps "was": "due to" is no
# plan unless "be" or a scheduled verb follows ("was due to be sentenced", "was due to resume"). Not "was
# about to", "was supposed to": imminent or missed at the time told ("arrested as he was about to leave").
PLAN_AFTER_PAST_AUXILIARY = frozenset({"scheduled", "slated", "planning", "planned"})
PLAN_BEFORE_TO = frozenset({"due"})
# Present progressives of planned activities look forward like a scheduled present ("the leaders are
# meeting on Friday", "she is holding a rally in Keld on Thursday", "is running in Tuesday's primary").
# Not every progressive: "is hailing Thursday's speech", "is edging closer after Tuesday's romp" look back.
PLANNED_PROGRESSIVES = frozenset(
    {
        "holding",
        "hosting",
        "meeting",
        "visiting",
        "travelling",
        "traveling",
        "heading",
        "flying",
        "leaving",
        "returning",
        "launching",
        "staging",
        "organizing",
        "organising",
        "facing",
        "running",
        "preparing",
        "expecting",
    }
)
# Words before such a verb that make it a noun: "the vote", "his return", "a visit".
NOUN_MARKERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "each",
        "every",
        "no",
    ]
)
# Verbs that set a deadline: "postponed the hearing until Friday", "extended the deadline until 9 a.m. Friday"
# (the day is still to come); "stayed until Friday" looks back.
DEADLINE_VERBS = frozenset(
    {
        "postpone",
        "postpones",
        "postponed",
        "delay",
        "delays",
        "delayed",
        "adjourn",
        "adjourns",
        "adjourned",
        "defer",
        "defers",
        "deferred",
        "extend",
        "extends",
        "extended",
        "give",
        "gives",
        "gave",
        "given",
        "grant",
        "grants",
        "granted",
        "push",
        "pushes",
        "pushed",
    }
)
# Verbs that put an event on a day with "for": "has called a strike for Thursday", "scheduled a vote for
# Friday" (the day is still to come; the object stands between: "called for Thursday's strike" is a demand).
SCHEDULING_VERBS = frozenset(
    {
        "call",
        "calls",
        "called",
        "schedule",
        "schedules",
        "scheduled",
        "reschedule",
        "rescheduled",
        "set",
        "sets",
        "plan",
        "plans",
        "planned",
        "fix",
        "fixed",
        "move",
        "moved",
        "book",
        "booked",
        "slate",
        "slated",
    }
)
# Nouns of a plan: with a determiner or owner before them they are nouns ("the government's plan to raise
# the age"), whose infinitive dates only what follows it, not a day named before ("marched on Saturday to
# protest against the plan to raise ...").
PLAN_NOUNS = frozenset({"plan", "plans"})
# Future only when "to" follows ("is expected to", "plans to"), or "for" after "set" ("set for Monday"; not
# "vacation plans for"); a readiness told in the past looks forward too ("were ready to meet on Friday"; not
# "prepared", as often a past verb: "as Ada Roe prepared to speak on Monday").
FUTURE_BEFORE_TO = frozenset(
    {
        "expected",
        "set",
        "plans",
        "plan",
        "planning",
        "intends",
        "intended",
        "aims",
        "going",
        "hopes",
        "hoped",
        "ready",
        "poised",
    }
)
# Past tenses spelled like their base form: after a modal, "to", "and" or "or" they are the base form
# ("will put the seat in play in November", "would set the scene for a vote in July").
SAME_FORM_PASTS = frozenset(
    {"put", "set", "cut", "hit", "let", "cost", "read", "shut", "quit", "spread", "split", "cast", "bid"}
)
BASE_FORM_BEFORE = frozenset(
    {
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "to",
        "and",
        "or",
        "not",
        "won't",
        "won’t",
        "wouldn't",
        "wouldn’t",
        "can't",
        "can’t",
        "don't",
        "don’t",
        "doesn't",
        "doesn’t",
        "didn't",
        "didn’t",
    }
)
# "to be" + a past participle looks forward ("the report, to be published in May") unless one of these
# governs the infinitive: habit, seeming and report ("used to be called", "is said to be based"), a plan
# told in the past ("was to be issued") or a pending state ("has yet to be filled").
NOT_PROSPECTIVE_BEFORE_TO = frozenset(
    {
        "used",
        "was",  # "was to be issued on Wednesday": planned before the report, maybe done by now
        "were",
        "yet",  # "has yet to be filled": not scheduled
        "seem",
        "seems",
        "seemed",
        "appear",
        "appears",
        "appeared",
        "said",
        "believed",
        "thought",
        "known",
        "reported",
        "alleged",
        "claimed",
        "found",
        "proved",
        "shown",
        "considered",
        "likely",
        "unlikely",
    }
)
# Past participles without -ed or -en, for "to be held Friday".
IRREGULAR_PARTICIPLES = frozenset(
    {
        "held",
        "made",
        "sent",
        "built",
        "set",
        "put",
        "paid",
        "sold",
        "heard",
        "brought",
        "met",
        "read",
        "shut",
        "cut",
        "run",
        "won",
        "lost",
        "struck",
        "sworn",
        "laid",
        "led",
        "told",
        "spent",
        "bought",
        "sought",
    }
)
# A preposition right before the date that fixes its direction ("since May"). "until"/"by" do not: "until
# Thursday, they had not called him" looks back.
PAST_PREPOSITIONS = frozenset({"since"})
PAST_AUXILIARIES = frozenset(
    {
        "was",
        "were",
        "had",
        "did",
        "said",
        "ago",
        "yesterday",
        "last",
        "since",
        "earlier",
        "previously",
        "began",
        "came",
        "went",
        "took",
        "made",
        "met",
        "held",
        "left",
        "told",
        "gave",
        "found",
        "saw",
        "won",
        "lost",
        "fell",
        "rose",
        "led",
        "got",
        "became",
        "brought",
        "bought",
        "sold",
        "sent",
        "spent",
        "built",
        "wrote",
        "spoke",
        "broke",
        "chose",
        "drove",
        "flew",
        "fled",
        "fought",
        "hit",
        "shot",
        "struck",
        "stood",
        "sat",
        "ran",
        "knew",
        "thought",
        "felt",
        "heard",
        "kept",
        "paid",
        "put",
        "shut",
        "quit",
        "read",
        "meant",
        "caught",
        "taught",
        "threw",
        "understood",
        "withdrew",
        "forgot",
        "swore",
        "tore",
        "wore",
        "woke",
        "arose",
        "ate",
        "drew",
        "grew",
        "blew",
        "hung",
        "sank",
        "rang",
        "sang",
        "swam",
        "dug",
        "slid",
        "split",
        "spread",
        "cast",
        "cost",
        "cut",
        "let",
        "bid",
        "oversaw",
        "undertook",
        "overtook",
        "died",  # too short for the -ed rule
    }
)
# Before an -ed word these make it a passive or an adjective, not a past verb: "is expected Monday".
BE_FORMS = frozenset({"is", "are", "am", "was", "were", "be", "been", "being", "the", "a", "an", "as", "than"})
# Words ending in "-ed" that are not past tenses; the rest of "-ed" words count as past cues.
NOT_PAST_ED = frozenset(
    {
        "need",
        "needed",
        "speed",
        "seed",
        "feed",
        "red",
        "bed",
        "shed",
        "bred",
        "hundred",
        "indeed",
        "breed",
        "creed",
        "deed",
        "greed",
        "weed",
        "heed",
        "proceed",
        "succeed",
        "exceed",
        "wed",
        "fed",
        "sled",
        "shred",
        "steed",
        "reed",
        "embed",
        "scheduled",
        "expected",
        "planned",
        "set",
        "based",
        "titled",
        "entitled",
        "dubbed",
        "so-called",
        "related",
        "united",
        "limited",
        "advanced",
        "detailed",
        "concerned",
        "interested",
        "armed",
        "alleged",
        "supposed",
        "used",
        "aged",
        "beloved",
        "learned",
        "dedicated",
        "sophisticated",
        "complicated",
        "unprecedented",
        "unexpected",
        "unidentified",
        "unnamed",
        "undisclosed",
        "unspecified",
        "anticipated",
        "proposed",
        "intended",
        "designed",
        "committed",
        "determined",
        "prepared",
        "pleased",
        "delighted",
        "disappointed",
        "worried",
        "required",
        "estimated",
        "projected",
        "predicted",
        "forecasted",
        "slated",
        "tipped",
    }
)

# Spelled-out years ("nineteen ninety-six", "twenty ten"): the century word, then a two-digit part.
NUMBER_WORDS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SPELLED_CENTURIES: dict[str, int] = {"nineteen": 1900, "twenty": 2000}

# Holidays with a fixed day of the year.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "may day": (5, 1),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "new year's": (1, 1),
    "fourth of july": (7, 4),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "veterans day": (11, 11),
    "st patrick's day": (3, 17),
    "bastille day": (7, 14),
    "canada day": (7, 1),
    "australia day": (1, 26),
    "anzac day": (4, 25),
    "juneteenth": (6, 19),
    "remembrance day": (11, 11),
    "armistice day": (11, 11),
    "guy fawkes night": (11, 5),
    "guy fawkes day": (11, 5),
}
# Holidays on the n-th weekday of a month (n = -1: the last one): (month, weekday, n). These are the
# United States' ("Labor Day" spelled the American way; the British "Labour Day" is another day).
NTH_WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4),
    "thanksgiving day": (11, 3, 4),
    "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1),
    "martin luther king day": (1, 0, 3),
    "martin luther king jr. day": (1, 0, 3),
    "presidents day": (2, 0, 3),
    "columbus day": (10, 0, 2),
    "father's day": (6, 6, 3),  # the third Sunday of June in the United States and Britain alike
}
# Shopping days counted from (American) Thanksgiving, in days: "Black Friday", "Cyber Monday".
THANKSGIVING_HOLIDAYS: dict[str, int] = {"black friday": 1, "cyber monday": 4}
# Holidays counted from Easter Sunday, in days.
EASTER_HOLIDAYS: dict[str, int] = {
    "easter": 0,
    "easter sunday": 0,
    "easter monday": 1,
    "good friday": -2,
    "maundy thursday": -3,
    "palm sunday": -7,
    "ash wednesday": -46,
    "ascension day": 39,
    "pentecost": 49,
    "pentecost sunday": 49,
    "whit sunday": 49,
    "whit monday": 50,
}
# Holidays that are also seasons or modifiers when bare ("Christmas shopping", "over Easter"): accepted
# alone only after a preposition or a relative word ("on Christmas", "last Easter").
SEASONAL_HOLIDAYS = frozenset(
    {"christmas", "easter", "thanksgiving", "halloween", "new year's", "juneteenth", "pentecost"}
)

# "the first Monday of April", "the last Friday in June": which such weekday of the month (-1: the last)
WEEKDAY_ORDINALS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
# "a year earlier", "the following month", "later that year": counted from the time the text last named.
ANAPHORIC_SHIFTS: dict[str, int] = {
    "earlier": -1,
    "later": 1,
    "following": 1,
    "next": 1,
    "previous": -1,
    "preceding": -1,
    "prior": -1,
}
# Before "a year earlier" these make it a comparison of figures with the year before publication ("sales
# rose from a year earlier"), not a step back from the date the story last named.
COMPARISON_WORDS = frozenset({"from", "than", "with", "over", "versus", "vs", "on", "against", "since"})
# After "year-ago"/"year-earlier" these name a part of that year ("the year-ago quarter"), whose value is
# no calendar year.
SUB_YEAR_PERIODS = frozenset({"quarter", "period", "half", "month", "months", "week", "weeks", "season"})
# Before "the next year" these make it a stretch of time, not a date: "over the next year".
DURATION_PREPOSITIONS = frozenset({"over", "within", "for", "during", "throughout", "in"})
# A deadline or starting point ("by February", "until March 1", "effective June 1") is not placed in
# the past by the clause's past tense: "had lent the painting through January".
# Prepositions through which a past verb places its own event at a month or day: "voted in January",
# "sank on March 3" (not "by", "until", "to": a deadline or target can lie ahead).
PAST_EVENT_PREPOSITIONS = frozenset({"in", "on", "during"})
# Between a past verb and the preposition of its date ("took office in February") these end the object:
# a new clause, an infinitive or a conjunction.
OBJECT_STOPS = frozenset({"that", "which", "who", "whom", "whose", "and", "or", "but", "to", "if", "whether", "when"})
# Past verbs whose object is usually a clause ("thought the plant opens in March"): only right before
# the preposition do they place the date.
CLAUSE_TAKING_PASTS = frozenset({"thought", "knew", "found", "felt", "heard", "saw", "meant", "understood"})
POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})
# Before a past participle these make it present or future: "is heard in May", "will be reviewed in
# March", "has been scheduled", "to be held".
PRESENT_OR_FUTURE_BEFORE_VERB = frozenset({"is", "are", "am", "be", "will", "to", "has", "have", "being", "been"})
# Present linking verbs: a participle after one is a state, no past ("schools will stay closed until
# Friday", "the road remains shut").
PRESENT_LINKING_VERBS = frozenset({"stay", "stays", "remain", "remains", "keep", "keeps", "become", "becomes"})
FORWARD_PREPOSITIONS = frozenset({"by", "until", "till", "through", "effective", "starting", "beginning"})

# Days that name an event when the right word follows: "the Sept. 11 attacks" are those of 2001, not the
# latest September 11 ("after Sept. 11" alone is left to the usual rules, and so is the singular "the
# September 11 attack", which as often means another one).
NAMED_DAYS: dict[tuple[int, int], tuple[int, frozenset[str]]] = {
    (9, 11): (2001, frozenset({"attacks", "terrorist", "terror", "hijackers", "hijackings"})),
}

# Scheduled events named by their day ("the Nov. 8 election", "the June 7 primary", "the Dec. 1
# deadline"): such a day is placed by nearness to publication, not by the clause's tense ("the nominee
# for the Nov. 8 election said" in July is the coming one). Not a bare month: from March, "the November
# election" is still the coming one though last November is nearer.
SCHEDULED_EVENT_NOUNS = frozenset(
    {
        "election",
        "elections",
        "primary",
        "primaries",
        "caucus",
        "caucuses",
        "referendum",
        "runoff",
        "ballot",
        "deadline",
        "summit",
        "convention",
    }
)

# Words before a dotted number that make it a version, not a date: "version 1.2.2023", "firmware 3.10.2020".
VERSION_WORDS = frozenset({"version", "v", "release", "build", "firmware", "update", "patch", "edition"})
