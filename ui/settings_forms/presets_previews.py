"""The "Presets" and "Previews" tabs: one box per camera, plus the site's incoming picture."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.profile_form import get_value
from drivers.video.source import Decoder
from ui.settings_forms.fields import FieldSpec, Kind, tables
from ui.settings_forms.form_tab import FormTab
from ui.settings_forms.sections import Data


def camera_names(data: Data) -> list[str]:
    """Return the cameras' names (or ids) in profile order: one box each."""
    return [str(c.get("name") or c.get("id") or "?") for c in tables(data.get("cameras"))]


class PerCameraTab(FormTab):
    """A tab with one box per camera, rebuilt when cameras are added, removed or renamed."""

    _shown: list[str] | None = None

    def needs_build(self, data: Data) -> bool:
        """Rebuild when the cameras changed."""
        return camera_names(data) != self._shown

    def build(self, data: Data) -> None:
        """Make one box per camera, then whatever the tab adds after them."""
        self._shown = camera_names(data)
        for index, name in enumerate(self._shown):
            self.build_camera(index, self._camera_title(name))
        self.build_more()

    def _camera_title(self, name: str) -> Callable[[], str]:
        return lambda: QCoreApplication.translate("PerCameraTab", "Camera: {name}").format(
            name=name
        )

    def build_camera(self, index: int, title: Callable[[], str]) -> None:
        """Add the box of camera ``index``."""
        raise NotImplementedError

    def build_more(self) -> None:
        """Add boxes after the cameras' (none by default)."""


class PresetsTab(PerCameraTab):
    """Per camera: its preset shots (number, name, thumbnail); add, remove, rename."""

    def title(self) -> str:
        """Return the tab's title."""
        return self.tr("Presets")

    def words(self) -> dict[str, str]:
        """Return the labels."""
        return {
            "number": self.tr("Number in the camera (0–255)"),  # noqa: RUF001
            "name": self.tr("Name shown on the button"),
            "thumbnail": self.tr("Picture"),
            "+add": self.tr("+ Add a preset shot"),
            "-remove": self.tr("Remove preset shot '{name}'?"),
        }

    def hint_text(self) -> str:
        """Say where positions and pictures come from."""
        return self.tr(
            "Positions and pictures are saved from the camera panel (hold a preset button)."
        )

    def build_camera(self, index: int, title: Callable[[], str]) -> None:
        """Add camera ``index``'s preset list."""
        specs = [
            FieldSpec("number", Kind.INT, maximum=255),
            FieldSpec("name", Kind.TEXT),
            FieldSpec("thumbnail", Kind.IMAGE),
        ]
        path = ("cameras", index, "presets")
        self.add_list(
            self.group(title), "", path, specs,
            lambda text: self._new_preset(text, path), self._preset_title,
            columns=3, compact=True,
        )  # fmt: skip

    def _new_preset(self, text: str, path: tuple[str | int, ...]) -> dict[str, Any]:
        used = {p.get("number") for p in tables(get_value(text, path))}
        number = next(n for n in range(256) if n not in used)
        return {"number": number, "name": self.tr("Preset {number}").format(number=number)}

    def _preset_title(self, item: Data, index: int) -> str:
        name = item.get("name")
        return str(name) if name else self.tr("Preset {number}").format(number=item.get("number"))


class PreviewsTab(PerCameraTab):
    """Per camera: its preview URL, caching and RTSP over TCP; the site's incoming picture."""

    def title(self) -> str:
        """Return the tab's title."""
        return self.tr("Previews")

    def words(self) -> dict[str, str]:
        """Return the labels."""
        return {
            "preview.url": self.tr("Picture address (rtsp://, udp://, http:// …; empty: none)"),
            "preview.caching_ms": self.tr("Buffer in ms (— = 35; more is smoother, later)"),
            "preview.rtsp_tcp": self.tr("RTSP over TCP (through firewalls)"),
            "preview.decoder": self.tr("Decoder"),
            "incoming.url": self.tr("Picture address (rtsp://, udp://, http:// …; empty: none)"),
            "incoming.caching_ms": self.tr("Buffer in ms (— = 35; more is smoother, later)"),
            "incoming.rtsp_tcp": self.tr("RTSP over TCP (through firewalls)"),
            "incoming.decoder": self.tr("Decoder"),
        }

    def choices(self, key: str, data: Mapping[str, Any]) -> list[tuple[str, Any]]:
        """Return the decoders a source may use."""
        if key.endswith(".decoder"):
            return [
                (self.tr("Automatic (libVLC, PyAV when libVLC cannot)"), Decoder.AUTO.value),
                ("libVLC", Decoder.VLC.value),
                ("PyAV", Decoder.PYAV.value),
            ]
        return []

    def build_camera(self, index: int, title: Callable[[], str]) -> None:
        """Add camera ``index``'s preview source."""
        self.add_section(self.group(title), "", ("cameras", index), _source_specs("preview"))

    def build_more(self) -> None:
        """Add the far end's picture."""
        self.add_section(self.group(self._incoming_title), "", (), _source_specs("incoming"))

    def _incoming_title(self) -> str:
        return self.tr("Incoming picture (far end / bridge)")


def _source_specs(table: str) -> list[FieldSpec]:
    """Return the fields of a video source (a camera's ``preview``, the site's ``incoming``)."""
    return [
        FieldSpec(f"{table}.url", Kind.TABLE_TEXT),
        FieldSpec(f"{table}.caching_ms", Kind.OPTIONAL_INT, maximum=10_000, needs=table),
        FieldSpec(f"{table}.rtsp_tcp", Kind.BOOL, needs=table, default=True),
        FieldSpec(f"{table}.decoder", Kind.CHOICE, needs=table, default=Decoder.AUTO.value),
    ]
