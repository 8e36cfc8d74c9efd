"""Receivers on local ports, organisations with keys, and a Standard Webhooks reference check."""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from api.keys import api_key_create
from api.models import ApiKey


def verify(
    secret: str, headers: dict[str, str], body: bytes, *, now: float | None = None, tolerance: int = 300
) -> dict:
    """The Standard Webhooks check, written from the specification (the receiver's side): True or raise."""
    msg_id, timestamp = headers["webhook-id"], headers["webhook-timestamp"]
    if abs((now or time.time()) - int(timestamp)) > tolerance:
        raise ValueError("timestamp outside the tolerance")
    key = base64.b64decode(secret.removeprefix("whsec_"))
    expected = base64.b64encode(hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest())
    for part in headers["webhook-signature"].split(" "):
        version, _, sig = part.partition(",")
        if version == "v1" and hmac.compare_digest(sig.encode(), expected):
            return json.loads(body)
    raise ValueError("no matching signature")


class Receiver:
    """An HTTP endpoint on 127.0.0.1 that records every POST and answers from a script (then `default`)."""

    def __init__(self, script: list[int] | None = None, default: int = 200, delay: float = 0.0, headers=None):
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.script, self.default, self.delay, self.extra_headers = list(script or []), default, delay, headers or {}
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver.lock:
                    receiver.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                    status = receiver.script.pop(0) if receiver.script else receiver.default
                if receiver.delay:
                    time.sleep(receiver.delay)
                self.send_response(status)
                for name, value in receiver.extra_headers.items():
                    self.send_header(name, value)
                answer = b'{"ok": true}' if status < 300 else b"not now"
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def ids(self) -> list[str]:
        with self.lock:
            return [h["webhook-id"] for h, _ in self.requests]

    def bodies(self) -> list[dict]:
        with self.lock:
            return [json.loads(b) for _, b in self.requests]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver_factory():
    made: list[Receiver] = []

    def make(**kwargs) -> Receiver:
        made.append(Receiver(**kwargs))
        return made[-1]

    yield make
    for receiver in made:
        receiver.close()


FAKE_DNS = {"hooks.example": "93.184.215.14", "inside.example": "10.1.2.3"}


@pytest.fixture(autouse=True)
def _webhook_settings(settings, monkeypatch):
    """Local receivers are allowed as the fetcher's tests allow them; names resolve from a fixed table."""
    from webhooks import services

    settings.REGISTRY_FETCH_TEST_ALLOW_NETWORKS = ["127.0.0.1/32"]
    settings.REGISTRY_WEBHOOKS_REQUIRE_HTTPS = False
    # Long enough that a failed attempt is never retried within a test by accident (tests of retries
    # set their own short delays).
    settings.REGISTRY_WEBHOOKS_RETRY_DELAYS = [60.0, 60.0, 60.0, 60.0]
    settings.REGISTRY_WEBHOOKS_TOTAL_TIMEOUT_MS = 2000

    def resolve(host: str):
        if host in FAKE_DNS:
            return [ipaddress.ip_address(FAKE_DNS[host])]
        if host == "127.0.0.1":
            return [ipaddress.ip_address(host)]
        raise OSError("Name or service not known")

    monkeypatch.setattr(services, "_resolve", resolve)


@pytest.fixture
def organisation(db):
    from claims.models import Organisation

    return Organisation.objects.create(name="Harbour Times")


@pytest.fixture
def other_organisation(db):
    from claims.models import Organisation

    return Organisation.objects.create(name="Valley Courier")


def make_key(scopes: str, organisation=None) -> str:
    created = api_key_create(name=f"key {scopes} {organisation}", scopes=scopes)
    if organisation is not None:
        ApiKey.objects.filter(pk=created.api_key.pk).update(organisation=organisation)
    return created.key


@pytest.fixture
def webhook_client(organisation):
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {make_key('webhooks', organisation)}")
    return client


BODY = "Ferry Plan\n\nThe harbour board said on Monday that the night ferry will run twice a week."


@pytest.fixture
def claim(db):
    """An extracted-looking article with one claim, made directly (no engine)."""
    from claims.models import Article, Claim, Speaker
    from claims.services.articles import body_hash

    article = Article.objects.create(
        title="Ferry Plan", body=BODY, body_hash=body_hash(BODY), status=Article.Status.DONE
    )
    speaker = Speaker.objects.create(name="the harbour board", key="the harbour board")
    text = BODY.split("\n\n")[1]
    start = BODY.index(text)
    return Claim.objects.create(
        article=article, position=0, text=text, start=start, end=start + len(text), speaker=speaker,
        kind=Claim.Kind.STATEMENT,
    )  # fmt: skip


@pytest.fixture
def editor_user(db, django_user_model):
    from tests.review.conftest import ensure_review_groups

    ensure_review_groups()
    from django.contrib.auth.models import Group

    from claims import permissions

    user = django_user_model.objects.create_user(username="edna", password="a-long-test-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name=permissions.EDITORS))
    return user
