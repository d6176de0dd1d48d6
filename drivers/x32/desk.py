"""The behaviour of an emulated X32/X-Air desk: parameter memory, scenes, a talking microphone.

No I/O: ``drivers/x32/emulator.py`` puts this on a UDP socket.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from drivers.roles.mixer import METER_FLOOR_DB, fader_to_db
from drivers.x32 import protocol
from drivers.x32.protocol import DeskModel, OscArg

# Names a freshly "installed" room desk carries on its first strips (the rest are blank).
_FACTORY_NAMES = ("Chair", "Lectern", "Table L", "Table R")
_NOISE_FLOOR_DB = -66.0
_SPEECH_DB = -20.0  # typical speech peak on a well-gained lectern mic
_AUTO_PERIOD_S = 12.0  # the automatic talker speaks 4 s out of every 12 s
_AUTO_TALK_S = 4.0


class EmulatedDesk:
    """Parameter memory with the desk's type rules, scene store and a generated input signal."""

    def __init__(
        self, desk: DeskModel, *, clock: Callable[[], float], auto_talker: int | None = 1
    ) -> None:
        self.desk = desk
        self.clock = clock
        self.values: dict[str, OscArg] = protocol.parameter_defaults(desk)
        for number, name in enumerate(_FACTORY_NAMES, start=1):
            self.values[protocol.channel_name(number)] = name
            self.values[protocol.channel_fader(number)] = 0.75
        self.scenes: dict[int, dict[str, OscArg]] = {}
        self.current_scene = desk.limits.first_scene
        # channel -> True/False forces speech on/off; absent = automatic (see auto_talker)
        self.speaking: dict[int, bool] = {}
        self.auto_talker = auto_talker
        self._random = random.Random(desk.key)

    def read(self, address: str) -> OscArg | None:
        """Return the current value of a parameter (None if the desk has no such parameter)."""
        if address == self.desk.scene_address:
            return self.current_scene
        return self.values.get(address)

    def write(self, address: str, value: OscArg) -> dict[str, OscArg]:
        """Apply a set like the desk does; returns the parameters that now hold new values."""
        if address == self.desk.scene_address:
            return self.recall_scene(value) if isinstance(value, int) else {}
        current = self.values.get(address)
        coerced = _coerce(current, value)
        if coerced is None:
            return {}  # unknown address or wrong type: the desk ignores it
        self.values[address] = coerced
        return {address: coerced}

    def node(self, path: str) -> str | None:
        """Return the desk's ``/node`` text line for ``path`` (None if not modelled).

        X32-Edit and Mixing Station read the desk this way: ``/node ,s "ch/01/mix"`` is
        answered ``/node ,s "/ch/01/mix ON  -1.5 ON +0 OFF   -oo"`` plus a newline (fader in
        dB). Fields the emulator does not model (LR assign, pan, mono, icon, colour) carry
        factory values.
        """
        address = "/" + path.strip().strip("/")
        main = protocol.main_fader(self.desk).removesuffix("/fader")
        if address == main:
            return f"{address} {self._on(address + '/on')} {self._level(address + '/fader')} +0"
        if address == "/config/mute":
            groups = range(1, self.desk.limits.mute_groups + 1)
            return address + "".join(f" {self._on(protocol.mute_group(g))}" for g in groups)
        if address.startswith("/ch/") and address.count("/") == 3:
            return self._channel_node(address)
        return self._leaf(address)

    def _channel_node(self, address: str) -> str | None:
        """``/ch/NN/mix`` or ``/ch/NN/config`` of a channel the desk has."""
        if address.endswith("/mix") and address + "/fader" in self.values:
            on, level = self._on(address + "/on"), self._level(address + "/fader")
            return f"{address} {on} {level} ON +0 OFF   -oo"
        if address.endswith("/config") and address + "/name" in self.values:
            number = int(address.split("/")[2])
            return f"{address} {self._text(address + '/name')} 1 YE {number}"
        return None

    def _leaf(self, address: str) -> str | None:
        """One modelled parameter as text: a fader in dB, a switch ON/OFF, a name quoted."""
        value = self.values.get(address)
        if value is None:
            return None
        if isinstance(value, float):
            return f"{address} {self._level(address)}"
        if isinstance(value, int):
            return f"{address} {self._on(address)}"
        return f"{address} {self._text(address)}"

    def _text(self, address: str) -> str:
        value = self.values.get(address)
        return f'"{value}"' if isinstance(value, str) else '""'

    def _on(self, address: str) -> str:
        return "ON" if self.values.get(address) else "OFF"

    def _level(self, address: str) -> str:
        """Fader position as the desk prints it: dB, one decimal, 5 wide, ``-oo`` at the bottom."""
        value = self.values.get(address, 0.0)
        db = fader_to_db(float(value) if isinstance(value, int | float) else 0.0)
        text = "-oo" if db <= -90.0 else "0.0" if round(db, 1) == 0 else f"{db:+.1f}"
        return f"{text:>5}"

    def store_scene(self, number: int) -> None:
        """Remember the current mixer parameters as scene ``number``."""
        self.scenes[number] = dict(self.values)

    def recall_scene(self, number: int) -> dict[str, OscArg]:
        """Load a stored scene; returns what changed (nothing if the scene is empty)."""
        stored = self.scenes.get(number)
        if stored is None:
            return {}
        self.current_scene = number
        changed = {a: v for a, v in stored.items() if self.values.get(a) != v}
        self.values.update(changed)
        return changed

    def is_speaking(self, channel: int) -> bool:
        """Whether someone is talking into ``channel`` right now."""
        forced = self.speaking.get(channel)
        if forced is not None:
            return forced
        if channel != self.auto_talker:
            return False
        return self.clock() % _AUTO_PERIOD_S < _AUTO_TALK_S

    def meter_levels(self) -> list[float]:
        """Return the ``/meters/1`` values in dBFS: channels (pre-fader input) first."""
        now = self.clock()
        levels = [
            self._channel_level(channel, now) for channel in range(1, self.desk.limits.channels + 1)
        ]
        levels.extend([METER_FLOOR_DB] * (self.desk.meter_values - len(levels)))
        return levels

    def _channel_level(self, channel: int, now: float) -> float:
        """Syllable-like speech envelope or room noise, with a little randomness."""
        jitter = self._random.uniform(-2.0, 2.0)
        if self.is_speaking(channel):
            syllables = 6.0 * math.sin(now * 2.0 * math.pi * 3.1 + channel)
            return _SPEECH_DB + syllables + jitter
        return _NOISE_FLOOR_DB + jitter


def _coerce(current: OscArg | None, value: OscArg) -> OscArg | None:
    """Value in the parameter's own type, or None when the desk would ignore it."""
    if current is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None  # NaN or infinity: the desk ignores it
    if isinstance(current, float):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return min(1.0, max(0.0, float(value)))
        return None
    if isinstance(current, int):
        if isinstance(value, int | float):
            return 1 if value else 0
        return None
    if isinstance(current, str) and isinstance(value, str):
        return value[:12]  # scribble strips hold 12 characters
    return None
