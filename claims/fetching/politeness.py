"""Per-host politeness: at most N requests in flight per host, a delay between starts, Retry-After pauses.

Shared by every worker process through Redis when ``REDIS_URL`` is set (in-process otherwise, and
when Redis is unreachable).
"""

from __future__ import annotations

import email.utils
import logging
import random
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from claims.fetching.policy import FetchPolicy

logger = logging.getLogger(__name__)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None when absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(min(int(value), 7 * 86400))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, min((when - (now or datetime.now(UTC))).total_seconds(), 7 * 86400.0))


class HostBusy(Exception):
    """No free per-host slot before the deadline."""


class HostCoolingDown(Exception):
    def __init__(self, seconds: float):
        super().__init__(f"the host asked to wait {seconds:.0f} s")
        self.seconds = seconds


def host_key(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").lower()
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        port = 0
    return f"{host}:{port}"


@dataclass
class _HostState:
    slots: threading.BoundedSemaphore
    next_start: float = 0.0
    cool_until: float = 0.0


class LocalLimiter:
    """Per-host limits within one process (threads of a worker, or the --now command)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hosts: dict[tuple[str, int], _HostState] = {}

    def _state(self, key: str, limit: int) -> _HostState:
        with self._lock:
            state = self._hosts.get((key, limit))
            if state is None:
                state = self._hosts[(key, limit)] = _HostState(threading.BoundedSemaphore(max(1, limit)))
            return state

    def cool_down(self, key: str, seconds: float, policy: FetchPolicy) -> None:
        state = self._state(key, policy.per_host_limit)
        with self._lock:
            state.cool_until = max(state.cool_until, time.monotonic() + seconds)

    @contextmanager
    def slot(self, key: str, policy: FetchPolicy, deadline: float) -> Iterator[None]:
        state = self._state(key, policy.per_host_limit)
        _wait_out_cooldown(lambda: state.cool_until - time.monotonic(), policy, deadline)
        if not state.slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise HostBusy(f"no free slot for {key} in time")
        try:
            with self._lock:
                now = time.monotonic()
                start = max(now, state.next_start)
                state.next_start = start + policy.host_delay
            if start > deadline:
                raise HostBusy(f"{key} is busy (politeness delay)")
            if start > now:
                time.sleep(start - now)
            yield
        finally:
            state.slots.release()


def _wait_out_cooldown(remaining, policy: FetchPolicy, deadline: float) -> None:
    wait = remaining()
    if wait <= 0:
        return
    if wait > policy.retry_after_max_wait or time.monotonic() + wait > deadline:
        raise HostCoolingDown(wait)
    time.sleep(wait)


# One round trip: drop expired leases, honour a cool-down, then take a slot if one is free and the
# politeness delay has passed. Server time, so the clocks of the workers do not matter.
_ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cool = tonumber(redis.call('GET', KEYS[3]) or '0')
if cool > now then return {2, cool - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return {1, 0} end
local nxt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nxt > now then return {3, nxt - now} end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if tonumber(ARGV[3]) > 0 then redis.call('SET', KEYS[2], now + tonumber(ARGV[3]), 'PX', ARGV[3]) end
return {0, 0}
"""
_COOL = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untl = now + tonumber(ARGV[1])
if untl > tonumber(redis.call('GET', KEYS[1]) or '0') then redis.call('SET', KEYS[1], untl, 'PX', ARGV[1]) end
return 0
"""


class RedisLimiter:
    """Per-host limits shared by every worker process, as leases in a Redis sorted set.

    A lease expires on its own (total timeout plus a margin), so a worker killed while holding a
    slot frees it within that time.
    """

    PREFIX = "registry:fetch:"

    def __init__(self, url: str):
        import redis

        self._redis = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=2)
        self._acquire = self._redis.register_script(_ACQUIRE)
        self._cool = self._redis.register_script(_COOL)

    def _keys(self, key: str) -> list[str]:
        return [f"{self.PREFIX}slots:{key}", f"{self.PREFIX}next:{key}", f"{self.PREFIX}cool:{key}"]

    def cool_down(self, key: str, seconds: float, policy: FetchPolicy) -> None:
        self._cool(keys=[self._keys(key)[2]], args=[max(1, int(seconds * 1000))])

    @contextmanager
    def slot(self, key: str, policy: FetchPolicy, deadline: float) -> Iterator[None]:
        keys = self._keys(key)
        token = uuid.uuid4().hex
        lease_ms = int((policy.total_timeout + 30) * 1000)
        delay_ms = int(policy.host_delay * 1000)
        while True:
            code, wait_ms = self._acquire(keys=keys, args=[max(1, policy.per_host_limit), lease_ms, delay_ms, token])
            if code == 0:
                break
            wait = int(wait_ms) / 1000
            if code == 2:
                _wait_out_cooldown(lambda w=wait: w, policy, deadline)
                continue
            # Slot full (poll with jitter) or politeness delay (sleep exactly that long).
            pause = wait if code == 3 else random.uniform(0.005, 0.025)
            if time.monotonic() + pause > deadline:
                raise HostBusy(f"no free slot for {key} in time")
            time.sleep(pause)
        try:
            yield
        finally:
            try:
                self._redis.zrem(keys[0], token)
            except Exception:  # the lease expires on its own
                logger.warning("could not release the fetch slot for %s", key, exc_info=True)


_local_limiter = LocalLimiter()
_redis_limiters: dict[str, RedisLimiter] = {}


def default_limiter(policy: FetchPolicy):
    if not policy.redis_url:
        return _local_limiter
    limiter = _redis_limiters.get(policy.redis_url)
    if limiter is None:
        limiter = _redis_limiters[policy.redis_url] = RedisLimiter(policy.redis_url)
    return limiter


@contextmanager
def host_slot(limiter, key: str, policy: FetchPolicy, deadline: float) -> Iterator[None]:
    """A per-host slot; when Redis is unreachable, the in-process limiter keeps us polite."""
    import redis

    try:
        cm = limiter.slot(key, policy, deadline)
        cm.__enter__()
    except redis.RedisError:
        logger.warning("Redis unreachable for the per-host limit; limiting in-process", exc_info=True)
        cm = _local_limiter.slot(key, policy, deadline)
        cm.__enter__()
    try:
        yield
    except BaseException as exc:
        if not cm.__exit__(type(exc), exc, exc.__traceback__):
            raise
    else:
        cm.__exit__(None, None, None)


def cool_down(limiter, key: str, seconds: float, policy: FetchPolicy) -> None:
    import redis

    try:
        limiter.cool_down(key, seconds, policy)
    except redis.RedisError:
        _local_limiter.cool_down(key, seconds, policy)


def reset_for_tests() -> None:
    """Forget in-process per-host state (cool-downs, delays) between tests."""
    global _local_limiter
    _local_limiter = LocalLimiter()
