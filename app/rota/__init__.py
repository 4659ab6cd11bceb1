"""The rota: shifts, coverage, rules, the planner and who is on duty (no Qt)."""
