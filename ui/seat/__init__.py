"""Who sits at the desk: the sign-in prompt (``sign_in``) and, once the desk is built, its
locking, seat switching and "signed in as" (``seat_desk``). Kept empty: the prompt that
opens a start must not wait for the desk's main window to be imported."""
