"""SLA on the desk: countdowns in the queues, the monitor, the notification centre, the
administrators' policy page and the seat's notification settings.

A standalone desk escalates itself; a desk connected to a server only raises its own
notifications and leaves escalation to the server's escalation service
(``app.sla.service``). A supervisor's connected desk announces the service's "notify the
supervisor" escalations when their ledger lines arrive by sync. Whichever desk shows such an
escalation to a supervisor (its announcement, or the notification centre's list) records
the delivery, and the supervisor's "Acknowledge" the acknowledgement (``app.sla.receipts``).

``register`` adds the ``notifications`` page and the File menu's "SLA policies…" and
"Notification settings…", and returns the ``SlaDesk`` that ``ui/desk.py`` uses to put
countdowns into other features' tables (``attach``) and to start the monitor after the
window shows (it needs the write side, whose import is kept off the start-up path).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView, QWidget

from app.sla.escalation import Action
from app.sla.ledger import LedgerLine, followed_by, lines_after, newest_line, supervisor_calls
from app.sla.notices import unread_count
from app.sla.quiet import in_quiet_hours, read_time, urgent
from app.sla.receipts import DELIVERED
from app.sla.running import POLICY_TABLES
from app.sla.thresholds import AT_RISK, is_breach
from ui.announce import Announcer
from ui.context import DeskContext
from ui.icons import badge
from ui.labels import call_miss_text, target_label, threshold_label
from ui.main_window import MainWindow, Page
from ui.page_holder import PageHolder
from ui.sla.board import SlaBoard
from ui.sla.delegate import CountdownDelegate
from ui.sla.escalations import receives_escalations
from ui.sla.ticker import CountdownTicker

if TYPE_CHECKING:
    from app.sla.calls import CallMiss
    from app.sla.monitor import Raised
    from ui.sla.holidays_dialog import HolidaysDialog
    from ui.sla.monitor import MonitorRunner
    from ui.sla.notifications import NotificationCentre
    from ui.sla.policy_dialog import PolicyDialog
    from ui.sound import Chime

PAGE_ID = "notifications"
# Escalations older than this when they arrive are history, not news (a desk that was off).
ANNOUNCED_WITHIN = timedelta(minutes=15)
RECEIPTS = "sla_escalation_receipts"
CALLS = "phone_calls"  # the server's record of each call: its answer target (issue 19)


def and_more(body: str, count: int) -> str:
    """A notice's text for the first of ``count`` things, with how many more came."""
    if count <= 1:
        return body
    return body + QCoreApplication.translate("SlaDesk", " (+{count} more)").format(
        count=count - 1)


