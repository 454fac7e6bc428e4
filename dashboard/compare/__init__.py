"""dashboard/compare."""
