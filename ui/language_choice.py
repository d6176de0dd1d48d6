"""Tiếng Việt / English for everyone, operators included: switches at once, kept per computer.

Which language shows (``ui.i18n.choose_language``): $ROOMCONSOLE_LANG, else the choice made here
on this computer, else the site's (``[site] language`` in the room profile), else Vietnamese.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from ui.i18n import (
    choose_language,
    current_language,
    retranslate_on_change,
    save_language,
    saved_language,
    switch_language,
)

if TYPE_CHECKING:
    from ui.operator_day import OperatorDay

_LOGGER = logging.getLogger(__name__)

# Each language is named in itself, so a reader finds theirs whatever is shown now.
CHOICES = (("Tiếng Việt", "vi"), ("English", "en"))
# As big as the toolbar's buttons (ui/operator_day.py): a finger must hit it.
STYLE = """
#languageChoice {
    font-size: 15px; padding: 4px 12px; min-height: 26px; margin: 1px 4px;
    border: 1px solid #b8c4cf; border-radius: 8px; background: #f7f9fb;
}
#languageChoice::drop-down { border: none; width: 22px; }
"""


class LanguageChoice(QComboBox):
    """A compact selector of the interface language for the main window's toolbar."""

    def __init__(
        self,
        app: QApplication,
        parent: QWidget | None = None,
        *,
        settings_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("languageChoice")
        self.setStyleSheet(STYLE)
        self._app = app
        self._settings_path = settings_path  # None: the user's console.ini (tests pass a tmp)
        for name, code in CHOICES:
            self.addItem(name, code)
        self.activated.connect(self._on_activated)
        self._update_choice()
        retranslate_on_change(self, self._update_choice)

    def choose(self, code: str) -> None:
        """Show ``code`` from now on and remember it on this computer."""
        save_language(code, self._settings_path)
        if code != current_language():
            _LOGGER.info("interface language chosen: %s", code)
            switch_language(self._app, code)
        self._update_choice()

    def _on_activated(self, index: int) -> None:
        self.choose(str(self.itemData(index)))

    def _update_choice(self) -> None:
        """Follow the language shown (it may also change from elsewhere) and word the tip."""
        index = self.findData(current_language())
        if index >= 0 and index != self.currentIndex():
            self.setCurrentIndex(index)
        self.setToolTip(self.tr("Interface language (kept on this computer)"))


def install_language_choice(
    day: OperatorDay, app: QApplication, *, settings_path: Path | None = None
) -> LanguageChoice:
    """Put the language selector on the operator's toolbar, left of the mode switch."""
    choice = LanguageChoice(app, day.toolbar, settings_path=settings_path)
    day.toolbar.insertWidget(day.modes.action, choice)
    return choice


def apply_profile_language(
    app: QApplication, profile_language: str | None, *, settings_path: Path | None = None
) -> str:
    """Show the site's language unless this computer (or $ROOMCONSOLE_LANG) chose one.

    A profile without a language changes nothing: start-up already chose (Vietnamese by default).
    """
    if profile_language is None:
        return current_language()
    language = choose_language(saved=saved_language(settings_path), profile=profile_language)
    if language != current_language():
        switch_language(app, language)
    return language
