"""Deterministic demo data: a realistic desk for trying Seatdesk and for benchmarks."""
