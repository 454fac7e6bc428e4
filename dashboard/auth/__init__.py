"""dashboard/auth."""
