"""dashboard/home."""
