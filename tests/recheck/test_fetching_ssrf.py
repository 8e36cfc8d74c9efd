"""The fetcher never reaches inward: every private, loopback or metadata address is refused with a reason."""

from __future__ import annotations

import ipaddress
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from claims import fetching
from claims.fetching import FetchPolicy, Outcome, fetch, transport
from tests.recheck.conftest import Reply

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _no_connections(monkeypatch):
    """Records every connection the fetcher opens; only the local test server (127.0.0.1) is reachable."""
    attempts: list[tuple] = []
    real = socket.create_connection

    def guard(address, *args, **kwargs):
        attempts.append(address)
        if address[0] == "127.0.0.1":
            return real(address, *args, **kwargs)
        raise AssertionError(f"the fetcher tried to connect to {address}")

    monkeypatch.setattr(socket, "create_connection", guard)
    return attempts


def policy(**kwargs) -> FetchPolicy:
    return FetchPolicy(host_delay=0, **kwargs)


REFUSED = [
    ("http://127.0.0.1/", "loopback"),
    ("http://127.0.0.1:8000/admin/", "loopback"),
    ("http://10.0.0.1/", "private network"),
    ("http://172.16.5.4/", "private network"),
    ("http://192.168.1.1/", "private network"),
    ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
    ("http://100.100.100.200/", "cloud metadata"),
    ("http://100.64.0.1/", "carrier-grade NAT"),
    ("http://0.0.0.0/", "'this network'"),
    ("http://224.0.0.1/", "multicast"),
    ("http://240.0.0.1/", "reserved"),
    ("http://[::1]/", "loopback"),
    ("http://[::]/", "unspecified"),
    ("http://[fe80::1]/", "link-local"),
    ("http://[fe80::1%25eth0]/", "link-local"),
    ("http://[fd00::1]/", "unique-local"),
    ("http://[fd00:ec2::254]/", "cloud metadata"),
    ("http://[ff02::1]/", "multicast"),
    ("http://[::ffff:127.0.0.1]/", "form of the IPv4 address 127.0.0.1, a loopback"),
    ("http://[::ffff:7f00:1]/", "form of the IPv4 address 127.0.0.1, a loopback"),
    ("http://[::ffff:169.254.169.254]/", "cloud metadata"),
    ("http://[64:ff9b::a00:1]/", "form of the IPv4 address 10.0.0.1"),
    ("http://[2002:7f00:1::]/", "form of the IPv4 address 127.0.0.1"),
    # Local-use NAT64 (RFC 8215) and IPv4-translated (SIIT) forms: the IPv4 part judged first, and
    # refused even when it is public (the translator reaches wherever its operator set it up to).
    ("http://[64:ff9b:1::7f00:1]/", "form of the IPv4 address 127.0.0.1, a loopback"),
    ("http://[64:ff9b:1::a9fe:a9fe]/", "form of the IPv4 address 169.254.169.254, a cloud metadata"),
    ("http://[64:ff9b:1::808:808]/", "a local-use NAT64 address (64:ff9b:1::/48) carrying 8.8.8.8"),
    ("http://[64:ff9b:1:abcd::808:808]/", "a local-use NAT64 address (64:ff9b:1::/48)"),
    ("http://[::ffff:0:7f00:1]/", "form of the IPv4 address 127.0.0.1, a loopback"),
    ("http://[::ffff:0:a00:1]/", "form of the IPv4 address 10.0.0.1, a private network"),
    ("http://[::ffff:0:808:808]/", "an IPv4-translated address (::ffff:0:0:0/96) carrying 8.8.8.8"),
    ("http://[::ffff:8.8.8.8]/", "an IPv4-mapped address (::ffff:0:0/96) carrying 8.8.8.8"),
    ("http://0x7f000001/", "127.0.0.1 in another notation, a loopback"),
    ("http://2130706433/", "127.0.0.1 in another notation, a loopback"),
    ("http://017700000001/", "127.0.0.1 in another notation, a loopback"),
    ("http://0177.0.0.1/", "127.0.0.1 in another notation"),
    ("http://127.1/", "127.0.0.1 in another notation"),
    ("http://0xa9fea9fe/", "169.254.169.254 in another notation, a cloud metadata"),
    ("http://134744072/", "non-standard notation (8.8.8.8)"),
    ("http://localhost/", "names this machine"),
    ("http://LOCALHOST./", "names this machine"),
    ("http://api.localhost/", "names this machine"),
    ("ftp://example.org/file", "only http and https"),
    ("file:///etc/passwd", "only http and https"),
    ("gopher://example.org/", "only http and https"),
    ("http://user:secret@example.org/", "credentials"),
    ("http:///nohost", "no host"),
    ("http://example.org:99999/", "malformed"),
]


@pytest.mark.parametrize(("url", "reason"), REFUSED)
def test_it_refuses_inward_and_odd_urls_with_a_reason(url, reason, _no_connections):
    result = fetch(url, policy=policy())
    assert result.outcome == Outcome.REFUSED
    assert reason in result.error
    assert result.error.startswith("refused: ")
    assert _no_connections == []


