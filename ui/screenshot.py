"""Screenshot mode: render a window offscreen to a PNG (docs and reviews).

Pages are the ids features register (``queues``...), plus two windows shown over the
queues: ``ticket`` (a resolved ticket with its timeline) and ``intake`` (a new ticket
being typed in); ``sla`` is the queue sorted by time to breach with its countdowns;
``sla-policies`` the administrators' SLA policy page (``sla-policies-escalations``,
``-calendar`` and ``-versions`` show its other tabs, ``-phone`` the end of its targets:
the phone's answer in rings and the call-back). ``sign-in`` is the sign-in prompt,
``setup`` the first-start walk-through (``setup-desk``, ``-admin`` and ``-server`` its other
pages, filled in as an administrator would, nothing written), ``admin-people``,
``admin-accounts``... each tab of the administration page (one whose module this desk
lacks is refused). ``process-plan``, ``-verify``, ``-review`` and ``-emergency`` show the
handling process (issue 16): the plan editor, a ticket waiting for verification, the
Reviews page, the level-1 emergency banner.
The SLA monitor runs first, so countdowns and notifications are filled in.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from ui.desk import Desk

SIZE = (1440, 900)
POLICY_TABS = ("", "-escalations", "-calendar", "-versions")
SETUP_PAGES = ("", "-desk", "-admin", "-server")
ADMIN_TABS = ("people", "accounts", "catalog", "requesters", "settings", "audit", "mailboxes",
              "mail", "templates")
ROTA_WINDOWS = ("limits", "dated-cover", "successions", "costs")
PROCESS_PAGES = ("plan", "verify", "review", "emergency")
WINDOW_PAGES = ("ticket", "intake", "sla", *(f"sla-policies{tab}" for tab in POLICY_TABS),
                "sla-policies-phone",
                "sign-in", *(f"setup{page}" for page in SETUP_PAGES),
                *(f"admin-{tab}" for tab in ADMIN_TABS),
                *(f"rota-{name}" for name in ROTA_WINDOWS), "caller", "alert-rules", "chats",
                "ticket-chat",
                *(f"process-{name}" for name in PROCESS_PAGES))


def _settle() -> None:
    for _ in range(3):  # layout, lazy fetches and the first paint each take a turn
        QApplication.processEvents()


def _wait(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


def window_for(desk: Desk, page: str) -> QWidget | None:
    """The top-level widget that shows ``page`` (None: this desk cannot show it)."""
    if (named := _NAMED_WINDOWS.get(page)) is not None:
        return named(desk)
    if page.startswith("setup"):
        return _setup_page(desk, page.removeprefix("setup").removeprefix("-"))
    for prefix, show in (("admin-", _admin_tab), ("rota-", _rota_window),
                         ("process-", _process_window)):
        if page.startswith(prefix):
            return show(desk, page.removeprefix(prefix))
    if page == "ticket":
        row = desk.context.reader.execute(
            "SELECT id FROM tickets WHERE state = 'resolved' ORDER BY created_at DESC LIMIT 1"
        ).fetchone()
        return desk.tickets.open(row[0]) if row else desk.window
    if page == "sla":
        from PySide6.QtCore import Qt

        from ui.queues.page import QueuesPage

        desk.window.show_page("queues")
        queues = next(p for p in desk.window.pages() if isinstance(p, QueuesPage))
        queues.table.sortByColumn(queues.sla_column, Qt.SortOrder.AscendingOrder)
        queues.views.setCurrentRow(queues.views.count() - 1)
        _settle()
        return desk.window
    if page.startswith("sla-policies"):
        return _policy_page(desk, page.removeprefix("sla-policies"))
    if page == "intake":
        from ui.desk import extend_form
        from ui.intake.dialog import IntakeDialog

        # Its autosaved draft goes elsewhere: a screenshot must not leave the desk a draft
        # to offer, nor show one the desk had.
        drafts = Path(tempfile.mkdtemp(prefix="seatdesk-shot-"))
        dialog = IntakeDialog(desk.context, desk.window, draft_path=drafts / "draft.json")
        extend_form(dialog, desk.context, [])  # suggestions, the level-3 analysis
        dialog.requester_search.setText("市财政局")
        dialog.show()
        _settle()
        dialog._choose_first_requester()
        dialog.category.setCurrentIndex(9)
        dialog.ticket_type.setCurrentIndex(1)
        dialog.urgency.setCurrentIndex(2)
        dialog.impact.setCurrentIndex(1)
        dialog.title.setText("财政一体化系统访问缓慢")
        dialog.description.setPlainText("财政局多个科室反映系统页面打开缓慢，数据库连接超时。")
        _wait(2.0)  # suggestions are searched on the thread pool after a typing pause
        return dialog
    if page == "kb":
        from ui.page_holder import PageHolder

        holder = desk.window.findChild(PageHolder, "kb")
        if holder is not None:
            query = getattr(holder.ensure(), "query", None)
            if query is not None:
                query.setText("网络 中断")
                _wait(1.0)
    return desk.window


def _policy_page(desk: Desk, tab: str) -> QWidget:
    """The SLA policy page on ``tab`` ("-phone": the targets tab at its end, the phone's
    answer in rings and the call-back rows)."""
    from datetime import timedelta

    from app.sla.admin import CalendarOverride

    dialog = desk.sla.open_policies()
    # One override, so the calendar tab shows what a row looks like.
    if dialog.overrides.table.rowCount() == 0:
        today = desk.context.clock.now().astimezone(desk.context.time_zone).date()
        dialog.overrides.add(CalendarOverride(today + timedelta(days=30), True, "系统割接"))
    dialog.tabs.setCurrentIndex(POLICY_TABS.index("" if tab == "-phone" else tab))
    dialog.resize(1100, 640)
    if tab == "-phone":
        dialog.rules.table.scrollToBottom()
    _settle()
    return dialog


def _process_window(desk: Desk, name: str) -> QWidget | None:
    from ui.process.shots import process_window

    return process_window(desk, name, _settle)


def _rota_window(desk: Desk, name: str) -> QWidget | None:
    """An editor of the rota page's rules (issue 20), or its costs window, over the rota;
    nothing is stored (OK is never pressed)."""
    from datetime import timedelta

    from app.rota.defaults import DAY, EVENING, NIGHT
    from app.rota.model import Coverage
    from ui.page_holder import PageHolder
    from ui.rota import rule_editors
    from ui.rota.page import RotaPage

    holder = desk.window.findChild(PageHolder, "rota")
    page = holder.ensure() if holder is not None and desk.window.show_page("rota") else None
    if not isinstance(page, RotaPage):
        return None
    page.ensure_loaded()
    _settle()
    problem = page.model.problem
    if name == "limits":
        limits = rule_editors.limits_dialog(page)
        # A few people's own terms, as a supervisor would enter them.
        staff = problem.staff
        for person, key, value in ((0, "max_weekends", 2), (1, NIGHT, 0), (2, "min_minutes", 120),
                                   (2, "max_minutes", 160), (3, "min_consecutive", 2),
                                   (3, "min_days_off", 2), (4, "max_consecutive", 4)):
            limits.spin(staff[person].id, key).setValue(value)
        dialog: QWidget = limits
    elif name == "dated-cover":
        dialog = rule_editors.dated_cover_dialog(page)
        # What a special-assurance week (重保期) looks like: more people by day and night.
        for n in range(3):
            day = page.first + timedelta(days=14 + n)
            for code, people, seniors in ((DAY, 12, 3), (NIGHT, 6, 2)):
                dialog.add_row(Coverage(code, problem.kinds[day], people, frozenset(),
                                        seniors, day, 50, 2))
    elif name == "successions":
        dialog = rule_editors.successions_dialog(page)
        dialog.box(NIGHT, EVENING).setChecked(True)
    else:
        # Hand edits that cost something: one person on nights all the last week, another
        # added to a full day shift with extra people priced (the over-cover rule on).
        from dataclasses import replace

        from app.rota.rules import RuleKind

        page.model.set_rules(tuple(replace(r, enabled=True) if r.kind is RuleKind.OVER_COVER
                                   else r for r in problem.rules))
        cells = {(problem.staff[1].id, page.last - timedelta(days=n)): NIGHT for n in range(6)}
        free = [m for m in problem.staff if page.model.cell((m.id, page.last)) is None]
        cells.update({(m.id, page.last - timedelta(days=1)): DAY for m in free[2:4]})
        page.model.set_cells(cells)
        rule_editors.show_costs(page)
        from ui.rota.costs_view import CostsDialog

        found = page.findChild(CostsDialog)
        if found is None:
            return None
        dialog = found
    dialog.show()
    _settle()
    return dialog


def _sign_in_prompt(desk: Desk) -> QWidget:
    """The prompt a seat meets at start (on the demo desk, with its accounts named)."""
    from app.demo.accounts import DEMO_AGENT
    from app.identity.signing_in import checker
    from ui.launch import _demo_hint
    from ui.seat.sign_in import Mode, SignInDialog

    context = desk.context
    dialog = SignInDialog(checker(context.data.database, lambda: "", lambda: None),
                          Mode.START, desk_name=context.desk_name(), login=DEMO_AGENT,
                          hint=_demo_hint(context.data), parent=desk.window)
    dialog.resize(480, dialog.sizeHint().height())
    return dialog


def _setup_page(desk: Desk, page: str) -> QWidget:
    """A page of the first-start walk-through, typed into as an administrator would;
    nothing is written (Finish is never pressed)."""
    from app.sync.tokens import MemoryVault
    from ui.setup import SetupWizard

    context = desk.context
    wizard = SetupWizard(context.data, context.settings, context.clock, context.language,
                         vault=MemoryVault)
    wizard.show()
    if page in ("desk", "admin"):
        wizard.start_page.local.setChecked(True)
        wizard.next()
        wizard.desk_page.desk_name.setText("市政务云服务台")
    if page == "admin":
        wizard.next()
        admin = wizard.admin_page
        for field, text in ((admin.full_name, "王敏"), (admin.login, "wangmin"),
                            (admin.password, "seatdesk-2026"), (admin.again, "seatdesk-2026"),
                            (admin.phone, "13800138000")):
            field.setText(text)
    if page == "server":
        wizard.start_page.server.setChecked(True)
        wizard.next()
        server = wizard.server_page
        server.url.setText("https://seatdesk.example.gov.cn")
        server.login.setText("wangmin")
    _settle()
    return wizard


def _caller_popup(desk: Desk) -> QWidget:
    """The caller pop-up for a requester of the desk with tickets, answered after 4 rings
    (the call event as the server would send it)."""
    from app.channels.calls import CallEvent, caller
    from ui.channels import PhoneDesk

    phone = desk.window.findChild(PhoneDesk)
    assert phone is not None
    row = desk.context.reader.execute(
        "SELECT r.phone FROM requesters r JOIN tickets t ON t.requester_id = r.id "
        "WHERE r.phone != '' GROUP BY r.id ORDER BY count(*) DESC LIMIT 1").fetchone()
    number = row[0] if row else "13800000001"
    event = CallEvent(1, "call-1", "answered", number, "8001",
                      desk.context.clock.now(), 4.0, None)
    phone.popup.show_call(event, caller(desk.context.reader, number))
    phone.popup.resize(420, 360)
    _settle()
    return phone.popup


def _hear_chats(desk: Desk, ticket_id: str | None = None) -> None:
    """A waiting chat and one the seat is answering (the events as the server would send
    them; the answered one opened ``ticket_id``)."""
    from app.channels.chats import ChatEvent
    from ui.channels import PhoneDesk

    phone = desk.window.findChild(PhoneDesk)
    assert phone is not None
    at = desk.context.clock.now()
    seat, me = desk.context.signed_in.login, desk.context.signed_in.name
    phone.chat_book.login = lambda: seat  # the seat this example is shown to
    # The answered chat is the ticket's: its requester, and the ticket's title first.
    asked, named, office = "VPN 客户端连不上，提示证书过期", "李明", "市财政局"
    if ticket_id is not None:
        asked, named, office = desk.context.reader.execute(
            "SELECT t.title, r.name, r.unit FROM tickets t JOIN requesters r "
            "ON r.id = t.requester_id WHERE t.id = ?", (ticket_id,)).fetchone()
    for seq, (chat, kind, author, body, name, unit, who) in enumerate((
            ("c1", "waiting", "", "", named, office, None),
            ("c1", "message", "", asked, named, office, None),
            ("c1", "accepted", me, "", named, office, seat),
            ("c1", "message", me, "请稍候，正在查看", named, office, seat),
            ("c2", "waiting", "", "", "王芳", "市卫健委", None),
            ("c2", "message", "", "电子政务外网访问缓慢", "王芳", "市卫健委", None))):
        phone.chat_book.hear(ChatEvent(seq, chat, kind, author, body, at, name, unit, who,
                                       ticket_id if chat == "c1" else None))


def _chats(desk: Desk) -> QWidget:
    """The chat window: the inbox with a waiting chat and the seat's own."""
    from ui.channels import PhoneDesk

    _hear_chats(desk)
    phone = desk.window.findChild(PhoneDesk)
    assert phone is not None
    window = phone.chat_window
    window.chat_list.setCurrentRow(0)
    window.resize(900, 520)
    window.show()
    _settle()
    return window


