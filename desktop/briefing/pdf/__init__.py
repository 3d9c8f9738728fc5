"""The PDF layout of briefing packs and of the emergency kit (reportlab Platypus)."""
