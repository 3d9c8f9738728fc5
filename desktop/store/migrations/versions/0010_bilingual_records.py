"""cases, events, complaints, sources: the language of the main text and its translation

`text_lang` says which language a record's title (and description, summary, subject) is
in; empty means "by the script of the title", which is how every existing record reads.
`title_alt`, `description_alt`, `summary_alt` and `subject_alt` hold the same text in the
other language of English and Russian (see `core.bilingual`). Existing records get empty
values: nothing changes in what they say.

Revision ID: 0010
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None

NEW_COLUMNS = {
    "cases": (("text_lang", sa.String(8)), ("title_alt", sa.Text()), ("summary_alt", sa.Text())),
    "events": (
        ("text_lang", sa.String(8)),
        ("title_alt", sa.Text()),
        ("description_alt", sa.Text()),
    ),
    "complaints": (("text_lang", sa.String(8)), ("subject_alt", sa.Text())),
    "sources": (("text_lang", sa.String(8)), ("title_alt", sa.Text())),
}


def upgrade() -> None:
    for table, columns in NEW_COLUMNS.items():
        # The empty default stays: rows copied from an older vault (salvage) lack them.
        with op.batch_alter_table(table) as batch:
            for name, kind in columns:
                batch.add_column(sa.Column(name, kind, nullable=False, server_default=""))


def downgrade() -> None:
    for table, columns in NEW_COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name, _ in columns:
                batch.drop_column(name)
