"""Requesters and their units as the desk keeps them tidy: searching and listing them with
their ticket counts, the units they belong to, likely duplicates (``reading``); editing a
requester, merging duplicates into one and renaming a unit (``admin``). No Qt."""
