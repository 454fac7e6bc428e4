"""dashboard/export."""
