"""The public fetch API: ``fetch(url)``, bounded, polite, never inward; it never raises for network trouble."""

from __future__ import annotations

import time
from urllib.parse import urljoin

import httpx

from claims.fetching import politeness
from claims.fetching.guard import AddressRefused, url_refusal
from claims.fetching.policy import FetchPolicy
from claims.fetching.politeness import HostBusy, HostCoolingDown, default_limiter, host_key, parse_retry_after
from claims.fetching.result import FetchResult, Outcome
from claims.fetching.transport import ACCEPT, ACCEPT_ENCODING, REDIRECTS, Deadline, GuardedTransport, send


def fetch(url: str, *, policy: FetchPolicy | None = None, limiter=None) -> FetchResult:
    """Fetch a URL under the policy. Never raises for network trouble: the result says what happened."""
    policy = policy or FetchPolicy.from_settings()
    limiter = limiter or default_limiter(policy)
    started = time.monotonic()
    deadline = started + policy.total_timeout
    hops: list[str] = []
    current = url
    waited_for_retry_after = False

    def result(outcome: str, **kwargs) -> FetchResult:
        return FetchResult(
            url=url,
            outcome=outcome,
            final_url=kwargs.pop("final_url", current),
            elapsed_ms=int((time.monotonic() - started) * 1000),
            redirects=tuple(hops),
            **kwargs,
        )

    headers = {"User-Agent": policy.user_agent, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING}
    transport = GuardedTransport(policy, Deadline(deadline, policy.total_timeout))
    with httpx.Client(transport=transport, headers=headers, follow_redirects=False) as client:
        while True:
            why = url_refusal(current, policy)
            if why:
                prefix = f"redirect to {current} refused: " if hops else "refused: "
                return result(Outcome.REFUSED, error=prefix + why)
            key = host_key(current)
            try:
                with politeness.host_slot(limiter, key, policy, deadline):
                    attempt = send(client, current, policy, deadline)
            except AddressRefused as exc:
                prefix = f"redirect to {current} refused: " if hops else "refused: "
                return result(Outcome.REFUSED, error=prefix + str(exc))
            except HostCoolingDown as exc:
                return result(Outcome.RATE_LIMITED, error=f"not sent: {exc}", retry_after=exc.seconds)
            except HostBusy as exc:
                return result(Outcome.HOST_BUSY, error=f"not sent: {exc}")
            except httpx.TimeoutException as exc:
                return result(Outcome.TIMEOUT, error=f"timed out: {exc or type(exc).__name__}")
            except httpx.ConnectError as exc:
                return result(Outcome.CONNECT, error=f"could not connect: {exc}")
            except (httpx.InvalidURL, httpx.UnsupportedProtocol, UnicodeError, ValueError) as exc:
                return result(Outcome.REFUSED, error=f"refused: the URL is malformed ({exc})")
            except httpx.HTTPError as exc:
                return result(Outcome.PROTOCOL, error=f"{type(exc).__name__}: {exc}")

            common = dict(
                status_code=attempt.status,
                content_type=attempt.headers.get("content-type", "")[:200],
                charset=attempt.charset,
            )
            if attempt.outcome != Outcome.RESPONSE:
                return result(attempt.outcome, error=attempt.error, **common)
            if attempt.status in (429, 503):
                wait = parse_retry_after(attempt.headers.get("retry-after"))
                if wait is not None:
                    politeness.cool_down(limiter, key, max(wait, 0.001), policy)
                    fits = time.monotonic() + wait < deadline and wait <= policy.retry_after_max_wait
                    if fits and not waited_for_retry_after:
                        waited_for_retry_after = True
                        continue  # the slot waits out the pause, then we ask once more
                    return result(
                        Outcome.RESPONSE,
                        body=attempt.body,
                        retry_after=wait,
                        error=f"HTTP {attempt.status}: the host asked to retry after {wait:.0f} s",
                        **common,
                    )
            if attempt.status in REDIRECTS and attempt.headers.get("location"):
                if len(hops) >= policy.max_redirects:
                    return result(
                        Outcome.TOO_MANY_REDIRECTS, error=f"more than {policy.max_redirects} redirects", **common
                    )
                current = urljoin(current, attempt.headers["location"].strip())
                hops.append(current)
                continue
            return result(Outcome.RESPONSE, body=attempt.body, **common)