class SlaDesk(QObject):
    """The SLA feature's running parts, built once per desk.

    Signals:
        index_changed(): the monitor recomputed or raised targets (views of SLA states and
        counts of "at risk" / "breached" move with it).
        open_requested(str): the seat opens a ticket from the notification centre.
        unread_changed(int): the number of unread notifications changed.

    The notification centre (``centre``) is built when first shown, or when a toast records
    its escalations' delivery: until then only the unread count is kept (issue 17).
    """

    index_changed = Signal()
    open_requested = Signal(str)
    unread_changed = Signal(int)

    def __init__(self, window: MainWindow, context: DeskContext, announcer: Announcer) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self.policy_dialog: PolicyDialog | None = None
        self.holidays_dialog: HolidaysDialog | None = None
        self.followed: list[str] = []  # tickets this seat was told to follow (issue 16)
        self.chime: Chime | None = None  # made on the first sound: Qt Multimedia is heavy
        self.board = SlaBoard(context.reader, self)
        self.ticker = CountdownTicker(context.clock, self)
        self.holder = PageHolder(PAGE_ID, self._build_centre, window, show_at_once=True)
        self._centre: NotificationCentre | None = None
        self.announcer = announcer
        self.monitor: MonitorRunner | None = None
        self._delegates: list[CountdownDelegate] = []
        self._views: list[QTableView] = []
        # The ledger as this desk has seen it: lines after this one are news.
        self._ledger_seen = newest_line(context.reader)
        context.events.tickets_changed.connect(self._tickets_changed)
        context.events.records_changed.connect(self._records_changed)
        # Another seat: another list of escalations (none for an agent).
        context.events.seat_changed.connect(lambda _seat: self.refresh_centre())

    def _build_centre(self, parent: QWidget) -> QWidget:
        from ui.sla.notifications import NotificationCentre

        context = self._context
        centre = NotificationCentre(context, parent, escalates=self.escalates)
        # Receipts written here reach the ticket panels as rows arriving by sync would.
        centre.escalations.receipts_written.connect(
            lambda _ids: context.events.records_changed.emit([RECEIPTS]))
        centre.open_requested.connect(self.open_requested)
        centre.unread_changed.connect(self.unread_changed)
        self._centre = centre
        if self.monitor is not None:  # started: the holiday years were due to be checked
            centre.check_calendar()
        return centre

    @property
    def centre(self) -> NotificationCentre:
        """The notification centre, built now if it was not yet."""
        self.holder.ensure()
        assert self._centre is not None
        return self._centre

    @property
    def unread(self) -> int:
        return self._centre.unread if self._centre is not None \
            else unread_count(self._context.reader, self._context.clock.now())

    @Slot()
    def refresh_centre(self) -> None:
        """The centre's list and count, or the count alone while it is not built."""
        if self._centre is not None:
            self._centre.refresh()
        else:
            self.unread_changed.emit(self.unread)

    def attach(self, view: QTableView, column: int) -> None:
        """Paint countdowns in ``column`` of ``view`` (ticket id in the UserRole)."""
        delegate = CountdownDelegate(self.board, self._context.clock, view,
                                     self._context.time_zone)
        self._delegates.append(delegate)
        self.ticker.attach(view, column, delegate)
        self._views.append(view)
        if len(self._views) == 1:
            self.board.board_changed.connect(self._repaint_countdowns)

    @Slot()
    def _repaint_countdowns(self) -> None:
        # The viewports are asked for here rather than when attaching: PySide's first
        # viewport() makes the Python types of all of Qt's widget classes (~15 ms), which
        # the start-up need not wait for.
        for view in self._views:
            view.viewport().update()

    def start(self) -> None:
        """Start the countdown timer and the monitor (reconciling the index first)."""
        from ui.sla.monitor import MonitorRunner

        self.ticker.start()
        if self._centre is not None:  # else checked when it is built
            self._centre.check_calendar()
        self.monitor = MonitorRunner(self._context.store(), self._context.reader,
                                     self._context.clock, self, escalates=self.escalates)
        self.monitor.thresholds_raised.connect(self._raised)
        self.monitor.calls_missed.connect(self._calls_missed)
        self.monitor.targets_changed.connect(self.board.invalidate)
        self.monitor.targets_changed.connect(lambda _ids: self.index_changed.emit())
        self.monitor.start()

    def stop(self) -> None:
        self.ticker.stop()
        self.board.close()
        if self.monitor is not None:
            self.monitor.wait_for_deliveries(2000)

    @Slot(list)
    def _tickets_changed(self, ticket_ids: list[str]) -> None:
        if self.monitor is not None:
            self.monitor.refresh(ticket_ids)
        else:
            self.board.invalidate(ticket_ids)

    def escalates(self) -> bool:
        """A standalone desk carries out escalations itself; with a server the server's
        escalation service does, once for all desks (DESIGN.md section 5)."""
        return not self._context.settings.settings.server_url

    def quiet_now(self) -> bool:
        """Inside the seat's quiet hours (local time of the desk)?"""
        chosen = self._context.settings.settings
        local = self._context.clock.now().astimezone(self._context.time_zone).time()
        return in_quiet_hours(local, read_time(chosen.quiet_hours_from),
                              read_time(chosen.quiet_hours_to))

    def _levels(self, ticket_ids: list[str]) -> dict[str, int]:
        marks = ",".join("?" * len(ticket_ids))
        return {str(t): int(level) for t, level in self._context.reader.execute(
            f"SELECT id, level FROM tickets WHERE id IN ({marks})", ticket_ids)}

    @Slot(list)
    def _records_changed(self, names: list[str]) -> None:
        """A policy version or calendar day arrived by sync: the monitor reads the book again
        while it recomputes every open ticket (a version may be valid from the past).
        Ledger lines arrived: a supervisor hears of the escalations addressed to him.
        Receipts arrived: another supervisor may have acknowledged what this one lists."""
        if "sla_escalations" in names:
            self._escalations_arrived()
        if ("sla_escalations" in names or RECEIPTS in names) \
                and receives_escalations(self._context):
            self.refresh_centre()
        if CALLS in names and self.monitor is not None:
            self.monitor.check_calls()
        if self.monitor is None or not POLICY_TABLES & set(names):
            return
        from app.sla.monitor import open_ticket_ids

        self.monitor.refresh(open_ticket_ids(self._context.reader))

    def _escalations_arrived(self) -> None:
        lines = lines_after(self._context.reader, self._ledger_seen)
        if not lines:
            return
        self._ledger_seen = lines[-1].id
        from app.domain.roles import Capability

        chosen = self._context.settings.settings
        since = self._context.clock.now() - ANNOUNCED_WITHIN
        if chosen.server_url:  # standalone, the breach itself was announced here
            self._tell_follower(followed_by(lines, self._context.seat.staff_id, since))
        if not chosen.server_url or not self._context.may(Capability.PLAN_ROTA):
            return  # standalone: this desk escalated and announced it itself
        calls = supervisor_calls(lines, since)
        if not calls:
            return
        first = calls[0]
        body = QCoreApplication.translate("SlaDesk", "{number}: {target} {threshold}").format(
            number=first.number, target=target_label(first.kind),
            threshold=threshold_label(first.threshold))
        self.announcer.announce(
            QCoreApplication.translate("SlaDesk", "Escalated to the supervisors"),
            and_more(body, len(calls)),
            breach=True)
        self.centre.escalations.record([call.id for call in calls], DELIVERED)
        if chosen.notification_sound:
            self.play_sound()

    def _tell_follower(self, mine: list[LedgerLine]) -> None:
        """The escalation service named this seat to follow escalated tickets (issue 16)."""
        if not mine:
            return
        numbers = ", ".join(line.number for line in mine)
        self.announcer.announce(
            QCoreApplication.translate("SlaDesk", "Escalated: you follow it"),
            QCoreApplication.translate("SlaDesk", "{numbers}: {target} {threshold}").format(
                numbers=numbers, target=target_label(mine[0].kind),
                threshold=threshold_label(mine[0].threshold)), breach=True)
        self.followed.extend(line.ticket_id for line in mine)

    @Slot(list)
    def _raised(self, raised: list[Raised]) -> None:
        self.refresh_centre()
        # Escalations that raised a level or handed a ticket over changed the ticket: the
        # views, the clocks (a new level has new targets) and sync hear of it like any write.
        from app.sla.monitor import tickets_changed_by  # loaded with the monitor

        changed = tickets_changed_by(raised)
        if changed:
            self._context.events.tickets_changed.emit(changed)
        levels = self._levels(sorted({r.ticket_id for r in raised}))
        pressing = [r for r in raised if urgent(r.threshold, levels.get(r.ticket_id, 3))]
        if not pressing and self.quiet_now():
            return  # waits in the notification centre until the seat looks
        breaches = [r for r in raised if is_breach(r.threshold)]
        shown = (pressing or breaches or raised)[0]
        title = QCoreApplication.translate("SlaDesk", "SLA breached") if breaches \
            else QCoreApplication.translate("SlaDesk", "SLA at risk") \
            if shown.threshold == AT_RISK else QCoreApplication.translate("SlaDesk",
                                                                          "SLA warning")
        number = self._context.reader.execute(
            "SELECT number FROM tickets WHERE id = ?", (shown.ticket_id,)).fetchone()
        body = QCoreApplication.translate("SlaDesk", "{number}: {target} {threshold}").format(
            number=number[0] if number else "", target=target_label(shown.kind),
            threshold=threshold_label(shown.threshold))
        self.announcer.announce(title, and_more(body, len(raised)), breach=bool(breaches))
        # Standalone, this desk's own seat is the supervisor it notified, if it is one.
        notified = [ledger_id for r in raised for ledger_id, e in r.escalations
                    if e.action is Action.NOTIFY_SUPERVISOR]
        if notified:  # else the centre need not be built for it
            self.centre.escalations.record(notified, DELIVERED)
        if self._context.settings.settings.notification_sound:
            self.play_sound()

    @Slot(list)
    def _calls_missed(self, missed: list[CallMiss]) -> None:
        """Phone calls that missed the answer target: raised like a breach on every desk
        (the seat's, the supervisors'), in the centre, the tray and with the chime."""
        self.refresh_centre()
        if self.quiet_now():
            return  # waits in the notification centre until the seat looks
        body = and_more(call_miss_text(missed[0].call, missed[0].limit), len(missed))
        self.announcer.announce(
            QCoreApplication.translate("SlaDesk", "Phone answer target missed"), body,
            breach=True)
        if self._context.settings.settings.notification_sound:
            self.play_sound()

    def play_sound(self) -> None:
        if self.chime is None:
            from ui.sound import Chime

            self.chime = Chime(self)
        self.chime.play()

    @Slot()
    def open_policies(self) -> PolicyDialog:
        """The administrators' SLA policy page (read-only without the admin role)."""
        from ui.sla.policy_dialog import PolicyDialog

        dialog = PolicyDialog(self._context, self._window)
        dialog.policy_saved.connect(self._policy_saved)
        self.policy_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def open_holidays(self) -> HolidaysDialog:
        """File > Official holidays…: a year's State Council notice (issue 16)."""
        from ui.sla.holidays_dialog import HolidaysDialog

        dialog = HolidaysDialog(self._context, self._window)
        dialog.year_saved.connect(self._year_saved)
        self.holidays_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def _year_saved(self, year: int) -> None:
        # Business-hours deadlines in that year move and stop being estimates.
        if self.monitor is not None:
            self.monitor.start()
        if self._centre is not None:
            self._centre.check_calendar()
        self._window.statusBar().showMessage(QCoreApplication.translate(
            "SlaPolicy", "Official holidays of %1 saved.").replace("%1", str(year)), 10_000)

    @Slot()
    def open_notification_settings(self) -> None:
        from ui.sla.quiet_dialog import QuietHoursDialog

        QuietHoursDialog(self._context.settings, self._window).open()

    @Slot(object)
    def _policy_saved(self, version: int | None) -> None:
        # Overrides move business-hours deadlines of running tickets: recompute them all.
        if self.monitor is not None:
            self.monitor.start()
        text = QCoreApplication.translate(
            "SlaPolicy", "SLA policy version %1 saved: it applies to tickets logged from now "
            "on.").replace("%1", str(version)) if version is not None else \
            QCoreApplication.translate("SlaPolicy", "Calendar overrides saved.")
        self._window.statusBar().showMessage(text, 10_000)


