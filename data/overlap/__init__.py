"""The overlap of priorities across regions and themes behind the implementation plan."""
