"""Fixed words printed on a briefing pack, in English and Russian.

Only the labels change language; case content is printed as entered. `label(lang, key)`
is the single way the renderer gets a fixed word, so a missing translation fails loudly in
the tests instead of printing a key on a court document.
"""

from __future__ import annotations

from typing import Final

from desktop.errors import BugError

LANGUAGES: Final = ("en", "ru")

_LABELS: Final[dict[str, tuple[str, str]]] = {
    # sections
    "section.cover": ("Cover", "Титульный лист"),
    "section.contents": ("Contents", "Содержание"),
    "section.summary": ("Summary", "Краткое изложение"),
    "section.chronology": ("Chronology", "Хронология"),
    "section.people": ("People and officials", "Лица и должностные лица"),
    "section.complaints": ("Complaints register", "Реестр жалоб"),
    "section.sources": ("Sources", "Источники"),
    "section.exhibits": ("Exhibit index", "Перечень приложений"),
    # cover
    "cover.kind": ("Briefing pack", "Справочные материалы"),
    "cover.prepared_for": ("Prepared for", "Подготовлено для"),
    "cover.prepared_by": ("Prepared by", "Подготовлено"),
    "cover.generated_on": ("Date", "Дата"),
    "cover.selection": ("Selection", "Выборка"),
    "cover.marked_only": (
        "Only the facts and complaints marked for the brief",
        "Только факты и жалобы, отмеченные для справки",
    ),
    "cover.key_only": (
        "Only the key facts of the chronology",
        "Только ключевые факты хронологии",
    ),
    "cover.period": ("Period covered", "Охватываемый период"),
    "cover.redaction": ("Redaction profile", "Профиль редактирования"),
    "cover.sample": (
        "Sample data compiled from public reports; verify before any use.",
        "Демонстрационные данные из открытых источников; проверьте перед любым использованием.",
    ),
    "redaction.internal": ("internal (complete)", "внутренний (полный)"),
    "redaction.counsel": (
        "counsel (confidential items removed)",
        "для адвоката (конфиденциальное удалено)",
    ),
    "redaction.public": (
        "public (confidential items and protected persons removed)",
        "публичный (конфиденциальное и защищаемые лица удалены)",
    ),
    # running header and footer
    "page_of": ("page {page} of {total}", "стр. {page} из {total}"),
    "audit_head": (
        "Vault audit log when printed (count:hash): {head}",
        "Журнал аудита хранилища на момент печати (число:хеш): {head}",
    ),
    # chronology
    "chrono.date": ("Date", "Дата"),
    "chrono.event": ("Event", "Событие"),
    "chrono.people": ("People", "Лица"),
    "chrono.sources": ("Sources", "Источники"),
    "chrono.place": ("Place", "Место"),
    "chrono.empty": ("No events in this pack.", "В материалах нет событий."),
    "chrono.continued": ("(continued)", "(продолжение)"),
    "precision.day": ("day", "день"),
    "precision.month": ("month", "месяц"),
    "precision.year": ("year", "год"),
    "precision.decade": ("decade", "десятилетие"),
    "precision.range": ("range", "период"),
    "precision.undated": ("undated", "без даты"),
    "qualifier.exact": ("", ""),
    "qualifier.circa": ("circa", "около"),
    "qualifier.before": ("before", "до"),
    "qualifier.after": ("after", "после"),
    "qualifier.between": ("between", "между"),
    "fact.undisputed": ("", ""),
    "fact.disputed": ("Disputed", "Оспаривается"),
    "disputed.authorities": ("Disputed by the authorities", "Оспаривается властями"),
    "disputed.defence": ("Disputed by the defence", "Оспаривается защитой"),
    "disputed.other": ("Disputed by {who}", "Оспаривается: {who}"),
    "fact.unverified": ("Unverified", "Не проверено"),
    "pinpoint": ("{number}, {pinpoint}", "{number}, {pinpoint}"),
    "quote": ("“{quote}”", "«{quote}»"),
    # cross-references between sections
    "xref.see": ("see {refs}", "см. {refs}"),
    "xref.paragraph_page": ("¶\u00a0{number}, p.\u00a0{page}", "¶\u00a0{number}, с.\u00a0{page}"),
    "xref.paragraph": ("¶\u00a0{number}", "¶\u00a0{number}"),
    "xref.paragraphs_pages": (
        "¶\u00a0{number}, pp.\u00a0{pages}",
        "¶\u00a0{number}, с.\u00a0{pages}",
    ),
    "xref.page": ("p.\u00a0{page}", "с.\u00a0{page}"),
    # people
    "people.kind": ("Kind", "Категория"),
    "people.also_known_as": ("Also", "Также"),
    "people.postings": ("Postings", "Должности"),
    "people.description": ("Description", "Описание"),
    "people.allegations": ("Allegations", "Обвинения"),
    "people.in_chronology": ("In the chronology", "В хронологии"),
    "people.complaints_against": ("Complaints against", "Жалобы на"),
    "people.empty": ("No people in this pack.", "В материалах нет лиц."),
    "kind.victim": ("victim", "потерпевший"),
    "kind.official": ("official", "должностное лицо"),
    "kind.judge": ("judge", "судья"),
    "kind.prosecutor": ("prosecutor", "прокурор"),
    "kind.investigator": ("investigator", "следователь"),
    "kind.lawyer": ("lawyer", "адвокат"),
    "kind.witness": ("witness", "свидетель"),
    "kind.other": ("other", "другое"),
    # complaints
    "complaint.number": ("No.", "№"),
    "complaint.ref": ("No.\u00a0{number}", "№\u00a0{number}"),
    "complaint.filed": ("Filed", "Подана"),
    "complaint.last_response": ("Last response", "Последний ответ"),
    "complaint.legal_basis": ("Legal basis", "Правовое основание"),
    "complaint.outcome": ("Outcome", "Результат"),
    "complaint.escalation": ("Escalation", "Обжалование"),
    "complaint.this": ("this complaint", "настоящая жалоба"),
    "complaint.decision": ("decision", "решение"),
    "complaint.escalated": ("escalated", "направлена выше"),
    "complaint.in_chronology": ("Chronology", "Хронология"),
    "complaint.filed_by": ("Filed by", "Заявитель"),
    "complaint.body": ("Filed with", "Адресат"),
    "complaint.against": ("Against", "На кого"),
    "complaint.subject": ("Subject", "Предмет"),
    "complaint.reference": ("Our reference", "Наш номер"),
    "complaint.registration": ("Registration no.", "Рег. номер"),
    "complaint.status": ("Status", "Статус"),
    "complaint.due": ("Response due", "Срок ответа"),
    "complaint.due_short": ("Due", "Срок"),
    "complaint.overdue": ("OVERDUE", "ПРОСРОЧЕНО"),
    "complaint.responses": ("Responses", "Ответы"),
    "complaint.no_response": ("No recorded response.", "Ответ не зарегистрирован."),
    "complaint.empty": ("No complaints in this pack.", "В материалах нет жалоб."),
    "status.draft": ("draft", "черновик"),
    "status.filed": ("filed", "подана"),
    "status.acknowledged": ("acknowledged", "получена"),
    "status.forwarded": ("forwarded", "перенаправлена"),
    "status.answered": ("answered", "дан ответ"),
    "status.rejected": ("rejected", "отклонена"),
    "status.appealed": ("appealed", "обжалована"),
    "status.closed": ("closed", "закрыта"),
    "response.acknowledgement": ("acknowledgement of receipt", "уведомление о получении"),
    "response.forwarding": ("forwarded to another body", "перенаправлена в другой орган"),
    "response.refusal": ("refusal", "отказ"),
    "response.decision": ("decision", "решение"),
    "response.other": ("other", "иное"),
    # a text printed in the other language, for want of a translation
    "text_in.en": ("(en)", "(en)"),
    "text_in.ru": ("(ru)", "(ru)"),
    "text_in.note": (
        "Marked (ru): entered in Russian only, printed as entered.",
        "Пометка (en): текст введён только на английском языке и приведён без перевода.",
    ),
    # sources
    "sources.empty": ("No sources in this pack.", "В материалах нет источников."),
    # exhibits
    "exhibit.label": ("Exhibit", "Приложение"),
    "exhibit.title": ("Title", "Название"),
    "exhibit.type": ("Type", "Тип"),
    "exhibit.size": ("Size", "Размер"),
    "exhibit.pages": ("Pages", "Страницы"),
    "exhibit.numbers": ("Numbers", "Номера"),
    "exhibit.listed_only": ("listed only", "только в перечне"),
    "exhibit.unreadable": (
        "listed only: file could not be read",
        "только в перечне: файл не читается",
    ),
    "exhibit.appended": ("Exhibits", "Приложения"),
    "exhibit.empty": ("No exhibits in this pack.", "В материалах нет приложений."),
    "exhibit.description": ("Description", "Описание"),
    "exhibit.date": ("Date", "Дата"),
    "exhibit.source": ("Source", "Источник"),
    "exhibit.file": ("File", "Файл"),
    "exhibit.bundle_pages": ("Bundle pages", "Листы материалов"),
    "exhibit.bates": ("Bates numbers", "Сквозные номера"),
    "exhibit.page_count": ("Pages of the exhibit", "Страниц в приложении"),
    "exhibit.not_printed": (
        "Not reproduced in this bundle: a file of this type cannot be printed.",
        "Не воспроизводится в материалах: файл такого типа не печатается.",
    ),
    "exhibit.not_readable": (
        "Not reproduced in this bundle: the file could not be read.",
        "Не воспроизводится в материалах: файл не читается.",
    ),
    "exhibit.sheet_page": ("{label}, page {page} of {total}", "{label}, стр. {page} из {total}"),
    "exhibit.numbering_note": (
        "Page numbers run through the whole bundle, exhibits included; the number at the "
        "foot of each page ({example}) is its bundle page. Each exhibit begins with a "
        "divider page.",
        "Нумерация листов сквозная для всех материалов, включая приложения; номер внизу "
        "каждого листа ({example}) совпадает с номером листа. Каждое приложение начинается "
        "с титульного листа.",
    ),
    "exhibit.gaps_note": (
        "Each file keeps its exhibit label in every pack of this case: a missing number is "
        "a file not in this pack (outside the selection, not cleared for it, or deleted).",
        "Номер приложения закреплён за файлом во всех материалах по делу: пропущенный номер "
        "означает файл, не вошедший в эти материалы (вне выборки, не допущен или удалён).",
    ),
    "bytes": ("{size} bytes", "{size} байт"),
    # emergency kit
    "kit.title": ("Emergency kit", "Аварийный комплект"),
    "kit.vault": ("Vault", "Хранилище"),
    "kit.created_on": ("Created on", "Создано"),
    "kit.recovery_key": ("Recovery key", "Ключ восстановления"),
    "kit.instructions": (
        "This key opens the vault if the passphrase is forgotten. Anyone who holds it and a "
        "copy of the vault can read every case in it. Print this page, keep it somewhere "
        "safe and away from the laptop, and do not photograph it or store it on any device. "
        "To use it, choose to unlock the vault with the recovery key and type the key as "
        "printed.",
        "Этот ключ открывает хранилище, если пароль забыт. Любой, у кого есть ключ и копия "
        "хранилища, может прочитать все дела в нём. Распечатайте эту страницу, храните её в "
        "надёжном месте отдельно от ноутбука, не фотографируйте и не сохраняйте ключ ни на "
        "каком устройстве. Чтобы воспользоваться ключом, выберите открытие хранилища ключом "
        "восстановления и введите ключ так, как он напечатан.",
    ),
}

