"""The sync server (issue: sync server and offline-first sync). Not built yet."""
