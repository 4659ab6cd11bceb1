"""Seatdesk: domain, local store, services and (later) the sync server. No Qt here."""

__version__ = "0.1.0"
