"""A line in the status bar while no technician PIN is set: anyone can open technician mode."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from ui.i18n import retranslate_on_change

STYLE = "#pinWarning { color: #8a1c12; font-weight: 600; padding: 0 8px; }"


class PinWarning(QLabel):
    """Shown at the right of the window's status bar until a technician PIN is set."""

    def __init__(self, window: QMainWindow, pin_hash: str | None) -> None:
        super().__init__(window)
        self.setObjectName("pinWarning")
        self.setStyleSheet(STYLE)
        window.statusBar().addPermanentWidget(self)
        self._retranslate()
        retranslate_on_change(self, self._retranslate)
        self.follow(pin_hash)

    def follow(self, pin_hash: str | None) -> None:
        """Show the warning while ``pin_hash`` (the profile's) is None."""
        self.setVisible(pin_hash is None)

    def _retranslate(self) -> None:
        self.setText(self.tr("⚠ No technician PIN"))
        self.setToolTip(
            self.tr(
                "Anyone can open technician mode and change the room setup. A technician "
                "should set a PIN now (Technician mode), or when installing (roomctl pin set)."
            )
        )
