"""Plain English and Russian words for the kinds of record and their fields.

The conflict review shows which fields two devices changed differently; a person reads
"Description", "Дата", never `description` or `date_edtf`. Fields that only mirror
another (a date's sort number) are `DERIVED` and never shown. A field not listed here
(a column added later) reads as its own name made into words.
"""

from __future__ import annotations

from desktop.core.enums import (
    CaseStatus,
    ComplaintStatus,
    FactStatus,
    LabelledEnum,
    OrganisationKind,
    PersonKind,
    Reliability,
    ResponseKind,
    SourceKind,
)

RECORD_KINDS: dict[str, tuple[str, str]] = {
    "cases": ("Case", "Дело"),
    "organisations": ("Organisation", "Организация"),
    "persons": ("Person", "Лицо"),
    "postings": ("Post held", "Должность"),
    "sources": ("Source", "Источник"),
    "events": ("Event", "Событие"),
    "event_participants": ("Person in an event", "Участник события"),
    "complaints": ("Complaint", "Жалоба"),
    "complaint_targets": ("Complaint target", "Адресат жалобы"),
    "attachments": ("Attachment", "Вложение"),
    "complaint_responses": ("Response to a complaint", "Ответ на жалобу"),
    "citations": ("Citation", "Ссылка на источник"),
    "tags": ("Tag", "Метка"),
    "tag_links": ("Tag on a record", "Метка записи"),
    "complaint_events": ("Event of a complaint", "Событие жалобы"),
    # Kept by this laptop only; named where a damage report counts what still reads.
    "audit_entries": ("Audit log entry", "Запись журнала аудита"),
    "audit_chain": ("Audit log head", "Вершина журнала аудита"),
    "blobs": ("Attachment file", "Файл вложения"),
    "search_docs": ("Search index entry", "Запись поискового индекса"),
    "device_state": ("Device setting", "Настройка устройства"),
    "sync_peers": ("Paired device", "Сопряжённое устройство"),
    "sync_seen_bundles": ("Imported bundle", "Загруженный пакет"),
    "sync_blob_receipts": ("Received attachment", "Полученное вложение"),
    "sync_conflicts": ("Conflicting version", "Конфликтующая версия"),
}

