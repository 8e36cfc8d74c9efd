"""Query parameters and cursors a client made up: always 200 or a 400 in the error shape, never a 500.

The named cases are the ones that crashed before (date overflow, forged cursors); the property test
sends every list endpoint random and extreme values for its parameters (dates at the ends of the
calendar, huge integers, NUL bytes, non-UTF-8 percent-encoding, unknown names).
"""

from __future__ import annotations

import base64
import json
from urllib.parse import quote

import pytest
from django.core import signing
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.api.conftest import api
from tests.api.test_errors import assert_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client_for):
    return client_for("read")


def unsigned(doc: dict) -> str:
    """A cursor as the API made them before they were signed: base64 of JSON."""
    return base64.urlsafe_b64encode(json.dumps(doc, separators=(",", ":")).encode()).decode().rstrip("=")


def test_a_published_to_at_the_end_of_the_calendar_is_400_not_an_overflow(reader, claims):
    error = assert_error(reader.get(api("claims/?published_to=9999-12-31")), 400, "invalid")
    assert "published_to" in error["fields"]
    assert reader.get(api("claims/?published_to=9998-12-31")).status_code == 200


@pytest.mark.parametrize(
    ("path", "doc"),
    [
        ("claims/", {"o": "updated_at", "t": "str", "v": "x", "i": 1}),  # a string where a datetime belongs
        ("speakers/", {"o": "name", "t": "str", "v": "a\u0000b", "i": 1}),  # NUL: PostgreSQL refuses it
        ("claims/", {"o": "updated_at", "t": "dt", "v": "0001-01-01T00:00:00+05:00", "i": 1}),
        ("articles/", {"o": "id", "t": "int", "v": 2**70, "i": 2**70}),
    ],
)
def test_a_forged_cursor_is_400_invalid_cursor(path, doc, reader, claims):
    error = assert_error(reader.get(api(path), {"cursor": unsigned(doc)}), 400, "invalid_cursor")
    assert "cursor" in error["fields"]


@pytest.mark.parametrize(
    ("path", "doc"),
    [
        ("claims/", {"o": "updated_at", "t": "str", "v": "x", "i": 1}),  # the cursor, signed
        ("claims/?ordering=updated_at", {"o": "updated_at", "t": "dt", "v": "x", "i": 1}),
        ("speakers/", {"o": "name", "t": "str", "v": "a\u0000b", "i": 1}),  # NUL: PostgreSQL refuses it
        ("speakers/", {"o": "name", "t": "str", "v": "a", "i": 2**70}),
        ("articles/?ordering=id", {"o": "id", "t": "int", "v": 2**70, "i": 1}),
        ("claims/", {"o": "changes", "k": "claim", "x": "1", "i": 1}),
    ],
)
def test_a_signed_cursor_holding_a_value_the_api_never_makes_is_still_400(path, doc, reader, claims):
    """Defence in depth behind the signature (a leaked key, a bug): every value is checked before SQL."""
    from api.pagination import _CursorJSON, _signer

    cursor = _signer().sign_object(doc, serializer=_CursorJSON)
    separator = "&" if "?" in path else "?"
    error = assert_error(reader.get(api(path) + f"{separator}cursor={quote(cursor)}"), 400, "invalid_cursor")
    assert "cursor" in error["fields"]


def test_a_cursor_signed_with_the_secret_key_but_another_purpose_is_refused(reader, claims):
    other = signing.Signer(salt="something.else", sep=".").sign_object(
        {"o": "updated_at", "t": "str", "v": "x", "i": 1}
    )
    assert_error(reader.get(api("claims/"), {"cursor": other}), 400, "invalid_cursor")


def test_every_corruption_of_a_real_cursor_is_refused(reader, claims):
    cursor = reader.get(api("claims/?page_size=1")).json()["next_cursor"]
    assert reader.get(api("claims/"), {"cursor": cursor}).status_code == 200
    for at in range(0, len(cursor), 3):
        flipped = cursor[:at] + ("A" if cursor[at] != "A" else "B") + cursor[at + 1 :]
        assert_error(reader.get(api("claims/"), {"cursor": flipped}), 400, "invalid_cursor")
    assert_error(reader.get(api("claims/"), {"cursor": cursor[:-1]}), 400, "invalid_cursor")


def test_a_cursor_made_with_a_rotated_secret_key_still_works_while_the_old_key_is_a_fallback(reader, claims, settings):
    cursor = reader.get(api("claims/?page_size=1")).json()["next_cursor"]
    old = settings.SECRET_KEY
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 50
    assert_error(reader.get(api("claims/"), {"cursor": cursor}), 400, "invalid_cursor")
    settings.SECRET_KEY_FALLBACKS = [old]
    assert reader.get(api("claims/"), {"cursor": cursor}).status_code == 200


def test_a_cursor_after_the_longest_name_in_another_script_is_accepted(reader):
    from claims.models import Speaker

    for n in range(3):
        name = ("東京都知事" * 60)[:299] + str(n)  # 300 characters (the limit), 3 bytes each in UTF-8
        Speaker.objects.create(name=name, key=f"tokyo {n}")
    first = reader.get(api("speakers/?page_size=1")).json()
    second = reader.get(api("speakers/"), {"page_size": 1, "cursor": first["next_cursor"]})
    assert second.status_code == 200, second.content
    assert second.json()["results"][0]["name"].endswith("1")


# --- every parameter of every list, random and extreme values ---------------------------------------

LIST_PARAMS = {
    "claims/": [
        "verdict", "speaker", "outlet", "article", "published_from", "published_to", "needs_recheck", "q",
        "updated_since", "ordering", "cursor", "page_size",
    ],
    "articles/": ["outlet", "status", "updated_since", "ordering", "cursor", "page_size"],
    "speakers/": ["q", "ordering", "cursor", "page_size"],
    "tombstones/": ["since", "kind", "cursor", "page_size"],
}  # fmt: skip

EXTREMES = [
    "0001-01-01", "9999-12-31", "9998-12-31", "0000-00-00", "2024-02-30", "-1",
    "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59.999999Z",
    "0001-01-01T00:00:00Z", "2024-03-08T25:00:00Z", "1e309", "NaN", "inf",
    str(2**63), str(2**63 - 1), str(-(2**63)), "9" * 400, "0", "true", "", " ",
    "verified,", ",,", "-updated_at", "--id",
]  # fmt: skip
RAW_ENCODED = ["%00", "%ff", "%c3", "%ed%a0%80", "%e2%82", "a%00b", "%25", "%", "%zz", "%0d%0aX-Injected:%201"]

values = st.one_of(
    st.sampled_from(EXTREMES).map(quote),
    st.sampled_from(RAW_ENCODED),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40).map(quote),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
)


@st.composite
def queries(draw):
    path = draw(st.sampled_from(sorted(LIST_PARAMS)))
    names = st.sampled_from(LIST_PARAMS[path])
    pairs = draw(st.lists(st.tuples(names, values), min_size=1, max_size=4))
    return path, "&".join(f"{name}={value}" for name, value in pairs)


@hypothesis_settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=queries())
def test_no_parameter_value_makes_a_list_fail(query, reader, claims, settings):
    settings.API_THROTTLE_RATES = {"key": None, "user": None, "anon": None}
    path, params = query
    response = reader.get(api(f"{path}?{params}"))
    assert response.status_code in (200, 400), (path, params, response.content[:300])
    if response.status_code == 400:
        assert set(response.json()["error"]) == {"code", "message", "fields"}
