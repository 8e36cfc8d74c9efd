"""Tests only: the registry's Celery app in a worker whose page reader stalls on large pages.

A fault test starts a worker with ``-A tests.recheck.stalled_reader_app`` to stand in for a reader as
slow as the one the registry had (the standard library's HTMLParser took hours on a poisoned page):
what must hold then is that the check batch still records every source in time.
"""

import time

import claims.extraction.html as html
from registry.celery import app

__all__ = ["app"]

_read = html.page_text


def _stalling(markup: str) -> str:
    if len(markup) > 1_000_000:
        time.sleep(120)
    return _read(markup)


html.page_text = _stalling
