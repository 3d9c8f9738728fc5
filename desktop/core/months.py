"""Month names in English and Russian, for writing and for reading dates.

Russian needs two forms: the nominative for a month on its own ("декабрь 2007") and the
genitive after a day or a preposition ("3 декабря", "около марта"). Short forms follow
the Russian standard abbreviations (ГОСТ Р 7.0.12): март, май, июнь, июль are not cut.
"""

from __future__ import annotations

EN_LONG = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
EN_SHORT = tuple(name[:3] for name in EN_LONG)

RU_NOMINATIVE = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
RU_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
_RU_CUT = (
    "янв.",
    "февр.",
    None,
    "апр.",
    None,
    None,
    None,
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
)
RU_SHORT_NOMINATIVE = tuple(cut or full for cut, full in zip(_RU_CUT, RU_NOMINATIVE, strict=True))
RU_SHORT_GENITIVE = tuple(cut or full for cut, full in zip(_RU_CUT, RU_GENITIVE, strict=True))

# Stems that every inflected Russian form starts with (январь, января, январе...).
_RU_STEMS = tuple(name.rstrip("ьй") for name in RU_NOMINATIVE)
_RU_MAY_FORMS = frozenset({"май", "мая", "мае"})
_EN_LOWER = tuple(name.lower() for name in EN_LONG)


def month_number(word: str) -> int | None:
    """The month (1-12) a written word names, in English or Russian, or None.

    Accepts full names, any Russian case ("декабре"), and abbreviations of at least
    three letters with or without a dot ("Sept.", "нояб").
    """
    word = word.lower().rstrip(".").replace("ё", "е")
    if len(word) < 3:
        return None
    if word in _RU_MAY_FORMS:
        return 5
    for number, name in enumerate(_EN_LOWER, start=1):
        if name.startswith(word):
            return number
    for number, stem in enumerate(_RU_STEMS, start=1):
        if stem == "ма":
            continue
        if word.startswith(stem) and len(word) - len(stem) <= 2:
            return number
        if stem.startswith(word):
            return number
    return None
