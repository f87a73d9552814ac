"""`clearway screen` and `clearway screening …`. Filled in by the matching work."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Attach `screen` and the `screening` command group to the root command."""
