"""The wire dialects. Siblings: neither imports the other."""
