"""One form field bound to a path in the profile: label, editor widget, plain error under it."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QTime, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from console.config.schedule import Weekday
from console.profile_form import FieldPath

_LOGGER = logging.getLogger(__name__)

THUMBNAIL_HEIGHT = 54
NO_VALUE = "—"  # an optional number left empty (the profile's default applies)


class Kind(Enum):
    """How a field is edited and what it writes into the profile."""

    TEXT = auto()  # required text: written as typed, "" included
    OPTIONAL_TEXT = auto()  # empty removes the key
    TABLE_TEXT = auto()  # empty removes the whole table the field is in (a preview URL)
    INT = auto()
    OPTIONAL_INT = auto()  # the lowest value shows NO_VALUE and removes the key
    BOOL = auto()
    CHOICE = auto()  # (label, value) pairs; a value None removes the key
    TIME = auto()
    DATE = auto()  # YYYY-MM-DD, empty removes the key
    WEEKDAYS = auto()
    IMAGE = auto()  # read-only: the thumbnail file the value names


@dataclass(frozen=True)
class FieldSpec:
    """A field of a table: ``key`` is dotted and relative to it ("preview.url")."""

    key: str
    kind: Kind
    minimum: int = 0
    maximum: int = 65535
    needs: str | None = None  # a sub-table that must exist for the field to be edited
    default: Any = None  # what the profile assumes when the key is missing (BOOL, CHOICE)

    def path(self, base: FieldPath) -> FieldPath:
        """Return the field's absolute path below ``base``."""
        return (*base, *self.key.split("."))


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
        maker = _EDITORS[self.spec.kind]
        return maker(self)

    # -- values ------------------------------------------------------------------------------
    def load(self, value: Any, choices: list[tuple[str, Any]] | None = None) -> None:
        """Show ``value`` without emitting ``edited`` (a no-op when it is shown already)."""
        self.editor.blockSignals(True)
        for child in self.editor.findChildren(QCheckBox):
            child.blockSignals(True)
        try:
            _LOADERS[self.spec.kind](self, value, choices)
        finally:
            self.editor.blockSignals(False)
            for child in self.editor.findChildren(QCheckBox):
                child.blockSignals(False)

    def is_marked(self) -> bool:
        """Tell whether the field shows an error (red border and message)."""
        return bool(self.frame.property("invalid")) and not self.error_label.isHidden()

    def value(self) -> Any:
        """Return the editor's value as the profile stores it."""
        return _READERS[self.spec.kind](self)

    def _emit(self, *_args: object) -> None:
        self.edited.emit(self.spec, self.value())

    def show_error(self, message: str | None) -> None:
        """Mark the field invalid with ``message`` under it; None clears the mark."""
        set_invalid(self.frame, message is not None)
        self.error_label.setText(message or "")
        self.error_label.setVisible(message is not None)


# -- editors per kind: make, load, read ---------------------------------------------------------
def _line(row: FieldRow) -> QWidget:
    edit = QLineEdit(row)
    edit.textEdited.connect(row._emit)
    if row.spec.kind is Kind.DATE:
        edit.setPlaceholderText("2026-01-31")
    return edit


def _spin(row: FieldRow) -> QWidget:
    spin = QSpinBox(row)
    optional = row.spec.kind is Kind.OPTIONAL_INT
    spin.setRange(row.spec.minimum - (1 if optional else 0), row.spec.maximum)
    if optional:
        spin.setSpecialValueText(NO_VALUE)
    spin.valueChanged.connect(row._emit)
    return spin


def _check(row: FieldRow) -> QWidget:
    box = QCheckBox(row)
    box.toggled.connect(row._emit)
    return box


def _combo(row: FieldRow) -> QWidget:
    combo = QComboBox(row)
    combo.activated.connect(row._emit)
    return combo


def _time(row: FieldRow) -> QWidget:
    edit = QTimeEdit(row)
    edit.setDisplayFormat("HH:mm")
    edit.timeChanged.connect(row._emit)
    return edit


def _weekdays(row: FieldRow) -> QWidget:
    holder = QWidget(row)
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for day in Weekday:
        box = QCheckBox(holder)
        box.setObjectName(f"weekday_{day.value}")
        box.setProperty("weekday", day.value)
        box.toggled.connect(row._emit)
        layout.addWidget(box)
    layout.addStretch(1)
    return holder


def _image(row: FieldRow) -> QWidget:
    label = QLabel(row)
    label.setObjectName("fieldImage")
    return label


def _load_text(row: FieldRow, value: Any, _choices: object) -> None:
    assert isinstance(row.editor, QLineEdit)
    text = "" if value is None else str(value)
    if row.editor.text() != text:
        row.editor.setText(text)


