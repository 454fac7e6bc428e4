"""intake/cli."""
