"""The endpoint client's own HTTP/1.1: keep-alive, a kept connection the server closed, chunked and
close-delimited answers, an answer cut to its excerpt, and malformed answers as failed attempts."""

from __future__ import annotations

import socket
import threading

import pytest

from webhooks.transport import EXCERPT_BYTES, EndpointClient


class ScriptedServer:
    """Accepts connections on 127.0.0.1; for each request read, sends the next scripted raw answer. An answer
    of None closes the connection without answering; `close_after` closes after that many answers."""

    def __init__(self, answers: list[bytes | None], close_after: int | None = None):
        self.answers, self.close_after = list(answers), close_after
        self.connections = 0
        self.requests: list[bytes] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/hook?x=1"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        buffer, served = b"", 0
        with conn:
            while self.answers:
                while b"\r\n\r\n" not in buffer:
                    data = conn.recv(65536)
                    if not data:
                        return
                    buffer += data
                head, _, rest = buffer.partition(b"\r\n\r\n")
                length = int(next(v for k, _, v in (h.partition(b":") for h in head.split(b"\r\n")) if k.lower() == b"content-length"))  # fmt: skip
                while len(rest) < length:
                    rest += conn.recv(65536)
                self.requests.append(head + b"\r\n\r\n" + rest[:length])
                buffer = rest[length:]
                answer = self.answers.pop(0)
                if answer is None:
                    return
                conn.sendall(answer)
                served += 1
                if self.close_after is not None and served >= self.close_after:
                    return

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def server_factory():
    made: list[ScriptedServer] = []

    def make(*args, **kwargs) -> ScriptedServer:
        made.append(ScriptedServer(*args, **kwargs))
        return made[-1]

    yield make
    for server in made:
        server.close()


OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"


def post(client: EndpointClient, url: str, n: int = 0):
    return client.post(url, {"webhook-id": f"msg_{n}"}, b'{"n": %d}' % n)


def test_deliveries_share_one_kept_alive_connection_and_send_what_the_spec_needs(server_factory):
    server = server_factory([OK] * 3)
    with EndpointClient() as client:
        answers = [post(client, server.url, n) for n in range(3)]
    assert [(a.ok, a.status_code, a.excerpt) for a in answers] == [(True, 200, "ok")] * 3
    assert server.connections == 1
    head, _, body = server.requests[0].partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    assert lines[0] == b"POST /hook?x=1 HTTP/1.1" and body == b'{"n": 0}'
    assert b"webhook-id: msg_0" in lines and b"Content-Type: application/json" in lines
    assert any(line.startswith(b"Host: 127.0.0.1:") for line in lines)


def test_a_kept_connection_the_server_closed_is_replaced_once(server_factory):
    server = server_factory([OK, OK], close_after=1)
    with EndpointClient() as client:
        first, second = post(client, server.url, 1), post(client, server.url, 2)
    assert first.ok and second.ok and server.connections == 2


def test_a_connection_closed_without_an_answer_is_a_failed_attempt(server_factory):
    server = server_factory([None, None])
    with EndpointClient() as client:
        answer = post(client, server.url)
    assert not answer.ok and answer.status_code is None and "disconnected" in answer.error


def test_connection_close_is_honoured(server_factory):
    closing = b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"
    server = server_factory([closing, OK])
    with EndpointClient() as client:
        assert post(client, server.url).ok and post(client, server.url).ok
    assert server.connections == 2


def test_chunked_and_close_delimited_answers_give_their_excerpt(server_factory):
    chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nT: 1\r\n\r\n"
    server = server_factory([chunked, OK])
    with EndpointClient() as client:
        first, second = post(client, server.url), post(client, server.url)
    assert first.excerpt == "abcde" and second.ok and server.connections == 1  # read to the end: kept
    until_close = server_factory([b"HTTP/1.0 202 Accepted\r\n\r\nthanks"], close_after=1)
    with EndpointClient() as client:
        answer = post(client, until_close.url)
    assert answer.ok and answer.status_code == 202 and answer.excerpt == "thanks"


def test_a_long_answer_is_cut_and_its_connection_not_kept(server_factory):
    big = b"x" * (EXCERPT_BYTES * 5)
    answer = b"HTTP/1.1 500 Oops\r\nContent-Length: %d\r\n\r\n%s" % (len(big), big)
    server = server_factory([answer, OK])
    with EndpointClient() as client:
        first, second = post(client, server.url), post(client, server.url)
    assert not first.ok and first.error == "HTTP 500" and len(first.excerpt) == EXCERPT_BYTES
    assert second.ok and server.connections == 2


@pytest.mark.parametrize(
    "raw",
    [
        b"SMTP ready\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ],
)
def test_malformed_answers_are_failed_attempts(server_factory, raw):
    server = server_factory([raw])
    with EndpointClient() as client:
        answer = post(client, server.url)
    assert not answer.ok and answer.error


def test_interim_answers_are_skipped_and_redirects_not_followed(server_factory):
    redirect = (
        b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 302 Found\r\nLocation: http://10.0.0.1/\r\nContent-Length: 0\r\n\r\n"
    )
    server = server_factory([redirect])
    with EndpointClient() as client:
        answer = post(client, server.url)
    assert not answer.ok and answer.status_code == 302 and "not followed" in answer.error
    assert len(server.requests) == 1
