"""The `edtf-json` export: a plain public JSON of the chronology with EDTF dates.

For a web page or a script: each fact with its id, its date as EDTF (ISO 8601-2: "2008-03~"
circa March 2008, "../2010-08-05" before, "2008-08-25/2008-08-26" a range), the date as
written, the pack's paragraph number, title, description, place, fact status, whether it
is a key fact, the people with their role and the sources cited (label and pinpoint);
then the sources themselves. Keys are sorted and the layout fixed, so equal content
gives equal bytes.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.briefing.exports.content import ExportContent

FORMAT_VERSION = 1


def chronology_data(content: ExportContent) -> dict[str, Any]:
    return {
        "format": "dossier-chronology",
        "version": FORMAT_VERSION,
        "case": {"title": content.title, "sample_data": content.is_sample},
        "language": content.lang,
        "redaction": content.redaction,
        "generated_on": content.generated_on.isoformat(),
        "events": [
            {
                "id": e.id,
                "number": e.number,
                "edtf": e.date.to_edtf(),
                "date_note": e.date.part,
                "date_text": e.date_text,
                "title": e.title,
                "description": e.description,
                "place": e.place,
                "fact_status": e.status,
                "key": e.key,
                "people": [{"name": p.name, "role": p.role, "rank": p.rank} for p in e.people],
                "sources": [{"label": r.label, "pinpoint": r.pinpoint} for r in e.sources],
            }
            for e in content.events
        ],
        "sources": [
            {
                "label": s.label,
                "title": s.title,
                "author": s.author,
                "publisher": s.publisher,
                "edtf": "" if s.date.is_undated else s.date.to_edtf(),
                "url": s.url,
            }
            for s in content.sources
        ],
    }


def edtf_json_file(
    content: ExportContent, file_name: str = "chronology.json"
) -> list[tuple[str, bytes]]:
    text = json.dumps(chronology_data(content), ensure_ascii=False, indent=1, sort_keys=True)
    return [(file_name, (text + "\n").encode("utf-8"))]
