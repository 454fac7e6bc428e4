"""data/support."""
