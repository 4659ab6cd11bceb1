"""Developer tools run through ./dev (not shipped)."""
