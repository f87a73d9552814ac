"""duplicate_lookup_indexes: the DUPLICATE step finds parties by email, phone, identifier, and family
name with date of birth, within an account, through indexes instead of a scan of the account's parties;
the AML step's earlier resolutions are found by (account, entity, match key)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (index, table, columns); a str column is a plain column, a tuple ("lower", c) its lower-cased value.
INDEXES: tuple[tuple[str, str, tuple[str | tuple[str, str], ...]], ...] = (
    ("ix_persons_account_email", "persons", ("account_id", ("lower", "email"))),
    ("ix_persons_account_phone", "persons", ("account_id", "phone_number")),
    ("ix_persons_account_tax_id", "persons", ("account_id", "tax_id")),
    ("ix_persons_account_family_born", "persons", ("account_id", ("lower", "last_name"), "date_of_birth")),
    ("ix_organizations_account_email", "organizations", ("account_id", ("lower", "email"))),
    ("ix_organizations_account_phone", "organizations", ("account_id", "phone_number")),
    ("ix_organizations_account_tax_id", "organizations", ("account_id", "tax_id")),
)


def _column(column: str | tuple[str, str]) -> str | sa.TextClause:
    if isinstance(column, str):
        return column
    _function, name = column
    return sa.text(f"lower({name})")


RESULTS = "verification_process_results"
OLD_RESULTS_INDEX = ("ix_verification_process_results_entity_key", ["entity_id", "match_key"])
NEW_RESULTS_INDEX = (
    "ix_verification_process_results_account_entity_key",
    ["account_id", "entity_id", "match_key"],
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, [_column(column) for column in columns])
    op.create_index(NEW_RESULTS_INDEX[0], RESULTS, NEW_RESULTS_INDEX[1])
    op.drop_index(OLD_RESULTS_INDEX[0], table_name=RESULTS)


def downgrade() -> None:
    op.create_index(OLD_RESULTS_INDEX[0], RESULTS, OLD_RESULTS_INDEX[1])
    op.drop_index(NEW_RESULTS_INDEX[0], table_name=RESULTS)
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
