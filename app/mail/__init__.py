"""E-mail in (issue 18): IMAP mailboxes read into tickets and replies, nothing lost, nothing
twice (docs/mail.md)."""
