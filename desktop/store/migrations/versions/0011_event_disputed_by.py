"""events: who disputes a disputed fact (authorities, defence, other) and, for other, who

Facts entered before keep "" and print as disputed by the authorities, the only wording
the briefing pack had.

Revision ID: 0011
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("disputed_by", sa.String(16), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("disputed_by_note", sa.Text(), nullable=False, server_default="")
        )
    with op.batch_alter_table("events") as batch:
        batch.alter_column("disputed_by", server_default=None)
        batch.alter_column("disputed_by_note", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("disputed_by_note")
        batch.drop_column("disputed_by")
