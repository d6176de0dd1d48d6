"""The "Site" and "Devices" tabs: who the site is, and its cameras, mixer and codec."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QWidget

from console.config.codec import CodecDriver
from console.config.mixer import MixerDriver
from console.profile_form import next_id
from ui.settings_forms.device_rows import DeviceList
from ui.settings_forms.fields import FieldSpec, Kind, tables
from ui.settings_forms.form_tab import FormTab
from ui.settings_forms.sections import Data, FormModel

CAMERA_DRIVERS = ("visca-serial", "visca-ip", "visca-tcp", "visca-udp")
# Language names are shown in their own language, whatever the interface shows now.
LANGUAGE_NAMES = (("Tiếng Việt", "vi"), ("English", "en"))


class SiteTab(FormTab):
    """Site name, contact for help, and the site's interface language."""

    def __init__(self, model: FormModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        specs = [
            FieldSpec("name", Kind.TEXT),
            FieldSpec("contact", Kind.TEXT),
            FieldSpec("language", Kind.CHOICE),
        ]
        self.section = self.add_section(self.group(self._site_title), "", ("site",), specs)
        self.retranslate()

    def _site_title(self) -> str:
        return self.tr("This site")

    def title(self) -> str:
        """Return the tab's title."""
        return self.tr("Site")

    def words(self) -> dict[str, str]:
        """Return the labels."""
        return {
            "name": self.tr("Name of the site (shown in the title bar)"),
            "contact": self.tr("Who helps when something breaks (name, phone)"),
            "language": self.tr("Interface language of this site"),
        }

    def hint_text(self) -> str:
        """Say how the site's language and a computer's choice go together."""
        return self.tr(
            "The language chosen on a computer (the selector at the top of the main window) "
            "wins over the site's language."
        )

    def choices(self, key: str, data: Mapping[str, Any]) -> list[tuple[str, Any]]:
        """Return the languages (not set: Vietnamese)."""
        if key == "language":
            return [(self.tr("Not set (Vietnamese)"), None), *LANGUAGE_NAMES]
        return []


class DevicesTab(FormTab):
    """The device rows with "Test connection" beside the cameras', mixer's and codec's fields."""

    def __init__(
        self, model: FormModel, devices: DeviceList, parent: QWidget | None = None
    ) -> None:
        super().__init__(model, parent)
        self.devices = devices
        devices.setParent(self)
        devices.setFixedWidth(380)
        self.outer.removeWidget(self.scroller)
        row = QHBoxLayout()
        row.addWidget(devices)
        row.addWidget(self.scroller, 1)
        self.outer.addLayout(row)
        camera = [
            FieldSpec("name", Kind.TEXT),
            FieldSpec("id", Kind.TEXT),
            FieldSpec("driver", Kind.CHOICE, default=CAMERA_DRIVERS[0]),
            FieldSpec("connection", Kind.TEXT),
            FieldSpec("address", Kind.INT, minimum=1, maximum=7),
        ]
        self.cameras = self.add_list(
            self.group(self._cameras_title), "camera.", ("cameras",), camera,
            self._new_camera, self._camera_title, columns=3,
        )  # fmt: skip
        mixer = [
            FieldSpec("driver", Kind.CHOICE, default=MixerDriver.NONE.value),
            FieldSpec("name", Kind.TEXT),
            FieldSpec("host", Kind.OPTIONAL_TEXT),
            FieldSpec("port", Kind.OPTIONAL_INT, minimum=1),
        ]
        self.add_section(self.group(self._mixer_title), "mixer.", ("mixer",), mixer)
        codec = [
            FieldSpec("name", Kind.TEXT, default="Codec"),
            FieldSpec("driver", Kind.CHOICE, default=CodecDriver.BARESIP.value),
            FieldSpec("host", Kind.OPTIONAL_TEXT),
            FieldSpec("port", Kind.OPTIONAL_INT, minimum=1),
        ]
        self.add_section(self.group(self._codec_title), "codec.", ("call", "codec"), codec)
        self.retranslate()

    def _cameras_title(self) -> str:
        return self.tr("Cameras")

    def _mixer_title(self) -> str:
        return self.tr("Audio mixer")

    def _codec_title(self) -> str:
        return self.tr("Codec")

    def title(self) -> str:
        """Return the tab's title."""
        return self.tr("Devices")

    def words(self) -> dict[str, str]:
        """Return the labels."""
        return {
            "camera.name": self.tr("Name"),
            "camera.id": self.tr("Short code (letters, digits, no spaces)"),
            "camera.driver": self.tr("Control protocol"),
            "camera.connection": self.tr("Connection (serial:COM3, visca-ip:HOST, tcp:HOST:PORT)"),
            "camera.address": self.tr("Camera address (1–7)"),  # noqa: RUF001
            "camera.+add": self.tr("+ Add a camera"),
            "mixer.driver": self.tr("Mixer type"),
            "mixer.name": self.tr("Name"),
            "mixer.host": self.tr("Network address (IP)"),
            "mixer.port": self.tr("Port (— = the desk's usual one)"),
            "codec.name": self.tr("Name"),
            "codec.driver": self.tr("Codec type"),
            "codec.host": self.tr("Network address (IP)"),
            "codec.port": self.tr("Port (— = the usual one)"),
        }

    def choices(self, key: str, data: Mapping[str, Any]) -> list[tuple[str, Any]]:
        """Return the drivers a field may name."""
        if key == "camera.driver":
            return [(name, name) for name in CAMERA_DRIVERS]
        if key == "mixer.driver":
            return [
                (self.tr("No mixer (microphones go into the codec)"), MixerDriver.NONE.value),
                ("Behringer X32 / Midas M32", MixerDriver.X32.value),
                ("Behringer X-Air (XR12/16/18)", MixerDriver.XAIR.value),
            ]
        if key == "codec.driver":
            return [
                (self.tr("baresip on this computer"), CodecDriver.BARESIP.value),
                ("Cisco (xAPI)", CodecDriver.CISCO.value),
                ("Poly (telnet)", CodecDriver.POLY.value),
            ]
        return []

    def _new_camera(self, text: str) -> dict[str, Any]:
        number = len(tables(self._data.get("cameras"))) + 1
        return {
            "id": next_id(text, ("cameras",), "cam"),
            "name": self.tr("Camera {number}").format(number=number),
            "driver": CAMERA_DRIVERS[0],
            "connection": "serial:COM1",
        }

    def _camera_title(self, item: Data, index: int) -> str:
        return str(item.get("name") or self.tr("Camera {number}").format(number=index + 1))


def thumbnail_folder(profile_path: Path | None) -> Path | None:
    """Where the preset pictures of the profile at ``profile_path`` are kept."""
    if profile_path is None:
        return None
    from console.thumbnails import ThumbnailStore

    return ThumbnailStore.beside(profile_path).folder
