"""The Curtois & Qu shift-scheduling benchmark (schedulingbenchmarks.org): its instance
format, its mapping onto the rota model, and a scorer of its own objective."""
