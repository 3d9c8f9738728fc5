"""briefing layer."""
