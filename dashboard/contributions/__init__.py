"""dashboard/contributions."""
