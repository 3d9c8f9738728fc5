"""Briefing packs: gather the case, apply the options, lay out the PDF, report its hash."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from desktop.briefing.data import assemble, load_snapshot
from desktop.briefing.model import Briefing, BriefingOptions
from desktop.services.sources import SourceService
from desktop.store import audit
from desktop.store.store import Store

Progress = Callable[[float], None]  # fraction done, 0.0 to 1.0


@dataclass(frozen=True)
class Pack:
    pdf: bytes
    sha256: str
    pages: int
    briefing: Briefing


class BriefingService:
    def __init__(self, store: Store, sources: SourceService) -> None:
        self.store = store
        self.sources = sources

    def briefing(self, case_id: str, options: BriefingOptions) -> Briefing:
        briefing = assemble(load_snapshot(self.store, case_id, self.sources.blob), options)
        with self.store.reading() as s:
            head = audit.head(s).text()
        return dataclasses.replace(briefing, audit_head=head)

    def build(
        self, case_id: str, options: BriefingOptions, progress: Progress | None = None
    ) -> Pack:
        # Imported here: reportlab and pypdf cost ~1.7 s of start-up every other command avoids.
        from io import BytesIO

        from pypdf import PdfReader

        from desktop.briefing.pdf.renderer import render_briefing

        briefing = self.briefing(case_id, options)
        pdf = render_briefing(briefing, progress)
        pages = len(PdfReader(BytesIO(pdf)).pages)
        return Pack(pdf, hashlib.sha256(pdf).hexdigest(), pages, briefing)
