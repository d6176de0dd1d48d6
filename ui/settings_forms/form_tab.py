"""The base of every form tab: a scrolling page of titled sections and lists over the profile."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from console.profile_form import FieldPath
from ui.i18n import retranslate_on_change
from ui.settings_forms.fields import FieldSpec
from ui.settings_forms.sections import Data, FormModel, FormSection, ListEditor

Part = FormSection | ListEditor


class Words:
    """A tab's words seen by one section: its keys are looked up under ``prefix``."""

    def __init__(self, tab: FormTab, prefix: str) -> None:
        self.tab = tab
        self.prefix = prefix

    def label(self, key: str) -> str:
        """Return the label of ``key`` in this section."""
        return self.tab.label(self.prefix + key)

    def choices(self, key: str, data: Mapping[str, Any]) -> list[tuple[str, Any]]:
        """Return the choices of ``key`` in this section."""
        return self.tab.choices(self.prefix + key, data)


class FormTab(QWidget):
    """A tab of the Settings dialog; subclasses say which fields and words it has."""

    def __init__(
        self, model: FormModel, parent: QWidget | None = None, image_folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.image_folder = image_folder
        self.parts: list[Part] = []
        self._groups: list[tuple[QGroupBox, Callable[[], str]]] = []
        self._words: dict[str, str] = self.words()
        self._data: Data = {}
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.page = QWidget(self.scroller)
        self.page.setObjectName("formPage")
        self.body = QVBoxLayout(self.page)
        self.body.setContentsMargins(4, 4, 12, 4)
        self.hint = QLabel(self.page)
        self.hint.setObjectName("settingsPath")
        self.hint.setWordWrap(True)
        self.body.addWidget(self.hint)
        self.body.addStretch(1)
        self.scroller.setWidget(self.page)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.addWidget(self.scroller)
        retranslate_on_change(self, self.retranslate)

    # -- what subclasses provide --------------------------------------------------------------
    def title(self) -> str:
        """Return the tab's title."""
        raise NotImplementedError

    def words(self) -> dict[str, str]:
        """Return the translated label of every key (section prefix included)."""
        raise NotImplementedError

    def choices(self, key: str, data: Mapping[str, Any]) -> list[tuple[str, Any]]:
        """Return (label, value) pairs of the CHOICE field ``key``."""
        return []

    def hint_text(self) -> str:
        """Return the line of help at the top of the tab ("" for none)."""
        return ""

    def build(self, data: Data) -> None:
        """Make the parts that depend on the profile (one per camera ...); called on change."""

    def needs_build(self, data: Data) -> bool:
        """Tell whether ``data`` needs other parts than the ones shown (a camera added ...)."""
        return False

    # -- shared machinery ---------------------------------------------------------------------
    def label(self, key: str) -> str:
        """Return the label of ``key`` (the key itself when a word is missing)."""
        return self._words.get(key, key)

    def retranslate(self) -> None:
        """Word everything again after a language switch."""
        self._words = self.words()
        self.hint.setText(self.hint_text())
        self.hint.setVisible(bool(self.hint.text()))
        for group, title in self._groups:
            group.setTitle(title())
        for part in self.parts:
            part.retranslate()
        if self._data:
            self.refresh(self._data)

    def refresh(self, data: Data) -> None:
        """Show ``data`` (the whole profile); rebuild the parts when its shape changed."""
        self._data = data
        if self.needs_build(data):
            self.clear()
            self.build(data)
        for part in self.parts:
            part.refresh(data)

    def clear(self) -> None:
        """Remove every part and group (before a rebuild)."""
        for group, _title in self._groups:
            group.setParent(None)  # out of the tree now: no error is marked on it
            group.deleteLater()
        self._groups, self.parts = [], []

    def group(self, title: Callable[[], str]) -> QVBoxLayout:
        """Add a titled box to the page; return its layout."""
        box = QGroupBox(title(), self.page)
        self.body.insertWidget(self.body.count() - 1, box)
        self._groups.append((box, title))
        return QVBoxLayout(box)

    def add_section(
        self, layout: QVBoxLayout, prefix: str, base: FieldPath, specs: Sequence[FieldSpec]
    ) -> FormSection:
        """Add the fields of the table at ``base`` (labels under ``prefix``)."""
        section = FormSection(
            self.model, Words(self, prefix), base, specs, image_folder=self.image_folder
        )
        layout.addWidget(section)
        self.parts.append(section)
        return section

    def add_list(
        self,
        layout: QVBoxLayout,
        prefix: str,
        path: FieldPath,
        specs: Sequence[FieldSpec],
        new_item: Callable[[str], dict[str, Any]],
        title: Callable[[Data, int], str],
        columns: int = 2,
        compact: bool = False,
    ) -> ListEditor:
        """Add an editor of the array of tables at ``path`` (labels under ``prefix``)."""
        editor = ListEditor(
            self.model, Words(self, prefix), path, specs, new_item, title,
            columns=columns, image_folder=self.image_folder, compact=compact,
        )  # fmt: skip
        layout.addWidget(editor)
        self.parts.append(editor)
        return editor
