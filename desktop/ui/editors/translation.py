"""The translation line under a title: the same text in the other language (core.bilingual).

One compact row: the translated title (its placeholder says which language it wants,
Russian for an English title, English for a Russian one) beside a choice of the main
text's language ("by script" until the user says). Records with a description (or a
summary) get a button that opens its translation, shown already open when there is one.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.bilingual import main_lang, other_lang


class TranslationBox(QWidget):
    """`title_alt` (or `subject_alt`), optionally `description_alt`, and `text_lang`.

    `main` is the editor's own title (or subject) widget: the box follows its script to
    name the language it asks for.
    """

    def __init__(
        self,
        main: QLineEdit | QPlainTextEdit,
        title_field: str = "title_alt",
        description_field: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._main = main
        self.title_field = title_field
        self.description_field = description_field
        self.title = QLineEdit(self)
        self.title.setObjectName("translation_title")
        self.lang = QComboBox(self)
        self.lang.setObjectName("translation_lang")
        self.lang.addItem(self.tr("Text above: by script"), "")
        self.lang.addItem(self.tr("Text above: English"), "en")
        self.lang.addItem(self.tr("Text above: Russian"), "ru")
        self.lang.setToolTip(self.tr("The language the title and description above are in"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title, 1)
        row.addWidget(self.lang)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        self.description: QPlainTextEdit | None = None
        self.toggle: QToolButton | None = None
        if description_field:
            self.toggle = QToolButton(self)
            self.toggle.setObjectName("translation_toggle")
            self.toggle.setCheckable(True)
            self.description = QPlainTextEdit(self)
            self.description.setObjectName("translation_description")
            self.description.setMaximumHeight(80)
            self.description.hide()
            self.toggle.toggled.connect(self.description.setVisible)
            column.addWidget(self.toggle)
            column.addWidget(self.description)
        self.setFocusProxy(self.title)
        main.textChanged.connect(self._relabel)
        self.lang.currentIndexChanged.connect(self._relabel)
        self._relabel()

    def _main_text(self) -> str:
        main = self._main
        return main.text() if isinstance(main, QLineEdit) else main.toPlainText()

    def wanted(self) -> str:
        """The language the translation is in: the other one of the main text's."""
        return other_lang(main_lang(str(self.lang.currentData()), self._main_text()))

    def _relabel(self) -> None:
        russian = self.wanted() == "ru"
        if self.title_field == "subject_alt":
            shown = self.tr("Subject in Russian") if russian else self.tr("Subject in English")
        else:
            shown = self.tr("Title in Russian") if russian else self.tr("Title in English")
        self.title.setPlaceholderText(shown)
        self.title.setAccessibleName(shown)
        if self.toggle is not None and self.description is not None:
            if self.description_field == "summary_alt":
                text = self.tr("Summary in Russian") if russian else self.tr("Summary in English")
            else:
                text = (
                    self.tr("Description in Russian")
                    if russian
                    else self.tr("Description in English")
                )
            self.toggle.setText(text)
            self.description.setAccessibleName(text)

    def load(self, text_lang: str, title: str, description: str = "") -> None:
        index = self.lang.findData(text_lang)
        self.lang.setCurrentIndex(max(index, 0))
        self.title.setText(title)
        if self.description is not None and self.toggle is not None:
            self.description.setPlainText(description)
            self.toggle.setChecked(bool(description))

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {
            "text_lang": str(self.lang.currentData()),
            self.title_field: self.title.text(),
        }
        if self.description_field and self.description is not None:
            values[self.description_field] = self.description.toPlainText()
        return values
