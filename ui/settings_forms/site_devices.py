"""The "Site" and "Devices" tabs: who the site is, and its cameras, mixer and codec."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QWidget

from console.config.codec import CodecDriver
from console.config.mixer import MixerDriver
from console.profile_form import get_value, next_id
from ui.settings_forms.device_rows import DeviceList
from ui.settings_forms.fields import FieldSpec, Kind, tables
from ui.settings_forms.form_tab import FormTab
from ui.settings_forms.sections import Data, FormModel

CAMERA_DRIVERS = ("visca-serial", "visca-ip", "visca-tcp", "visca-udp")
SPEED_MAX = 0x18
BARESIP = CodecDriver.BARESIP
# A new on_join/on_leave table keeps muting every microphone, as the missing one did.
MUTE_ALL = (("mute_microphones", True),)
HARDWARE = (CodecDriver.CISCO, CodecDriver.POLY)  # codecs on the network
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
        check = [
            FieldSpec("lectern_channel", Kind.OPTIONAL_INT, minimum=1, maximum=32),
            FieldSpec("udp_echo_port", Kind.OPTIONAL_INT, minimum=1),
            FieldSpec("probe_seconds", Kind.FLOAT, minimum=1, maximum=300, default=30.0),
        ]
        self.check = self.add_section(
            self.group(self._check_title), "precheck.", ("precheck",), check
        )
        self.retranslate()

    def _site_title(self) -> str:
        return self.tr("This site")

    def _check_title(self) -> str:
        return self.tr("Pre-meeting check")

    def title(self) -> str:
        """Return the tab's title."""
        return self.tr("Site")

    def words(self) -> dict[str, str]:
        """Return the labels."""
        return {
            "name": self.tr("Name of the site (shown in the title bar)"),
            "contact": self.tr("Who helps when something breaks (name, phone)"),
            "language": self.tr("Interface language of this site"),
            "precheck.lectern_channel": self.tr(
                "Mixer channel of the lectern microphone (— = none)"
            ),
            "precheck.udp_echo_port": self.tr("UDP echo port of the bridge (— = none)"),
            "precheck.probe_seconds": self.tr("How long the network is measured (seconds)"),
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
            FieldSpec("recall_speed", Kind.OPTIONAL_INT, minimum=1, maximum=SPEED_MAX),
            FieldSpec("wake_on_preset", Kind.BOOL, default=False, advanced=True),
            FieldSpec("limits.replies", Kind.BOOL, default=True),
            *_camera_limits(),
        ]
        self.cameras = self.add_list(
            self.group(self._cameras_title), "camera.", ("cameras",), camera,
            self._new_camera, self._camera_title, columns=3,
        )  # fmt: skip
        self._add_mixer()
        codec = [
            FieldSpec("name", Kind.TEXT, default="Codec"),
            FieldSpec("driver", Kind.CHOICE, default=CodecDriver.BARESIP.value),
            FieldSpec("host", Kind.OPTIONAL_TEXT, when=_driver(*HARDWARE)),
            FieldSpec("port", Kind.OPTIONAL_INT, minimum=1, when=_driver(*HARDWARE)),
            FieldSpec("username", Kind.OPTIONAL_TEXT, when=_driver(CodecDriver.CISCO)),
            FieldSpec("user", Kind.OPTIONAL_TEXT, default="room", when=_driver(BARESIP)),
            FieldSpec("sip_port", Kind.OPTIONAL_INT, minimum=1, when=_driver(BARESIP)),
            FieldSpec("ctrl", Kind.OPTIONAL_TEXT, when=_driver(BARESIP), advanced=True),
        ]
        self.codec = self.add_section(
            self.group(self._codec_title), "codec.", ("call", "codec"), codec
        )
        self.retranslate()

    def _add_mixer(self) -> None:
        """Add the desk, its hot-microphone warning and the channels the operator sees."""
        desks = _driver(MixerDriver.X32, MixerDriver.XAIR)
        mixer = [
            FieldSpec("driver", Kind.CHOICE, default=MixerDriver.NONE.value),
            FieldSpec("name", Kind.TEXT),
            FieldSpec("host", Kind.OPTIONAL_TEXT),
            FieldSpec("port", Kind.OPTIONAL_INT, minimum=1),
            *audio_state("on_join", True, when=desks, advanced=True, seed=MUTE_ALL),
            *audio_state("on_leave", True, when=desks, advanced=True, seed=MUTE_ALL),
            FieldSpec("hot_mic.enabled", Kind.BOOL, default=True, when=desks, advanced=True),
            FieldSpec("hot_mic.speech_threshold_db", Kind.FLOAT, -90, 0, default=-45.0,
                      when=desks, advanced=True),
            FieldSpec("hot_mic.hold_seconds", Kind.FLOAT, 0.5, 30, default=2.0,
                      when=desks, advanced=True),
        ]  # fmt: skip
        self.mixer = self.add_section(self.group(self._mixer_title), "mixer.", ("mixer",), mixer)
        channels = [
            FieldSpec("number", Kind.INT, minimum=1, maximum=32),
            FieldSpec("name", Kind.OPTIONAL_TEXT),
            FieldSpec("microphone", Kind.BOOL, default=True),
        ]
        self.channels = self.add_list(
            self.group(self._channels_title), "channel.", ("mixer", "channels"), channels,
            self._new_channel, self._channel_title, columns=3, compact=True,
        )  # fmt: skip

    def _cameras_title(self) -> str:
        return self.tr("Cameras")

    def _mixer_title(self) -> str:
        return self.tr("Audio mixer")

    def _channels_title(self) -> str:
        return self.tr("Mixer channels the operator sees")

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
            "camera.recall_speed": self.tr("Speed to a preset shot (1–24, — = fastest)"),  # noqa: RUF001
            "camera.wake_on_preset": self.tr(
                "A preset shot switches the camera on from standby without asking"
            ),
            "camera.limits.replies": self.tr("Camera answers (two-way cable)"),
            "camera.limits.preset_capacity": self.tr("Preset shots the camera stores itself"),
            "camera.limits.has_preset_memory": self.tr("Camera keeps preset shots itself"),
            "camera.limits.pan_speed_max": self.tr("Fastest pan (1–24)"),  # noqa: RUF001
            "camera.limits.tilt_speed_max": self.tr("Fastest tilt (1–24)"),  # noqa: RUF001
            "camera.limits.zoom_speed_max": self.tr("Fastest zoom (0–7)"),  # noqa: RUF001
            "camera.limits.focus_speed_max": self.tr("Fastest focus (0–7)"),  # noqa: RUF001
            "camera.+add": self.tr("+ Add a camera"),
            "camera.-remove": self.tr("Remove camera '{name}'?"),
            "mixer.driver": self.tr("Mixer type"),
            "mixer.name": self.tr("Name"),
            "mixer.host": self.tr("Network address (IP)"),
            "mixer.port": self.tr("Port (— = the desk's usual one)"),
            "mixer.hot_mic.enabled": self.tr("Warn when someone speaks into a muted microphone"),
            "mixer.hot_mic.speech_threshold_db": self.tr("Counts as speech above (dB)"),
            "mixer.hot_mic.hold_seconds": self.tr("Warn after speaking for (seconds)"),
            "mixer.on_join.mute_microphones": self.tr("Joining: first mute every microphone"),
            "mixer.on_join.main_on": self.tr("Joining: main output"),
            "mixer.on_join.mute": self.tr("Joining: also mute channels (e.g. 4, 5)"),
            "mixer.on_join.open": self.tr("Joining: then open channels (e.g. 1)"),
            "mixer.on_leave.mute_microphones": self.tr("Leaving: first mute every microphone"),
            "mixer.on_leave.main_on": self.tr("Leaving: main output"),
            "mixer.on_leave.mute": self.tr("Leaving: also mute channels (e.g. 4, 5)"),
            "mixer.on_leave.open": self.tr("Leaving: then open channels (e.g. 1)"),
            "channel.number": self.tr("Channel on the desk (1–32)"),  # noqa: RUF001
            "channel.name": self.tr("Name shown (empty: the desk's own)"),
            "channel.microphone": self.tr("A microphone (muted with the others)"),
            "channel.+add": self.tr("+ Add a channel"),
            "channel.-remove": self.tr("Remove channel '{name}'?"),
            "codec.name": self.tr("Name"),
            "codec.driver": self.tr("Codec type"),
            "codec.host": self.tr("Network address (IP)"),
            "codec.port": self.tr("Port (— = the usual one)"),
            "codec.username": self.tr(
                "Cisco login name (SSH; the password stays in this computer's keyring)"
            ),
            "codec.user": self.tr("SIP user name of this room"),
            "codec.sip_port": self.tr("SIP port (— = baresip's usual)"),
            "codec.ctrl": self.tr("Use a baresip already running (HOST:PORT of its ctrl_tcp)"),
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
        if key.endswith(".main_on"):
            return [
                (self.tr("Leave as it is"), None),
                (self.tr("On"), True),
                (self.tr("Off"), False),
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

    def _new_channel(self, text: str) -> dict[str, Any]:
        used = {c.get("number") for c in tables(get_value(text, ("mixer", "channels")))}
        return {"number": next((n for n in range(1, 33) if n not in used), 1)}

    def _channel_title(self, item: Data, index: int) -> str:
        name = item.get("name")
        return str(name) if name else self.tr("Channel {number}").format(number=item.get("number"))


def _driver(*drivers: str) -> tuple[str, tuple[str, ...]]:
    """Show a field only while the section's driver is one of ``drivers``."""
    return ("driver", tuple(str(driver) for driver in drivers))


def audio_state(table: str, mute_all: bool, **common: Any) -> list[FieldSpec]:
    """Return the fields of an audio set-up (a mixer's on_join, a bridge's join_audio).

    ``mute_all`` is what a missing table means; a table without ``mute_microphones`` mutes none.
    """
    return [
        FieldSpec(f"{table}.mute_microphones", Kind.BOOL, default=mute_all, table_default=False,
                  **common),
        FieldSpec(f"{table}.main_on", Kind.CHOICE, **common),
        FieldSpec(f"{table}.mute", Kind.NUMBERS, **common),
        FieldSpec(f"{table}.open", Kind.NUMBERS, **common),
    ]  # fmt: skip


def _camera_limits() -> list[FieldSpec]:
    """Return what a camera model can do (advanced: the usual values suit a Sony)."""
    speeds = [("pan_speed_max", 1, SPEED_MAX, 24), ("tilt_speed_max", 1, SPEED_MAX, 23)]
    speeds += [("zoom_speed_max", 0, 7, 7), ("focus_speed_max", 0, 7, 7)]
    return [
        FieldSpec("limits.preset_capacity", Kind.INT, maximum=256, default=6, advanced=True),
        FieldSpec("limits.has_preset_memory", Kind.BOOL, default=True, advanced=True),
        *(
            FieldSpec(f"limits.{key}", Kind.INT, low, high, default=usual, advanced=True)
            for key, low, high, usual in speeds
        ),
    ]


def thumbnail_folder(profile_path: Path | None) -> Path | None:
    """Where the preset pictures of the profile at ``profile_path`` are kept."""
    if profile_path is None:
        return None
    from console.thumbnails import ThumbnailStore

    return ThumbnailStore.beside(profile_path).folder
