"""dashboard/events."""
