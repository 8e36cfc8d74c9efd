"""Who may do what in the review workflow: one place for the role rules every interface shares.

Roles come from group membership (the groups are created by a data migration):

- **Reviewers** add and edit sources, set verdicts on claims that are unreviewed or that they reviewed
  themselves, take and drop their own assignments, request re-checks, ingest articles.
- **Editors** do everything reviewers do, plus reopen (back to "unreviewed") or override anybody's
  verdict, sign verdicts off, change signed-off claims, assign work to others, re-extract articles and
  manage outlets and speakers.
- Superusers are editors.

Staff without a group have no role: the admin shows them nothing they could use, the services refuse them.
"""

from __future__ import annotations

from typing import Any

REVIEWERS = "Reviewers"
EDITORS = "Editors"
ROLE_GROUPS = (REVIEWERS, EDITORS)


def _group_names(user: Any) -> frozenset[str]:
    # Cached on the user object: a request asks several questions about the same user.
    cached = getattr(user, "_review_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.filter(name__in=ROLE_GROUPS).values_list("name", flat=True))
        user._review_group_names = cached
    return cached


def _active(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def is_editor(user: Any) -> bool:
    if not _active(user):
        return False
    return bool(user.is_superuser) or EDITORS in _group_names(user)


def is_reviewer(user: Any) -> bool:
    """True for anybody who may review claims: reviewers, editors and superusers."""
    if not _active(user):
        return False
    return bool(user.is_superuser) or bool(_group_names(user))


def role(user: Any) -> str | None:
    """'editor', 'reviewer' or None: for display and for tests."""
    if is_editor(user):
        return "editor"
    if is_reviewer(user):
        return "reviewer"
    return None


def forget_cached_roles(user: Any) -> None:
    """Drop the per-object cache after changing a user's groups in the same request or test."""
    if hasattr(user, "_review_group_names"):
        del user._review_group_names


# The model permissions each group gets, as (app_label, model, action). The data migration
# creating the groups keeps its own frozen copy (migrations must not import app code); a test
# checks the two agree.
REVIEWER_PERMISSIONS: tuple[tuple[str, str, str], ...] = (
    ("claims", "article", "view"),
    ("claims", "article", "add"),  # the ingest page
    ("claims", "claim", "view"),
    ("claims", "claim", "change"),  # the claim page's form: every write goes through the services
    ("claims", "claimdate", "view"),
    ("claims", "claimplace", "view"),
    ("claims", "sourcelink", "view"),
    ("claims", "sourcelink", "add"),
    ("claims", "sourcelink", "change"),
    ("claims", "sourcelink", "delete"),
    ("claims", "review", "view"),
    ("claims", "speaker", "view"),
    ("claims", "outlet", "view"),
    ("claims", "linkcheck", "view"),
)
EDITOR_PERMISSIONS: tuple[tuple[str, str, str], ...] = (
    *REVIEWER_PERMISSIONS,
    ("claims", "article", "change"),  # re-extraction
    ("claims", "outlet", "add"),
    ("claims", "outlet", "change"),
    ("claims", "speaker", "add"),
    ("claims", "speaker", "change"),
)
