"""dashboard/plan."""
