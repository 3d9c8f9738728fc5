"""Keeping Python's full garbage collections off the GUI thread's interactive path.

A full (generation 2) collection walks every object the collector tracks. Once the main
window is up, the process holds ~150,000 of them (modules, classes, SQLAlchemy metadata,
Qt wrappers), and each full pass took 90-120 ms on the GUI thread: measured while typing
in the timeline filter of a 100,000-event case, these passes were the only stalls over the
100 ms budget. The objects that exist at that point live for the whole session, so
`freeze_startup_objects` collects once and moves them to the permanent generation; later
full passes walk only what was created after. Called once, from the app's start.
"""

from __future__ import annotations

import gc


def freeze_startup_objects() -> int:
    """Collect, then exempt every surviving object from later collections; their count."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
