"""The customer's handling process beyond the clocks (issue 16): level-1 emergency plans,
level-2 handling plans and verification, level-3 analysis and review (docs/process.md)."""
