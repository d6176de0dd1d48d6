"""Operator and technician modes: the PIN dialog over ``TechnicianGate`` and the mode switch.

Operator mode is the default. Entering technician mode asks for the PIN; after too many wrong
PINs the dialog says how long to wait and counts down. With no PIN set yet the dialog lets the
technician in and asks for a new PIN, whose hash is handed to ``on_pin_set`` to store in the
profile (the PIN itself is never kept).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.access import PIN_PATTERN, AccessResult, Mode, TechnicianGate
from console.config.loader import ProfileError
from drivers.observable import Unsubscribe
from ui.i18n import retranslate_on_change

_LOGGER = logging.getLogger(__name__)

PinSaver = Callable[[str | None], None]  # receives the new hash to store in the profile

DIALOG_STYLE = """
QDialog { background: #ffffff; }
#pinTitle { font-size: 20px; font-weight: 600; }
#pinHint { color: #3b4856; }
QLineEdit {
    font-size: 26px; letter-spacing: 6px; padding: 6px 10px; min-height: 40px;
    border: 1px solid #b8c4cf; border-radius: 8px;
}
QLineEdit:focus { border: 2px solid #1f6fb2; }
#pinMessage { font-size: 15px; font-weight: 600; color: #8a1c12; }
#pinMessage[kind="info"] { color: #1f6a36; }
QPushButton { min-width: 110px; min-height: 40px; }
#pinOk { font-weight: 600; min-width: 140px; }
"""


def _pin_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,12}"), field))
    field.setAlignment(Qt.AlignmentFlag.AlignCenter)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return field


class PinDialog(QDialog):
    """Asks for the technician PIN; shows wrong PIN, the lock-out wait, or the set-a-PIN page."""

    def __init__(
        self,
        gate: TechnicianGate,
        parent: QWidget | None = None,
        *,
        on_pin_set: PinSaver | None = None,
    ) -> None:
        super().__init__(parent)
        self._gate = gate
        self._on_pin_set = on_pin_set
        self.setWindowTitle(self.tr("Technician mode"))
        self.setStyleSheet(DIALOG_STYLE)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_enter_page())
        self.pages.addWidget(self._build_set_page())
        self.message = QLabel(self)
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addLayout(self._build_buttons())
        self._countdown = QTimer(self)
        self._countdown.setInterval(500)
        self._countdown.timeout.connect(self._update_lock)
        self.setMinimumWidth(440)
        if gate.pin_hash is None:
            self._show_set_page(first_time=True)
        else:
            self._update_lock()

    def _build_enter_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Enter the technician PIN"), page)
        title.setObjectName("pinTitle")
        hint = QLabel(
            self.tr("Technician mode shows the detailed event log and the technician tools."),
            page,
        )
        hint.setObjectName("pinHint")
        hint.setWordWrap(True)
        self.pin = _pin_field(page)
        self.pin.returnPressed.connect(self._on_ok_clicked)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (title, hint, self.pin):
            layout.addWidget(widget)
        return page

    def _build_set_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Set a technician PIN"), page)
        title.setObjectName("pinTitle")
        self.set_hint = QLabel(page)
        self.set_hint.setObjectName("pinHint")
        self.set_hint.setWordWrap(True)
        self.new_pin = _pin_field(page)
        self.new_pin.setPlaceholderText(self.tr("New PIN (4–12 digits)"))  # noqa: RUF001
        self.repeat_pin = _pin_field(page)
        self.repeat_pin.setPlaceholderText(self.tr("The same PIN again"))
        self.repeat_pin.returnPressed.connect(self._on_ok_clicked)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (title, self.set_hint, self.new_pin, self.repeat_pin):
            layout.addWidget(widget)
        return page

    def _build_buttons(self) -> QHBoxLayout:
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.ok_button = QPushButton(self.tr("Enter"), self)
        self.ok_button.setObjectName("pinOk")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self._on_ok_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.ok_button)
        return row

    @property
    def setting_pin(self) -> bool:
        """True while the set-a-PIN page is shown."""
        return self.pages.currentIndex() == 1

    def _show_set_page(self, *, first_time: bool) -> None:
        if first_time:
            self.set_hint.setText(
                self.tr(
                    "No technician PIN is set yet. Set one now so that only technicians can "
                    "change the room setup."
                )
            )
            self.cancel_button.setText(self.tr("Later"))
        else:
            self.set_hint.setText(self.tr("Choose a new PIN of 4 to 12 digits."))
        self.pages.setCurrentIndex(1)
        self.ok_button.setText(self.tr("Save the PIN"))
        self.new_pin.setFocus()

    # -- entering -----------------------------------------------------------------------------
    def _on_ok_clicked(self) -> None:
        if self.setting_pin:
            self._save_new_pin()
            return
        attempt = self._gate.try_pin(self.pin.text())
        self.pin.clear()
        if attempt.result is AccessResult.GRANTED:
            self.accept()
        elif attempt.result is AccessResult.NO_PIN_SET:
            self._show_set_page(first_time=True)
        elif attempt.result is AccessResult.DENIED:
            self._show_message(
                self.tr("Wrong PIN ({count} tries left)").format(count=attempt.attempts_left)
            )
        else:
            self._update_lock()

    def _update_lock(self) -> None:
        if not shiboken6.isValid(self):
            return
        wait = self._gate.retry_after()
        locked = wait > 0
        self.pin.setEnabled(not locked)
        self.ok_button.setEnabled(not locked)
        if locked:
            self._show_message(
                self.tr("Too many wrong PINs — try again in {seconds} s").format(
                    seconds=math.ceil(wait)
                )
            )
            self._countdown.start()
            return
        if self._countdown.isActive():
            self._countdown.stop()
            self._show_message(self.tr("You can try the PIN again now."), kind="info")
        self.pin.setFocus()

    # -- setting ------------------------------------------------------------------------------
    def _save_new_pin(self) -> None:
        first, second = self.new_pin.text(), self.repeat_pin.text()
        if not PIN_PATTERN.fullmatch(first):
            self._show_message(self.tr("A PIN is 4 to 12 digits."))
            return
        if first != second:
            self.repeat_pin.clear()
            self._show_message(self.tr("The two PINs are different — type the same PIN twice."))
            return
        if self._gate.mode.value is not Mode.TECHNICIAN:
            self._gate.try_pin("")  # no PIN set: the gate lets the technician in
        try:
            self._gate.set_pin(first, store=self._on_pin_set)
        except (OSError, ProfileError) as exc:  # read-only file, broken profile: nothing lost
            _LOGGER.error("technician PIN not saved: %s", exc)
            self._show_message(
                self.tr("The PIN could not be saved, so it is not changed: {error}").format(
                    error=exc
                )
            )
            return
        self.accept()

    def _on_cancel_clicked(self) -> None:
        if self.setting_pin and self._gate.pin_hash is None:
            self._gate.try_pin("")  # "Later": no PIN protects anything yet, so let them in
            self.accept()
            return
        self.reject()

    def _show_message(self, text: str, *, kind: str = "problem") -> None:
        self.message.setProperty("kind", kind)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)


class ModeSwitch(QObject):
    """Follows the gate's mode: a checkable action, and technician-only actions shown or hidden."""

    mode_changed = Signal(str)

    def __init__(
        self,
        gate: TechnicianGate,
        window: QWidget,
        *,
        on_pin_set: PinSaver | None = None,
    ) -> None:
        super().__init__(window)
        self._gate = gate
        self._window = window
        self._on_pin_set = on_pin_set
        self._technician_only: list[QAction | QWidget] = []
        self.action = QAction(self.tr("Technician mode"), self)
        self.action.setCheckable(True)
        self.action.triggered.connect(self._on_action_triggered)
        self.dialog: PinDialog | None = None
        self._unsubscribe: Unsubscribe = gate.mode.subscribe(self._on_mode)
        self._update_mode(gate.mode.value)
        retranslate_on_change(window, lambda: self._update_mode(self._gate.mode.value))

    @property
    def mode(self) -> Mode:
        """The mode now."""
        return self._gate.mode.value

    def add_technician_only(self, items: Iterable[QAction | QWidget]) -> None:
        """Show ``items`` in technician mode only."""
        self._technician_only.extend(items)
        self._update_mode(self._gate.mode.value)

    def request_technician(self) -> PinDialog:
        """Open the PIN dialog (not modal, so the loop keeps running)."""
        dialog = PinDialog(self._gate, self._window, on_pin_set=self._on_pin_set)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.finished.connect(lambda _: self._update_mode(self._gate.mode.value))
        self.dialog = dialog
        dialog.open()
        return dialog

    def leave(self) -> None:
        """Back to operator mode."""
        self._gate.leave()

    def detach(self) -> None:
        """Stop following the gate."""
        self._unsubscribe()

    def _on_action_triggered(self, checked: bool) -> None:
        if self._gate.mode.value is Mode.TECHNICIAN:
            self.leave()
        else:
            self.action.setChecked(False)  # checked only once the PIN was right
            self.request_technician()

    def _on_mode(self, mode: Mode) -> None:
        self._update_mode(mode)
        self.mode_changed.emit(mode.value)

    def _update_mode(self, mode: Mode) -> None:
        technician = mode is Mode.TECHNICIAN
        self.action.setChecked(technician)
        self.action.setText(
            self.tr("Technician mode (tap to leave)") if technician else self.tr("Technician mode")
        )
        for item in self._technician_only:
            if isinstance(item, QAction) or shiboken6.isValid(item):
                item.setVisible(technician)
