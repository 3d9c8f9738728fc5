"""Editors for every record: forms that validate through the services and support undo."""