# Default confidentiality markings per redaction profile, used when the user gives none.
_MARKINGS: Final[dict[str, tuple[str, str]]] = {
    "internal": ("CONFIDENTIAL: internal working copy", "КОНФИДЕНЦИАЛЬНО: рабочая копия"),
    "counsel": (
        "PRIVILEGED AND CONFIDENTIAL: for counsel",
        "КОНФИДЕНЦИАЛЬНО: адвокатская тайна",
    ),
    "public": ("For public distribution", "Для открытого распространения"),
}


def label(lang: str, key: str, **values: object) -> str:
    """The fixed word `key` in `lang`, with `{placeholders}` filled from `values`."""
    try:
        pair = _LABELS[key]
    except KeyError:
        raise BugError(f"no briefing label {key!r}") from None
    if lang not in LANGUAGES:
        raise BugError(f"unsupported label language {lang!r}")
    text = pair[LANGUAGES.index(lang)]
    return text.format(**values) if values else text


def default_marking(redaction: str, lang: str) -> str:
    """The confidentiality marking printed when the user asked for none."""
    if redaction not in _MARKINGS or lang not in LANGUAGES:
        raise BugError(f"no default marking for {redaction!r}/{lang!r}")
    return _MARKINGS[redaction][LANGUAGES.index(lang)]


def label_keys() -> frozenset[str]:
    """Every label key, for tests that check both languages are filled."""
    return frozenset(_LABELS)
