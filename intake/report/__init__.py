"""intake/report."""
