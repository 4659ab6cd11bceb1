"""The first start of a desk: a walk-through instead of a question.

The administrator chooses first how the desk starts - set up a new desk here, join the
service desk's sync server, or try the demo desk - and the language, which applies to the
walk-through at once. Setting up locally asks for the desk's name and time zone, then the
first administrator's account (written in one transaction, app/services/desk_setup.py);
joining asks for the server and an account there and pulls everything (the joined desk
signs in with the server's accounts, so it makes no local one). Either way the desk opens
signed in as that person; only the demo desk goes on to the sign-in prompt.

``ui/launch.py`` runs it (``set_up_desk``) on a new data folder, and on a standalone desk
that has no account yet (``--no-demo``, or an older desk), starting then at the desk's name.
Pages: ``start_page``, ``desk_page``, ``admin_page``, ``server_page``; ``wizard`` holds them.
"""

from __future__ import annotations

from app.domain.clock import Clock
from app.paths import DataDir
from app.settings import SettingsFile
from ui.setup.wizard import DEMO, LOCAL, SERVER, SetupResult, SetupWizard

__all__ = ["DEMO", "LOCAL", "SERVER", "SetupResult", "SetupWizard", "set_up_desk"]


def set_up_desk(data: DataDir, settings: SettingsFile, clock: Clock, language: str, *,
                choose: bool = True) -> SetupResult | None:
    """Walk the administrator through the first start; None if they closed it.

    ``choose``: offer the three ways (a new data folder); else only setting up locally
    (a standalone desk with its catalog but nobody to sign in)."""
    wizard = SetupWizard(data, settings, clock, language, choose=choose)
    try:
        wizard.exec()
        return wizard.outcome
    finally:
        wizard.deleteLater()
