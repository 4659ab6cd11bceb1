"""SLA clocks: calendars, policies, clocks derived from a ticket's history, the monitor."""
