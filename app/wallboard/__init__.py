"""The supervisor's wallboard (issue 17): what the desk looks like now, no Qt."""
