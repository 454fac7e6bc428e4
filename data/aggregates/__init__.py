"""data/aggregates."""
