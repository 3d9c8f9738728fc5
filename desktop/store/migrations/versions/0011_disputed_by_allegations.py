"""events: who disputes a disputed fact; persons: allegations apart from the description

Facts entered before keep "" and print as disputed by the authorities, the only wording
the briefing pack had. A person's allegations are only what was entered as such: a
description (a judge's, a victim's) is never printed as an accusation.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The empty server defaults stay: salvage copies rows of older vaults without them.
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("disputed_by", sa.String(16), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("disputed_by_note", sa.Text(), nullable=False, server_default="")
        )
    with op.batch_alter_table("persons") as batch:
        batch.add_column(sa.Column("allegations", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        batch.drop_column("allegations")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("disputed_by_note")
        batch.drop_column("disputed_by")
