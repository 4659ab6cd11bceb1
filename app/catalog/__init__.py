"""The catalog as an administrator keeps it: ticket types and categories, their names,
colours, icons and order, the skill and the person responsible for each category, retiring
and removing them (``admin``), and the lists the administration page shows (``reading``).
No Qt: the administration page and any later set-up step share it."""
