"""Who sits at the desk: local accounts, signing in and out, the signed-in seat."""
