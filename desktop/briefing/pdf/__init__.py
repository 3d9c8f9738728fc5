"""briefing/pdf layer."""
