"""The Sources & Exhibits tab: sources, attached files, a viewer that reads from memory."""
