"""A service's own desk replica (the escalation and mail services): a data folder of its
own, migrated like a desk's, signed in to the sync server under an account of the service's
role, with the outbox listening - what both services need before they build their loops."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from app.domain.clock import Clock
from app.paths import DataDir
from app.services.data_folder import prepare
from app.store.database import Store
from app.store.reading import read_connection
from app.sync.client import ServerClient
from app.sync.joining import holds_own_records
from app.sync.outbox import OutboxWriter
from app.sync.tokens import MemoryVault


def open_replica(folder: Path, server_url: str, login: str, password: str, clock: Clock, *,
                 role: str, service: str, refused: type[ValueError]
                 ) -> tuple[DataDir, Store, ServerClient]:
    """Prepare ``folder``, sign in as ``login`` (which must have ``role``, else ``refused``
    is raised) and open the store with its outbox. ``service`` names it in the messages."""
    data = DataDir(folder)
    prepare(data, clock)
    with closing(read_connection(data.database)) as reader:
        if holds_own_records(reader):
            raise ValueError(f"{folder} holds a desk's own records; give the {service} "
                             "a folder of its own")
    client = ServerClient(server_url, MemoryVault())
    account = client.sign_in(login, password)
    if account.role != role:
        client.close()
        raise refused(f"{login} is an {account.role} account; the {service} needs one made "
                      f"with --role {role}")
    store = Store(data.database)
    OutboxWriter(store, clock)
    return data, store, client
