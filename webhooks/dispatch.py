"""The dispatcher: reads the change log after its stored position, exactly like a feed client, and turns
each change into the events it stands for, with one delivery per subscribed endpoint.

It follows three feeds of the log (claims, articles, tombstones) with `claims.selectors.change_page`, so
it sees what the feeds show, in their order, and only once no earlier transaction can still commit (see
docs/api.md, "the feed guarantee"): no change is sent that the feed does not show, and none is skipped.
Like a feed, it sees an object once per read at its latest change: two verdicts set between two reads
make one `claim.verdict_changed` with the verdict of the second.

What changed is told by comparing the object with what its previous event said (ObjectState): the
verdict, the re-check flag, each source's link state, an article's status.

Runs are serialised by a row lock on the positions; each round commits its events, deliveries, states
and the new positions in one transaction, so a crash repeats a round rather than losing one.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from api.pagination import feed_cursor
from api.selectors import Viewer, claim_visible_to, viewer_for
from api.serializers import iso
from claims.models import Article, Change, Claim, SourceLink, Tombstone, Verdict
from claims.selectors import ChangeRow, change_page
from webhooks import selectors
from webhooks.models import Delivery, DispatchPosition, Event, EventType, ObjectState, Subscription

logger = logging.getLogger(__name__)

FEEDS = (Change.Kind.CLAIM, Change.Kind.ARTICLE, Change.Kind.TOMBSTONE)
ROUND_ROWS = 500  # change rows per feed and round
_BEGINNING = datetime(1970, 1, 1, tzinfo=UTC)


def kick_dispatcher(sender: Any = None, **kwargs: Any) -> None:
    """Receiver of `change_logged`: queue a dispatcher run (a failure to queue is logged, the sweep catches up)."""
    from webhooks import tasks

    try:
        tasks.dispatch.delay()
    except Exception:
        logger.exception("could not queue the webhook dispatcher; the periodic sweep will run it")


def new_msg_id() -> str:
    return "msg_" + secrets.token_urlsafe(18)


# Whether a reader may see what an event tells; None: every reader (article metadata, tombstones).
Audience = Callable[[Viewer], bool] | None


@dataclass
class _Round:
    wanted: dict[str, list[tuple[int, Viewer]]]  # event type -> (subscription id, what its organisation sees)
    now: datetime
    events: list[tuple[Event, list[int]]] = field(default_factory=list)
    states: dict[tuple[str, int], dict | None] = field(default_factory=dict)  # None: forget it

    def wants(self, event_type: str) -> bool:
        return bool(self.wanted.get(event_type))

    def add(self, event_type: str, data: dict[str, Any], cursor: str, audience: Audience = None) -> None:
        # An endpoint hears only of what its organisation's keys could read in the API (docs/api.md,
        # "Visibility between newsrooms"): another newsroom's unreviewed claims are not sent to it.
        subscribers = [pk for pk, viewer in self.wanted.get(event_type, []) if audience is None or audience(viewer)]
        if not subscribers:
            return
        payload = {"type": event_type, "timestamp": iso(self.now), "data": {**data, "feed_cursor": cursor}}
        self.events.append((Event(msg_id=new_msg_id(), type=event_type, payload=payload), subscribers))


def _wanted(subscriptions: list[Subscription]) -> dict[str, list[tuple[int, Viewer]]]:
    wanted: dict[str, list[tuple[int, Viewer]]] = {}
    for sub in subscriptions:
        viewer = viewer_for(is_reviewer=False, has_key=True, organisation_id=sub.organisation_id)
        for event_type in sub.events:
            wanted.setdefault(event_type, []).append((sub.pk, viewer))
    return wanted


def _claim_audience(verdict: str, owner: int | None) -> Audience:
    return lambda viewer: claim_visible_to(viewer, verdict=verdict, owner_organisation_id=owner)


def _positions() -> dict[str, DispatchPosition]:
    """The positions, locked for this round. A missing one starts at the beginning of the log (the
    migration creates them at its end, so an existing registry does not send its history)."""
    for kind in FEEDS:
        if not DispatchPosition.objects.filter(kind=kind).exists():
            try:
                with transaction.atomic():
                    DispatchPosition.objects.create(kind=kind, started_at=_BEGINNING)
            except IntegrityError:
                pass  # another dispatcher made it
    # skip_locked: a dispatcher already running (it reads on until nothing is left) is not waited for;
    # waiting would hold a worker slot per queued kick while it runs.
    locked = {p.kind: p for p in DispatchPosition.objects.select_for_update(skip_locked=True).filter(kind__in=FEEDS)}
    if len(locked) < len(FEEDS):
        raise _Busy
    return locked


class _Busy(Exception):
    """Another dispatcher holds the positions."""


class DispatchRun(NamedTuple):
    made: int  # events made
    more: bool  # changes are left for another run at once
    held: bool  # changes exist that a transaction still running holds back: look again shortly
    busy: bool = False  # another dispatcher was running: look again shortly, in case it has just read


def dispatch(*, rounds: int = 20, rows: int = ROUND_ROWS) -> DispatchRun:
    """Make the events of new changes."""
    made = 0
    for _ in range(rounds):
        try:
            count, more = _dispatch_round(rows)
        except _Busy:
            return DispatchRun(made, False, False, busy=True)
        made += count
        if not more:
            return DispatchRun(made, False, _held_back())
    return DispatchRun(made, True, False)


def _held_back() -> bool:
    """Whether the log has rows past a position that the feed does not serve yet (their transaction, or an
    earlier one, is still running on PostgreSQL): a kick came too early, and no other kick may follow."""
    for position in DispatchPosition.objects.filter(kind__in=FEEDS):
        after = Q(xid__gt=position.xid) | Q(xid=position.xid, id__gt=position.change_id)
        if Change.objects.filter(after, kind=position.kind).exists():
            return True
    return False


def _dispatch_round(limit: int) -> tuple[int, bool]:
    more = False
    with transaction.atomic():
        positions = _positions()
        work = _Round(wanted=_wanted(selectors.subscriptions_wanting()), now=timezone.now())
        for kind in FEEDS:
            position = positions[kind]
            page = change_page(kind, after=(position.xid, position.change_id), limit=limit)
            if not page:
                continue
            more = more or len(page) == limit
            if kind == Change.Kind.CLAIM:
                _claim_events(page, work, position.started_at)
            elif kind == Change.Kind.ARTICLE:
                _article_events(page, work)
            else:
                _tombstone_events(page, work)
            position.xid, position.change_id = page[-1].xid, page[-1].id
            position.save(update_fields=["xid", "change_id"])
        _store(work)
        subscribers = sorted({pk for _, subs in work.events for pk in subs})
        if subscribers:
            transaction.on_commit(lambda: _send_deliveries(subscribers))
    return len(work.events), more


def _send_deliveries(subscription_ids: list[int]) -> None:
    from webhooks import tasks

    for pk in subscription_ids:
        tasks.deliver_endpoint.delay(pk)


def _store(work: _Round) -> None:
    if work.events:
        Event.objects.bulk_create([event for event, _ in work.events], batch_size=1000)
        _insert_deliveries(work)
    gone = [key for key, state in work.states.items() if state is None]
    for kind in {k for k, _ in gone}:
        ObjectState.objects.filter(kind=kind, object_id__in=[pk for k, pk in gone if k == kind]).delete()
    ObjectState.objects.bulk_create(
        [ObjectState(kind=k, object_id=pk, state=s) for (k, pk), s in work.states.items() if s is not None],
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=["state"],
        batch_size=1000,
    )


def _insert_deliveries(work: _Round) -> None:
    """One pending delivery per (event, subscriber). On PostgreSQL one INSERT ... SELECT FROM unnest() of
    two id arrays sent as text: building a model instance per row cost the dispatcher (which shares its
    worker with the deliveries) more CPU than the deliveries' HTTP exchanges."""
    pairs = [(event.pk, pk) for event, subscribers in work.events for pk in subscribers]
    if connection.vendor != "postgresql":
        Delivery.objects.bulk_create(
            (Delivery(subscription_id=s, event_id=e, next_attempt_at=work.now) for e, s in pairs), batch_size=2000
        )
        return
    meta = Delivery._meta
    columns = "subscription_id, event_id, status, attempts, next_attempt_at, last_error, created_at"
    with connection.cursor() as cursor:
        for start in range(0, len(pairs), 20000):
            chunk = pairs[start : start + 20000]
            cursor.execute(
                f"INSERT INTO {meta.db_table} ({columns}) "  # noqa: S608 (names from the model, values bound)
                "SELECT s, e, %s, 0, %s, '', %s FROM unnest(%s::bigint[], %s::bigint[]) AS t(e, s)",
                [
                    Delivery.Status.PENDING,
                    work.now,
                    work.now,
                    "{" + ",".join(str(e) for e, _ in chunk) + "}",
                    "{" + ",".join(str(s) for _, s in chunk) + "}",
                ],
            )


