"""data/initiative_list."""
