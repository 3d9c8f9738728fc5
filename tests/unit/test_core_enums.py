"""The stored vocabularies: stable values, labels in both languages."""

import pytest

from desktop.core.enums import (
    ALL_VOCABULARIES,
    CaseStatus,
    ComplaintStatus,
    DisputedBy,
    FactStatus,
    LabelledEnum,
    OrganisationKind,
    PersonKind,
    Redaction,
    Reliability,
    ResponseKind,
    SourceKind,
    UnknownLanguageError,
)

# The stored values are a contract with every existing database and sync bundle.
STORED_VALUES: dict[type[LabelledEnum], list[str]] = {
    DisputedBy: ["authorities", "defence", "other"],
    PersonKind: [
        "victim",
        "official",
        "judge",
        "prosecutor",
        "investigator",
        "lawyer",
        "witness",
        "other",
    ],
    OrganisationKind: [
        "agency",
        "unit",
        "court",
        "prosecutor",
        "detention_facility",
        "company",
        "foreign_government",
        "intergovernmental",
        "ngo",
        "other",
    ],
    FactStatus: ["undisputed", "disputed", "unverified"],
    ComplaintStatus: [
        "draft",
        "filed",
        "acknowledged",
        "forwarded",
        "answered",
        "rejected",
        "appealed",
        "closed",
    ],
    SourceKind: [
        "official_statement",
        "official_report",
        "intergovernmental_report",
        "law",
        "court_decision",
        "press",
        "book",
        "advocacy_publication",
        "witness_statement",
        "other",
    ],
    Reliability: ["high", "medium", "low", "unknown"],
    Redaction: ["internal", "counsel", "public"],
    CaseStatus: ["open", "closed", "archived"],
    ResponseKind: ["acknowledgement", "forwarding", "refusal", "decision", "other"],
}


@pytest.mark.parametrize("vocabulary", ALL_VOCABULARIES, ids=lambda v: v.__name__)
def test_stored_values_are_stable(vocabulary: type[LabelledEnum]) -> None:
    assert [member.value for member in vocabulary] == STORED_VALUES[vocabulary]


def test_every_vocabulary_is_listed() -> None:
    assert set(ALL_VOCABULARIES) == set(STORED_VALUES)


@pytest.mark.parametrize("vocabulary", ALL_VOCABULARIES, ids=lambda v: v.__name__)
def test_members_round_trip_through_their_stored_text(vocabulary: type[LabelledEnum]) -> None:
    for member in vocabulary:
        assert vocabulary(str(member)) is member
        assert member == member.value


@pytest.mark.parametrize("vocabulary", ALL_VOCABULARIES, ids=lambda v: v.__name__)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_labels_are_present_and_distinct(vocabulary: type[LabelledEnum], lang: str) -> None:
    labels = [member.label(lang) for member in vocabulary]
    assert all(label.strip() == label and label for label in labels)
    assert len(set(labels)) == len(labels)


@pytest.mark.parametrize("vocabulary", ALL_VOCABULARIES, ids=lambda v: v.__name__)
def test_russian_labels_are_in_cyrillic(vocabulary: type[LabelledEnum]) -> None:
    for member in vocabulary:
        assert any("а" <= ch.lower() <= "я" for ch in member.label("ru")), member


def test_fact_status_labels() -> None:
    assert [s.label("en") for s in FactStatus] == [
        "Undisputed",
        "Disputed",
        "Unverified",
    ]
    assert FactStatus.DISPUTED.label("ru") == "Оспаривается"


def test_label_defaults_to_english() -> None:
    assert ComplaintStatus.FORWARDED.label() == "Forwarded"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(UnknownLanguageError):
        PersonKind.VICTIM.label("de")
    assert issubclass(UnknownLanguageError, ValueError)


def test_choices_pair_members_with_labels() -> None:
    assert CaseStatus.choices("ru") == [
        (CaseStatus.OPEN, "Открыто"),
        (CaseStatus.CLOSED, "Закрыто"),
        (CaseStatus.ARCHIVED, "В архиве"),
    ]


def test_unknown_stored_value_is_refused() -> None:
    with pytest.raises(ValueError):
        Reliability("certain")
