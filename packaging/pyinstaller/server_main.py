"""Entry point of the bundled server (PyInstaller needs a script, not a console_scripts
entry)."""

from app.server.cli import main

raise SystemExit(main())
