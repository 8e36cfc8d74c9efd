"""Speaker name keys: how two spellings of a name are recognised as the same speaker (no Django here).

Two keys, tried in this order by claims.selectors.speaker_resolve:

- `exact_key`: case and punctuation folded ("Anna  Berg," = "anna berg"); unique per speaker and alias.
- `match_key`: looser, and deliberately conservative: diacritics removed, leading titles dropped
  ("President X" -> "x"), and a few romanisation variants of word endings written one way
  ("-skyy"/"-skiy"/"-sky", "-ey"/"-ei"/"-ej", "-off"/"-ov", "x"/"ks").
- `surname_key` / `titled_surname`: "President Marchenkyy" names the one person speaker whose name ends
  in that surname, when there is exactly one. A bare surname is never resolved across articles: "Berg"
  to "Anna Berg" is done inside one article by the extraction engine.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")

# Words of office or address that precede a name ("President", "Dr", "Prime Minister"), dropped from the
# start of a name to make its match key (never when nothing would be left). Not the engine's
# lexicon.TITLES on purpose: match keys are stored (migration 0013), so this list changes only together
# with a data migration that recomputes them.
KEY_DROPPED_TITLES = frozenset(
    (
        *("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady"),
        *("rev", "reverend", "president", "vice", "prime", "minister", "chancellor", "premier", "secretary"),
        *("senator", "sen", "representative", "rep", "congressman", "congresswoman", "governor", "gov"),
        *("mayor", "judge", "justice", "gen", "colonel", "col", "admiral", "captain", "capt", "king", "queen"),
        *("prince", "princess", "sheikh", "pope", "ambassador", "commissioner", "chairman", "chairwoman"),
        *("deputy", "interim", "acting", "former"),
    )
)

# Token endings spelled differently by different romanisations of the same name, each mapped to one
# spelling. Applied to words of five letters or more only, so short English words and names stay as they are.
_ENDINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:yy|iy|ij|ii|yi)$"), "y"),  # Zelenskyy, Zelenskiy, Zelenskij -> zelensky
    (re.compile(r"(?:ei|ej)$"), "ey"),  # Aleksei, Aleksej -> aleksey
    (re.compile(r"(?<=[a-z]{3})off$"), "ov"),  # Petroff -> petrov
)
MIN_VARIANT_LENGTH = 5


def exact_key(name: str) -> str:
    """Case and punctuation folded: the key that is unique per speaker and per alias."""
    return _NON_WORD.sub(" ", name.casefold()).strip()


def _strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _variant(token: str) -> str:
    token = token.replace("x", "ks")
    if len(token) < MIN_VARIANT_LENGTH:
        return token
    for pattern, replacement in _ENDINGS:
        token, n = pattern.subn(replacement, token)
        if n:
            break
    return token


def match_key(name: str) -> str:
    """The loose key: diacritics, leading titles and romanisation endings folded. "" for an empty name."""
    tokens = exact_key(_strip_diacritics(name)).replace("_", " ").split()
    while len(tokens) > 1 and tokens[0] in KEY_DROPPED_TITLES:
        tokens = tokens[1:]
    return " ".join(_variant(t) for t in tokens)


def surname_key(name: str) -> str:
    """The last word of the loose key of a name of two words or more ("" otherwise): "olek marchenky" -> "marchenky"."""
    tokens = match_key(name).split()
    return tokens[-1] if len(tokens) >= 2 else ""


def titled_surname(name: str) -> str:
    """For a title followed by one word ("President Marchenkyy"): that word's loose key; "" otherwise.

    A titled surname may name a speaker known by the full name; a bare surname is not trusted (many people
    share one), a title is taken as the writer's sign that the reader knows who is meant.
    """
    tokens = exact_key(_strip_diacritics(name)).replace("_", " ").split()
    if len(tokens) < 2 or tokens[0] not in KEY_DROPPED_TITLES:
        return ""
    loose = match_key(name).split()
    return loose[0] if len(loose) == 1 else ""
