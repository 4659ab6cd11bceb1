"""Building the desk: context, main window, the features' pages, background jobs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction

from app.domain.clock import Clock
from app.identity.seat import SignedIn
from app.paths import DataDir
from app.settings import SettingsFile
from app.store.reading import read_connection
from ui import (
    admin,
    channels,
    escalations,
    intake,
    kb,
    process,
    queues,
    reports,
    rota,
    sla,
    sync,
    wallboard,
)
from ui.announce import Announcer
from ui.context import DeskContext

if TYPE_CHECKING:
    from app.channels.calls import Caller, CallEvent
    from app.services.intake_draft import IntakeDraft
    from ui.intake.dialog import IntakeDialog
    from ui.ticket.window import TicketWindow
from ui.icons import badge
from ui.main_window import MainWindow
from ui.seat import seat_desk as seat
from ui.ticket import TicketWindows

# Feature packages after the queues register their own pages, in navigation order.

# Nothing the scheduler runs is due in the first seconds; starting it later keeps its
# import off the time to a usable window.
SCHEDULER_START_DELAY_MS = 1500


@dataclass
class Desk:
    """The running desk: what must be started after the window shows and closed at exit."""

    context: DeskContext
    window: MainWindow
    tickets: TicketWindows
    sla: sla.SlaDesk
    sync: sync.SyncDesk
    queues: queues.QueuesPage
    seat: seat.SeatDesk
    scheduler: Any = field(default=None)
    closed: bool = field(default=False)  # closed once: at exit, or replaced (language)
    banner: Any = field(default=None)  # the level-1 emergency banner (ui/process)
    phone: Any = field(default=None)  # ui.channels.PhoneDesk: its listeners stop at close
    mail: Any = field(default=None)  # a standalone desk's mailbox readers (ui/mail_in)

    def start_background_work(self) -> None:
        QTimer.singleShot(SCHEDULER_START_DELAY_MS, self._start_scheduler)
        # The SLA monitor needs the write side; started with the window showing, like
        # the scheduler, so SQLAlchemy's import is off the time to a usable window.
        QTimer.singleShot(SCHEDULER_START_DELAY_MS, self.sla.start)

    def _start_scheduler(self) -> None:
        from ui.scheduling import start_scheduler

        self.scheduler = start_scheduler(self.context)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.mail is not None:
            self.mail.stop()
        self.queues.stop()
        if self.phone is not None:
            self.phone.close()
        self.sync.close()
        self.sla.stop()
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
        # Nothing may read the database once it is closed: a page's delayed search or the
        # emergency banner's refresh would otherwise run on a closed connection.
        self.context.events.blockSignals(True)
        if shiboken6.isValid(self.window):
            for timer in self.window.findChildren(QTimer):
                timer.stop()
            # Nor may work finishing off the GUI thread (a report's count, a search).
            from ui.background import Receiver

            for receiver in self.window.findChildren(Receiver):
                receiver.drop()
        self.context.close()


def suggest_articles(form: IntakeDialog, context: DeskContext) -> None:
    """Knowledge-base suggestions beside the intake form: they follow what is typed; the
    insert key puts an article's solution into the record, and the article is linked to
    the ticket once it is saved."""
    from ui.kb.suggestions import ArticleSuggestions

    panel = ArticleSuggestions(context.data.database, context.language, form)
    panel.setObjectName("article_suggestions")
    form.add_side_widget(panel)
    used: list[str] = []
    form.ticket_text_changed.connect(panel.set_ticket_text)

    def insert(solution: str) -> None:
        form.insert_reply(solution)
        if (article := panel.current_article_id()) is not None:
            used.append(article)

    def link(ticket_id: str, _number: str) -> None:
        from app.kb.usage import LinkKind, link_article_to_ticket

        for article in dict.fromkeys(used):
            link_article_to_ticket(context.store(), context.clock, article, ticket_id,
                                   context.seat.staff_id, LinkKind.SOLUTION_INSERTED)

    panel.solution_inserted.connect(insert)
    form.ticket_logged.connect(link)


def sla_for_ticket(ticket: TicketWindow, context: DeskContext) -> None:
    """The ticket's SLA targets beside its fields, following every change to the ticket."""
    from ui.sla.ticket_panel import SlaTicketPanel

    panel = SlaTicketPanel(context, ticket.ticket_id, ticket)
    ticket.add_summary_widget(panel)
    context.events.tickets_changed.connect(panel.on_tickets_changed)


def chat_for_ticket(ticket: TicketWindow, phone: channels.PhoneDesk) -> None:
    """A chat ticket's live conversation beside its timeline: the chat window's panel,
    answering, handing over and ending as there."""
    from app.domain.enums import Channel

    if ticket.detail is not None and ticket.detail.channel == Channel.CHAT:
        # As wide as the timeline: while the chat is live, it is what the seat works in.
        ticket.add_side_widget(phone.ticket_chat(ticket.ticket_id, ticket), 3)


