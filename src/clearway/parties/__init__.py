"""Parties: persons and organizations, and the ownership relations between them."""
