"""The "Briefing pack" dialog: options, preview, save and print of a case's PDF pack."""

from desktop.ui.briefing.dialog import BriefingDialog, open_briefing_dialog

__all__ = ["BriefingDialog", "open_briefing_dialog"]
