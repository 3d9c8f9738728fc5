"""The "Export" dialog: a case for other tools, through the briefing pack's redaction."""

from desktop.ui.exports.dialog import ExportDialog, open_export_dialog

__all__ = ["ExportDialog", "open_export_dialog"]
