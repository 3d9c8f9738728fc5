"""Search over the demo case: names across scripts, ranking, snippets, the index kept in step."""

from __future__ import annotations

import pytest

from desktop.services.registry import Services
from desktop.store.search import HIGHLIGHT_END, HIGHLIGHT_START, match_expression


def people_found(services: Services, query: str) -> set[str]:
    return {h.title for h in services.search.search(query) if h.kind == "person"}


KUZNETSOV_SPELLINGS = ["Kuznetsov", "Кузнецов", "kuznecov", "KUZNETSOV", "Artyom Kuznetsov"]


@pytest.mark.parametrize("query", [*KUZNETSOV_SPELLINGS, "Артём", "Артем"])
def test_every_spelling_finds_artyom_kuznetsov(demo_services: Services, query: str) -> None:
    assert "Artem Kuznetsov" in people_found(demo_services, query)


@pytest.mark.parametrize("query", ["Магнитский", "Magnitsky", "magnitskiy", "Magnitskii"])
def test_every_spelling_finds_magnitsky(demo_services: Services, query: str) -> None:
    assert "Sergei Magnitsky" in people_found(demo_services, query)


def test_a_name_finds_only_its_person(demo_services: Services) -> None:
    assert people_found(demo_services, "Кузнецов") == {"Artem Kuznetsov"}
    assert people_found(demo_services, "Карпов") == {"Pavel Karpov"}


def test_hits_are_ranked_and_carry_highlighted_snippets(demo_services: Services) -> None:
    hits = demo_services.search.search("Magnitsky arrested")
    assert hits, "expected a hit for two words that occur together"
    assert hits[0].kind == "event" and "arrested" in hits[0].title
    assert [h.score for h in hits] == sorted(h.score for h in hits)  # bm25: lower is better
    with_highlight = [h for h in hits if HIGHLIGHT_START in h.snippet]
    assert with_highlight
    snippet = with_highlight[0].snippet
    assert snippet.index(HIGHLIGHT_START) < snippet.index(HIGHLIGHT_END)


def test_all_words_must_match(demo_services: Services) -> None:
    assert demo_services.search.search("Magnitsky zzzqqq") == []


def test_grouped_results_come_in_a_fixed_kind_order(demo_services: Services) -> None:
    groups = demo_services.search.grouped("Kuznetsov")
    kinds = list(groups)
    assert kinds[0] == "person"
    assert "event" in kinds and "complaint" in kinds


def test_search_can_be_limited_to_a_case(demo_services: Services, demo_case_id: str) -> None:
    other = demo_services.cases.create_case("Another case")
    demo_services.people.add_person(other, "official", "Ivan Kuznetsov")
    everywhere = people_found(demo_services, "Кузнецов")
    assert everywhere == {"Artem Kuznetsov", "Ivan Kuznetsov"}
    in_demo = {h.title for h in demo_services.search.search("Кузнецов", case_id=demo_case_id)
               if h.kind == "person"}  # fmt: skip
    assert in_demo == {"Artem Kuznetsov"}


def test_edits_and_deletes_keep_the_index_in_step(
    demo_services: Services, demo_case_id: str
) -> None:
    people = demo_services.people
    (karpov,) = [p for p in people.persons(demo_case_id) if p.display_name == "Pavel Karpov"]
    people.update_person(karpov.id, description="later promoted to Lieutenant Colonel")
    assert "Pavel Karpov" in people_found(demo_services, "promoted")
    people.delete_person(karpov.id)
    assert "Pavel Karpov" not in people_found(demo_services, "Карпов")
    people.restore_person(karpov.id)
    assert "Pavel Karpov" in people_found(demo_services, "Карпов")


def test_rebuilding_the_index_gives_the_same_results(demo_services: Services) -> None:
    before = [(h.kind, h.record_id) for h in demo_services.search.search("Kuznetsov")]
    assert demo_services.search.rebuild_index() > 50
    after = [(h.kind, h.record_id) for h in demo_services.search.search("Kuznetsov")]
    assert sorted(after) == sorted(before)


@pytest.mark.parametrize("query", ['"', "*", "AND OR NOT", "NEAR(", "^", "-", "col:x", "()", ""])
def test_fts_syntax_in_a_query_is_harmless(demo_services: Services, query: str) -> None:
    demo_services.search.search(query)  # must not raise
    expression = match_expression(query)
    assert expression is None or expression.count('"') % 2 == 0


def _marked(text: str) -> str:
    return text.replace(HIGHLIGHT_START, "[").replace(HIGHLIGHT_END, "]")


def test_a_name_found_across_scripts_is_highlighted_in_the_title(demo_services: Services) -> None:
    [hit] = [h for h in demo_services.search.search("Кузнецов") if h.kind == "person"]
    assert hit.title == "Artem Kuznetsov"
    assert _marked(hit.title_marked) == "Artem [Kuznetsov]"
    assert "[" in _marked(hit.snippet)  # the snippet marks the name too, in whatever script


def test_marks_follow_prefixes_and_skeletons_and_keep_fts_marks() -> None:
    from desktop.store.search import mark_words, query_words

    words = query_words("Kuzn Магнитский")
    assert _marked(mark_words("Кузнецов met Magnitsky in Moscow", words)) == (
        "[Кузнецов] met [Magnitsky] in Moscow"
    )
    already = f"{HIGHLIGHT_START}Kuznetsov{HIGHLIGHT_END} and Kuznetsova"
    assert _marked(mark_words(already, words)) == "[Kuznetsov] and [Kuznetsova]"
    assert _marked(mark_words("Rimsky-Korsakov", query_words("Korsakov"))) == "[Rimsky-Korsakov]"
    assert mark_words("nothing to see", words) == "nothing to see"
    assert mark_words("", words) == ""
