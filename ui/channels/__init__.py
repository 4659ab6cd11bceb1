"""The phone on the desk (issue 19): the seat's extension, the caller pop-up on ringing,
and a status-bar line that says whether call events can arrive (they come only from the
server: a desk not connected, or offline, hears no call).

The desk wires it (``ui/desk.py``): ``client_of`` gives the sync loop's client of the seat
signed in (None when not connected), ``log_call_requested`` opens the intake form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from ui.announce import Announcer
from ui.context import DeskContext
from ui.main_window import MainWindow

# The pop-up, the chat window, the chats heard and the listeners are made on first use
# (an event heard, the menu, a chat ticket's window): none is seen at start, and their
# modules cost a start ~20 ms (issue 17).
if TYPE_CHECKING:
    from app.channels.calls import Caller, CallEvent, CallListener
    from app.channels.chats import ChatListener
    from app.services.intake_draft import IntakeDraft
    from app.sync.client import ServerClient
    from ui.channels.caller_popup import CallerPopup
    from ui.channels.chat_book import ChatBook
    from ui.channels.chat_panel import ChatPanel
    from ui.channels.chat_window import ChatWindow
    from ui.sound import Chime

FOLLOW_MS = 2000  # how often the desk checks which client (seat, server) to listen with


class PhoneDesk(QObject):
    """Signals: ``log_call_requested(Caller, CallEvent)``, ``ticket_requested(str)`` (a
    ticket of the caller's, from the pop-up), ``call_heard(CallEvent)``,
    ``extension_saved(str)``."""

    log_call_requested = Signal(object, object)
    ticket_requested = Signal(str)
    call_heard = Signal(object)
    extension_saved = Signal(str)
    _heard = Signal(object)  # from the listener's thread
    _chat_heard = Signal(object)
    _offline = Signal(bool)

    def __init__(self, window: MainWindow, context: DeskContext,
                 client_of: Callable[[], ServerClient | None],
                 announcer: Announcer | None = None) -> None:
        super().__init__(window)
        self._announcer = announcer
        self._chime: Chime | None = None
        self._closed = False
        self._window, self._context, self._client_of = window, context, client_of
        self._client: ServerClient | None = None
        self._listener: CallListener | None = None
        self._chat_listener: ChatListener | None = None
        self._popup: CallerPopup | None = None
        self._chat_book: ChatBook | None = None
        self._chat_window: ChatWindow | None = None
        self._chat_heard.connect(lambda event: None if self._closed
                                 else self.chat_book.hear(event))
        chats = window.file_menu.addAction(self.tr("C&hats…"))
        window.file_menu.insertAction(window.file_menu.actions()[-2], chats)
        chats.triggered.connect(self.show_chats)
        self.status = QLabel(self.tr("☎ Call events need the server"), window,
                             objectName="phone_status")
        window.statusBar().addPermanentWidget(self.status)
        self._heard.connect(self.show_event)
        self._offline.connect(self._show_offline)
        action = window.file_menu.addAction(self.tr("Phone &extension…"))
        window.file_menu.insertAction(window.file_menu.actions()[-2], action)
        action.triggered.connect(self.ask_extension)
        self._timer = QTimer(self, interval=FOLLOW_MS)
        self._timer.timeout.connect(self.follow)
        self._timer.start()
        self.follow()

    @property
    def popup(self) -> CallerPopup:
        """The caller pop-up, made when the first call event arrives."""
        if self._popup is None:
            from ui.channels.caller_popup import CallerPopup

            self._popup = CallerPopup(self._window)
            self._popup.log_call_requested.connect(self.log_call_requested)
            self._popup.ticket_requested.connect(self.ticket_requested)
        return self._popup

    @property
    def chat_book(self) -> ChatBook:
        """The chats heard, from the first chat event, chat ticket or listening."""
        if self._chat_book is None:
            from ui.channels.chat_book import ChatBook

            # "Mine" is the seat the server knows this desk as: the sync loop's client.
            self._chat_book = ChatBook(self, lambda: self._client.login_name if self._client
                                       else "", lambda: self._client)
            self._chat_book.chat_arrived.connect(self._chat_arrived)
        return self._chat_book

    @property
    def chat_window(self) -> ChatWindow:
        """The chat window, made when first shown (File > Chats…, a chat arriving)."""
        if self._chat_window is None:
            from ui.channels.chat_window import ChatWindow

            self._chat_window = ChatWindow(self._window, self.chat_book, self._colleagues)
        return self._chat_window

    @Slot()
    def show_chats(self) -> None:
        self.chat_window.show()

    @Slot()
    def follow(self) -> None:
        """Listen with the sync loop's current client: another seat, or no server."""
        if self._closed:
            return
        client = self._client_of()
        if client is self._client:
            return
        self.stop()
        self._client = client
        if client is None:
            self.status.setText(self.tr("☎ Call events need the server"))
            return
        self.status.setText(self.tr("☎ Calls: listening"))
        from app.channels.calls import CallListener
        from app.channels.chats import ChatListener

        self._listener = CallListener(client, self._heard.emit, self._offline.emit)
        self._listener.start()
        self._chat_listener = ChatListener(client, self._chat_heard.emit, lambda _off: None)
        self._chat_listener.start()
        self.chat_book.fetch_open()  # what started before this desk listened

    def close(self) -> None:
        """The desk closes: no more listening, and events still queued are dropped (the
        desk's database closes next)."""
        self._closed = True
        self._timer.stop()
        self.stop()

    def stop(self) -> None:
        for listener in (self._listener, self._chat_listener):
            if listener is not None:
                listener.stop()
        self._listener = self._chat_listener = None

    def _colleagues(self) -> list[tuple[str, str]]:
        from app.store.directory import staff

        return [(member.login, member.name) for member in staff(self._context.reader)]

    def ticket_chat(self, ticket_id: str, parent: QWidget) -> ChatPanel:
        """The live chat of a chat ticket, for its window: the conversation so far is
        asked of the server, the rest comes as it is said."""
        from ui.channels.chat_panel import ChatPanel

        panel = ChatPanel(self.chat_book, self._colleagues, parent)
        panel.setObjectName("ticket_chat")
        panel.follow_ticket(ticket_id)
        self.chat_book.fetch(ticket_id=ticket_id)
        return panel

    @Slot(str)
    def _chat_arrived(self, chat_id: str) -> None:
        """A new chat: up like a breach (chime, tray), the window shown without the focus."""
        chat = self.chat_book.chats[chat_id]
        self.chat_window.show()
        if self._announcer is not None:
            self._announcer.announce(self.tr("New chat"), self.tr("%1 (%2) is waiting").replace(
                "%1", chat.name).replace("%2", chat.unit), breach=True)
        if self._chime is None:
            from ui.sound import Chime

            self._chime = Chime(self)
        self._chime.play()

    @Slot(bool)
    def _show_offline(self, offline: bool) -> None:
        self.status.setText(self.tr("☎ Server unreachable: no call events") if offline
                            else self.tr("☎ Calls: listening"))

    @Slot(object)
    def show_event(self, event: CallEvent) -> None:
        if self._closed:
            return
        # A missed answer target is not announced here: it is an SLA miss of the call,
        # raised on every desk (this one too) when the server's record of the call arrives
        # by sync (app/sla/calls.py, ui/sla). The pop-up shows the rings against the
        # policy's target.
        from app.channels.calls import caller

        self.popup.show_call(event, caller(self._context.reader, event.caller),
                             self._answer_rings())
        self.call_heard.emit(event)

    def _answer_rings(self) -> int | None:
        from app.sla.reading import policy_book

        return policy_book(self._context.reader).current.answer_rings()

    @Slot()
    def ask_extension(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        client = self._client
        if client is None:
            QMessageBox.information(self._window, self.tr("Phone extension"),
                                    self.tr("Call events need the server: connect the desk "
                                            "first (Sync > Connect to a server)."))
            return
        extension, ok = QInputDialog.getText(
            self._window, self.tr("Phone extension"),
            self.tr("Your extension (empty: none). Calls ringing there pop up on your "
                    "desk:"))
        if not ok:
            return
        from app.channels.calls import set_extension
        from app.sync.client import Offline, Refused, SignInNeeded
        from ui import background
        from ui.server_refusals import refusal_text

        def work(_progress: object) -> str:
            try:
                return set_extension(client, extension.strip())
            except (Refused, Offline, SignInNeeded) as error:
                return "!" + refusal_text(error)

        background.start(work, self, done=self._extension_saved)

    @Slot(object)
    def _extension_saved(self, result: object) -> None:
        text = str(result)
        if text.startswith("!"):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self._window, self.tr("Phone extension"), text[1:])
            return
        self.extension_saved.emit(text)
        self._window.statusBar().showMessage(
            self.tr("Calls to extension %1 now pop up on this desk.").replace("%1", text)
            if text else self.tr("No extension: no calls pop up on this desk."), 8000)


def register(window: MainWindow, context: DeskContext,
             client_of: Callable[[], ServerClient | None],
             announcer: Announcer | None = None) -> PhoneDesk:
    return PhoneDesk(window, context, client_of, announcer)


def call_draft(found: Caller, call: CallEvent) -> IntakeDraft:
    """The intake form's content for the call with ``found``: channel phone, the requester
    (or the number in a new requester's form when unknown), the call's start as the
    ticket's receipt time (its SLA clocks start when the phone rang)."""
    from app.domain.enums import Channel
    from app.services.intake import RequesterDraft, TicketDraft
    from app.services.intake_draft import IntakeDraft

    number = found.number
    ticket = TicketDraft(title="", description=QCoreApplication.translate(
        "PhoneDesk", "Call from %1").replace("%1", number or "?"),
        requester_id=found.requester_id, channel=Channel.PHONE, type_id=None,
        category_id=None)
    if found.requester_id is not None:
        text = f"{found.name} · {found.unit}" if found.unit else found.name
        return IntakeDraft(ticket, requester_text=text, received_at=call.start,
                           call_id=call.call_id)
    return IntakeDraft(ticket, new_requester=RequesterDraft("", "", number, ""),
                       received_at=call.start, call_id=call.call_id)
