"""Repair mode: the profile could not be read, so say exactly where, and touch nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.config.loader import ProfileError
from ui.field_messages import plain_message


class RepairWindow(QMainWindow):
    """Shows the ProfileError (file, line, field, message) and how to get going again."""

    def __init__(self, error: ProfileError) -> None:
        super().__init__()
        self.error = error
        self.setObjectName("repairWindow")
        self.setWindowTitle(self.tr("Room Console — the room setup needs repair"))
        if error.missing:
            heading = self.tr("This computer has no room setup yet")
            advice = self.tr(
                "Ask a technician to create the room setup file shown below, then start the "
                "console again. To practise without cameras, start it with --demo."
            )
        else:
            heading = self.tr("The room setup file cannot be used")
            advice = self.tr(
                "The console did not change the file. Ask a technician to correct it, then "
                "start the console again. The cameras are not controlled until then."
            )
        title = QLabel(heading, self)
        title.setObjectName("repairTitle")
        intro = QLabel(advice, self)
        intro.setWordWrap(True)
        details = QFormLayout()
        details.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.file_label = self._value(str(error.path))
        self.line_label = self._value(str(error.line) if error.line is not None else "—")
        self.field_label = self._value(error.field or "—")
        self.message_label = self._value(plain_message(error.message))  # "At most 7"
        self.message_label.setObjectName("repairMessage")
        details.addRow(self.tr("File:"), self.file_label)
        details.addRow(self.tr("Line:"), self.line_label)
        details.addRow(self.tr("Field:"), self.field_label)
        details.addRow(self.tr("Problem:"), self.message_label)
        open_folder = QPushButton(self.tr("Open the folder"), self)
        open_folder.clicked.connect(self._on_open_folder)
        quit_button = QPushButton(self.tr("Close"), self)
        quit_button.clicked.connect(QApplication.quit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(open_folder)
        buttons.addWidget(quit_button)
        central = QWidget(self)
        central.setObjectName("repairPage")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.setSpacing(16)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(details)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setCentralWidget(central)
        self.resize(900, 480)

    def _value(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("repairValue")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _on_open_folder(self) -> None:
        folder = Path(self.error.path).parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
