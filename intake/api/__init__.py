"""intake/api."""
