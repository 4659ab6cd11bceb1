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
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox

from app.channels.calls import Caller, CallEvent, CallListener, caller, set_extension
from app.channels.chats import ChatListener
from app.domain.enums import Channel
from ui.announce import Announcer
from ui.channels.caller_popup import CallerPopup
from ui.channels.chat_window import ChatWindow
from ui.context import DeskContext
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from app.services.intake_draft import IntakeDraft
    from app.sync.client import ServerClient
    from ui.sound import Chime

FOLLOW_MS = 2000  # how often the desk checks which client (seat, server) to listen with
RING_TARGET = 3  # the customer's promise: a call answered within 3 rings


class PhoneDesk(QObject):
    """Signals: ``log_call_requested(Caller, CallEvent)``, ``call_heard(CallEvent)``,
    ``extension_saved(str)``."""

    log_call_requested = Signal(object, object)
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
        self.popup = CallerPopup(window)
        # "Mine" is the seat the server knows this desk as: the sync loop's client.
        self.chat_window = ChatWindow(
            window, lambda: self._client.login_name if self._client else "",
            lambda: self._client)
        self._chat_heard.connect(lambda event: None if self._closed
                                 else self.chat_window.hear(event))
        self.chat_window.chat_arrived.connect(self._chat_arrived)
        chats = window.file_menu.addAction(self.tr("C&hats…"))
        window.file_menu.insertAction(window.file_menu.actions()[-2], chats)
        chats.triggered.connect(self.chat_window.show)
        self.popup.log_call_requested.connect(self.log_call_requested)
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
        self._listener = CallListener(client, self._heard.emit, self._offline.emit)
        self._listener.start()
        self._chat_listener = ChatListener(client, self._chat_heard.emit, lambda _off: None)
        self._chat_listener.start()

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

    @Slot(str)
    def _chat_arrived(self, chat_id: str) -> None:
        """A new chat: up like a breach (chime, tray), the window shown without the focus."""
        chat = self.chat_window.chats[chat_id]
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
        self.popup.show_call(event, caller(self._context.reader, event.caller))
        self.call_heard.emit(event)
        late = event.event == "answered" and (event.rings or 0) > RING_TARGET
        if (late or event.event == "missed") and self._announcer is not None:
            # Raised like a breach (tray or toast): the seat, and whoever sits beside him,
            # learns at once that the promise was not kept.
            self._announcer.announce(
                self.tr("Phone: over the 3-ring target") if late
                else self.tr("Phone: missed call"),
                self.tr("Call from %1 answered after %2 rings").replace(
                    "%1", event.caller or "?").replace("%2", f"{event.rings:g}") if late
                else self.tr("Call from %1 to extension %2 was not answered").replace(
                    "%1", event.caller or "?").replace("%2", event.extension), breach=True)

    @Slot()
    def ask_extension(self) -> None:
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
        from app.sync.client import Offline, Refused
        from ui import background

        def work(_progress: object) -> str:
            try:
                return set_extension(client, extension.strip())
            except Refused as refused:
                return "!" + self.tr("The server refused it: %1").replace(
                    "%1", refused.message)
            except Offline:
                return "!" + self.tr("The server cannot be reached; try again later.")

        background.start(work, self, done=self._extension_saved)

    @Slot(object)
    def _extension_saved(self, result: object) -> None:
        text = str(result)
        if text.startswith("!"):
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
    from app.services.intake import RequesterDraft, TicketDraft
    from app.services.intake_draft import IntakeDraft

    number = found.number
    ticket = TicketDraft(title="", description=QCoreApplication.translate(
        "PhoneDesk", "Call from %1").replace("%1", number or "?"),
        requester_id=found.requester_id, channel=Channel.PHONE, type_id=None,
        category_id=None)
    if found.requester_id is not None:
        text = f"{found.name} · {found.unit}" if found.unit else found.name
        return IntakeDraft(ticket, requester_text=text, received_at=call.start)
    return IntakeDraft(ticket, new_requester=RequesterDraft("", "", number, ""),
                       received_at=call.start)
