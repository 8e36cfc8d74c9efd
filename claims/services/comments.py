"""The discussion thread of a claim: reviewers and editors talk about it next to the evidence.

Comments are append-only (like reviews): a comment is never edited or deleted, a correction is a new one.
They do not change the claim's review state, so they do not bump its version and never conflict.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from claims import permissions
from claims.errors import ApplicationError, NotFound, PermissionDenied
from claims.models import Claim, ClaimComment

# A comment is a few sentences; the limit keeps a pasted page out of the claim page.
COMMENT_MAX_LENGTH = 4_000


def comment_add(*, claim_id: int, user: Any, text: str) -> ClaimComment:
    """Append a comment to a claim's thread. Reviewers and editors only; text required, at most the limit."""
    if not permissions.is_reviewer(user):
        raise PermissionDenied("Only members of the Reviewers or Editors group may comment on claims.")
    cleaned = str(text or "").strip()
    if not cleaned:
        raise ApplicationError("Write something before posting a comment.", fields={"comment": ["Empty."]})
    if len(cleaned) > COMMENT_MAX_LENGTH:
        why = f"At most {COMMENT_MAX_LENGTH:,} characters ({len(cleaned):,} given)."
        raise ApplicationError(f"The comment is too long: {why}", fields={"comment": [why]}, code="too_long")
    with transaction.atomic():
        if not Claim.objects.filter(pk=claim_id).exists():
            raise NotFound(f"No claim with id {claim_id}.")
        return ClaimComment.objects.create(claim_id=claim_id, author=user, text=cleaned)
