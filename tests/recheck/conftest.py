"""Fixtures for the re-check tests: a local HTTP server on 127.0.0.1 and fetcher settings for tests."""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claims import fetching


@dataclass
class Reply:
    """What the test server answers on one path."""

    status: int = 200
    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    content_length: bool = True  # False: no Content-Length header (the body ends with the connection)
    gzip: bool = False


Handler = Callable[["LocalServer", str], Reply]


class LocalServer:
    """A threaded HTTP server on 127.0.0.1 whose answers each test sets per path."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply | Handler] = {}
        self.hits: Counter[str] = Counter()
        self.user_agents: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.starts: list[float] = []
        self._lock = threading.Lock()
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                server._serve(self)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _serve(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path
        with self._lock:
            self.hits[path] += 1
            self.user_agents.append(request.headers.get("User-Agent", ""))
            self.starts.append(time.monotonic())
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            route = self.routes.get(path, Reply(404, b"not here"))
            reply = route(self, path) if callable(route) else route
            if reply.delay:
                time.sleep(reply.delay)
            body = reply.body.encode() if isinstance(reply.body, str) else reply.body
            if reply.gzip:
                body = gzip.compress(body)
            request.send_response(reply.status)
            request.send_header("Content-Type", reply.content_type)
            if reply.gzip:
                request.send_header("Content-Encoding", "gzip")
            for name, value in reply.headers.items():
                request.send_header(name, value)
            if reply.content_length:
                request.send_header("Content-Length", str(len(body)))
            else:
                request.send_header("Connection", "close")
                request.close_connection = True
            request.end_headers()
            request.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeouts, size cap): expected in those tests
        finally:
            with self._lock:
                self.in_flight -= 1

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(autouse=True)
def _fetcher_for_tests(settings):
    """No politeness delay unless a test asks for it, and no per-host state carried between tests."""
    settings.REGISTRY_FETCH_HOST_DELAY_MS = 0
    fetching.reset_for_tests()
    yield
    fetching.reset_for_tests()


@pytest.fixture
def local_server(settings):
    """A local test server, and the test-only setting that lets the fetcher reach 127.0.0.1."""
    settings.REGISTRY_FETCH_TEST_ALLOW_NETWORKS = ["127.0.0.1/32"]
    server = LocalServer()
    yield server
    server.close()
    if settings.REDIS_URL:
        # Forget this port's shared per-host state (a cool-down would outlive the test otherwise).
        import redis

        client = redis.Redis.from_url(settings.REDIS_URL)
        keys = [f"{fetching.RedisLimiter.PREFIX}{kind}:127.0.0.1:{server.port}" for kind in ("slots", "next", "cool")]
        client.delete(*keys)


def page(*paragraphs: str, title: str = "A page") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title><script>var x = 1;</script></head><body>{body}</body></html>"
    )


@pytest.fixture
def claim_factory(db):
    """Claims with a verdict, straight in the database (the review workflow is not under test here)."""
    from django.utils import timezone

    from claims.models import Article, Claim, Verdict

    counter = {"n": 0}

    def make(verdict: str = Verdict.VERIFIED, *, reviewed_days_ago: float | None = 1, text: str | None = None):
        counter["n"] += 1
        text = text or f"The minister said that {counter['n']} schools will close."
        article = Article.objects.create(
            body=text, body_hash=f"hash-{counter['n']}", title=f"Article {counter['n']}", status=Article.Status.DONE
        )
        reviewed_at = None
        if verdict != Verdict.UNREVIEWED and reviewed_days_ago is not None:
            reviewed_at = timezone.now() - timezone.timedelta(days=reviewed_days_ago)
        return Claim.objects.create(
            article=article, text=text, start=0, end=len(text), verdict=verdict, reviewed_at=reviewed_at
        )

    return make


@pytest.fixture
def source_factory(db):
    from claims.models import SourceLink

    def make(claim, url: str, *, stance: str = SourceLink.Stance.SUPPORTS, excerpt: str = "", **fields):
        return SourceLink.objects.create(claim=claim, url=url, stance=stance, excerpt=excerpt, **fields)

    return make


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    """Run (or collect) what services queue "on commit": tests here run inside one transaction."""
    return django_capture_on_commit_callbacks
