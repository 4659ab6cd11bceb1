"""The other channels into the desk (issue 19): monitoring alerts, phone calls and chats,
taken by the sync server over HTTP and turned into tickets in its row store."""
