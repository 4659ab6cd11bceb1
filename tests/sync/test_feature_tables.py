"""The knowledge base, the rota and the SLA policy book between desks: over real HTTP against
the real server and PostgreSQL, each desk on its own SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import datetime, time, timedelta

from sqlalchemy import select

from app.kb.article import ArticleContent, ArticleState
from app.kb.editing import create_article, save_article
from app.kb.search import ArticleSearch
from app.rota.model import DESK_ZONE, Assignment
from app.rota.reading import on_duty_now
from app.rota.rules import DEFAULT_RULES
from app.rota.tables import AbsenceRow, PreferenceRow
from app.rota.writing import publish, save_plan, save_rule
from app.server.tables import rows
from app.sla.monitor import refresh_targets
from app.sla.policy import Policy, Rule, TargetKind
from app.sla.tables import SlaPolicyRow
from app.sync.syncer import SyncReport
from tests.sync.conftest import (
    ADMIN,
    AGENT,
    OTHER_AGENT,
    OTHER_SUPERVISOR,
    SUPERVISOR,
    Desk,
    RunningServer,
)
from tests.sync.test_scenarios import log_ticket, one

MakeDesk = Callable[..., Desk]


def server_row(server: RunningServer, entity: str, key: str) -> dict[str, object] | None:
    with server.engine.connect() as conn:
        found = conn.execute(select(rows.c.data).where(rows.c.entity == entity,
                                                       rows.c.key == key)).first()
    return None if found is None else dict(found.data)


def own_desk(make_desk: MakeDesk) -> tuple[Desk, str, str]:
    """A desk signed in as an agent: (desk, his staff id, his login)."""
    desk = make_desk(AGENT)
    assert desk.staff_id is not None
    return desk, desk.staff_id, desk.login


def sync(*desks: Desk) -> list[SyncReport]:
    return [desk.syncer.sync_once() for desk in desks]


def test_an_article_written_on_one_desk_is_found_by_search_on_the_other(
        make_desk: MakeDesk) -> None:
    a, b = make_desk(AGENT), make_desk(OTHER_AGENT)  # agents author knowledge
    article = create_article(a.store, a.clock, ArticleContent(
        title="存储阵列 XQZ-4711 告警", body="控制器电池老化时阵列报 XQZ-4711。",
        solution="更换控制器电池。", tags=("存储", "告警"), state=ArticleState.PUBLISHED),
        author_id=a.staff_id)
    [pushed], [pulled] = sync(a), sync(b)
    assert pushed.rejected == 0 and "kb_articles" in pulled.entities
    with closing(sqlite3.connect(b.data.database)) as reader:
        hits = ArticleSearch(reader).search("XQZ-4711").hits
        assert [hit.article_id for hit in hits] == [article]
        assert ArticleSearch(reader).search("阵列").hits[0].article_id == article
        assert reader.execute("SELECT tag FROM kb_article_tags WHERE article_id = ? "
                              "ORDER BY tag", (article,)).fetchall() == [("告警",), ("存储",)]
    assert one(b, "SELECT count(*) FROM kb_article_versions WHERE article_id = ?", article) == 1

    # An edit on the other desk replaces what the first desk's index holds for the article.
    save_article(b.store, b.clock, article, ArticleContent(
        title="存储阵列 QWV-0815 告警", body="控制器电池老化。", state=ArticleState.PUBLISHED),
        editor_id=b.staff_id)
    sync(b, a)
    with closing(sqlite3.connect(a.data.database)) as reader:
        assert [h.article_id for h in ArticleSearch(reader).search("QWV-0815").hits] == [article]
        assert ArticleSearch(reader).search("XQZ-4711").hits == []
    assert one(a, "SELECT count(*) FROM kb_article_versions WHERE article_id = ?", article) == 2


def test_a_published_rota_reaches_an_agent_desk_and_its_on_duty_reading(
        make_desk: MakeDesk, server: RunningServer) -> None:
    lead, seat = make_desk(SUPERVISOR), make_desk(AGENT)
    # A day after the demo's published month, so only this plan can put anyone on duty.
    day = lead.clock.now().astimezone(DESK_ZONE).date() + timedelta(days=70)
    staff = one(lead, "SELECT id FROM staff ORDER BY login LIMIT 1")
    save_plan(lead.store, lead.clock, day, day, [Assignment(day, staff, "D")])
    morning = datetime.combine(day, time(10), DESK_ZONE)
    seat.clock.set(morning)
    with closing(sqlite3.connect(seat.data.database)) as reader:
        assert on_duty_now(reader, seat.clock) == []
    publish(lead.store, lead.clock, day, day, by=lead.staff_id)
    [pushed] = sync(lead)
    assert pushed.rejected == 0 and pushed.pushed >= 3  # assignment, period, publication
    [pulled] = sync(seat)
    assert {"rota_assignments", "rota_periods"} <= pulled.entities
    with closing(sqlite3.connect(seat.data.database)) as reader:
        duty = on_duty_now(reader, seat.clock)
    assert [(d.staff_id, d.shift, d.day) for d in duty] == [(staff, "D", day)]


def test_an_agent_may_not_change_the_rota_or_the_sla_policy_and_sees_why(
        make_desk: MakeDesk, server: RunningServer) -> None:
    seat = make_desk(AGENT)
    rule = DEFAULT_RULES[0]
    kept = one(seat, "SELECT weight FROM rota_rules WHERE kind = ?", rule.kind.value)
    save_rule(seat.store, seat.clock, type(rule)(rule.kind, rule.hard, kept + 7, rule.value,
                                                 rule.enabled))
    someone = one(seat, "SELECT id FROM staff ORDER BY login LIMIT 1")
    with seat.store.unit_of_work() as session:
        session.add(SlaPolicyRow(version=7, valid_from=seat.clock.now(), body=Policy(
            7, (Rule(TargetKind.RESOLUTION, 5),)).to_json()))
        session.add(PreferenceRow(id="0190c0de-0000-7000-8000-00000000beef", staff_id=someone,
                                  day=seat.clock.now().date(), shift_code=None, wanted=False,
                                  version=1, updated_at=seat.clock.now(), deleted=False))
    [report] = sync(seat)
    assert report.rejected == 4 and report.pushed == 0  # and the policy's audit line
    with closing(sqlite3.connect(seat.data.database)) as reader:
        reasons = sorted(r for (r,) in reader.execute(
            "SELECT reason FROM sync_outbox WHERE status = 'rejected'"))
    assert reasons == ["only supervisors change other people's rota_preferences",
                       "only supervisors change rota_rules",
                       "your role may not change sla_policies",
                       "your role may not record changes of sla_policies"]
    # Not lost: the panel's count shows them until the seat discards them deliberately.
    assert seat.syncer.status().rejected == 4
    # The desk shows the server's rule again; the server holds none of the three changes.
    assert one(seat, "SELECT weight FROM rota_rules WHERE kind = ?", rule.kind.value) == kept
    assert server_row(server, "sla_policies", "7") is None
    assert server_row(server, "rota_preferences",
                      "0190c0de-0000-7000-8000-00000000beef") is None


def test_a_seat_may_state_his_own_shift_wishes(make_desk: MakeDesk,
                                               server: RunningServer) -> None:
    desk, own, own_login = own_desk(make_desk)
    wish = "0190c0de-0000-7000-8000-00000000cafe"
    with desk.store.unit_of_work() as session:
        session.add(PreferenceRow(id=wish, staff_id=own, day=desk.clock.now().date(),
                                  shift_code="N", wanted=False, version=1,
                                  updated_at=desk.clock.now(), deleted=False))
    [report] = sync(desk)
    assert (report.pushed, report.rejected) == (1, 0)
    assert server_row(server, "rota_preferences", wish) == {
        "id": wish, "staff_id": own, "day": desk.clock.now().date().isoformat(),
        "shift_code": "N", "wanted": False, "weight": 0,
        "updated_at": desk.clock.now().isoformat(), "deleted": False}
    # ...but may not hand his wish to a colleague.
    other = one(desk, "SELECT id FROM staff WHERE login > ? ORDER BY login LIMIT 1", own_login)
    with desk.store.unit_of_work() as session:
        row = session.get(PreferenceRow, wish)
        assert row is not None
        row.staff_id = other
    [report] = sync(desk)
    assert report.rejected == 1
    assert one(desk, "SELECT staff_id FROM rota_preferences WHERE id = ?", wish) == own
    # ...nor make his own wish count more than the usual weight (issue 20).
    with desk.store.unit_of_work() as session:
        row = session.get(PreferenceRow, wish)
        assert row is not None
        row.weight, row.version = 50, row.version + 1
    [report] = sync(desk)
    assert report.rejected == 1
    assert (server_row(server, "rota_preferences", wish) or {}).get("weight") == 0


def test_a_seat_may_enter_his_own_unavailability_but_not_leave(make_desk: MakeDesk,
                                                              server: RunningServer) -> None:
    desk, own, _login = own_desk(make_desk)
    day = desk.clock.now().date()
    away, leave = "0190c0de-0000-7000-8000-0000000a0a0a", "0190c0de-0000-7000-8000-0000000b0b0b"
    with desk.store.unit_of_work() as session:
        session.add(AbsenceRow(id=away, staff_id=own, first_day=day, last_day=day,
                               kind="unavailable", note="doctor", version=1,
                               updated_at=desk.clock.now(), deleted=False))
        session.add(AbsenceRow(id=leave, staff_id=own, first_day=day, last_day=day,
                               kind="leave", note="holiday", version=1,
                               updated_at=desk.clock.now(), deleted=False))
    [report] = sync(desk)
    assert (report.pushed, report.rejected) == (1, 1)
    assert (server_row(server, "rota_absences", away) or {}).get("kind") == "unavailable"
    assert server_row(server, "rota_absences", leave) is None
    # Nor may he turn his unavailable day into leave afterwards.
    with desk.store.unit_of_work() as session:
        row = session.get(AbsenceRow, away)
        assert row is not None
        row.kind = "leave"
    [report] = sync(desk)
    assert report.rejected == 1
    assert (server_row(server, "rota_absences", away) or {}).get("kind") == "unavailable"


def test_a_policy_version_from_the_admin_desk_applies_to_new_tickets_on_another_desk(
        make_desk: MakeDesk) -> None:
    admin, seat = make_desk(ADMIN), make_desk(AGENT)
    before, _number = log_ticket(seat)
    policy = Policy(2, (Rule(TargetKind.FIRST_RESPONSE, 3), Rule(TargetKind.RESOLUTION, 45)))
    admin.clock.advance(timedelta(minutes=1))
    with admin.store.unit_of_work() as session:
        session.add(SlaPolicyRow(version=2, valid_from=admin.clock.now(),
                                 body=policy.to_json(), author_id=admin.staff_id))
    [pushed] = sync(admin)
    assert (pushed.pushed, pushed.rejected) == (2, 0)  # the version and its audit line
    [pulled] = sync(seat)
    assert "sla_policies" in pulled.entities
    seat.clock.advance(timedelta(minutes=2))
    after, _number = log_ticket(seat)
    with closing(sqlite3.connect(seat.data.database)) as reader:
        refresh_targets(seat.store, reader, [before, after], seat.clock.now())
        budgets = {(ticket, kind): (version, budget) for ticket, kind, version, budget in
                   reader.execute("SELECT ticket_id, kind, policy_version, budget_s "
                                  "FROM sla_running")}
    assert budgets[(after, "resolution")] == (2, 45 * 60)
    assert budgets[(after, "first_response")] == (2, 3 * 60)
    # A ticket created before the version was valid keeps the policy it started under
    # (the built-in version 0: logged before policy.CUT_OVER).
    assert budgets[(before, "resolution")][0] == 0


def test_a_second_policy_version_with_the_same_number_is_refused(make_desk: MakeDesk) -> None:
    a, b = make_desk(ADMIN), make_desk(ADMIN)
    for desk, minutes in ((a, 30), (b, 90)):  # two administrators, both offline
        with desk.store.unit_of_work() as session:
            session.add(SlaPolicyRow(version=2, valid_from=desk.clock.now(), body=Policy(
                2, (Rule(TargetKind.RESOLUTION, minutes),)).to_json(),
                author_id=desk.staff_id))
    [first], [second] = sync(a), sync(b)
    assert (first.rejected, second.rejected) == (0, 1)
    assert one(b, "SELECT reason FROM sync_outbox") == "sla_policies rows never change once written"
    # Desk b shows the version the server holds; its own waits in the sync panel.
    assert one(b, "SELECT body FROM sla_policies WHERE version = 2") == one(
        a, "SELECT body FROM sla_policies WHERE version = 2")


def test_a_rule_created_twice_offline_keeps_one_row_on_every_desk(make_desk: MakeDesk,
                                                                  server: RunningServer) -> None:
    a, b = make_desk(SUPERVISOR), make_desk(OTHER_SUPERVISOR)
    for desk, name in ((a, "早班"), (b, "早早班")):  # one new shift type made on both desks
        _add_shift_type(desk, "M", name)
    sync(a)
    [report] = sync(b)
    assert report.rejected == 1
    assert one(b, "SELECT reason FROM sync_outbox") == "rota_shift_types: code 'M' is already used"
    # The server's row took the place of b's own; b's pulls go on working.
    assert one(b, "SELECT name_zh FROM rota_shift_types WHERE code = 'M'") == "早班"
    _add_shift_type(a, "L", "晚班")
    sync(a)
    [report] = sync(b)
    assert one(b, "SELECT name_zh FROM rota_shift_types WHERE code = 'L'") == "晚班"


def _add_shift_type(desk: Desk, code: str, name: str) -> None:
    from app.domain.ids import new_id
    from app.rota.tables import ShiftTypeRow

    with desk.store.unit_of_work() as session:
        session.add(ShiftTypeRow(id=new_id(desk.clock), code=code, name_zh=name, name_en=code,
                                 start_minute=360, minutes=480, color="#ffffff",
                                 on_call=False, position=9, version=1,
                                 updated_at=desk.clock.now(), deleted=False))
