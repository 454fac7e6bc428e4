"""intake/events."""
