"""data/overlap."""
