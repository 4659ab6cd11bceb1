"""The intake form's autosaved draft file (app/services/intake_draft.py)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app.domain.enums import Channel, Level, Rating
from app.services.intake import RequesterDraft, TicketDraft
from app.services.intake_draft import (
    IntakeDraft,
    draft_file,
    read_draft,
    remove_draft,
    write_draft,
)
from tests.conftest import T0

TICKET = TicketDraft(title="医保结算系统无法访问", description="全市定点医院", requester_id=None,
                     channel=Channel.CHAT, type_id="t1", category_id=None,
                     urgency=Rating.HIGH, impact=Rating.MEDIUM, importance=Rating.LOW,
                     level_override=Level.ONE, override_reason="领导关注")


def test_a_draft_reads_back_as_written(tmp_path: Path) -> None:
    path = draft_file(tmp_path)
    draft = IntakeDraft(TICKET, "王", RequesterDraft("王小明", "市医保局", "13912345678", ""),
                        T0, "wang", received_at=T0 - timedelta(minutes=4), call_id="1733380000.42")
    write_draft(path, draft)
    assert read_draft(path) == draft
    assert [p.name for p in tmp_path.iterdir()] == ["intake-draft.json"]  # no temporary left


def test_writing_replaces_the_previous_draft(tmp_path: Path) -> None:
    path = draft_file(tmp_path)
    write_draft(path, IntakeDraft(TICKET))
    second = IntakeDraft(TicketDraft("other", "", "r1", Channel.PHONE, None, None))
    write_draft(path, second)
    assert read_draft(path) == second


def test_no_file_an_unreadable_one_or_an_empty_form_is_no_draft(tmp_path: Path) -> None:
    path = draft_file(tmp_path)
    assert read_draft(path) is None
    path.write_text('{"format": 1, "ticket": {"channel": "fax"}}', encoding="utf-8")
    assert read_draft(path) is None
    path.write_text("{half writ", encoding="utf-8")
    assert read_draft(path) is None
    write_draft(path, IntakeDraft(TicketDraft(" ", "", None, Channel.EMAIL, None, None)))
    assert read_draft(path) is None


def test_removing_a_draft_that_is_not_there_is_fine(tmp_path: Path) -> None:
    path = draft_file(tmp_path)
    remove_draft(path)
    write_draft(path, IntakeDraft(TICKET))
    remove_draft(path)
    assert not path.exists()
