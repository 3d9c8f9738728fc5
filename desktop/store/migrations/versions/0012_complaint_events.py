"""complaint_events: the facts of the timeline a complaint is about

A synced link table like `complaint_targets`: one row per (complaint, event), a tombstone
when the link is removed, carried by sync, export-json and the audit log like any record.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "complaint_events",
        sa.Column("complaint_id", sa.String(length=36), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("dot_device", sa.String(length=36), nullable=False),
        sa.Column("dot_counter", sa.Integer(), nullable=False),
        sa.Column("vv", sa.Text(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_events_complaint_id_complaints"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_complaint_events_event_id_events"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_events")),
    )
    with op.batch_alter_table("complaint_events") as batch:
        batch.create_index(batch.f("ix_complaint_events_complaint_id"), ["complaint_id"])
        batch.create_index(batch.f("ix_complaint_events_event_id"), ["event_id"])


def downgrade() -> None:
    with op.batch_alter_table("complaint_events") as batch:
        batch.drop_index(batch.f("ix_complaint_events_event_id"))
        batch.drop_index(batch.f("ix_complaint_events_complaint_id"))
    op.drop_table("complaint_events")
