"""People of the desk as an administrator manages them: reading a staff list exported from
Excel or WPS (``staff_file``), and previewing and importing it in one transaction
(``staff_import``). No Qt: the import dialog (ui/admin/import_dialog.py) and a set-up
walk-through share it."""
