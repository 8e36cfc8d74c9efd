"""Static file storages that cannot leave production without its manifest.

`collectstatic` always writes the same thing, whichever mode it runs in: hashed, compressed copies and the
manifest (staticfiles.json) that production's `{% static %}` reads. Only the URLs differ: debug mode links
the plain names (served from the apps' folders as they are edited), production the hashed ones (served by
WhiteNoise from STATIC_ROOT with far-future caching).

If production still finds no manifest, or a name missing from it (a file added after the last
collectstatic), a page links the plain name instead of answering 500, and the WSGI application logs
what is wrong (`static_files_problem()`) as an error when it starts.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import StaticFilesStorage
from django.core.files.storage import storages
from whitenoise.storage import CompressedManifestStaticFilesStorage

log = logging.getLogger("registry.staticfiles")

COLLECT_HINT = "run `manage.py collectstatic --no-input` (any mode) with this STATIC_ROOT before starting"


class DebugStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Debug mode: plain URLs, but `collectstatic` writes the production manifest and hashed files anyway."""

    def url(self, name: str, force: bool = False) -> str:
        if force:
            return super().url(name, force=True)
        return StaticFilesStorage.url(self, name)


class ProductionStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Production: hashed URLs from the manifest; a name missing from it is linked by its plain name.

    (Quietly: WhiteNoise asks for names that are not there at start, and `static_files_problem()` reports
    a missing or outdated manifest once, at start.)
    """

    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:
            return name


def static_files_problem() -> str | None:
    """Why production would serve the admin without its static files, or None when the manifest is there."""
    storage = storages["staticfiles"]
    if not isinstance(storage, CompressedManifestStaticFilesStorage):
        return None
    manifest = f"{settings.STATIC_ROOT}/{storage.manifest_name}"
    try:
        content = storage.read_manifest()
    except OSError as exc:
        return f"cannot read the static files manifest {manifest} ({exc}): {COLLECT_HINT}"
    if content is None:
        return f"no static files manifest at {manifest}: {COLLECT_HINT}"
    missing = sorted(
        path
        for finder in finders.get_finders()
        for path, _ in finder.list(["CVS", ".*", "*~"])
        if storage.hash_key(path.replace("\\", "/")) not in storage.hashed_files
    )
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        return f"the static files manifest {manifest} is out of date: it lacks {shown}; {COLLECT_HINT}"
    return None


def report_static_files_problem() -> None:
    """Logs an error at start when production's static files are not collected (pages still answer)."""
    if settings.DEBUG:
        return
    problem = static_files_problem()
    if problem:
        log.error("%s", problem)
