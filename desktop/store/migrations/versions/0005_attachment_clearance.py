"""attachments: a description, and clearance for counsel and public packs

An exhibit goes into a redacted pack only once the user has cleared that attachment for
the pack's profile; a cleared exhibit is listed by its label and description, never by
its file name (which often names a witness). Both flags start cleared for nothing.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = (
    ("description", sa.Text(), ""),
    ("cleared_counsel", sa.Boolean(), "0"),
    ("cleared_public", sa.Boolean(), "0"),
)


def upgrade() -> None:
    with op.batch_alter_table("attachments") as batch:
        for name, kind, default in COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=False, server_default=default))
    # The models carry Python-side defaults only, like every other column.
    with op.batch_alter_table("attachments") as batch:
        for name, _kind, _default in COLUMNS:
            batch.alter_column(name, server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("attachments") as batch:
        for name, _kind, _default in reversed(COLUMNS):
            batch.drop_column(name)
