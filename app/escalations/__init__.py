"""The escalation ledger (升级台账) as a supervisor reads it (issue 17): every line with its
owner and receipts, filtered, exported and analysed. No Qt; plain sqlite3 reads."""
