"""verification_engine: the background execution job queue

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import clearway.db.base

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "verification_jobs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("execution_id", sa.String(length=40), nullable=False),
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("max_attempts", sa.Integer(), nullable=False),
        sa.Column("run_after", clearway.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("lease_expires_at", clearway.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("worker_id", sa.String(length=100), nullable=True),
        sa.Column("last_error", sa.String(length=1000), nullable=True),
        sa.Column("created_at", clearway.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", clearway.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_verification_jobs_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["execution_id"],
            ["verification_executions.id"],
            name=op.f("fk_verification_jobs_execution_id_verification_executions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verification_jobs")),
        sa.UniqueConstraint("execution_id", name=op.f("uq_verification_jobs_execution_id")),
    )
    with op.batch_alter_table("verification_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_verification_jobs_account_id"), ["account_id"], unique=False)
        batch_op.create_index("ix_verification_jobs_state_run_after", ["state", "run_after"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("verification_jobs", schema=None) as batch_op:
        batch_op.drop_index("ix_verification_jobs_state_run_after")
        batch_op.drop_index(batch_op.f("ix_verification_jobs_account_id"))
    op.drop_table("verification_jobs")