def suggest_for_ticket(ticket: TicketWindow, context: DeskContext) -> None:
    """Knowledge-base suggestions beside a ticket: the insert key sends the article's
    solution to the requester (on the timeline) and links the article to the ticket."""
    from ui.kb.suggestions import ArticleSuggestions

    panel = ArticleSuggestions(context.data.database, context.language, ticket)
    panel.setObjectName("article_suggestions")
    ticket.add_side_widget(panel)
    if ticket.detail is not None:
        panel.set_ticket_text(ticket.detail.title, ticket.detail.description)

    def insert(solution: str) -> None:
        article = panel.current_article_id()
        if ticket.reply_to_requester(solution) and article is not None:
            from app.kb.usage import LinkKind, link_article_to_ticket

            link_article_to_ticket(context.store(), context.clock, article, ticket.ticket_id,
                                   context.seat.staff_id, LinkKind.SOLUTION_INSERTED)

    panel.solution_inserted.connect(insert)


def extend_form(form: IntakeDialog, context: DeskContext, calls: list[IntakeDraft]) -> None:
    """What other features add to a new intake form: article suggestions, the level-3
    analysis, and the call the phone's pop-up asked a form for (``calls``)."""
    suggest_articles(form, context)
    process.for_intake(form, context)
    if calls:
        form.restore(calls.pop())


def register_phone(window: MainWindow, context: DeskContext, sync_desk: sync.SyncDesk,
                   tickets: TicketWindows, new_ticket: QAction, calls: list[IntakeDraft],
                   announcer: Announcer) -> channels.PhoneDesk:
    """The caller pop-up listens with the sync loop's client; F8 there opens the intake
    form for the call (through ``calls``, read by ``extend_form``)."""
    phone = channels.register(window, context,
                              lambda: sync_desk.syncer.client if sync_desk.syncer else None,
                              announcer)

    def log_call(found: Caller, call: CallEvent) -> None:
        calls[:] = [channels.call_draft(found, call)]
        new_ticket.trigger()
        calls.clear()  # a form already open was raised instead: the draft is not forced on it

    phone.log_call_requested.connect(log_call)
    phone.ticket_requested.connect(tickets.open)
    return phone


def build_desk(data: DataDir, settings: SettingsFile, clock: Clock, language: str,
               signed_in: SignedIn) -> Desk:
    """The desk for the seat ``signed_in``: the author of every write until another seat
    signs in (``DeskContext.switch_seat``)."""
    reader = read_connection(data.database)
    context = DeskContext(data=data, settings=settings, clock=clock, language=language,
                          reader=reader, signed_in=signed_in)
    window = MainWindow(settings, str(data.database), language)
    def extend_ticket(ticket: TicketWindow) -> None:
        sla_for_ticket(ticket, context)
        process.for_ticket(ticket, context)
        chat_for_ticket(ticket, phone)  # the phone desk is made below, before any window
        suggest_for_ticket(ticket, context)

    tickets = TicketWindows(context, window, extend_ticket)
    queue_page = queues.register(window, context)
    announcer = Announcer(window, badge("#c62828", "!", 20))
    kb.register(window, context)
    rota.register(window, context, announcer)
    calls: list[IntakeDraft] = []  # the call whose form the phone asked for
    new_ticket = intake.register(window, context, lambda form: extend_form(form, context,
                                                                            calls))
    sla_desk = sla.register(window, context, announcer)
    # The supervisor's pages (issue 17): the wallboard also follows the SLA monitor's index.
    def show_queue_view(view: str) -> None:
        from app.store.queues import View

        window.show_page("queues")
        queue_page.show_view(View(view))

    def list_tickets(title: str, ids: list[str]) -> None:
        """The tickets behind a wallboard figure, as the reports list theirs."""
        from ui.reports.tickets_dialog import TicketList

        listed = TicketList(context, title, ids, window)
        listed.setObjectName("figure_tickets")
        listed.open_requested.connect(tickets.open)
        listed.show()

    wall = wallboard.register(window, context, tickets.open, show_queue_view, list_tickets)
    sla_desk.index_changed.connect(wall.refresh)
    escalations.register(window, context, tickets.open)
    reports.register(window, context, tickets.open)
    banner = process.register(window, context, announcer, tickets.open)
    sync_desk = sync.register(window, context)
    phone = register_phone(window, context, sync_desk, tickets, new_ticket, calls, announcer)
    admin.register(window, context)
    from app.identity.signing_in import checker

    seat_desk = seat.register(window, context, checker(
        data.database, lambda: settings.settings.server_url, sync_desk.vault))
    seat_desk.switching.connect(tickets.close_all)
    seat_desk.signed_out.connect(sync_desk.sign_out)
    # The desk wires features together; they never import each other.
    sla_desk.attach(queue_page.table, queue_page.sla_column)
    sla_desk.index_changed.connect(queue_page.refresh_soon)
    queue_page.open_requested.connect(tickets.open)
    sla_desk.open_requested.connect(tickets.open)
    queue_page.take_requested.connect(tickets.take)
    window.restore_layout()
    # The saved layout hides toolbars that were hidden then: the emergency banner shows
    # what is in force now.
    banner.refresh()
    from ui import mail_in

    return Desk(context, window, tickets, sla_desk, sync_desk, queue_page, seat_desk,
                banner=banner, phone=phone, mail=mail_in.start(context, window))
