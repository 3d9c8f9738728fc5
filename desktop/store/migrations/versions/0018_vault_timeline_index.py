"""events: an index in the timeline's order across all cases (the whole-vault timeline)

The timeline of every case orders the whole vault's events; without an index SQLite
sorted them all for every filter (measured on 1,000,000 events: 4.4 s). This index
holds them in `TIMELINE_ORDER` with the band's date and key mark, like the per-case
`ix_events_timeline`, so the query reads it in order and never touches the rows.

Revision ID: 0018
Revises: 0017
"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None
DATA_UNCHANGED = True  # an index only (see migrate.data_schema)

COLUMNS = ["deleted", "date_sort", "date_end", "day_order", "created_at", "id", "date_edtf",
           "key_event"]  # fmt: skip


def upgrade() -> None:
    op.create_index("ix_events_vault_timeline", "events", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_events_vault_timeline", table_name="events")
