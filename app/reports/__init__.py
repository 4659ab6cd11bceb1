"""Reports (issue 17): figures over a period, computed on the desk's own replica, no Qt."""
