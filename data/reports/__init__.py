"""data/reports."""
