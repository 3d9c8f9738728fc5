"""The Russian translation is complete, and text renders with real glyphs offscreen."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QRawFont
from pytestqt.qtbot import QtBot

from desktop.paths import resources_dir
from desktop.ui.i18n import install_language
from desktop.ui.vault.welcome import WelcomeDialog

TS = resources_dir() / "translations" / "dossier_ru.ts"


def test_every_russian_message_is_finished() -> None:
    messages = list(ET.parse(TS).getroot().iter("message"))
    assert len(messages) > 300
    problems = []
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(source)
        elif message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.iter("numerusform")]
            if len(forms) != 3 or not all(f.strip() for f in forms):
                problems.append(source)
        elif not (translation.text or "").strip():
            problems.append(source)
    assert problems == []


def test_dialog_switches_to_russian_and_back(qtbot: QtBot, english: None) -> None:
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    assert install_language("ru")
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    assert dialog.demo_button.text() == "Открыть &демонстрационное дело"
    install_language("en")
    assert WelcomeDialog().demo_button.text() == "Open the &demo case"


def test_offscreen_fonts_have_latin_and_cyrillic_glyphs(qtbot: QtBot) -> None:
    assert QFontDatabase.families(), "no fonts: every text would render as boxes"
    font = QFont()
    metrics = QFontMetrics(font)
    for char in "AЖжё":
        assert metrics.inFontUcs4(ord(char)), char
    for system, sample in (
        (QFontDatabase.WritingSystem.Cyrillic, "Кузнецов Ж"),
        (QFontDatabase.WritingSystem.Latin, "Kuznetsov A"),
    ):
        raw = QRawFont.fromFont(font, system)  # the font Qt really draws this script with
        assert raw.isValid(), system
        assert all(raw.supportsCharacter(ord(c)) for c in sample.replace(" ", "")), system
        assert all(index != 0 for index in raw.glyphIndexesForString(sample)), system
