"""The Settings dialog's tabs: a form per part of the profile and the text for everything else."""

from __future__ import annotations

import logging
from pathlib import Path

import tomlkit
import tomlkit.exceptions
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTabWidget, QWidget

from console.config.loader import ProfileError
from console.profile_form import error_path
from ui.field_messages import plain_message
from ui.i18n import retranslate_on_change
from ui.settings_forms.bridges_schedule import BridgesTab, ScheduleTab
from ui.settings_forms.device_rows import DeviceList
from ui.settings_forms.form_tab import FormTab
from ui.settings_forms.marks import mark_error
from ui.settings_forms.presets_previews import PresetsTab, PreviewsTab
from ui.settings_forms.sections import FormModel
from ui.settings_forms.site_devices import DevicesTab, SiteTab, thumbnail_folder
from ui.settings_forms.text_tab import TextTab

_LOGGER = logging.getLogger(__name__)

_ERROR_TAB = QColor("#b3261e")


class SettingsTabs(QTabWidget):
    """Site, Devices, Presets, Bridges, Schedule, Previews and Text (advanced)."""

    def __init__(
        self,
        model: FormModel,
        devices: DeviceList,
        path: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsTabs")
        self.model = model
        self.site = SiteTab(model, self)
        self.devices = DevicesTab(model, devices, self)
        self.presets = PresetsTab(model, self, thumbnail_folder(path))
        self.bridges = BridgesTab(model, self)
        self.schedule = ScheduleTab(model, self)
        self.previews = PreviewsTab(model, self)
        self.text_tab = TextTab(path, self)
        self.forms: list[FormTab] = [
            self.site, self.devices, self.presets, self.bridges, self.schedule, self.previews,
        ]  # fmt: skip
        for tab in self.forms:
            self.addTab(tab, "")
            tab.retranslate()
        self.addTab(self.text_tab, "")
        self._normal = self.tabBar().tabTextColor(0)
        self.retranslate()
        retranslate_on_change(self, self.retranslate)

    def retranslate(self) -> None:
        """Word the tab titles again."""
        for index in range(self.count()):
            tab = self.widget(index)
            if isinstance(tab, FormTab | TextTab):
                self.setTabText(index, tab.title())

    def refresh(self, text: str) -> bool:
        """Show ``text`` in the forms; False (forms off) when it is not TOML at all."""
        try:
            data = tomlkit.parse(text).unwrap()
        except tomlkit.exceptions.ParseError:
            data = None
        for tab in self.forms:
            tab.setEnabled(data is not None)
            if data is not None:
                tab.refresh(data)
        return data is not None

    def mark(self, error: ProfileError | None) -> list[QWidget]:
        """Mark the field the error names (red border, message under it); return the marks."""
        path = error_path(error) if error is not None else None
        message = plain_message(error.message) if error is not None else None
        marked = []
        for index, tab in enumerate(self.forms):
            sink = mark_error(tab, path, message, error.message if error is not None else "")
            self._colour(index, sink is not None)
            if sink is not None:
                marked.append(sink)
        self._colour(self.indexOf(self.text_tab), error is not None and not marked)
        return marked

    def _colour(self, index: int, error: bool) -> None:
        self.tabBar().setTabTextColor(index, _ERROR_TAB if error else self._normal)
