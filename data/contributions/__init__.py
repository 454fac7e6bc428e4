"""Individual contributions: the model, storing one (submit) and the review decisions."""
