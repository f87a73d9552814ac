"""The `clearway` command. Each command group lives in its own module and registers itself here."""

from __future__ import annotations

import typer

from clearway.cli import accounts, audit, demo, lists, matchlists, screening, serve, worker, workflows
from clearway.interpreter import tune_collector

app = typer.Typer(
    name="clearway",
    help="Clearway: self-hosted KYC/KYB onboarding and compliance decisions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (serve, accounts, demo, audit, lists, matchlists, screening, worker, workflows):
    module.register(app)


def main() -> None:
    tune_collector()
    app()
