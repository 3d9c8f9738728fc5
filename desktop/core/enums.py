"""The fixed vocabularies of a case file, with English and Russian labels.

Each enum's values are stable lowercase identifiers stored in the database and in sync
bundles: never rename a value, only add. Labels are for people and may change freely.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, Self

Lang = Literal["en", "ru"]
LANGUAGES: tuple[Lang, ...] = ("en", "ru")


class UnknownLanguageError(ValueError):
    """A label was asked for in a language the vocabularies do not have."""


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry an English and a Russian label.

    Members are declared as ``NAME = "value", "English label", "Русская подпись"``.
    """

    _label_en: str
    _label_ru: str

    # Variadic labels keep `PersonKind("victim")`, the value lookup, well-typed.
    def __new__(cls, value: str, *labels: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member._label_en, member._label_ru = labels
        return member

    def label(self, lang: str = "en") -> str:
        """The member's label for people, in English ("en") or Russian ("ru")."""
        if lang == "en":
            return self._label_en
        if lang == "ru":
            return self._label_ru
        raise UnknownLanguageError("Labels exist only in English and Russian.")

    @classmethod
    def choices(cls, lang: str = "en") -> list[tuple[Self, str]]:
        """Every member with its label, in declaration order (for pick lists)."""
        return [(member, member.label(lang)) for member in cls]


class PersonKind(LabelledEnum):
    """The part a person plays in a case."""

    VICTIM = "victim", "Victim", "Потерпевший"
    OFFICIAL = "official", "Official", "Должностное лицо"
    JUDGE = "judge", "Judge", "Судья"
    PROSECUTOR = "prosecutor", "Prosecutor", "Прокурор"
    INVESTIGATOR = "investigator", "Investigator", "Следователь"
    LAWYER = "lawyer", "Lawyer", "Адвокат"
    WITNESS = "witness", "Witness", "Свидетель"
    OTHER = "other", "Other", "Другое"


class OrganisationKind(LabelledEnum):
    """What sort of body an organisation is."""

    AGENCY = "agency", "Agency", "Ведомство"
    UNIT = "unit", "Unit", "Подразделение"
    COURT = "court", "Court", "Суд"
    PROSECUTOR = "prosecutor", "Prosecutor's office", "Прокуратура"
    DETENTION_FACILITY = "detention_facility", "Detention facility", "Место содержания под стражей"
    COMPANY = "company", "Company", "Компания"
    FOREIGN_GOVERNMENT = "foreign_government", "Foreign government", "Иностранное правительство"
    INTERGOVERNMENTAL = (
        "intergovernmental",
        "Intergovernmental organisation",
        "Межправительственная организация",
    )
    NGO = "ngo", "Non-governmental organisation", "Неправительственная организация"
    OTHER = "other", "Other", "Другое"


class FactStatus(LabelledEnum):
    """How far an event is established."""

    UNDISPUTED = "undisputed", "Undisputed", "Не оспаривается"
    DISPUTED = "disputed", "Disputed", "Оспаривается"
    UNVERIFIED = "unverified", "Unverified", "Не подтверждено"


class DisputedBy(LabelledEnum):
    """Who disputes a fact marked disputed; "other" names them in free text beside it.

    An event stores "" when nobody was named (facts entered before the choice existed):
    those print as disputed by the authorities, the only wording there used to be.
    """

    AUTHORITIES = "authorities", "The authorities", "Власти"
    DEFENCE = "defence", "The defence", "Защита"
    OTHER = "other", "Other (name them)", "Другое (укажите)"


class ComplaintStatus(LabelledEnum):
    """Where a complaint stands, from draft to closed."""

    DRAFT = "draft", "Draft", "Черновик"
    FILED = "filed", "Filed", "Подана"
    ACKNOWLEDGED = "acknowledged", "Acknowledged", "Получение подтверждено"
    FORWARDED = "forwarded", "Forwarded", "Перенаправлена"
    ANSWERED = "answered", "Answered", "Получен ответ"
    REJECTED = "rejected", "Rejected", "Отклонена"
    APPEALED = "appealed", "Appealed", "Обжалована"
    CLOSED = "closed", "Closed", "Закрыта"


class SourceKind(LabelledEnum):
    """What sort of document a source is."""

    OFFICIAL_STATEMENT = "official_statement", "Official statement", "Официальное заявление"
    OFFICIAL_REPORT = "official_report", "Official report", "Официальный доклад"
    INTERGOVERNMENTAL_REPORT = (
        "intergovernmental_report",
        "Intergovernmental report",
        "Доклад межправительственной организации",
    )
    LAW = "law", "Law", "Закон"
    COURT_DECISION = "court_decision", "Court decision", "Судебное решение"
    PRESS = "press", "Press", "Пресса"
    BOOK = "book", "Book", "Книга"
    ADVOCACY_PUBLICATION = (
        "advocacy_publication",
        "Advocacy publication",
        "Правозащитная публикация",
    )
    WITNESS_STATEMENT = "witness_statement", "Witness statement", "Показания свидетеля"
    OTHER = "other", "Other", "Другое"


class Reliability(LabelledEnum):
    """How far a source can be trusted."""

    HIGH = "high", "High", "Высокая"
    MEDIUM = "medium", "Medium", "Средняя"
    LOW = "low", "Low", "Низкая"
    UNKNOWN = "unknown", "Unknown", "Неизвестна"


class Redaction(LabelledEnum):
    """Who may see an item: the team only, counsel as well, or anyone."""

    INTERNAL = "internal", "Internal only", "Только для команды"
    COUNSEL = "counsel", "Counsel", "Для адвокатов"
    PUBLIC = "public", "Public", "Публично"


class CaseStatus(LabelledEnum):
    """Whether a case is being worked on."""

    OPEN = "open", "Open", "Открыто"
    CLOSED = "closed", "Closed", "Закрыто"
    ARCHIVED = "archived", "Archived", "В архиве"


class ResponseKind(LabelledEnum):
    """What a body's reply to a complaint amounts to."""

    ACKNOWLEDGEMENT = "acknowledgement", "Acknowledgement of receipt", "Уведомление о получении"
    FORWARDING = "forwarding", "Forwarding to another body", "Перенаправление в другой орган"
    REFUSAL = "refusal", "Refusal", "Отказ"
    DECISION = "decision", "Decision", "Решение"
    OTHER = "other", "Other", "Другое"


ALL_VOCABULARIES: tuple[type[LabelledEnum], ...] = (
    PersonKind,
    OrganisationKind,
    FactStatus,
    DisputedBy,
    ComplaintStatus,
    SourceKind,
    Reliability,
    Redaction,
    CaseStatus,
    ResponseKind,
)
