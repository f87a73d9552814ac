"""`clearway demo`: a ready-to-call demo account with data, created once."""

from __future__ import annotations

import json
import shlex
from datetime import date
from pathlib import Path
from typing import Any

import typer
from sqlalchemy.orm import Session

from clearway.api.kompliant.envelope import API_VERSION
from clearway.applications import service as applications
from clearway.audit.service import Actor, append_event, seal_pending
from clearway.cli.common import load_settings, open_database
from clearway.client import Signer
from clearway.parties import service as parties
from clearway.screening.lists import SAMPLES_DIR
from clearway.screening.lists.service import active_versions, import_list
from clearway.settings import Settings
from clearway.tenancy import service as tenancy
from clearway.tenancy.models import Account

DEMO_ACCOUNT_ID = "sb_demo"
DEMO_LISTS = ("ofac", "un/sample.xml")  # small cuts of the real lists, shipped with the package
CREDENTIALS_FILE = "demo-credentials.json"
DEMO_ACTOR = Actor(credential_id=None, username="clearway demo", channel="cli")


def demo() -> None:
    """Create (once) a demo account with credentials, a pricing model, an equipment collection, subject
    records and applications, and (when no list is loaded) sample OFAC and UN lists; print the
    credentials and a signed example call."""
    settings = load_settings()
    db = open_database(settings)
    credentials_path = settings.data_dir / CREDENTIALS_FILE
    with db.transaction() as session:
        account = session.get(Account, DEMO_ACCOUNT_ID)
        if account is None:
            account = tenancy.create_account(session, "Clearway demo", DEMO_ACCOUNT_ID)
            _seed(session, account)
            seal_pending(session, account.id)
        if not active_versions(session):  # sample lists, so that screening answers out of the box
            for sample in DEMO_LISTS:
                import_list(session, SAMPLES_DIR / sample)
        credentials = _credentials(session, settings, account, credentials_path)
        example_workflow = _example_workflow_id(session, account)
    db.dispose()
    _print_instructions(settings, credentials, example_workflow)


def _credentials(session: Session, settings: Settings, account: Account, path: Path) -> dict[str, str]:
    """API keys and tokens are stored hashed; the demo keeps its own copy in the data directory so it
    can print them again (never do this with real credentials)."""
    if path.exists():
        stored: dict[str, str] = json.loads(path.read_text())
        known = [
            tenancy.find_credential(session, stored.get(key, ""))
            for key in ("api_key", "verification_api_key")
        ]
        if all(credential is not None for credential in known):
            return stored
    issued = tenancy.create_signing_credentials(session, settings.master_key_bytes, account)
    _credential, verification_key = tenancy.create_api_key_credential(session, account)
    credentials = {
        "account_id": issued.account_id,
        "api_key": issued.api_key,
        "secret_key": issued.secret_key,
        "auth_token": issued.auth_token,
        "verification_api_key": verification_key,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(credentials, indent=2))
    path.chmod(0o600)
    return credentials


def _seed(session: Session, account: Account) -> None:
    pricing = tenancy.create_pricing_model(session, account, "Standard pricing")
    equipment = tenancy.create_equipment_collection(session, account, "Point-of-sale terminals")
    for index, (legal_name, email, state) in enumerate(
        [
            ("Acme Widgets LLC", "owner@acme-widgets.example", "CREATED"),
            ("Blue Harbor Coffee Inc", "finance@blueharbor.example", "STARTED"),
            ("Northwind Traders Corp", "ops@northwind.example", "CREATED"),
        ]
    ):
        details: dict[str, Any] = {
            "applying_user": {"email": email, "first_name": "Demo", "last_name": f"Applicant{index + 1}"},
            "pricing_model_id": pricing.id,
            "equipment_collection_id": equipment.id,
            "referrer_value": "DEMO",
        }
        application = applications.create_application(
            session, account, applications.BUSINESS_APPLICATION, state, None, details
        )
        _seed_parties(session, account, application.subject_record_id, legal_name, index)
        append_event(
            session,
            account.id,
            DEMO_ACTOR,
            "demo.seed",
            "Workflow",
            application.id,
            None,
            applications.snapshot(application),
        )


def _seed_parties(session: Session, account: Account, record_id: str, legal_name: str, index: int) -> None:
    from_record = applications.get_subject_record(session, account.id, record_id)
    business = parties.create_business(
        session,
        account,
        from_record,
        {
            "legal_name": legal_name,
            "tax_id": f"{index + 1}2345678{index}"[:9],
            "phone_number": "2025550143",
            "email": f"contact{index}@example.com",
            "industry_category_codes": ["5812"],
        },
    )
    person = parties.create_person(
        session,
        account,
        from_record,
        {
            "first_name": "Jordan",
            "last_name": f"Rivera{index}",
            "date_of_birth": date(1980, 5, 17 + index),
            "citizenship": "US",
            "tax_id": f"12345678{index}",
        },
    )
    parties.add_owner(
        session,
        account,
        business,
        person,
        {
            "ownership_type": "CONTROL_PRONG",
            "ownership_percentage": 60,
            "business_person_position": "PRESIDENT",
        },
    )


def _example_workflow_id(session: Session, account: Account) -> str:
    created = [a for a in applications.list_applications(session, account.id, None) if a.state == "CREATED"]
    return created[0].id if created else "w_…"


def _print_instructions(settings: Settings, credentials: dict[str, str], workflow_id: str) -> None:
    base = f"http://{settings.host}:{settings.port}"
    body = json.dumps(
        {
            "workflow_id": workflow_id,
            "workflow": {"details": {"business_application_details": {"referrer_value": "README"}}},
        },
        separators=(",", ":"),
    )
    signer = Signer(credentials["api_key"], credentials["secret_key"], credentials["auth_token"], "minimal")
    headers = signer.headers("POST", "/workflow.update", body.encode())
    header_args = " ".join(f"-H {shlex.quote(f'{k}: {v}')}" for k, v in headers.items())
    typer.echo(
        f"Demo account {credentials['account_id']} (credentials kept in "
        f"{settings.data_dir / CREDENTIALS_FILE}):"
    )
    for key in ("api_key", "secret_key", "auth_token"):
        typer.echo(f"  {key}: {credentials[key]}")
    typer.echo(f"\nA signed call (minimal mode, API version {API_VERSION}):")
    typer.echo(f"  curl -sS {base}/workflow.update {header_args} -d {shlex.quote(body)}")
    individual = json.dumps({"individual": {"name": {"givenName": "Hasan", "familyName": "Nasrallah"}}})
    frankie = (
        f"-H 'api_key: {credentials['verification_api_key']}' "
        f"-H 'X-Frankie-CustomerID: {credentials['account_id']}' -H 'X-Frankie-Username: demo'"
    )
    typer.echo("\nThe verification dialect (api_key header): screen and decide a new individual:")
    typer.echo(
        f"  curl -sS {base}/v2/individuals/new/serviceprofiles/KYC/workflows/KYC_AML/execute "
        f"{frankie} -H 'Content-Type: application/json' -d {shlex.quote(individual)}"
    )


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
