"""timeline-app: a desktop viewer for chronologies."""

__version__ = "0.1.0"
