"""data/export."""
