"""data/publish."""