def test_a_host_name_resolving_to_a_private_address_is_refused_at_connect_time(monkeypatch, _no_connections):
    asked: list[str] = []

    def resolver(host, port):
        asked.append(host)
        return [ipaddress.ip_address("10.20.30.40")]

    monkeypatch.setattr(transport, "resolve", resolver)
    result = fetch("https://news.example.org/story", policy=policy())
    assert asked == ["news.example.org"]
    assert result.outcome == Outcome.REFUSED
    assert "news.example.org resolves to 10.20.30.40, a private network address" in result.error
    assert _no_connections == []


@pytest.mark.parametrize(
    "answers",
    [
        ["93.184.216.34", "127.0.0.1"],  # one bad record among good ones refuses the host
        ["::ffff:10.0.0.1"],
        ["64:ff9b:1::a00:1"],
        ["::ffff:0:808:808"],
        ["fe80::1"],
        ["169.254.169.254"],
    ],
)
def test_any_forbidden_address_among_the_resolved_ones_refuses_the_host(monkeypatch, answers, _no_connections):
    monkeypatch.setattr(transport, "resolve", lambda host, port: [ipaddress.ip_address(a) for a in answers])
    result = fetch("http://mixed.example.net/", policy=policy())
    assert result.outcome == Outcome.REFUSED
    assert "mixed.example.net resolves to" in result.error
    assert _no_connections == []


def test_an_unresolvable_host_is_a_connection_failure_not_a_refusal(monkeypatch):
    def resolver(host, port):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(transport, "resolve", resolver)
    result = fetch("http://no-such-host.example/", policy=policy())
    assert result.outcome == Outcome.CONNECT
    assert "could not resolve no-such-host.example" in result.error


def test_the_test_allow_range_does_not_open_cloud_metadata():
    allow = fetching.parse_networks(["169.254.0.0/16", "127.0.0.0/8"])
    assert fetching.address_refusal(ipaddress.ip_address("169.254.169.254"), allow) is not None
    assert fetching.address_refusal(ipaddress.ip_address("169.254.1.1"), allow) is None
    assert fetching.address_refusal(ipaddress.ip_address("127.0.0.1"), allow) is None


def test_public_addresses_are_allowed():
    for address in ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "1.1.1.1"]:
        assert fetching.address_refusal(ipaddress.ip_address(address)) is None, address


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["http://10.0.0.7/admin", "http://169.254.169.254/latest/meta-data/"])
def test_a_public_looking_url_redirecting_inward_is_refused_on_the_redirect(
    monkeypatch, local_server, target, _no_connections
):
    """public.example resolves to the local test server (allowed for the test), which redirects inward."""
    monkeypatch.setattr(
        transport,
        "resolve",
        lambda host, port: [ipaddress.ip_address("127.0.0.1" if host == "public.example" else "10.9.9.9")],
    )
    local_server.routes["/story"] = Reply(302, headers={"Location": target})
    result = fetch(f"http://public.example:{local_server.port}/story")
    assert result.outcome == Outcome.REFUSED
    assert result.error.startswith(f"redirect to {target} refused: ")
    assert local_server.hits["/story"] == 1
    assert result.redirects == (target,)
    assert _no_connections == [("127.0.0.1", local_server.port)]


@pytest.mark.django_db
def test_a_redirect_to_a_name_resolving_inward_is_refused(monkeypatch, local_server, _no_connections):
    monkeypatch.setattr(
        transport,
        "resolve",
        lambda host, port: [ipaddress.ip_address("127.0.0.1" if host == "public.example" else "192.168.0.10")],
    )
    local_server.routes["/a"] = Reply(301, headers={"Location": "http://intranet.example/secret"})
    result = fetch(f"http://public.example:{local_server.port}/a")
    assert result.outcome == Outcome.REFUSED
    assert "intranet.example resolves to 192.168.0.10, a private network address" in result.error
    assert _no_connections == [("127.0.0.1", local_server.port)]


@pytest.mark.django_db
def test_a_redirect_to_another_scheme_is_refused(local_server):
    local_server.routes["/a"] = Reply(302, headers={"Location": "file:///etc/passwd"})
    result = fetch(local_server.url("/a"))
    assert result.outcome == Outcome.REFUSED
    assert "only http and https" in result.error


def test_production_settings_refuse_the_test_allow_range():
    env = dict(
        os.environ,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="x" * 10 + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",
        DJANGO_ALLOWED_HOSTS="registry.example.org",
        REGISTRY_PUBLIC_URL="https://registry.example.org/",
        REGISTRY_FETCH_TEST_ALLOW_NETWORKS="127.0.0.1/32",
    )
    code = "import registry.settings"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert "REGISTRY_FETCH_TEST_ALLOW_NETWORKS" in proc.stderr
    assert "tests only" in proc.stderr
    env.pop("REGISTRY_FETCH_TEST_ALLOW_NETWORKS")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
