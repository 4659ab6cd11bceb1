"""The Qt face of Seatdesk: windows, pages, models and delegates. Depends on app/, never
the other way round."""
