"""audit: chain version 2 (keyed, hashes record content), its key and recorded head

Existing entries stay version 1 and keep verifying the old way; the new `audit_chain` row
holds a random audit key, the position of the first version-2 entry (`v2_from`) and the
chain's head, each bound by an HMAC under that key (`desktop.store.audit.first_chain_row`;
its formulas are part of the stored format and never change).
Also: the audit head a paired device last sent in a bundle (`sync_peers.audit_head`).

Revision ID: 0007
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from desktop.store.audit import first_chain_row

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_entries") as batch:
        batch.add_column(
            sa.Column("chain_version", sa.Integer(), server_default="1", nullable=False)
        )
        batch.add_column(sa.Column("content_hash", sa.String(length=64), nullable=True))
    with op.batch_alter_table("sync_peers") as batch:
        batch.add_column(
            sa.Column("audit_head", sa.String(length=80), server_default="", nullable=False)
        )
    chain = op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("key", sa.LargeBinary(), nullable=False),
        sa.Column("v2_from", sa.Integer(), nullable=False),
        sa.Column("marker", sa.String(length=64), nullable=False),
        sa.Column("head_count", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.Column("head_mac", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain")),
    )
    bind = op.get_bind()
    count = bind.execute(sa.text("SELECT count(*) FROM audit_entries")).scalar_one()
    last = bind.execute(
        sa.text("SELECT hash FROM audit_entries ORDER BY seq DESC LIMIT 1")
    ).scalar_one_or_none()
    op.bulk_insert(chain, [first_chain_row(count, last)])


def downgrade() -> None:
    op.drop_table("audit_chain")
    with op.batch_alter_table("sync_peers") as batch:
        batch.drop_column("audit_head")
    with op.batch_alter_table("audit_entries") as batch:
        batch.drop_column("content_hash")
        batch.drop_column("chain_version")
