"""Use cases over an unlocked vault: Qt-free, validated, every change audited."""
