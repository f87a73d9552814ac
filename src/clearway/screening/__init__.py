"""Sanctions and PEP screening: list ingestion, name comparison, the in-memory index, the service."""