FIELDS: dict[str, tuple[str, str]] = {
    "deleted": ("Deleted", "Удалено"),
    "case_id": ("Case", "Дело"),
    "title": ("Title", "Название"),
    "summary": ("Summary", "Краткое содержание"),
    "status": ("Status", "Статус"),
    "is_sample": ("Sample data", "Демонстрационные данные"),
    "notice": ("Notice", "Пометка"),
    "confidentiality": ("Confidentiality marking", "Гриф конфиденциальности"),
    "name": ("Name", "Название"),
    "name_ru": ("Name in Russian", "Название по-русски"),
    "kind": ("Kind", "Вид"),
    "parent_id": ("Part of", "Входит в"),
    "display_name": ("Name", "Имя"),
    "names": ("Names and spellings", "Имена и написания"),
    "description": ("Description", "Описание"),
    "protected": ("Protected identity", "Личность защищена"),
    "confidential": ("Confidential", "Конфиденциально"),
    "photo_sha256": ("Photo", "Фотография"),
    "person_id": ("Person", "Лицо"),
    "organisation_id": ("Organisation", "Организация"),
    "role": ("Role", "Роль"),
    "rank": ("Rank", "Звание"),
    "start_edtf": ("From", "С"),
    "end_edtf": ("Until", "По"),
    "label": ("Label", "Обозначение"),
    "author": ("Author", "Автор"),
    "publisher": ("Publisher", "Издатель"),
    "date_edtf": ("Date", "Дата"),
    "language": ("Language", "Язык"),
    "reliability": ("Reliability", "Надёжность"),
    "url": ("Web address", "Веб-адрес"),
    "day_order": ("Order on the day", "Порядок в течение дня"),
    "date_note": ("Part of the day", "Время суток"),
    "place": ("Place", "Место"),
    "fact_status": ("Fact status", "Статус факта"),
    "key_event": ("Key event", "Ключевое событие"),
    "for_brief": ("Marked for the brief", "Отмечено для справки"),
    "event_id": ("Event", "Событие"),
    "filed_edtf": ("Filed on", "Дата подачи"),
    "filed_by": ("Filed by", "Кем подана"),
    "body_id": ("Body", "Орган"),
    "body_detail": ("Body (details)", "Орган (подробно)"),
    "our_reference": ("Our reference", "Наш номер"),
    "registration_number": ("Their number", "Номер регистрации"),
    "legal_basis": ("Legal basis", "Правовое основание"),
    "subject": ("Subject", "Предмет"),
    "response_due": ("Answer due", "Срок ответа"),
    "outcome": ("Outcome", "Итог"),
    "escalated_from_id": ("Escalated from", "Обжалование жалобы"),
    "complaint_id": ("Complaint", "Жалоба"),
    "source_id": ("Source", "Источник"),
    "blob_sha256": ("File contents", "Содержимое файла"),
    "file_name": ("File name", "Имя файла"),
    "media_type": ("File type", "Тип файла"),
    "size": ("Size", "Размер"),
    "added_by": ("Added by", "Кем добавлено"),
    "exhibit_label": ("Exhibit label", "Номер приложения"),
    "cleared_counsel": ("Cleared for counsel", "Разрешено для адвокатов"),
    "cleared_public": ("Cleared for the public", "Разрешено для публикации"),
    "received_edtf": ("Received on", "Дата получения"),
    "attachment_id": ("Attachment", "Вложение"),
    "target_kind": ("Kind of record cited", "Вид записи"),
    "target_id": ("Record", "Запись"),
    "pinpoint": ("Pinpoint", "Точная ссылка"),
    "quote": ("Quotation", "Цитата"),
    "tag_id": ("Tag", "Метка"),
}

# Mirrors of another field (sort numbers, a date's bounds): they change with it.
DERIVED = frozenset(
    {"date_sort", "date_start", "date_end", "start_sort", "end_sort", "filed_sort",
     "received_sort"}
)  # fmt: skip

# Fields naming another record; the review shows that record's title instead of its id.
REFERENCES = frozenset(
    {"case_id", "parent_id", "person_id", "organisation_id", "event_id", "body_id",
     "escalated_from_id", "complaint_id", "source_id", "attachment_id", "target_id",
     "tag_id"}
)  # fmt: skip

DATES = frozenset({"date_edtf", "start_edtf", "end_edtf", "filed_edtf", "received_edtf"})


def _pick(labels: tuple[str, str], lang: str) -> str:
    return labels[1] if lang == "ru" else labels[0]


def words_of(name: str) -> str:
    """ "key_event" -> "Key event": the fallback for a field not listed."""
    text = name.removesuffix("_id").replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def field_label(name: str, lang: str = "en") -> str:
    """A field's name in plain words, in English or Russian."""
    labels = FIELDS.get(name)
    return _pick(labels, lang) if labels else words_of(name)


def record_kind_label(entity: str, lang: str = "en") -> str:
    """A kind of record (a table name such as "events") in plain words."""
    labels = RECORD_KINDS.get(entity)
    return _pick(labels, lang) if labels else words_of(entity)


def vocabulary(entity: str, field: str) -> type[LabelledEnum] | None:
    """The fixed vocabulary a field's value comes from, if any (its labels are shown)."""
    if field == "fact_status":
        return FactStatus
    if field == "reliability":
        return Reliability
    return _VOCABULARIES.get((entity, field))


_VOCABULARIES: dict[tuple[str, str], type[LabelledEnum]] = {
    ("cases", "status"): CaseStatus,
    ("complaints", "status"): ComplaintStatus,
    ("persons", "kind"): PersonKind,
    ("organisations", "kind"): OrganisationKind,
    ("sources", "kind"): SourceKind,
    ("complaint_responses", "kind"): ResponseKind,
}
