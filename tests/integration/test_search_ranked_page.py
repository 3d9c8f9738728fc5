"""The search statement keeps the best hits and their snippets exactly as a plain join.

`ranked_query` bounds its second pass over the matches by the lowest and highest kept
rowid (faster on a large vault); this holds it to the unbounded statement on a real
vault whose best hits are spread out, bunched together, and fewer than the limit.
"""

from __future__ import annotations

from sqlalchemy import text

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.registry import Services
from desktop.store.search import HIGHLIGHT_START, match_expression, ranked_query

PLAIN = ranked_query().replace(" AS MATERIALIZED (", " AS (")
PLAIN = PLAIN[: PLAIN.index("AND search_index.rowid >=")] + "ORDER BY best.score, best.hit"


def test_the_bounded_second_pass_returns_what_a_plain_join_does(services: Services) -> None:
    case_id = services.cases.create_case("Ranked page case")
    date = FuzzyDate.from_edtf("2009-05-01")
    for n in range(90):
        # Every third event says "hearing" once, every ninth many times: the best hits
        # are spread through the index, the rest tie and bunch at the low rowids.
        body = "hearing " * (6 if n % 9 == 0 else 1) if n % 3 == 0 else "transfer"
        services.timeline.add_event(case_id, date, f"Event {n}", description=f"The {body}.")
    with services.store.reading() as s:
        for words, limit in (("hearing", 5), ("hearing", 12), ("hearing", 100), ("transfer", 7)):
            params = {"q": match_expression(words, whole=True), "limit": limit}
            bounded = s.execute(text(ranked_query()), params).all()
            plain = s.execute(text(PLAIN), params).all()
            assert bounded == plain, (words, limit)
            assert len(bounded) == min(limit, 30 if words == "hearing" else 60)
            assert all(HIGHLIGHT_START in row[4] for row in bounded)
