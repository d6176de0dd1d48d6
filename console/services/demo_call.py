"""The demo's call side: a room codec and a local bridge on 127.0.0.1, ready for one-click join.

With baresip installed: a managed room baresip and a second, auto-answering baresip as the
bridge, so Join places a real SIP call. Without it: the Cisco xAPI emulator plays the codec
(its calls connect by themselves) and ``fallback`` says so, for the UI to tell the operator.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field

from console.config.codec import BridgeProfile, DtmfTiming
from drivers.baresip.bridge import demo_bridge, start_online
from drivers.baresip.codec import BaresipCodec
from drivers.cisco.codec import CiscoCodec
from drivers.cisco.emulator import CiscoEmulator
from drivers.roles.codec import Codec

_LOGGER = logging.getLogger(__name__)

DEMO_CONFERENCE_ID = "1234#"
DEMO_JOIN_PRESET = 0  # the wide shot: the far end first sees the whole hall
DEMO_LEAVE_PRESET = 0  # the wide shot again (not standby: the training picture stays alive)


@dataclass
class DemoCall:
    """Codec + bridge profile for the demo; ``close()`` stops everything it started."""

    codec: Codec
    bridge: BridgeProfile
    fallback: bool  # True: baresip missing, the Cisco emulator stands in (no real SIP call)
    _far_end: BaresipCodec | None = None
    _emulator: CiscoEmulator | None = None
    _closed: bool = field(default=False)

    async def close(self) -> None:
        """Hang up and stop the codec, the bridge and any emulator."""
        if self._closed:
            return
        self._closed = True
        await self.codec.close()
        if self._far_end is not None:
            await self._far_end.close()
        if self._emulator is not None:
            await self._emulator.close()


def _bridge_profile(dial_string: str) -> BridgeProfile:
    return BridgeProfile(
        id="demo",
        name="Cầu chính (demo)",
        dial_string=dial_string,
        conference_id=DEMO_CONFERENCE_ID,
        join_camera_preset=DEMO_JOIN_PRESET,
        leave_camera_preset=DEMO_LEAVE_PRESET,
        dtmf=DtmfTiming(wait_after_connect=0.5, between_id_and_pin=0.3),
    )


async def start_demo_call(*, use_baresip: bool | None = None) -> DemoCall:
    """Start the demo codec and bridge (baresip when installed, else the Cisco emulator)."""
    if use_baresip is None:
        use_baresip = shutil.which("baresip") is not None
    if use_baresip:
        far_end = await start_online(demo_bridge("Demo bridge"))
        try:
            room = await start_online(BaresipCodec("Codec phòng họp"))
        except BaseException:
            await far_end.close()
            raise
        return DemoCall(room, _bridge_profile(far_end.sip_uri), False, _far_end=far_end)
    _LOGGER.warning("baresip not installed: the demo uses the Cisco emulator as its codec")
    emulator = CiscoEmulator()
    await emulator.start()
    codec = CiscoCodec("Codec phòng họp", host="127.0.0.1", port=emulator.port)
    await codec.start()
    return DemoCall(codec, _bridge_profile("bridge@127.0.0.1"), True, _emulator=emulator)
