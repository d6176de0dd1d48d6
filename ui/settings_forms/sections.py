"""Generic form pieces over the profile text: a table's fields, an array of tables, error marks."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.profile_form import (
    FieldPath,
    add_item,
    get_value,
    move_item,
    remove_item,
    set_table,
    set_value,
)
from ui.i18n import retranslate_on_change
from ui.settings_forms.fields import (
    FieldRow,
    FieldSpec,
    FormTexts,
    Kind,
    lookup,
    set_invalid,
    tables,
)

_LOGGER = logging.getLogger(__name__)

Data = Mapping[str, Any]


class FormModel(QObject):
    """The profile text the forms show; every form edit goes through ``apply``."""

    edited = Signal(str)  # the new text after a form edit

    def __init__(self, text: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = text
        # Answers "Remove …?" at once (tests); None: a small message box asks the technician.
        self.confirm: Callable[[str], bool] | None = None

    def apply(self, change: Callable[[str], str]) -> None:
        """Rewrite the text with ``change``; say so when it changed."""
        try:
            new = change(self.text)
        except (KeyError, IndexError, ValueError) as exc:  # the text changed under the form
            _LOGGER.warning("settings form: edit not applied: %s", exc)
            return
        if new != self.text:
            self.text = new
            self.edited.emit(new)


def write_field(text: str, spec: FieldSpec, path: FieldPath, value: Any) -> str:
    """Write one field's ``value`` into ``text``; a TABLE_TEXT field owns its table."""
    if spec.kind is Kind.TABLE_TEXT:
        return set_table(text, path[:-1], None if value is None else {str(path[-1]): value})
    if spec.kind is Kind.TABLE_FLAG:
        return set_table(text, path, dict(spec.seed) if value else None)
    if spec.seed and value is not None and get_value(text, path[:-1]) is None:
        return set_table(text, path[:-1], {**dict(spec.seed), str(path[-1]): value})
    return set_value(text, path, value)


