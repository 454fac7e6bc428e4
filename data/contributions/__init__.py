"""data/contributions."""
