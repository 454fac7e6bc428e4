"""dashboard/review."""