class FormSection(QWidget):
    """The fields of one table (``base``) in a grid of ``columns``; advanced ones folded away."""

    def __init__(
        self,
        model: FormModel,
        texts: FormTexts,
        base: FieldPath,
        specs: Sequence[FieldSpec],
        parent: QWidget | None = None,
        *,
        columns: int = 2,
        image_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.texts = texts
        self.base = base
        self.columns = columns
        self.rows: dict[str, FieldRow] = {}
        self._placed: list[str] | None = None
        self.more = QWidget(self)  # the advanced fields, shown with the "More settings" button
        self.more.hide()
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("moreButton")
        self.more_button.setCheckable(True)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.toggled.connect(self._on_more)
        self._grids = (QGridLayout(), QGridLayout(self.more))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grids[0])
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.more)
        for grid in self._grids:
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(16)
            grid.setVerticalSpacing(4)
            for column in range(columns):
                grid.setColumnStretch(column, 1)
        for spec in specs:
            holder = self.more if spec.advanced else self
            row = FieldRow(spec, spec.path(base), holder, image_folder)
            row.edited.connect(self._on_edited)
            self.rows[spec.key] = row
        self.more_button.setVisible(any(spec.advanced for spec in specs))
        self._place(list(self.rows))
        self.retranslate()

    def retranslate(self) -> None:
        """Word the labels again (the tab knows the words)."""
        self.more_button.setText(self.tr("More settings"))
        for key, row in self.rows.items():
            row.set_label(self.texts.label(key))
            row.retranslate()

    def refresh(self, data: Data) -> None:
        """Show the values of ``data`` (the whole profile)."""
        shown = []
        for key, row in self.rows.items():
            choices = self.texts.choices(key, data) if row.spec.kind is Kind.CHOICE else None
            value = lookup(data, row.path)
            if value is None and lookup(data, row.path[:-1]) is not None:
                value = row.spec.table_default
            row.load(value, choices)
            needs = row.spec.needs
            row.editor.setEnabled(needs is None or lookup(data, (*self.base, needs)) is not None)
            if row.spec.when is None or value is not None or self._applies(row.spec, data):
                shown.append(key)
        self._place(shown)

    def _applies(self, spec: FieldSpec, data: Data) -> bool:
        """Tell whether the sibling ``spec.when`` names has one of the values that use it."""
        assert spec.when is not None
        key, values = spec.when
        current = lookup(data, (*self.base, *key.split(".")))
        sibling = self.rows.get(key)
        if current is None and sibling is not None:
            current = sibling.spec.default
        return current in values

    def _place(self, shown: list[str]) -> None:
        """Lay out the ``shown`` rows without gaps (a repeat kind hides what it does not use)."""
        if shown == self._placed:
            return
        self._placed = shown
        counts = [0, 0]
        for key, row in self.rows.items():
            grid = self._grids[int(row.spec.advanced)]
            grid.removeWidget(row)
            if row.spec.when is not None:
                row.setVisible(key in shown)
            if key in shown:
                index = counts[int(row.spec.advanced)]
                grid.addWidget(row, index // self.columns, index % self.columns)
                counts[int(row.spec.advanced)] += 1

    def _on_more(self, shown: bool) -> None:
        self.more.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.more_button.setArrowType(arrow)

    def expand(self) -> None:
        """Unfold the advanced fields (one of them is marked)."""
        self.more_button.setChecked(True)

    def _on_edited(self, spec: FieldSpec, value: Any) -> None:
        path = spec.path(self.base)
        self.model.apply(lambda text: write_field(text, spec, path, value))


class ItemBox(QFrame):
    """One table of an array of tables: a title, its fields, move and remove buttons."""

    def __init__(self, editor: ListEditor, index: int) -> None:
        super().__init__(editor)
        self.setObjectName("itemBox")
        self.path: FieldPath = (*editor.path, index)
        self.title = QLabel(self)
        self.title.setObjectName("itemTitle")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.up_button = QPushButton("▲", self)
        self.down_button = QPushButton("▼", self)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removeButton")
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(48)
        self.up_button.clicked.connect(lambda: editor.move_item(index, index - 1))
        self.down_button.clicked.connect(lambda: editor.move_item(index, index + 1))
        self.remove_button.clicked.connect(lambda: editor.remove(index))
        self.section = FormSection(
            editor.model, editor.texts, self.path, editor.specs, self,
            columns=editor.columns, image_folder=editor.image_folder,
        )  # fmt: skip
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        if editor.compact:  # one line per item: the fields say what it is, buttons beside them
            self.title.hide()
            line = QHBoxLayout()
            line.addWidget(self.section, 1)
            line.addLayout(buttons)
            layout.addLayout(line)
        else:
            buttons.insertWidget(0, self.title, 1)
            layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        if not editor.compact:
            layout.addWidget(self.section)

    def show_error(self, message: str | None) -> None:
        """Say what is wrong with the item as a whole (e.g. a weekly meeting with no day)."""
        set_invalid(self, message is not None)
        self.error_label.setText(message or "")
        self.error_label.setVisible(message is not None)


class ListEditor(QWidget):
    """An array of tables (bridges, meetings, presets): one box per item, Add at the end."""

    def __init__(
        self,
        model: FormModel,
        texts: FormTexts,
        path: FieldPath,
        specs: Sequence[FieldSpec],
        new_item: Callable[[str], dict[str, Any]],
        title: Callable[[Data, int], str],
        parent: QWidget | None = None,
        *,
        columns: int = 2,
        image_folder: Path | None = None,
        compact: bool = False,
    ) -> None:
        super().__init__(parent)
        self.compact = compact
        self.model, self.texts, self.path, self.specs = model, texts, path, list(specs)
        self.new_item, self.title, self.columns = new_item, title, columns
        self.image_folder = image_folder
        self.items: list[ItemBox] = []
        self.dialog: QMessageBox | None = None  # the last "Remove …?" box (tests answer it)
        self._data: Data = {}
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addButton")
        self.add_button.clicked.connect(self.add)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.error_label)
        self._layout.addWidget(self.add_button)
        self.retranslate()
        retranslate_on_change(self, self.retranslate)

    def retranslate(self) -> None:
        """Word the buttons and titles again."""
        self.add_button.setText(self.texts.label("+add"))
        for box in self.items:
            box.remove_button.setText(self.tr("Remove"))
            box.up_button.setToolTip(self.tr("Move up"))
            box.down_button.setToolTip(self.tr("Move down"))
            box.section.retranslate()
        self._update_titles()

    def refresh(self, data: Data) -> None:
        """Show the array in ``data``: new boxes when the number of items changed."""
        self._data = data
        count = len(tables(lookup(data, self.path)))
        if count != len(self.items):
            self._rebuild(count)
        for box in self.items:
            box.section.refresh(data)
        self._update_titles()

    def _rebuild(self, count: int) -> None:
        for box in self.items:
            box.setParent(None)  # out of the tree now, so no error is marked on it
            box.deleteLater()
        self.items = [ItemBox(self, index) for index in range(count)]
        for box in self.items:
            self._layout.insertWidget(self._layout.count() - 1, box)
        self.retranslate()

    def _update_titles(self) -> None:
        for index, box in enumerate(self.items):
            box.title.setText(self.title(lookup(self._data, box.path) or {}, index))
            box.up_button.setEnabled(index > 0)
            box.down_button.setEnabled(index < len(self.items) - 1)

    def add(self) -> None:
        """Append a new item (its defaults come from the tab)."""
        self.model.apply(lambda text: add_item(text, self.path, self.new_item(text)))

    def remove(self, index: int) -> None:
        """Remove item ``index`` once the technician agreed (Remove / Cancel)."""
        item = lookup(self._data, (*self.path, index)) or {}
        name = str(item.get("name") or self.title(item, index))
        question = self.texts.label("-remove")
        if "{name}" not in question:  # the tab has no words of its own for it
            question = self.tr("Remove '{name}'?")
        question = question.format(name=name)
        question += " " + self.tr("(Nothing is saved until you press Save)")

        def agreed() -> None:
            if lookup(self._data, (*self.path, index)) == item:  # still the one asked about
                self.model.apply(lambda text: remove_item(text, self.path, index))

        if self.model.confirm is not None:
            if self.model.confirm(question):
                agreed()
            return
        self._ask(question, agreed)

    def _ask(self, question: str, on_remove: Callable[[], None]) -> None:
        """Ask in a small message box; open() keeps the room's event loop running."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove"), question, parent=self)
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda clicked: on_remove() if clicked is remove else None)
        self.dialog = box
        box.open()

    def move_item(self, index: int, to: int) -> None:
        """Move item ``index`` to ``to``."""
        self.model.apply(lambda text: move_item(text, self.path, index, to))

    def show_error(self, message: str | None) -> None:
        """Say what is wrong with the list as a whole (e.g. a number used twice)."""
        self.error_label.setText(message or "")
        self.error_label.setVisible(message is not None)
