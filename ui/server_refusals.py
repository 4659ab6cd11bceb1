"""What a seat reads when the server refuses or cannot be reached, in the desk's language.

The server answers a refusal with a stable code and an English sentence for its log
(docs/sync.md); the desk shows the translated text of the code and keeps the code for an
unknown one, so that a new refusal of a newer server still reads as a refusal a seat can
quote to support, not as a sentence in another language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_SIGN_IN_AGAIN = QT_TRANSLATE_NOOP(
    "ServerRefusal", "The server wants you to sign in again: lock the desk (Ctrl+Shift+L) "
    "and sign in, then try again.")
# The server's refusal codes (app/server) a seat can meet, and what the desk says of each.
_TEXTS = {
    "forbidden": QT_TRANSLATE_NOOP("ServerRefusal",
                                   "Your role may not do this on the server."),
    "unauthenticated": _SIGN_IN_AGAIN,
    "token_expired": _SIGN_IN_AGAIN,
    "unknown_account": QT_TRANSLATE_NOOP(
        "ServerRefusal", "The server has no active account of that name."),
    "unknown_chat": QT_TRANSLATE_NOOP("ServerRefusal", "The server no longer knows this chat."),
    "chat_ended": QT_TRANSLATE_NOOP("ServerRefusal", "This chat has ended."),
    "chat_taken": QT_TRANSLATE_NOOP("ServerRefusal", "Another seat has accepted this chat."),
    "not_your_chat": QT_TRANSLATE_NOOP(
        "ServerRefusal", "Accept the chat before you write or hand it over."),
    "catalog_missing": QT_TRANSLATE_NOOP(
        "ServerRefusal", "The server's desk has no ticket types or categories yet: an "
        "administrator adds them first."),
    "unknown_source": QT_TRANSLATE_NOOP(
        "ServerRefusal", "The server no longer knows this source: reload the list."),
    "extension_taken": QT_TRANSLATE_NOOP(
        "ServerRefusal", "This extension is another seat's on the server."),
    "invalid_alert": QT_TRANSLATE_NOOP(
        "ServerRefusal", "The server found the alert or rule malformed."),
    "invalid_request": QT_TRANSLATE_NOOP(
        "ServerRefusal", "The server found what was sent malformed."),
    "rate_limited": QT_TRANSLATE_NOOP(
        "ServerRefusal", "Too many requests in a short time: wait a minute and try again."),
}


def refusal_text(error: Exception) -> str:
    """The translated sentence for a failed server request (``Offline``, ``Refused``,
    ``SignInNeeded`` of app.sync.client); anything else by its own text."""
    from app.sync.client import Offline, Refused, SignInNeeded

    if isinstance(error, Offline):
        return QCoreApplication.translate(
            "ServerRefusal", "The server cannot be reached; try again when the network is "
            "back.")
    if isinstance(error, SignInNeeded):
        return QCoreApplication.translate("ServerRefusal", _SIGN_IN_AGAIN)
    if isinstance(error, Refused):
        known = _TEXTS.get(error.code)
        if known is not None:
            return QCoreApplication.translate("ServerRefusal", known)
        return QCoreApplication.translate(
            "ServerRefusal", "The server refused it (%1).").replace(
            "%1", error.code or str(error.status))
    return str(error)
