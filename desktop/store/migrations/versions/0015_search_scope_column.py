"""search_index: a `scope` column holding each record's case as one token

A filter inside one case ("Kuznetsov" in a 20,000-event case of a 1,000,000-event vault)
used to take every match in the vault and then keep the case's: 20,000 matches mapped
to records for 608 rows. With the case as a token, FTS5 intersects the two lists itself.
FTS5 tables cannot gain a column, so the index is created anew; it is filled again at
the next unlock (`SEARCH_INDEX_VERSION` 3, see `store.indexing.ensure_current`).

Revision ID: 0015
Revises: 0012
"""

from alembic import op

revision = "0015"
down_revision = "0012"
branch_labels = None
depends_on = None

COLUMNS = "kind UNINDEXED, record_id UNINDEXED, case_id UNINDEXED, title, body, skeletons"
STATE = "device_state"
TOKENIZER = "tokenize = 'unicode61 remove_diacritics 2'"


def upgrade() -> None:
    op.execute("DROP TABLE search_index")
    op.execute(f"CREATE VIRTUAL TABLE search_index USING fts5({COLUMNS}, scope, {TOKENIZER})")
    op.execute("DELETE FROM search_docs")
    op.execute(f"DELETE FROM {STATE} WHERE key = 'search_index_version'")  # rebuild at unlock


def downgrade() -> None:
    op.execute("DROP TABLE search_index")
    op.execute(f"CREATE VIRTUAL TABLE search_index USING fts5({COLUMNS}, {TOKENIZER})")
    op.execute("DELETE FROM search_docs")
    op.execute(f"DELETE FROM {STATE} WHERE key = 'search_index_version'")
