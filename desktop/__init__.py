"""Dossier: encrypted offline case files for human-rights advocates."""

__version__ = "0.1.0"
