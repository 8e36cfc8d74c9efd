"""Text normalisation for claim matching: tweet noise, numbers, quotation marks, words and stems.

Everything here is deterministic and table-driven; no data is loaded from anywhere.
"""

from __future__ import annotations

import re
import unicodedata

from claims.extraction.temporal_lexicon import NUMBER_WORDS

# ------------------------------------------------------------------ tweet noise ---

_URL = re.compile(r"(?:https?://|www\.)\S+|\bpic\.twitter\.com/\S+|\b(?:bit\.ly|t\.co|ow\.ly|youtu\.be)/\S+", re.I)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# The signature an embedded tweet ends with: "— Jane Doe (@janedoe) January 6, 2020". The handle goes; the
# date is kept as month and year, which reports of the same event often name ("in January 2020").
_SIGNATURE_DATE = re.compile(r"\(\s*@\w+\s*\)\s*(?:(" + _MONTHS + r")\s+\d{1,2},\s*(\d{4}))?", re.I)
_HANDLE = re.compile(r"(?<!\w)@(\w+)")
_HASHTAG = re.compile(r"(?<!\w)#(\w+)")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_RT = re.compile(r"^\s*RT\b:?", re.I)


def split_camel(word: str) -> str:
    """ "StopTheSteal" -> "Stop The Steal"; "COVID19Facts" -> "COVID 19 Facts"; "lowercase" unchanged."""
    parts = _CAMEL.findall(word.replace("_", " "))
    return " ".join(parts) if parts else word


def _signature(m: re.Match[str]) -> str:
    return f" {m.group(1)} {m.group(2)} " if m.group(1) else " "


def strip_tweet_noise(text: str) -> str:
    """Remove links, the embedded-tweet signature's handle and date, and spell out hashtags and handles."""
    text = _URL.sub(" ", text)
    text = _RT.sub(" ", text)
    text = _SIGNATURE_DATE.sub(_signature, text)
    text = _HASHTAG.sub(lambda m: " " + split_camel(m.group(1)) + " ", text)
    text = _HANDLE.sub(lambda m: " " + split_camel(m.group(1)) + " ", text)
    return text


# --------------------------------------------------------------- abbreviations ---

# Dotted and undotted forms of the same abbreviation meet ("U.S." / "US" / "USA"); a few common short forms
# of news and social media are spelled out. Case-sensitive where the lower-case form is another word ("US").
_ABBREVIATIONS = [
    (re.compile(r"\bU\.\s?S\.(?:\s?A\.)?|\bUSA?\b|\bUnited States(?: of America)?\b"), " USA "),
    (re.compile(r"\bU\.\s?K\.|\bUK\b|\bUnited Kingdom\b|\bGreat Britain\b|\bBritain\b"), " UK "),
    (re.compile(r"\bU\.\s?N\.|\bUN\b"), " United Nations "),
    (re.compile(r"\bE\.\s?U\.|\bEU\b"), " European Union "),
    (re.compile(r"\bD\.\s?C\."), " DC "),
    (re.compile(r"\bWH\b"), " White House "),
    (re.compile(r"\bPOTUS\b", re.I), " president "),
    (re.compile(r"\bGOP\b"), " Republican "),
    (re.compile(r"\bDems\b"), " Democrats "),
    (re.compile(r"\bgovt\b", re.I), " government "),
    (re.compile(r"\bNYC\b"), " New York City "),
]


def expand_abbreviations(text: str) -> str:
    for pattern, repl in _ABBREVIATIONS:
        text = pattern.sub(repl, text)
    return text


# --------------------------------------------------------------------- numbers ---

# Number words up to ninety, defined once with the date stage's (which reads "nineteen ninety-six").
_UNITS = {"zero": 0, **NUMBER_WORDS}
_SCALES = frozenset(("hundred", "thousand", "million", "billion", "trillion"))
_SCALE_ABBR = {
    "k": "thousand",
    "m": "million",
    "mn": "million",
    "mln": "million",
    "b": "billion",
    "bn": "billion",
    "tn": "trillion",
    "trn": "trillion",
}
_THOUSANDS = re.compile(r"(?<![\d.])(\d{1,3})((?:,\d{3})+)(?![\d,]*\d)")
_ABBR_AMOUNT = re.compile(r"(?<!\d)(\d+(?:\.\d+)?)\s*(" + "|".join(_SCALE_ABBR) + r")\b", re.I)
_PERCENT = re.compile(r"(\d)\s*%|\bper\s?cent\b|\bpct\b", re.I)
_CURRENCY = re.compile(r"([$£€])\s*(?=\d)")
_CURRENCY_WORD = {"$": " dollars ", "£": " pounds ", "€": " euros "}
_DECIMAL_ZERO = re.compile(r"\b(\d+)\.0+\b")
_HAS_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b", re.I)
_TENS_DIGITS = frozenset(str(v) for v in range(20, 100, 10))


def _percent(m: re.Match[str]) -> str:
    return (m.group(1) + " percent") if m.group(1) else "percent"


def normalize_numbers(text: str) -> str:
    """Write numbers one way: "3 per cent"/"3%" -> "3 percent", "three million"/"3m" -> "3 million",
    "10,000" -> "10000", "$5" -> "dollars 5", "118th" -> "118".
    Number words ("three") become digits later, in `number_words`, on tokens.
    """
    if "," in text:
        text = _THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(",", ""), text)
    if "%" in text or "cent" in text or "pct" in text:
        text = _PERCENT.sub(_percent, text)
    if "$" in text or "£" in text or "€" in text:
        text = _CURRENCY.sub(lambda m: _CURRENCY_WORD[m.group(1)], text)
    if _HAS_DIGIT.search(text):
        text = _ORDINAL.sub(r"\1", text)
        text = _ABBR_AMOUNT.sub(lambda m: m.group(1) + " " + _SCALE_ABBR[m.group(2).lower()], text)
        if "." in text:
            text = _DECIMAL_ZERO.sub(r"\1", text)
    return text