def _previous(kind: str, ids: list[int]) -> dict[int, dict]:
    return dict(ObjectState.objects.filter(kind=kind, object_id__in=ids).values_list("object_id", "state"))


def _claim_events(page: list[ChangeRow], work: _Round, started_at: datetime) -> None:
    ids = [row.object_id for row in page]
    current = {
        c["id"]: c
        for c in Claim.objects.filter(pk__in=ids, article__retracted_at__isnull=True).values(
            "id", "verdict", "needs_recheck", "created_at", "article__submitted_by_organisation_id"
        )
    }
    links: dict[int, dict[str, str]] = {}
    for sid, claim_id, link_state in SourceLink.objects.filter(claim_id__in=ids).values_list("id", "claim_id", "state"):
        links.setdefault(claim_id, {})[str(sid)] = link_state
    before = _previous(Change.Kind.CLAIM, ids)
    planned: list[tuple[ChangeRow, str, dict[str, Any]]] = []  # (row, type, extra data)
    link_moves: list[tuple[ChangeRow, int, int, str]] = []  # (row, claim id, source id, previous state)
    for row in page:
        claim = current.get(row.object_id)
        if claim is None:  # removed or retracted: its tombstone tells
            work.states[(Change.Kind.CLAIM, row.object_id)] = None
            continue
        state: dict[str, Any] = {
            "verdict": claim["verdict"],
            "needs_recheck": claim["needs_recheck"],
            "sources": links.get(claim["id"], {}),
        }
        work.states[(Change.Kind.CLAIM, row.object_id)] = state
        old = before.get(row.object_id)
        if old is None:
            created = claim["created_at"] >= started_at
            planned.append((row, EventType.CLAIM_CREATED if created else EventType.CLAIM_UPDATED, {}))
            # Created and already reviewed or flagged when first read: those events are not lost either.
            if created and state["verdict"] != Verdict.UNREVIEWED:
                planned.append((row, EventType.CLAIM_VERDICT_CHANGED, {"previous_verdict": Verdict.UNREVIEWED.value}))
            if created and state["needs_recheck"]:
                planned.append((row, EventType.CLAIM_FLAGGED_FOR_RECHECK, {}))
            continue
        for sid, link_state in state["sources"].items():
            was = old.get("sources", {}).get(sid)
            if was is not None and was != link_state:
                link_moves.append((row, claim["id"], int(sid), was))
        if old.get("verdict") != state["verdict"]:
            planned.append((row, EventType.CLAIM_VERDICT_CHANGED, {"previous_verdict": old.get("verdict")}))
        elif state["needs_recheck"] and not old.get("needs_recheck"):
            planned.append((row, EventType.CLAIM_FLAGGED_FOR_RECHECK, {}))
        elif not any(move[0] is row for move in link_moves):
            planned.append((row, EventType.CLAIM_UPDATED, {}))
    reps = selectors.claim_representations([row.object_id for row, t, _ in planned if work.wants(t)])
    audiences = {
        pk: _claim_audience(c["verdict"], c["article__submitted_by_organisation_id"]) for pk, c in current.items()
    }
    for row, event_type, extra in planned:
        if row.object_id in reps:
            data = {**reps[row.object_id], **extra}
            work.add(event_type, data, feed_cursor("claim", row.xid, row.id), audiences[row.object_id])
    if link_moves and work.wants(EventType.SOURCE_LINK_CHANGED):
        sources = selectors.source_representations([sid for _, _, sid, _ in link_moves])
        for row, claim_id, sid, was in link_moves:
            if sid in sources:
                data = {**sources[sid], "claim_id": claim_id, "previous_state": was}
                work.add(
                    EventType.SOURCE_LINK_CHANGED, data, feed_cursor("claim", row.xid, row.id), audiences[claim_id]
                )


