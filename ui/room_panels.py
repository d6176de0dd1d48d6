"""Put the audio and call panels of a room into the main window, on the runtime's services."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from console.room import Room
from console.runtime import RoomRuntime
from console.services.join import JoinBridge
from ui.audio_panel import AudioPanel
from ui.call_panel import CallPanel
from ui.main_window import MainWindow
from ui.preview import PreviewArea

_LOGGER = logging.getLogger(__name__)


@dataclass
class RoomPanels:
    """What was attached; ``close()`` detaches it all (before the devices close)."""

    previews: PreviewArea | None = None
    audio: AudioPanel | None = None
    call: CallPanel | None = None
    join: JoinBridge | None = None
    _closers: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        """Unsubscribe panels and monitors from the devices."""
        for close in reversed(self._closers):
            with contextlib.suppress(Exception):
                close()
        self._closers.clear()


def attach_room_panels(window: MainWindow, runtime: RoomRuntime) -> RoomPanels:
    """Add the call panel (if the room has a codec and a bridge) and the audio panel (mixer)."""
    room = runtime.room
    panels = RoomPanels()
    _attach_previews(window, room, panels)
    if room.codec is not None and room.profile.call.bridges:
        panels.join = runtime.join_service()  # the main bridge's
        panels.call = CallPanel(
            room.codec,
            panels.join,
            leave=runtime.leave,
            start_join=runtime.start_join,
            health=runtime.health,
        )
        panels._closers.append(panels.call.detach)
        window.add_side_panel(panels.call)
    if room.mixer is not None and runtime.microphones is not None:
        mixer_profile = room.profile.mixer
        panels.audio = AudioPanel(
            room.mixer,
            [channel.number for channel in mixer_profile.channels],
            runtime.hot_mic,
            microphones=mixer_profile.microphones(),
            codec=room.codec,
            mute_all=runtime.microphones,
        )
        panels._closers.append(panels.audio.detach)
        window.add_side_panel(panels.audio)
    return panels


def _attach_previews(window: MainWindow, room: Room, panels: RoomPanels) -> None:
    """Outgoing preview follows the selected camera; incoming shows the far end."""
    if not room.players:
        return  # no video sources in the profile: keep the placeholder
    area = PreviewArea()
    panels.previews = area

    def follow(index: int) -> None:
        slot = room.cameras[index]
        area.outgoing.set_player(room.previews.get(slot.id), slot.name)

    if room.cameras:
        follow(window.camera_panel.selected_index)
    window.camera_panel.selected_changed.connect(follow)
    area.incoming.set_player(room.incoming, area.incoming.name)
    if room.codec is not None:
        panels._closers.append(room.codec.mic_muted.subscribe(area.outgoing.set_muted))
    panels._closers += [area.outgoing.detach, area.incoming.detach]
    window.set_preview_area(area)
