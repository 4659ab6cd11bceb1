"""Entry point of the bundled server (PyInstaller needs a script, not a console_scripts
entry)."""

import multiprocessing

from app.server.cli import main

# ``serve --workers N`` starts its workers as new processes of this executable: in a
# bundle they must run the worker, not the command line again.
multiprocessing.freeze_support()
raise SystemExit(main())
