"""Put the audio and call panels of a room into the main window, wired to the core services."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from console.call_health import CallHealthMonitor
from console.config.codec import PinStore
from console.config.models import RoomProfile
from console.hotmic import HotMicGuard
from console.room import Room
from console.services.audio_state import audio_action
from console.services.join import JoinBridge
from console.services.leave import leave_meeting
from drivers.roles.codec import CallInfo, CallState, Codec
from drivers.roles.mixer import Mixer
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

    def start_join(self, bridge_id: str) -> None:
        """Join ``bridge_id`` through the call panel, if it is the bridge the panel joins."""
        if self.call is None or self.join is None or self.join.bridge.id != bridge_id:
            _LOGGER.warning("schedule: no join panel for bridge %s (not the main one)", bridge_id)
            return
        self.call.start_join()

    def close(self) -> None:
        """Unsubscribe panels and monitors from the devices."""
        for close in reversed(self._closers):
            with contextlib.suppress(Exception):
                close()
        self._closers.clear()


def attach_room_panels(window: MainWindow, room: Room) -> RoomPanels:
    """Add the call panel (if the room has a codec and a bridge) and the audio panel (mixer)."""
    panels = RoomPanels()
    _attach_previews(window, room, panels)
    guard = _hot_mic_guard(room.mixer, room.profile, panels)
    if guard is not None and room.codec is not None:
        _guard_follows_codec(guard, room.codec, panels)
    if room.codec is not None and room.profile.call.bridges:
        _attach_call(window, room, room.codec, panels)
    if room.mixer is not None:
        mixer_profile = room.profile.mixer
        panels.audio = AudioPanel(
            room.mixer,
            [channel.number for channel in mixer_profile.channels],
            guard,
            microphones=mixer_profile.microphones(),
            codec=room.codec,
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


def _hot_mic_guard(
    mixer: Mixer | None, profile: RoomProfile, panels: RoomPanels
) -> HotMicGuard | None:
    settings = profile.mixer.hot_mic
    if mixer is None or not settings.enabled:
        return None
    guard = HotMicGuard(
        mixer,
        profile.mixer.microphones(),
        threshold_db=settings.speech_threshold_db,
        hold=settings.hold_seconds,
    )
    guard.start()
    panels._closers.append(guard.close)
    return guard


def _guard_follows_codec(guard: HotMicGuard, codec: Codec, panels: RoomPanels) -> None:
    """Feed the guard the codec's mute (it silences the room) and whether a call is connected."""

    def on_call(info: CallInfo) -> None:
        guard.set_in_call(info.state is CallState.CONNECTED)

    panels._closers.append(codec.mic_muted.subscribe(guard.set_codec_muted))
    panels._closers.append(codec.call.subscribe(on_call))
    guard.set_codec_muted(codec.mic_muted.value)
    on_call(codec.call.value)


def _attach_call(window: MainWindow, room: Room, codec: Codec, panels: RoomPanels) -> None:
    profile = room.profile
    bridge = profile.call.bridge()
    cameras = [slot.camera for slot in room.cameras]
    microphones = profile.mixer.microphones()
    join_audio = bridge.join_audio or profile.mixer.on_join
    panels.join = JoinBridge(
        bridge,
        codec,
        cameras=cameras,
        apply_audio=audio_action(room.mixer, join_audio, microphones),
        pin_provider=PinStore().get,
        display_name=profile.site.name,
    )
    leave_audio = audio_action(room.mixer, profile.mixer.on_leave, microphones)

    async def leave() -> object:
        return await leave_meeting(
            codec,
            cameras=cameras,
            leave_preset=bridge.leave_camera_preset,
            apply_audio=leave_audio,
        )

    health = CallHealthMonitor(codec.statistics)
    panels.call = CallPanel(codec, panels.join, leave=leave, health=health)
    panels._closers += [health.close, panels.call.detach]
    window.add_side_panel(panels.call)
