"""Telling the user about failures: a plain sentence for known errors, an apology for bugs."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import KnownError
from desktop.errortexts import error_text as _error_text
from desktop.ui.i18n import current_language

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def error_text(exc: BaseException) -> str:
    """A KnownError's sentence in the interface language (see desktop.errortexts)."""
    return _error_text(exc, current_language())


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Show `exc` without blocking: its sentence if it is a KnownError, else an apology."""
    if isinstance(exc, KnownError):
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("Messages", "Dossier"),
            error_text(exc),
            parent=parent,
        )
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        box = apology_box(parent)
    box.setObjectName("errorBox")
    box.open()
    return box


def apology_box(parent: QWidget | None = None) -> QMessageBox:
    return QMessageBox(
        QMessageBox.Icon.Critical,
        translate("Messages", "Dossier"),
        translate(
            "Messages",
            "Sorry, something went wrong inside Dossier. Your saved work is safe. "
            "The details were written to the log; please restart the application "
            "if it misbehaves.",
        ),
        parent=parent,
    )


def confirm(parent: QWidget | None, question: str) -> bool:
    """Ask a yes/no question (used before deleting); No is the default."""
    answer = QMessageBox.question(
        parent,
        translate("Messages", "Dossier"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
