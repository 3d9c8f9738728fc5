"""events: a note on how the date was written; the timeline index in the new fact order

`date_note` keeps what EDTF cannot say ("night", "early", "spring", "several days"), so
"night of 25–26 August 2008" prints as written after export, import and sync. The
timeline index follows the fact order: first day, last day, manual order, entry order;
the clock stamp no longer decides, so editing a fact never moves it.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("date_note", sa.String(16), nullable=False, server_default=""))
        batch.drop_index("ix_events_timeline")
        batch.create_index(
            "ix_events_timeline",
            ["case_id", "deleted", "date_sort", "date_end", "day_order", "created_at", "id"],
        )
    with op.batch_alter_table("events") as batch:
        batch.alter_column("date_note", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_timeline")
        batch.create_index(
            "ix_events_timeline", ["case_id", "deleted", "date_sort", "day_order", "hlc", "id"]
        )
        batch.drop_column("date_note")