def _ticket_chat(desk: Desk) -> QWidget:
    """A chat ticket's window with its live conversation beside the timeline."""
    row = desk.context.reader.execute(
        "SELECT id FROM tickets WHERE channel = 'chat' ORDER BY state IN ('new', "
        "'in_progress') DESC, created_at DESC LIMIT 1").fetchone()
    if row is None:
        return desk.window
    window = desk.tickets.open(row[0])
    _hear_chats(desk, row[0])
    window.resize(1100, 720)  # as wide as a seat makes it on a desk's screen
    _settle()
    return window


def _alert_rules(desk: Desk) -> QWidget | None:
    """The alerts tab with an example of sources and rules (a desk not connected has none
    to show: the server keeps them)."""
    from app.channels.client import AlertRule, AlertSource
    from ui.admin.alerts_tab import AlertsTab

    if _admin_tab(desk, "alerts") is None:
        return None
    tab = desk.window.findChild(AlertsTab)
    assert tab is not None
    sources = [AlertSource("s1", "Prometheus 政务云A区", "alertmanager", True, 20, 300),
               AlertSource("s2", "Zabbix 机房", "zabbix", True, 10, 600),
               AlertSource("s3", "呼叫中心 PBX", "pbx", True, 0, 300)]
    tab._show((sources, [
        AlertRule("alertname", "Disk*", "fault", "storage", 2, True),
        AlertRule("severity", "critical", "fault", "monitoring", 1, False),
        AlertRule("host", "db-*", "fault", "database", 2, True, "s2")]))
    _settle()
    return desk.window


