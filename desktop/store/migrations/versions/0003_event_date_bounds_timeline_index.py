"""events: earliest-day column for range filters; a covering index for the timeline

`date_start` is the earliest day an event may have happened (0 when open, as for
"before 2010"), filled from the stored EDTF text. The timeline's ordered id query is
served from one covering index.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from desktop.core.fuzzydate import FuzzyDate

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("date_start", sa.Integer(), nullable=False, server_default="0"))
        batch.drop_index("ix_events_case_date")
        batch.create_index(
            "ix_events_timeline",
            ["case_id", "deleted", "date_sort", "day_order", "hlc", "id"],
        )
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, date_edtf FROM events")).all()
    if rows:
        conn.execute(
            sa.text("UPDATE events SET date_start = :start WHERE id = :id"),
            [{"id": r[0], "start": FuzzyDate.from_edtf(r[1]).start_number()} for r in rows],
        )
    with op.batch_alter_table("events") as batch:
        batch.alter_column("date_start", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_timeline")
        batch.create_index("ix_events_case_date", ["case_id", "date_sort", "day_order"])
        batch.drop_column("date_start")
