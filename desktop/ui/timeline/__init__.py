"""The Timeline tab: a filtered, lazily fetched event table under a zoomable time band."""

from desktop.ui.timeline.panel import TimelinePanel

__all__ = ["TimelinePanel"]
