"""`clearway lists …` (list ingestion). Filled in by the list-ingestion work."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Attach the `lists` command group to the root command."""