def _admin_tab(desk: Desk, name: str) -> QWidget | None:
    """The main window on the administration page, at tab ``name``."""
    import sys

    from ui.admin import AdministrationPage
    from ui.page_holder import PageHolder

    holder = desk.window.findChild(PageHolder, "admin")
    page = holder.ensure() if holder is not None and desk.window.show_page("admin") else None
    if not isinstance(page, AdministrationPage) or (tab := page.tab(name)) is None:
        print(f"this desk has no administration tab {name!r} (or the seat may not see "
              "the page)", file=sys.stderr)
        return None
    page.setCurrentWidget(tab)
    _settle()
    return desk.window


def save_widget(widget: QWidget, path: Path) -> bool:
    """Lay out a stand-alone widget at 1440×900, let it paint, and save it."""
    widget.resize(*SIZE)
    widget.show()
    _settle()
    path.parent.mkdir(parents=True, exist_ok=True)
    return widget.grab().save(str(path), "PNG")


def save_screenshot(desk: Desk, page: str | None, path: Path,
                    size: tuple[int, int] = SIZE) -> bool:
    """Lay out the main window at ``size`` (1440×900 unless asked), open ``page``, let it
    paint, save it."""
    desk.window.resize(*size)
    desk.window.show()
    desk.sla.start()
    desk.sla.ticker.tick()
    _settle()
    widget = window_for(desk, page or "")
    if widget is None:
        return False
    if widget is not desk.window:
        widget.show()
    _settle()
    path.parent.mkdir(parents=True, exist_ok=True)
    image = widget.grab().toImage()
    # What the picture shows, as PNG text: an installed desk's test reads it back to check
    # the page and the language without looking at pixels.
    image.setText("Seatdesk-Page", desk.window.current_page())
    image.setText("Seatdesk-Title", widget.windowTitle())
    image.setText("Seatdesk-Navigation", "|".join(desk.window.page_titles()))
    return image.save(str(path), "PNG")


# Pages that are a window of their own, built by one function each.
_NAMED_WINDOWS: dict[str, Callable[[Desk], QWidget | None]] = {
    "sign-in": _sign_in_prompt, "caller": _caller_popup, "alert-rules": _alert_rules,
    "chats": _chats, "ticket-chat": _ticket_chat}
