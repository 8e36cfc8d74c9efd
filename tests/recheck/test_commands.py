"""manage.py recheck_sources: inline with a progress bar, or queued for the workers."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from claims.models import LinkCheck, SourceLink
from tests.recheck.conftest import Reply, page

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources(local_server, claim_factory, source_factory):
    local_server.routes["/ok"] = Reply(body=page("twelve schools will close"))
    local_server.routes["/edited"] = Reply(body=page("nothing to see"))
    one, two = claim_factory(), claim_factory()
    return [
        source_factory(one, local_server.url("/ok"), excerpt="twelve schools"),
        source_factory(one, local_server.url("/edited"), excerpt="twelve schools"),
        source_factory(two, local_server.url("/ok")),
    ]


def test_now_checks_every_due_source_inline_and_prints_a_summary(sources, capsys):
    call_command("recheck_sources", "--now")
    out, err = capsys.readouterr()
    assert "Checked 3 source(s). changed: 1, ok: 2" in out
    assert "3/3 sources checked" in err
    assert LinkCheck.objects.count() == 3
    call_command("recheck_sources", "--now")
    assert "No source is due." in capsys.readouterr().out
    assert LinkCheck.objects.count() == 3


def test_now_with_a_limit_checks_at_most_that_many(sources, capsys):
    call_command("recheck_sources", "--now", "--limit", "2")
    assert "Checked 2 source(s)." in capsys.readouterr().out
    assert LinkCheck.objects.count() == 2


def test_now_for_one_claim_checks_its_sources_even_when_not_due(sources, capsys):
    call_command("recheck_sources", "--now")
    capsys.readouterr()
    call_command("recheck_sources", "--now", "--claim", str(sources[0].claim_id))
    assert "Checked 2 source(s)." in capsys.readouterr().out
    assert LinkCheck.objects.filter(source__claim_id=sources[0].claim_id).count() == 4


def test_without_now_the_checks_are_queued_for_the_workers(sources, capsys, capture):
    with capture(execute=False) as queued:
        call_command("recheck_sources")
    assert "Queued 3 due source check(s)." in capsys.readouterr().out
    assert len(queued) == 1 and not LinkCheck.objects.exists()
    for callback in queued:
        callback()  # eager in tests: the queued task runs here
    assert set(SourceLink.objects.values_list("state", flat=True)) == {"ok", "changed"}


def test_a_claim_is_queued_on_its_own(sources, capsys, capture):
    with capture(execute=True):
        call_command("recheck_sources", "--claim", str(sources[2].claim_id))
    assert f"Queued 1 source check(s) for claim {sources[2].claim_id}." in capsys.readouterr().out
    assert list(LinkCheck.objects.values_list("source_id", flat=True)) == [sources[2].pk]


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--claim", "999999"], "Claim 999999 does not exist."), (["--limit", "0"], "--limit must be a positive number")],
)
def test_bad_arguments_are_refused_clearly(args, message, db):
    with pytest.raises(CommandError, match=message):
        call_command("recheck_sources", *args)


@pytest.mark.parametrize("extra", [[], ["--claim"]])
def test_now_checks_the_others_and_exits_non_zero_when_a_check_fails(sources, capsys, monkeypatch, extra):
    from claims.services import recheck

    real = recheck.source_record_check

    def flaky(*, source_id, **kwargs):
        if source_id == sources[0].pk:
            raise RuntimeError("the database went away")
        return real(source_id=source_id, **kwargs)

    monkeypatch.setattr(recheck, "source_record_check", flaky)
    args = ["--claim", str(sources[0].claim_id)] if extra else []
    with pytest.raises(CommandError, match="1 source check"):
        call_command("recheck_sources", "--now", *args)
    out, err = capsys.readouterr()
    checked = 1 if extra else 2
    assert f"Checked {checked + 1} source(s)." in out and "failed: 1" in out
    assert f"source {sources[0].pk}: RuntimeError: the database went away" in err
    assert LinkCheck.objects.count() == checked
    assert not LinkCheck.objects.filter(source=sources[0]).exists()
