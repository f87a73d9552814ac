"""matchlist_management: named lists with an action, entries with a public id, a state and their author

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import clearway.db.base

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ENTRIES = "verification_matchlist_entries"
LIST_FK = "fk_verification_matchlist_entries_list_verification_matchlists"


def upgrade() -> None:
    op.create_table(
        "verification_matchlists",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("created_at", clearway.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_verification_matchlists_account_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verification_matchlists")),
        sa.UniqueConstraint("account_id", "name", name=op.f("uq_verification_matchlists_account_id_name")),
    )
    with op.batch_alter_table("verification_matchlists", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_verification_matchlists_account_id"), ["account_id"], unique=False
        )

    with op.batch_alter_table(ENTRIES, schema=None) as batch_op:
        batch_op.add_column(sa.Column("entry_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("state", sa.String(length=10), nullable=False, server_default="ACTIVE"))
        batch_op.add_column(sa.Column("subject_type", sa.String(length=20), nullable=True))
        batch_op.add_column(
            sa.Column("reason_codes", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
        batch_op.add_column(sa.Column("batch_name", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("entity_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("entity_type", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("created_by", sa.String(length=200), nullable=True))
        batch_op.add_column(
            sa.Column("updated_at", clearway.db.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("updated_by", sa.String(length=200), nullable=True))

    _backfill(op.get_bind())

    with op.batch_alter_table(ENTRIES, schema=None) as batch_op:
        batch_op.alter_column("entry_id", existing_type=sa.String(length=36), nullable=False)
        batch_op.alter_column(
            "updated_at", existing_type=clearway.db.base.UTCDateTime(timezone=True), nullable=False
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_verification_matchlist_entries_entry_id"), ["entry_id"]
        )
        batch_op.create_index(
            "ix_verification_matchlist_entries_list", ["account_id", "list_name"], unique=False
        )
        batch_op.create_foreign_key(
            LIST_FK, "verification_matchlists", ["account_id", "list_name"], ["account_id", "name"]
        )


def _backfill(connection: sa.engine.Connection) -> None:
    """Entries written before lists existed: one list per (account, name), a BLOCK list when any of its
    entries blocks (entries keep their own action, which is what the MATCHLIST step reads)."""
    entries = sa.table(
        ENTRIES,
        sa.column("id", sa.Integer()),
        sa.column("account_id", sa.String()),
        sa.column("list_name", sa.String()),
        sa.column("action", sa.String()),
        sa.column("entry_id", sa.String()),
        sa.column("created_at", clearway.db.base.UTCDateTime(timezone=True)),
        sa.column("updated_at", clearway.db.base.UTCDateTime(timezone=True)),
    )
    lists = sa.table(
        "verification_matchlists",
        sa.column("id", sa.String()),
        sa.column("account_id", sa.String()),
        sa.column("name", sa.String()),
        sa.column("action", sa.String()),
        sa.column("created_at", clearway.db.base.UTCDateTime(timezone=True)),
    )
    rows = connection.execute(
        sa.select(
            entries.c.id, entries.c.account_id, entries.c.list_name, entries.c.action, entries.c.created_at
        )
    ).all()
    found: dict[tuple[str, str], dict[str, object]] = {}
    for row in rows:
        key = (row.account_id, row.list_name)
        made = found.setdefault(
            key,
            {
                "id": str(uuid.uuid4()),
                "account_id": row.account_id,
                "name": row.list_name,
                "action": row.action,
                "created_at": row.created_at,
            },
        )
        if row.action == "BLOCK":
            made["action"] = "BLOCK"
        connection.execute(
            entries.update()
            .where(entries.c.id == row.id)
            .values(entry_id=str(uuid.uuid4()), updated_at=row.created_at)
        )
    if found:
        connection.execute(lists.insert(), list(found.values()))


def downgrade() -> None:
    with op.batch_alter_table(ENTRIES, schema=None) as batch_op:
        batch_op.drop_constraint(LIST_FK, type_="foreignkey")
        batch_op.drop_index("ix_verification_matchlist_entries_list")
        batch_op.drop_constraint(batch_op.f("uq_verification_matchlist_entries_entry_id"), type_="unique")
        batch_op.drop_column("updated_by")
        batch_op.drop_column("updated_at")
        batch_op.drop_column("created_by")
        batch_op.drop_column("entity_type")
        batch_op.drop_column("entity_id")
        batch_op.drop_column("batch_name")
        batch_op.drop_column("reason_codes")
        batch_op.drop_column("subject_type")
        batch_op.drop_column("state")
        batch_op.drop_column("entry_id")

    with op.batch_alter_table("verification_matchlists", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_verification_matchlists_account_id"))
    op.drop_table("verification_matchlists")
