"""The editor widget of each field kind: how it is made, shown a value, and read."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTime
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from console.config.schedule import Weekday
from ui.settings_forms.field_spec import Kind

if TYPE_CHECKING:
    from ui.settings_forms.fields import FieldRow

THUMBNAIL_HEIGHT = 54
NO_VALUE = "—"  # an optional number left empty (the profile's default applies)


def _line(row: FieldRow) -> QWidget:
    edit = QLineEdit(row)
    edit.textEdited.connect(row._emit)
    if row.spec.kind is Kind.DATE:
        edit.setPlaceholderText("2026-01-31")
    elif isinstance(row.spec.default, str):
        edit.setPlaceholderText(row.spec.default)  # what the profile uses while it is empty
    return edit


def _spin(row: FieldRow) -> QWidget:
    spin = QSpinBox(row)
    optional = row.spec.kind is Kind.OPTIONAL_INT
    spin.setRange(int(row.spec.minimum) - (1 if optional else 0), int(row.spec.maximum))
    if optional:
        spin.setSpecialValueText(NO_VALUE)
    spin.valueChanged.connect(row._emit)
    return spin


def _float(row: FieldRow) -> QWidget:
    spin = QDoubleSpinBox(row)
    spin.setDecimals(1)
    spin.setSingleStep(0.5)
    spin.setRange(row.spec.minimum, row.spec.maximum)
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
    if not isinstance(value, int):
        value = row.spec.default if isinstance(row.spec.default, int) else row.editor.minimum()
    if row.editor.value() != value:
        row.editor.setValue(value)


def _load_float(row: FieldRow, value: Any, _choices: object) -> None:
    assert isinstance(row.editor, QDoubleSpinBox)
    if not isinstance(value, int | float) or isinstance(value, bool):
        value = row.spec.default if row.spec.default is not None else row.editor.minimum()
    if abs(row.editor.value() - float(value)) > 1e-9:
        row.editor.setValue(float(value))


def _load_bool(row: FieldRow, value: Any, _choices: object) -> None:
    assert isinstance(row.editor, QCheckBox)
    row.editor.setChecked(bool(value if value is not None else row.spec.default))


def _load_flag(row: FieldRow, value: Any, _choices: object) -> None:
    assert isinstance(row.editor, QCheckBox)
    row.editor.setChecked(value is not None)


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


def _load_numbers(row: FieldRow, value: Any, _choices: object) -> None:
    assert isinstance(row.editor, QLineEdit)
    if _read_numbers(row) == value:
        return  # what is typed means that already: keep the person's commas and spaces
    text = ", ".join(str(n) for n in value) if isinstance(value, list) else str(value or "")
    if row.editor.text() != text:
        row.editor.setText(text)


def _read_numbers(row: FieldRow) -> Any:
    assert isinstance(row.editor, QLineEdit)
    parts = [part for part in re.split(r"[,;\s]+", row.editor.text()) if part]
    if not parts:
        return None
    if all(part.isdigit() for part in parts):
        return [int(part) for part in parts]
    return row.editor.text().strip()  # kept as typed: validation names the field


def _read_float(row: FieldRow) -> Any:
    assert isinstance(row.editor, QDoubleSpinBox)
    return round(row.editor.value(), 1)


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


Loader = Callable[["FieldRow", Any, Any], None]
_TEXTS = (Kind.TEXT, Kind.OPTIONAL_TEXT, Kind.TABLE_TEXT, Kind.DATE)
EDITORS: dict[Kind, Callable[[FieldRow], QWidget]] = {
    **dict.fromkeys(_TEXTS, _line),
    Kind.INT: _spin,
    Kind.OPTIONAL_INT: _spin,
    Kind.FLOAT: _float,
    Kind.NUMBERS: _line,
    Kind.BOOL: _check,
    Kind.TABLE_FLAG: _check,
    Kind.CHOICE: _combo,
    Kind.TIME: _time,
    Kind.WEEKDAYS: _weekdays,
    Kind.IMAGE: _image,
}
LOADERS: dict[Kind, Loader] = {
    **dict.fromkeys(_TEXTS, _load_text),
    Kind.INT: _load_int,
    Kind.OPTIONAL_INT: _load_int,
    Kind.FLOAT: _load_float,
    Kind.NUMBERS: _load_numbers,
    Kind.BOOL: _load_bool,
    Kind.TABLE_FLAG: _load_flag,
    Kind.CHOICE: _load_choice,
    Kind.TIME: _load_time,
    Kind.WEEKDAYS: _load_weekdays,
    Kind.IMAGE: _load_image,
}
READERS: dict[Kind, Callable[[FieldRow], Any]] = {
    **dict.fromkeys(_TEXTS, _read_text),
    Kind.INT: _read_int,
    Kind.OPTIONAL_INT: _read_int,
    Kind.FLOAT: _read_float,
    Kind.NUMBERS: _read_numbers,
    Kind.BOOL: _read_bool,
    Kind.TABLE_FLAG: _read_bool,
    Kind.CHOICE: _read_choice,
    Kind.TIME: _read_time,
    Kind.WEEKDAYS: _read_weekdays,
    Kind.IMAGE: lambda row: None,
}
