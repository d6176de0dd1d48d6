"""Ask which room setup file to import, or where to export it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def _filter() -> str:
    return QCoreApplication.translate("SettingsEditor", "Room setup files (*.toml)")


def ask_import_file(parent: QWidget) -> Path | None:
    """Return the file the technician picked to import (None: cancelled)."""
    title = QCoreApplication.translate("SettingsEditor", "Import a room setup file")
    name, _chosen = QFileDialog.getOpenFileName(parent, title, "", _filter())
    return Path(name) if name else None


def ask_export_file(parent: QWidget) -> Path | None:
    """Return where the technician wants the exported file (None: cancelled)."""
    title = QCoreApplication.translate("SettingsEditor", "Export the room setup file")
    name, _chosen = QFileDialog.getSaveFileName(parent, title, "room.toml", _filter())
    return Path(name) if name else None
