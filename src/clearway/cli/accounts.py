"""`clearway accounts create`, `keys create`, `pricing-models create`, `equipment-collections create`."""

from __future__ import annotations

from typing import Annotated

import typer

from clearway.cli.common import fail, load_settings, open_database, print_json
from clearway.errors import DomainError
from clearway.tenancy import service as tenancy

accounts_app = typer.Typer(help="Tenant accounts.", no_args_is_help=True)
keys_app = typer.Typer(help="API credentials.", no_args_is_help=True)
pricing_app = typer.Typer(help="Pricing models of an account.", no_args_is_help=True)
equipment_app = typer.Typer(help="Equipment collections of an account.", no_args_is_help=True)
KINDS = ("signing", "api-key")


@accounts_app.command("create")
def create_account(
    name: Annotated[str, typer.Option(help="Display name of the account.")],
    account_id: Annotated[
        str | None, typer.Option("--id", help="Account id (sb_… or lv_…); generated when omitted.")
    ] = None,
    live: Annotated[bool, typer.Option("--live", help="A live (lv_…) account instead of sandbox.")] = False,
    parent: Annotated[str | None, typer.Option(help="Make it a child account of this account.")] = None,
    allow_duplicate_emails: Annotated[
        bool,
        typer.Option(
            "--allow-duplicate-emails", help="Allow one applying-user email on several applications."
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Create an account and its first signing credentials (shown once: store them)."""
    settings = load_settings()
    db = open_database(settings)
    try:
        with db.transaction() as session:
            account = tenancy.create_account(session, name, account_id, live, parent, allow_duplicate_emails)
            issued = tenancy.create_signing_credentials(session, settings.master_key_bytes, account)
    except DomainError as error:
        fail(error.message)
    output = {
        "account_id": issued.account_id,
        "api_key": issued.api_key,
        "secret_key": issued.secret_key,
        "auth_token": issued.auth_token,
    }
    _emit(output, as_json, f"account {issued.account_id} created")


@keys_app.command("create")
def create_keys(
    account: Annotated[str, typer.Option(help="The account the credentials belong to.")],
    kind: Annotated[
        str,
        typer.Option(
            help="Credential kind: signing (KSig1 API key, secret key, auth token) or api-key "
            "(the verification dialect's `api_key` header)."
        ),
    ] = "signing",
    api_key: Annotated[str | None, typer.Option(help="Import: the existing API key.")] = None,
    secret_key: Annotated[str | None, typer.Option(help="Import: the existing secret key (base64).")] = None,
    auth_token: Annotated[str | None, typer.Option(help="Import: the existing auth token.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """New credentials for an account, or the import of existing ones given in full."""
    if kind not in KINDS:
        fail(f"unknown --kind '{kind}' (known: {', '.join(KINDS)})")
    if kind == tenancy.API_KEY:
        _create_api_key(account, as_json, importing=any((api_key, secret_key, auth_token)))
        return
    settings = load_settings()
    db = open_database(settings)
    try:
        with db.transaction() as session:
            owner = tenancy.get_account(session, account)
            issued = tenancy.create_signing_credentials(
                session, settings.master_key_bytes, owner, api_key, secret_key, auth_token
            )
    except DomainError as error:
        fail(error.message)
    output = {
        "account_id": issued.account_id,
        "api_key": issued.api_key,
        "secret_key": issued.secret_key,
        "auth_token": issued.auth_token,
    }
    _emit(output, as_json, f"credentials created for {issued.account_id}")


def _create_api_key(account: str, as_json: bool, importing: bool) -> None:
    if importing:
        fail("--api-key/--secret-key/--auth-token import signing credentials, not --kind api-key")
    db = open_database(load_settings())
    try:
        with db.transaction() as session:
            owner = tenancy.get_account(session, account)
            _credential, api_key = tenancy.create_api_key_credential(session, owner)
    except DomainError as error:
        fail(error.message)
    _emit({"api_key": api_key}, as_json, f"API key created for {account}")


@pricing_app.command("create")
def create_pricing_model(
    account: Annotated[str, typer.Option(help="The account.")],
    name: Annotated[str, typer.Option(help="Name of the pricing model (unique in the account).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Create a pricing model (referenced by business applications' pricing_model_id)."""
    settings = load_settings()
    db = open_database(settings)
    try:
        with db.transaction() as session:
            model = tenancy.create_pricing_model(session, tenancy.get_account(session, account), name)
    except DomainError as error:
        fail(error.message)
    _emit({"id": model.id, "name": model.name}, as_json, "pricing model created")


@equipment_app.command("create")
def create_equipment_collection(
    account: Annotated[str, typer.Option(help="The account.")],
    name: Annotated[str, typer.Option(help="Name of the collection (unique in the account).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Create an equipment collection (referenced by equipment_collection_id)."""
    settings = load_settings()
    db = open_database(settings)
    try:
        with db.transaction() as session:
            owner = tenancy.get_account(session, account)
            collection = tenancy.create_equipment_collection(session, owner, name)
    except DomainError as error:
        fail(error.message)
    _emit({"id": collection.id, "name": collection.name}, as_json, "equipment collection created")


def _emit(output: dict[str, str], as_json: bool, title: str) -> None:
    if as_json:
        print_json(output)
        return
    typer.echo(title)
    for key, value in output.items():
        typer.echo(f"  {key}: {value}")


def register(app: typer.Typer) -> None:
    app.add_typer(accounts_app, name="accounts")
    app.add_typer(keys_app, name="keys")
    app.add_typer(pricing_app, name="pricing-models")
    app.add_typer(equipment_app, name="equipment-collections")
