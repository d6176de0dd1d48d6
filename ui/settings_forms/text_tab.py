"""The "Text (advanced)" tab: the profile's TOML in a monospace editor, error line marked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QFontDatabase, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import retranslate_on_change

_ERROR_LINE = QColor("#fbe3e0")


class ProfileTextEdit(QPlainTextEdit):
    """A monospace editor for TOML with one highlighted error line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

    def cursor_line(self) -> int:
        """Return the line (1-based) the cursor is on, shown beside the editor."""
        return self.textCursor().blockNumber() + 1

    def mark_line(self, line: int | None) -> None:
        """Highlight ``line`` (1-based) as the error line; None clears the mark."""
        if line is None:
            self.setExtraSelections([])
            return
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(_ERROR_LINE)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        cursor = QTextCursor(self.document().findBlockByNumber(max(0, line - 1)))
        selection.cursor = cursor
        self.setExtraSelections([selection])

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of ``line`` (1-based) and show it."""
        self.setTextCursor(QTextCursor(self.document().findBlockByNumber(max(0, line - 1))))
        self.centerCursor()
        self.setFocus()

    def marked_line(self) -> int | None:
        """Return the highlighted line (1-based), for tests and the status text."""
        selections = self.extraSelections()
        return selections[0].cursor.blockNumber() + 1 if selections else None

    def replace_text(self, text: str) -> None:
        """Put ``text`` in as one undoable edit, keeping the cursor's line (a form edit)."""
        line = self.cursor_line()
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        block = self.document().findBlockByNumber(min(line, self.blockCount()) - 1)
        self.setTextCursor(QTextCursor(block))


class TextTab(QWidget):
    """The file's path, the editor and the cursor's line number."""

    def __init__(self, path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.path_label = QLabel(self)
        self.path_label.setObjectName("settingsPath")
        self.editor = ProfileTextEdit(self)
        self.cursor_label = QLabel(self)
        self.cursor_label.setObjectName("settingsPath")
        self.editor.cursorPositionChanged.connect(self._update_cursor_label)
        top = QHBoxLayout()
        top.addWidget(self.path_label, 1)
        top.addWidget(self.cursor_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)
        self.retranslate()
        retranslate_on_change(self, self.retranslate)

    def title(self) -> str:
        """Return the tab's title."""
        return self.tr("Text (advanced)")

    def retranslate(self) -> None:
        """Word the labels again."""
        self.path_label.setText(
            str(self.path) if self.path else self.tr("Demo: changes are not saved to a file")
        )
        self._update_cursor_label()

    def _update_cursor_label(self) -> None:
        self.cursor_label.setText(self.tr("Line {line}").format(line=self.editor.cursor_line()))
