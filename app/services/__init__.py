"""Use cases: what the desk does, in plain Python, for the UI, the CLI and the server."""
