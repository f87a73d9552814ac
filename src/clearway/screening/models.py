"""Tables of screening lists (filled in by the list-ingestion work)."""
