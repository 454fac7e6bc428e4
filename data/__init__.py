"""Storage, reference facts and SQL aggregates. Knows nothing of Dash."""
