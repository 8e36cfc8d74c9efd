"""Paragraphs, sentences and page furniture. (placeholder: naive splitter, to be replaced)"""
from __future__ import annotations

import re

from .types import Sentence

_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def split(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for p, para in enumerate(re.finditer(r"[^\n]+", text)):
        for m in _SENT.finditer(para.group()):
            s, e = para.start() + m.start(), para.start() + m.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Sentence(s, e, p))
    return out
