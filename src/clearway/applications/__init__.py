"""The intake side: subject records and application workflows."""
