"""intake/contribute."""
