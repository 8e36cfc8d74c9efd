"""The registry side of matching uses the review workflow's personas."""

from tests.review.conftest import (  # noqa: F401 (fixtures)
    _fast_passwords,
    editor,
    make_user,
    other_reviewer,
    review_groups,
    reviewer,
    staff_without_group,
    superuser,
)