_ARTICLE_EVENTS: dict[str, str] = {
    Article.Status.DONE: EventType.ARTICLE_EXTRACTED,
    Article.Status.FAILED: EventType.ARTICLE_FAILED,
}


def _article_events(page: list[ChangeRow], work: _Round) -> None:
    ids = [row.object_id for row in page]
    current = dict(Article.objects.filter(pk__in=ids, retracted_at__isnull=True).values_list("id", "status"))
    before = _previous(Change.Kind.ARTICLE, ids)
    planned: list[tuple[ChangeRow, str]] = []
    for row in page:
        status = current.get(row.object_id)
        if status is None:
            work.states[(Change.Kind.ARTICLE, row.object_id)] = None
            continue
        work.states[(Change.Kind.ARTICLE, row.object_id)] = {"status": status}
        old = before.get(row.object_id)
        if status in _ARTICLE_EVENTS and (old is None or old.get("status") != status):
            planned.append((row, _ARTICLE_EVENTS[status]))
    reps = selectors.article_representations([row.object_id for row, t in planned if work.wants(t)])
    for row, event_type in planned:
        if row.object_id in reps:
            work.add(event_type, reps[row.object_id], feed_cursor("article", row.xid, row.id))


def _tombstone_events(page: list[ChangeRow], work: _Round) -> None:
    if not work.wants(EventType.ARTICLE_RETRACTED):
        return
    ids = list(
        Tombstone.objects.filter(pk__in=[r.object_id for r in page], kind=Tombstone.Kind.ARTICLE).values_list(
            "id", flat=True
        )
    )
    reps = selectors.tombstone_representations(ids)
    for row in page:
        if row.object_id in reps:
            work.add(EventType.ARTICLE_RETRACTED, reps[row.object_id], feed_cursor("tombstone", row.xid, row.id))
