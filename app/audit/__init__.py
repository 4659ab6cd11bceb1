"""The audit log: an append-only, synced record of administrative and supervisory actions."""