def number_words(tokens: list[str]) -> list[str]:
    """Lower-case tokens with number words as digits: "twenty five" -> "25", "a million" -> "1 million"."""
    out: list[str] = []
    n = len(tokens)
    for j, t in enumerate(tokens):
        nxt = tokens[j + 1] if j + 1 < n else ""
        if t in _UNITS:
            v = _UNITS[t]
            if out and v < 10 and out[-1] in _TENS_DIGITS and tokens[j - 1] in _UNITS:
                out[-1] = str(int(out[-1]) + v)  # "twenty five"
                continue
            if t == "one" and nxt not in _SCALES:
                out.append(t)  # "one of them", "no one": a pronoun more often than a count
                continue
            out.append(str(v))
        elif t == "a" and nxt in _SCALES:
            out.append("1")
        else:
            out.append(t)
    return out


# ----------------------------------------------------------------------- words ---

_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+(?:'[^\W\d_]+)?")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})

# Function words, and the verbs of saying and claiming: "X said that Y" and "X: 'Y'" state the same fact.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "then",
        "than",
        "so",
        "as",
        "of",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "on",
        "onto",
        "to",
        "with",
        "without",
        "about",
        "over",
        "under",
        "after",
        "before",
        "between",
        "through",
        "during",
        "against",
        "among",
        "via",
        "per",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "doing",
        "done",
        "have",
        "has",
        "had",
        "having",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "it",
        "its",
        "it's",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "their",
        "they",
        "them",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "we",
        "us",
        "our",
        "you",
        "your",
        "yours",
        "i",
        "me",
        "my",
        "mine",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "no",
        "nor",
        "not",
        "only",
        "own",
        "same",
        "too",
        "very",
        "just",
        "also",
        "even",
        "still",
        "yet",
        "again",
        "ever",
        "s",
        "t",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "won't",
        "can't",
        "say",
        "says",
        "said",
        "saying",
        "claim",
        "claims",
        "claimed",
        "claiming",
        "state",
        "states",
        "stated",
        "report",
        "reports",
        "reported",
        "according",
        "show",
        "shows",
        "showed",
        "shown",
        "reveal",
        "reveals",
        "revealed",
        "tweet",
        "tweets",
        "tweeted",
        "post",
        "posts",
        "posted",
        "via",
        "rt",
        "amp",
    ]
)

# Words that keep their own stem (the suffix rules would damage them).
_KEEP = frozenset(
    [
        "news",
        "us",
        "gas",
        "bus",
        "virus",
        "bias",
        "this",
        "has",
        "was",
        "is",
        "its",
        "always",
        "perhaps",
        "series",
        "species",
    ]
)


_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """`_stem` with a memo (the vocabulary is small next to the number of tokens)."""
    s = _STEMS.get(word)
    if s is None:
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        s = _STEMS[word] = _stem(word)
    return s


def _stem(word: str) -> str:
    """A light English stemmer: plurals, -ing, -ed, -ly and a few derivational endings.

    Aims at conflating the forms a paraphrase changes ("banned"/"bans"/"banning" -> "ban"), not at
    linguistic roots; short words are left alone.
    """
    w = word
    if len(w) <= 3 or w in _KEEP or not w.isalpha():
        return w
    if w.endswith("'s"):
        w = w[:-2]
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses") or w.endswith(("ches", "shes", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix, repl in (
        ("ational", "ate"),
        ("ization", "ize"),
        ("isation", "ize"),
        ("fulness", "ful"),
        ("iveness", "ive"),
        ("ousness", "ous"),
        ("ations", "ate"),
        ("ation", "ate"),
        ("ising", "ize"),
        ("izing", "ize"),
        ("ised", "ize"),
        ("ized", "ize"),
        ("ise", "ize"),
        ("ment", ""),
        ("ness", ""),
        ("ingly", ""),
        ("edly", ""),
        ("ing", ""),
        ("ly", ""),
        ("ed", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + repl
            if repl == "" and suffix in ("ing", "ed", "ingly", "edly"):
                if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":  # "banned" -> "bann" -> "ban"
                    w = w[:-1]
                elif w.endswith(("at", "iz", "bl")):  # "created" -> "create"
                    w += "e"
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]  # "create"/"creating" meet at "creat"
    return w


def clean(text: str) -> str:
    """Unicode-fold, remove tweet noise and write numbers one way (the text still reads as text)."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    text = strip_tweet_noise(text)
    text = expand_abbreviations(text)
    return normalize_numbers(text)


def words(text: str) -> list[str]:
    """Lower-case word and number tokens of already-cleaned text, stopwords kept."""
    return [t.lower() for t in _TOKEN.findall(text)]


def terms(text: str) -> list[str]:
    """The index terms of a text: cleaned, number words as digits, stopwords dropped, stemmed."""
    return terms_of_clean(clean(text))


def terms_of_clean(cleaned: str) -> list[str]:
    return [stem(w) for w in number_words(words(cleaned)) if w not in STOPWORDS]


def is_number(term: str) -> bool:
    return term[:1].isdigit()
