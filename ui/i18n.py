"""Load the interface translation for the operator's language (Qt Linguist .qm files).

Refresh the catalogue after changing UI text, then compile it:

    pyside6-lupdate ui/*.py -ts ui/translations/roomconsole_vi.ts
    pyside6-lrelease ui/translations/roomconsole_vi.ts
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

_LOGGER = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
LANGUAGE_VARIABLE = "ROOMCONSOLE_LANG"  # e.g. "vi" or "en", overrides the system language


def install_translator(
    app: QCoreApplication, language: str | None = None, folder: Path = TRANSLATIONS
) -> QTranslator | None:
    """Install the catalogue for ``language`` (default: $ROOMCONSOLE_LANG, else the system's)."""
    chosen = language or os.environ.get(LANGUAGE_VARIABLE) or QLocale.system().name()
    translator = QTranslator(app)
    if not translator.load(QLocale(chosen), "roomconsole", "_", str(folder)):
        _LOGGER.debug("no translation for %s in %s: English text", chosen, folder)
        return None
    app.installTranslator(translator)
    _LOGGER.info("interface language: %s", chosen)
    return translator
