"""`column IN (many values)` as one bound parameter.

A plain `IN (?, ?, …)` binds one parameter per value: a statement over 10,000 ids is a new
10,000-placeholder statement for each list length, hits SQLite's limit of 32,766
variables on large cases, and keeps every bound value allocated for as long as the driver
caches the statement. Those values fill the connection's lookaside pool (see
`desktop.store.lookaside`), after which every small allocation is a locked, wiped malloc:
measured on a 20,000-version sync import, 440,000 of them and a 2.5x slower merge. Here the
values travel as one JSON array and SQLite reads them back with `json_each`.

`listed` is the same list as a table to join from. For a list of tens of thousands the
join is cheaper: SQLite walks the list and looks each value up in the column's index,
where `column IN (SELECT …)` first copies the whole list into a temporary index of its
own (a sync import of 100,000 versions: 7,000 page splits, each a locked, wiped
allocation, before the first lookup).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, String, TableValuedAlias, bindparam, func, select


def listed(values: Iterable[str]) -> TableValuedAlias:
    """The values as a table of one column, `value`, bound as a single JSON text."""
    return func.json_each(bindparam(None, json.dumps(list(values)), type_=String)).table_valued(
        "value"
    )


def among(column: Any, values: Iterable[str]) -> ColumnElement[bool]:
    """`column IN values`, with the values bound as a single JSON text."""
    return column.in_(select(listed(values).c.value))
