"""Every error has one shape, {"error": {"code", "message", "fields"}}, whatever produced it."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from api.exceptions import _flatten
from tests.api.conftest import api

pytestmark = pytest.mark.django_db


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "fields"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert isinstance(body["error"]["fields"], dict)
    return body["error"]


@pytest.fixture
def reader(client_for):
    return client_for("read")


@pytest.fixture
def writer(client_for):
    return client_for("all")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("verdict=maybe", "verdict"),
        ("speaker=abc", "speaker"),
        ("published_from=2024-13-01", "published_from"),
        ("published_from=2024-03-09&published_to=2024-03-01", "published_to"),
        ("updated_since=yesterday", "updated_since"),
        ("needs_recheck=perhaps", "needs_recheck"),
        ("page_size=0", "page_size"),
        ("page_size=100000", "page_size"),
        ("ordering=text", "ordering"),
        ("cursor=not-a-cursor", "cursor"),
        ("cursor=eyJvIjoiaWQifQ", "cursor"),  # base64 JSON, unsigned
    ],
)
def test_bad_query_parameters_are_400_with_the_field_named(query, field, reader, claims):
    error = assert_error(reader.get(api(f"claims/?{query}")), 400, "invalid_cursor" if field == "cursor" else "invalid")
    assert field in error["fields"]


def test_a_cursor_from_another_ordering_is_refused(reader, claims):
    first = reader.get(api("claims/?ordering=id&page_size=1")).json()
    error = assert_error(
        reader.get(api("claims/"), {"ordering": "-id", "cursor": first["next_cursor"]}), 400, "invalid_cursor"
    )
    assert "ordering" in error["fields"]["cursor"][0]


def test_unknown_ids_are_404_in_the_error_shape(reader):
    for path in ["claims/999999/", "articles/999999/", "speakers/999999/", "claims/999999/sources/"]:
        assert_error(reader.get(api(path)), 404, "not_found")


def test_unknown_api_urls_are_404_in_the_error_shape(reader):
    assert_error(reader.get("/api/v1/nothing-here/"), 404, "not_found")
    assert_error(reader.get("/api/v2/claims/"), 404, "not_found")


def test_a_get_without_the_final_slash_is_redirected_and_a_post_is_told_why(reader, writer):
    response = reader.get("/api/v1/claims?verdict=verified")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/claims/?verdict=verified"
    error = assert_error(writer.post("/api/v1/articles", {"text": "x"}, format="json"), 404, "not_found")
    assert "final slash" in error["message"]


def test_an_unsupported_method_is_405_with_allow_even_without_credentials(claims):
    response = APIClient().delete(api(f"claims/{claims[0].pk}/"))
    assert_error(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET, HEAD"


def test_a_body_that_is_not_json_is_415(writer):
    response = writer.post(api("articles/"), "text=hello", content_type="application/x-www-form-urlencoded")
    assert_error(response, 415, "unsupported_media_type")


def test_invalid_json_is_400(writer):
    error = assert_error(
        writer.post(api("articles/"), "{not json", content_type="application/json"), 400, "parse_error"
    )
    assert "JSON" in error["message"]


def test_a_body_that_is_not_utf8_is_400(writer):
    body = '{"text": "caf\xe9 au lait"}'.encode("latin-1")
    error = assert_error(writer.post(api("articles/"), body, content_type="application/json"), 400, "parse_error")
    assert "UTF-8" in error["message"]


def test_a_body_over_the_limit_is_413_before_it_is_read(writer, settings):
    settings.API_MAX_BODY_BYTES = 2048
    body = '{"text": "' + "word " * 1000 + '"}'
    error = assert_error(writer.post(api("articles/"), body, content_type="application/json"), 413, "payload_too_large")
    assert "2,048" in error["message"]


def test_an_unacceptable_accept_header_is_406(reader, claims):
    assert_error(reader.get(api("claims/"), HTTP_ACCEPT="application/xml"), 406, "not_acceptable")


def test_too_many_requests_are_429_with_retry_after(reader, settings, claims):
    settings.API_THROTTLE_RATES = {"key": "3/minute", "user": "3/minute", "anon": "3/minute"}
    for _ in range(3):
        assert reader.get(api("claims/")).status_code == 200
    response = reader.get(api("claims/"))
    error = assert_error(response, 429, "throttled")
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response["Retry-After"] in error["message"]


def test_anonymous_requests_are_throttled_per_address(client, settings, verified_claim):
    settings.API_THROTTLE_RATES = {"key": None, "user": None, "anon": "2/minute"}
    path = api(f"claims/{verified_claim.pk}/claimreview/")
    assert [client.get(path).status_code for _ in range(3)] == [200, 200, 429]
    other = client.get(path, REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 200
    # A forged X-Forwarded-For does not give a fresh allowance.
    assert client.get(path, HTTP_X_FORWARDED_FOR="10.9.9.9").status_code == 429


def test_a_key_with_its_own_rate_uses_it(client, key_account, settings, claims):
    from api.keys import api_key_create

    settings.API_THROTTLE_RATES = {"key": "100/minute", "user": None, "anon": None}
    key = api_key_create(name="Tight", scopes="read", throttle_rate="1/minute").key
    statuses = [client.get(api("claims/"), HTTP_AUTHORIZATION=f"Api-Key {key}").status_code for _ in range(2)]
    assert statuses == [200, 429]


def test_field_errors_of_nested_input_are_flattened_with_dotted_names(writer, claims):
    response = writer.post(
        api(f"claims/{claims[0].pk}/verdict/"),
        {"verdict": "verified", "sources": [{"url": "ftp://x.example/", "stance": "agrees"}], "expected_version": 1},
        format="json",
    )
    error = assert_error(response, 400, "invalid")
    assert set(error["fields"]) == {"sources.0.url", "sources.0.stance"}


@pytest.mark.parametrize(
    ("detail", "expected"),
    [
        ({"a": ["x"]}, {"a": ["x"]}),
        ({"non_field_errors": ["x"]}, {"non_field_errors": ["x"]}),
        (["x", "y"], {"non_field_errors": ["x", "y"]}),
        ({"s": [{}, {"u": ["bad"]}]}, {"s.1.u": ["bad"]}),
        ({"s": {"non_field_errors": ["z"]}}, {"s": ["z"]}),
    ],
)
def test_validation_details_flatten_to_field_lists(detail, expected):
    assert _flatten(detail) == expected


def test_an_unexpected_failure_is_a_500_in_the_error_shape_without_details(reader, claims, monkeypatch):
    from api import selectors

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(selectors, "claims_filtered", broken)
    error = assert_error(reader.get(api("claims/")), 500, "server_error")
    assert "secret" not in error["message"]


def test_a_body_between_djangos_default_limit_and_the_apis_limit_is_read_not_a_500(writer):
    # 3 MB: over Django's 2.5 MB default for request bodies, under the API's 5 MB default.
    body = '{"text": "x"' + " " * (3 * 1024 * 1024) + "}"
    response = writer.post(api("articles/"), body, content_type="application/json")
    assert response.status_code == 202, response.content
    assert response.json()["body"] == "x"


def test_a_body_django_refuses_while_it_is_read_is_413_not_a_500(writer, settings, monkeypatch):
    # As for a body whose length is not announced: the check before reading passes, Django's own limit
    # (DATA_UPLOAD_MAX_MEMORY_SIZE) stops it while the parser reads.
    monkeypatch.setattr("api.base.body_limit", lambda: 10**9)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048
    body = '{"text": "' + "word " * 1000 + '"}'
    error = assert_error(writer.post(api("articles/"), body, content_type="application/json"), 413, "payload_too_large")
    assert "2,048" in error["message"]


def test_the_limit_announced_before_reading_is_the_lower_of_the_apis_and_djangos(writer, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048
    body = '{"text": "' + "word " * 1000 + '"}'
    error = assert_error(writer.post(api("articles/"), body, content_type="application/json"), 413, "payload_too_large")
    assert "2,048" in error["message"]


@pytest.mark.parametrize("body", ["[" * 100_000, '{"text": ' * 50_000, "[" * 100_000 + "]" * 100_000])
def test_deeply_nested_json_is_400_not_a_500(body, writer):
    error = assert_error(writer.post(api("articles/"), body, content_type="application/json"), 400, "parse_error")
    assert "nested" in error["message"]


def test_a_missing_scope_is_named_by_its_value(client_for, claims):
    error = assert_error(
        client_for("read").post(api(f"claims/{claims[0].pk}/verdict/"), {}, format="json"), 403, "permission_denied"
    )
    assert "'review'" in error["message"]
    assert "Scope." not in error["message"]
