"""One form field bound to a path in the profile: label, editor widget, plain error under it."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QVBoxLayout, QWidget

from console.config.schedule import Weekday
from console.profile_form import FieldPath
from ui.settings_forms.field_editors import EDITORS, LOADERS, NO_VALUE, READERS
from ui.settings_forms.field_spec import FieldSpec, Kind

_LOGGER = logging.getLogger(__name__)

__all__ = [
    "NO_VALUE", "FieldRow", "FieldSpec", "FormTexts", "Kind", "lookup", "set_invalid", "tables",
]  # fmt: skip


class FormTexts(Protocol):
    """What a tab supplies to the generic fields: its translated words and choices."""

    def label(self, key: str) -> str:
        """Return the label of the field ``key``."""
        ...

    def choices(self, key: str, data: Mapping[str, Any]) -> list[tuple[str, Any]]:
        """Return (label, value) pairs of a CHOICE field; ``data`` is the whole profile."""
        ...


def lookup(data: Any, path: FieldPath) -> Any:
    """Return the value at ``path`` in plain profile data, None when missing."""
    node = data
    for part in path:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
        else:
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            return None
    return node


def tables(value: Any) -> list[dict[str, Any]]:
    """Return ``value`` when it is an array of tables, else [] (a hand-typed odd value)."""
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return value
    return []


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Give ``widget`` the red border of an invalid field (style sheet: [invalid="true"])."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class FieldRow(QWidget):
    """Label, editor and the error under it, for the field at ``path``."""

    edited = Signal(object, object)  # (spec, value) as it goes into the profile

    def __init__(
        self,
        spec: FieldSpec,
        path: FieldPath,
        parent: QWidget | None = None,
        image_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fieldRow")
        self.spec = spec
        self.path = path
        self.image_folder = image_folder
        self._choices: list[Any] = []
        self.label = QLabel(self)
        self.label.setObjectName("fieldLabel")
        self.label.setWordWrap(True)  # Vietnamese labels are long; the column stays put
        self.frame = QFrame(self)  # carries the red border: styling the editor would lose arrows
        self.frame.setObjectName("fieldFrame")
        self.editor = self._make_editor()
        frame_layout = QVBoxLayout(self.frame)
        frame_layout.setContentsMargins(2, 2, 2, 2)
        frame_layout.addWidget(self.editor)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addStretch(1)  # a label that wraps pushes its editor down to its neighbours' line
        layout.addWidget(self.label)
        layout.addWidget(self.frame)
        layout.addWidget(self.error_label)
        self.retranslate()

    def set_label(self, text: str) -> None:
        """Set the field's label (a check box carries it itself)."""
        if isinstance(self.editor, QCheckBox):
            self.editor.setText(text)
            self.label.hide()
        else:
            self.label.setText(text)

    def retranslate(self) -> None:
        """Word the weekday boxes (other labels come from the tab)."""
        names = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        for day, name in zip(Weekday, names, strict=True):
            box = self.editor.findChild(QCheckBox, f"weekday_{day.value}")
            if box is not None:
                box.setText(name)

    def _make_editor(self) -> QWidget:
        maker = EDITORS[self.spec.kind]
        return maker(self)

    # -- values ------------------------------------------------------------------------------
    def load(self, value: Any, choices: list[tuple[str, Any]] | None = None) -> None:
        """Show ``value`` without emitting ``edited`` (a no-op when it is shown already)."""
        self.editor.blockSignals(True)
        for child in self.editor.findChildren(QCheckBox):
            child.blockSignals(True)
        try:
            LOADERS[self.spec.kind](self, value, choices)
        finally:
            self.editor.blockSignals(False)
            for child in self.editor.findChildren(QCheckBox):
                child.blockSignals(False)

    def is_marked(self) -> bool:
        """Tell whether the field shows an error (red border and message)."""
        return bool(self.frame.property("invalid")) and not self.error_label.isHidden()

    def value(self) -> Any:
        """Return the editor's value as the profile stores it."""
        return READERS[self.spec.kind](self)

    def _emit(self, *_args: object) -> None:
        self.edited.emit(self.spec, self.value())

    def show_error(self, message: str | None) -> None:
        """Mark the field invalid with ``message`` under it; None clears the mark."""
        set_invalid(self.frame, message is not None)
        self.error_label.setText(message or "")
        self.error_label.setVisible(message is not None)
