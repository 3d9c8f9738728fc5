"""Fixed words the exports write (calendar titles, TimelineJS headings), English and Russian.

Case content is written as entered; only these words follow the export's language.
"""

from __future__ import annotations

from typing import Final

from desktop.errors import BugError

_WORDS: Final[dict[str, tuple[str, str]]] = {
    "due": ("Response due", "Срок ответа"),
    "due_alarm": ("Response due in {days} days", "Срок ответа через {days} дн."),
    "settled": ("settled", "закрыто"),
    "complaint": ("Complaint", "Жалоба"),
    "filed": ("Filed", "Подана"),
    "filed_by": ("Filed by", "Заявитель"),
    "body": ("Body", "Орган"),
    "against": ("Against", "В отношении"),
    "subject": ("Subject", "Предмет"),
    "reference": ("Our reference", "Наш номер"),
    "registration": ("Registration no.", "Рег. номер"),
    "status": ("Status", "Статус"),
    "key_fact": ("Key fact", "Ключевой факт"),
    "people": ("People", "Лица"),
    "sources": ("Sources", "Источники"),
    "place": ("Place", "Место"),
    "sample": (
        "Sample data compiled from public reports; verify before any use.",
        "Демонстрационные данные из открытых источников; проверьте перед любым использованием.",
    ),
}


def word(lang: str, key: str) -> str:
    try:
        en, ru = _WORDS[key]
    except KeyError:
        raise BugError(f"no export word {key!r}") from None
    return ru if lang == "ru" else en
