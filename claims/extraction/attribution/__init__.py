"""Quotations and attribution: who each sentence attributes its content to.

Rules, in the order they are applied to an article:

1. Quotations are found over the whole text (``quotes.py``), so a quotation running over several
   sentences or paragraphs is one unit.
2. In each sentence, outside the quoted words, reporting cues are found: a reporting verb with its
   subject before it ("port authority spokeswoman Lena Varga said", "X, a spokesman for Y, said") or after it
   (", said RSNA"), "according to X", participles ("the ministry advising"). Negated cues
   ("did not say") and passives ("was told") do not count. Weak verbs ("continued", "reads") count
   only beside a quotation; research verbs ("found", "estimated") only for research-like subjects.
3. The subject phrase is split into role and name ("port authority spokeswoman" / "Lena Varga"); names are
   expanded to the fullest form in the article, acronyms to their spelled-out name, pronouns resolved
   to the current speaker or the most recent person of the right gender.
4. Sentences without a cue inherit a speaker only from a quotation: the sentence lies inside a
   quotation attributed elsewhere, or is itself wholly a quotation right after an attributed one.
   Everything else is the reporter's own statement (speaker None).
"""

from __future__ import annotations

from .assembly import attribute

__all__ = ["attribute"]
