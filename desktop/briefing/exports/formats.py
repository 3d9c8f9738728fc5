"""The export formats by name, each with its default file name, and how to render one."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Final

from desktop.briefing.exports.calendar import ics_file
from desktop.briefing.exports.content import ExportContent
from desktop.briefing.exports.edtfjson import edtf_json_file
from desktop.briefing.exports.ftm import ftm_file
from desktop.briefing.exports.sheets import csv_files, xlsx_file
from desktop.briefing.exports.timelinejs import timelinejs_file
from desktop.briefing.exports.uwazi import uwazi_files
from desktop.errors import KnownError, ValidationError

ExportFiles = list[tuple[str, bytes]]

# format -> the name offered for the output (a folder, or a .zip, for several files)
FORMATS: Final[dict[str, str]] = {
    "xlsx": "case.xlsx",
    "csv": "case-csv",
    "ics": "deadlines.ics",
    "timelinejs": "timeline.json",
    "ftm": "entities.ftm.json",
    "uwazi-csv": "case-uwazi",
    "edtf-json": "chronology.json",
}
SEVERAL_FILES: Final = frozenset({"csv", "uwazi-csv"})
MAX_ALARM_DAYS: Final = 365
TITLE_LIMIT: Final = 200


@dataclass(frozen=True)
class ExportSettings:
    """What only some formats ask for (the calendar's reminder and key facts)."""

    alarm_days: int = 7
    with_key_facts: bool = False
    # A title typed for this export (a public timeline's headline, the calendar's name);
    # empty: the case's title. Checked by the gate like everything else.
    title: str = ""

    def __post_init__(self) -> None:
        if len(self.title) > TITLE_LIMIT or "\n" in self.title:
            raise ValidationError(
                "The title must be one line of at most {limit} characters.",
                field="title",
                limit=TITLE_LIMIT,
            )
        if not 0 <= self.alarm_days <= MAX_ALARM_DAYS:
            raise ValidationError(
                "The reminder must come 0 to {days} days before the deadline.",
                field="alarm_days",
                days=MAX_ALARM_DAYS,
            )


def render(fmt: str, content: ExportContent, settings: ExportSettings) -> ExportFiles:
    if settings.title.strip():
        content = dataclasses.replace(content, title=" ".join(settings.title.split()))
    if fmt == "xlsx":
        return xlsx_file(content)
    if fmt == "csv":
        return csv_files(content)
    if fmt == "ics":
        return ics_file(content, settings.alarm_days, settings.with_key_facts)
    if fmt == "timelinejs":
        return timelinejs_file(content)
    if fmt == "ftm":
        return ftm_file(content)
    if fmt == "uwazi-csv":
        return uwazi_files(content)
    if fmt == "edtf-json":
        return edtf_json_file(content)
    raise KnownError("Unknown export format; choose from {listed}.", listed=", ".join(FORMATS))
