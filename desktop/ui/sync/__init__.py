"""The Sync dialog: removable drives, export and import of bundles, conflicts, pairing."""
