"""Exports of a case for the tools around Dossier (spreadsheets, calendars, TimelineJS,
Aleph's Follow the Money, Uwazi, EDTF JSON).

Every format is written from one `ExportContent`, built by `content.py` from the same
selection and redaction as a briefing pack; `gate.py` then reads each finished file back
for protected names, as the pack's leak gate reads the PDF. One small module per format.
"""
