"""The desk's side of the other channels (issue 19): administering alert sources and rules
on the server, phone-call events and chats. No Qt."""