def register(window: MainWindow, context: DeskContext, announcer: Announcer) -> SlaDesk:
    """Add the notification centre to the main window."""
    desk = SlaDesk(window, context, announcer)
    window.refresh_requested.connect(desk.refresh_centre)
    window.page_changed.connect(desk.holder.on_page_changed)
    title = QCoreApplication.translate("NotificationCentre", "Notifications")
    window.add_page(Page(PAGE_ID, title, desk.holder, badge("#c62828", "!", 20)))
    desk.unread_changed.connect(lambda count: window.set_page_count(PAGE_ID, count))
    window.set_page_count(PAGE_ID, desk.unread)
    policies = QAction(QCoreApplication.translate("SlaPolicy", "SLA &policies…"), window)
    policies.triggered.connect(desk.open_policies)
    quiet = QAction(QCoreApplication.translate("QuietHoursDialog", "N&otification settings…"),
                    window)
    quiet.triggered.connect(desk.open_notification_settings)
    holidays = QAction(QCoreApplication.translate("SlaPolicy", "Official &holidays…"), window)
    holidays.triggered.connect(desk.open_holidays)
    quit_action = window.file_menu.actions()[-1]  # all go just above Quit
    window.file_menu.insertAction(quit_action, policies)
    window.file_menu.insertAction(quit_action, holidays)
    window.file_menu.insertAction(quit_action, quiet)
    window.file_menu.insertSeparator(quit_action)
    return desk
