"""Briefing packs: gather the case, apply the options, lay out the PDF, check it, report its hash.

A `counsel` or `public` pack is checked twice before anyone can save it: each cleared
PDF exhibit is read for protected names before layout (refused with its page number),
and the finished pack is read back whole by the leak gate (`briefing.leakgate`). Either
refusal is a `KnownError` and no `Pack` exists, so nothing can be written or printed.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.briefing.data import assemble, uncleared_exhibits
from desktop.briefing.model import Briefing, BriefingOptions
from desktop.briefing.redaction import ProtectedNames
from desktop.briefing.selection import protected_names
from desktop.briefing.snapshot import CaseSnapshot, load_snapshot
from desktop.services.sources import SourceService
from desktop.store import audit
from desktop.store.store import Store

if TYPE_CHECKING:
    from desktop.briefing.leakgate import RedactionCheck

Progress = Callable[[float], None]  # fraction done, 0.0 to 1.0


@dataclass(frozen=True)
class Pack:
    pdf: bytes
    sha256: str
    pages: int
    briefing: Briefing
    # Set for counsel and public packs, which passed the leak gate.
    redaction_check: RedactionCheck | None = None
    # Attachments the pack left out because nobody cleared them for its profile.
    uncleared: int = 0


class BriefingService:
    def __init__(self, store: Store, sources: SourceService) -> None:
        self.store = store
        self.sources = sources

    def snapshot(self, case_id: str) -> CaseSnapshot:
        """The case as a pack prints it; files still without an exhibit label get theirs
        first (written to the vault, so every later pack and device uses the same)."""
        self.sources.label_exhibits(case_id)
        return load_snapshot(self.store, case_id, self.sources.blob)

    def briefing(self, case_id: str, options: BriefingOptions) -> Briefing:
        return self._with_audit_head(assemble(self.snapshot(case_id), options))

    def _with_audit_head(self, briefing: Briefing) -> Briefing:
        """The pack carries the audit log's head, printed on its last page of text."""
        with self.store.reading() as s:
            head = audit.head(s).text()
        return dataclasses.replace(briefing, audit_head=head)

    def build(
        self,
        case_id: str,
        options: BriefingOptions,
        progress: Progress | None = None,
        *,
        redact_with: ProtectedNames | None = None,
    ) -> Pack:
        """Build, and for redacted profiles check, the pack; `RedactionRefused` or
        `ExhibitRefused` when a protected name would be in it.

        `redact_with` replaces the forms redaction removes (tests weaken it on purpose to
        show that the gate, which always searches for every form, still refuses).
        """
        # Imported here: reportlab and pypdf cost ~1.7 s of start-up every other command avoids.
        from io import BytesIO

        from pypdf import PdfReader

        from desktop.briefing.leakgate import check_exhibits, check_pack
        from desktop.briefing.pdf.renderer import render_briefing

        snapshot = self.snapshot(case_id)
        names = protected_names(snapshot, options)
        briefing = self._with_audit_head(assemble(snapshot, options, redact_with or names))
        redacted = options.redaction != "internal"
        if redacted:
            check_exhibits(briefing.exhibits, names.finder, briefing.paper, briefing.lang)
        pdf = render_briefing(briefing, progress)
        check = None
        if redacted:
            check = check_pack(pdf, names.finder, len(names.forms), names.people)
        pages = len(PdfReader(BytesIO(pdf)).pages)
        return Pack(
            pdf,
            hashlib.sha256(pdf).hexdigest(),
            pages,
            briefing,
            redaction_check=check,
            uncleared=uncleared_exhibits(snapshot, options) if redacted else 0,
        )
