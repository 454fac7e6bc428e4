"""data/events."""
