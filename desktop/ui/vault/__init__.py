"""Dialogs around the vault: welcome, create, unlock."""
