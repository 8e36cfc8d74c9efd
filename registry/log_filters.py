"""Logging filters used by settings.LOGGING."""

from __future__ import annotations

import logging


class ForbiddenOneLine(logging.Filter):
    """A refused request (403) is an everyday event: log its one line, not the traceback that raised it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