def _load_int(row: FieldRow, value: Any, _choices: object) -> None:
    assert isinstance(row.editor, QSpinBox)
    number = row.editor.minimum() if not isinstance(value, int) else value
    if row.editor.value() != number:
        row.editor.setValue(number)


def _load_bool(row: FieldRow, value: Any, _choices: object) -> None:
    assert isinstance(row.editor, QCheckBox)
    row.editor.setChecked(bool(value if value is not None else row.spec.default))


def _load_choice(row: FieldRow, value: Any, choices: list[tuple[str, Any]] | None) -> None:
    assert isinstance(row.editor, QComboBox)
    items = list(choices or [])
    value = row.spec.default if value is None else value
    if value is not None and value not in [v for _label, v in items]:
        items.append((str(value), value))  # a value typed in the text is shown as it is
    if [v for _l, v in items] != row._choices or [
        row.editor.itemText(i) for i in range(row.editor.count())
    ] != [label for label, _v in items]:
        row.editor.clear()
        row.editor.addItems([label for label, _v in items])
        row._choices = [v for _l, v in items]
    index = row._choices.index(value) if value in row._choices else 0
    row.editor.setCurrentIndex(index)


def _load_time(row: FieldRow, value: Any, _choices: object) -> None:
    assert isinstance(row.editor, QTimeEdit)
    if isinstance(value, dt.time):
        row.editor.setTime(QTime(value.hour, value.minute))


def _load_weekdays(row: FieldRow, value: Any, _choices: object) -> None:
    days = set(value or [])
    for box in row.editor.findChildren(QCheckBox):
        box.setChecked(box.property("weekday") in days)


def _load_image(row: FieldRow, value: Any, _choices: object) -> None:
    assert isinstance(row.editor, QLabel)
    pixmap = QPixmap()
    if isinstance(value, str) and value and row.image_folder is not None:
        image = QImage(str(row.image_folder / Path(value).name))
        if not image.isNull():
            pixmap = QPixmap.fromImage(image).scaledToHeight(THUMBNAIL_HEIGHT)
    row.editor.setPixmap(pixmap)
    row.setVisible(not pixmap.isNull())


def _read_text(row: FieldRow) -> Any:
    assert isinstance(row.editor, QLineEdit)
    text = row.editor.text().strip()
    if row.spec.kind is Kind.TEXT:
        return text
    if row.spec.kind is Kind.DATE and text:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text  # kept as typed: validation names the field
    return text or None


def _read_int(row: FieldRow) -> Any:
    assert isinstance(row.editor, QSpinBox)
    value = row.editor.value()
    optional = row.spec.kind is Kind.OPTIONAL_INT
    return None if optional and value == row.editor.minimum() else value


def _read_bool(row: FieldRow) -> Any:
    assert isinstance(row.editor, QCheckBox)
    return row.editor.isChecked()


def _read_choice(row: FieldRow) -> Any:
    assert isinstance(row.editor, QComboBox)
    index = row.editor.currentIndex()
    return row._choices[index] if 0 <= index < len(row._choices) else None


def _read_time(row: FieldRow) -> Any:
    assert isinstance(row.editor, QTimeEdit)
    time = row.editor.time()
    return dt.time(time.hour(), time.minute())


def _read_weekdays(row: FieldRow) -> Any:
    boxes = row.editor.findChildren(QCheckBox)
    return [str(box.property("weekday")) for box in boxes if box.isChecked()]


Loader = Callable[[FieldRow, Any, Any], None]
_TEXTS = (Kind.TEXT, Kind.OPTIONAL_TEXT, Kind.TABLE_TEXT, Kind.DATE)
_EDITORS: dict[Kind, Callable[[FieldRow], QWidget]] = {
    **dict.fromkeys(_TEXTS, _line),
    Kind.INT: _spin,
    Kind.OPTIONAL_INT: _spin,
    Kind.BOOL: _check,
    Kind.CHOICE: _combo,
    Kind.TIME: _time,
    Kind.WEEKDAYS: _weekdays,
    Kind.IMAGE: _image,
}
_LOADERS: dict[Kind, Loader] = {
    **dict.fromkeys(_TEXTS, _load_text),
    Kind.INT: _load_int,
    Kind.OPTIONAL_INT: _load_int,
    Kind.BOOL: _load_bool,
    Kind.CHOICE: _load_choice,
    Kind.TIME: _load_time,
    Kind.WEEKDAYS: _load_weekdays,
    Kind.IMAGE: _load_image,
}
_READERS: dict[Kind, Callable[[FieldRow], Any]] = {
    **dict.fromkeys(_TEXTS, _read_text),
    Kind.INT: _read_int,
    Kind.OPTIONAL_INT: _read_int,
    Kind.BOOL: _read_bool,
    Kind.CHOICE: _read_choice,
    Kind.TIME: _read_time,
    Kind.WEEKDAYS: _read_weekdays,
    Kind.IMAGE: lambda row: None,
}
