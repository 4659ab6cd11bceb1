"""Offline-first sync between desks and the sync server (DESIGN.md section 6).

Pure parts (entities, merge rules, protocol) are shared by the desk and the server; the
desk's outbox, pull application and HTTP client live here too, the server in ``app.server``.
"""
