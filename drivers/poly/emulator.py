"""A Poly Group Series telnet API (port 24 style) on 127.0.0.1, for tests and the demo.

Kept from the real codec: every command is echoed (ending LF CR) before its acknowledgement
(ending CR LF), even invalid ones; ``notify callstatus`` is per session; call progress arrives
as callstatus notifications; ``callinfo all`` and ``netstats`` answer in the codec's format.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from drivers.poly.framing import ANSWER_END, ECHO_END
from drivers.readers import COMMAND_LOG
from drivers.terminal_server import TerminalServer


@dataclass
class PolyCall:
    """One emulated call."""

    call_id: int
    number: str
    speed: int
    direction: str = "outgoing"
    state: str = "connecting"


@dataclass
class _Session:
    writer: asyncio.StreamWriter
    notify: set[str] = field(default_factory=set)

    def answer(self, *lines: str) -> None:
        self.writer.write(b"".join(line.encode() + ANSWER_END for line in lines))


class PolyEmulator(TerminalServer):
    """The emulated codec; ``await start()`` then connect to ``port``."""

    def __init__(self, *, answer_delay: float = 0.05) -> None:
        super().__init__()
        self.answer_delay = answer_delay
        self.calls: dict[int, PolyCall] = {}
        self.mic_muted = False
        self.asleep = True
        self.loss_percent = 0.0
        self.reject_numbers: set[str] = set()
        self.dtmf_sent: list[str] = []
        self.commands_received: deque[str] = deque(maxlen=COMMAND_LOG)  # newest, for tests
        self._ids = itertools.count(43)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        session = _Session(writer)
        self._sessions.append(session)
        session.answer("Polycom Command Shell", "XCOM host:    localhost port: 4121")
        try:
            async for raw in self._lines(reader):
                line = raw.strip()
                writer.write(line.encode() + ECHO_END)  # echo first, always
                self.commands_received.append(line)
                self._guarded(lambda text: self._handle(session, text), line)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            if session in self._sessions:
                self._sessions.remove(session)
            writer.close()

    def _handle(self, session: _Session, line: str) -> None:
        words = line.split()
        if not words:
            return
        handler = _COMMANDS.get(" ".join(words[:2])) or _COMMANDS.get(words[0])
        if handler is None or line.count('"') % 2:
            session.answer("error: command not found")
            return
        handler(self, session, line)

    def _dial(self, session: _Session, line: str) -> None:
        parts = line.split('"')
        words = line.split()
        if len(parts) != 3 or len(words) < 4 or not (words[2].isascii() and words[2].isdigit()):
            session.answer("error: command has illegal parameters")
            return
        self.asleep = False
        call = PolyCall(next(self._ids), parts[1], int(words[2]))
        self.calls[call.call_id] = call
        session.answer("dialing manual")
        self._notify(call)
        self._spawn(self._progress(call))

    async def _progress(self, call: PolyCall) -> None:
        await asyncio.sleep(self.answer_delay)
        if call.number in self.reject_numbers:
            self._end(call)
            return
        call.state = "connected"
        self._notify(call)

    def _hangup(self, session: _Session, line: str) -> None:
        session.answer("hanging up all")
        for call in list(self.calls.values()):
            call.state = "disconnecting"
            self._notify(call)
            self._end(call)

    def _end(self, call: PolyCall) -> None:
        self.calls.pop(call.call_id, None)
        call.state = "disconnected"
        self._notify(call)

    def _callinfo(self, session: _Session, line: str) -> None:
        if not self.calls:
            session.answer("system is not in a call")
            return
        lines = [
            f"callinfo:{c.call_id}:{c.number.split('@')[0]}:{c.number}:{c.speed}:{c.state}:"
            f"{'muted' if self.mic_muted else 'notmuted'}:{c.direction}:videocall"
            for c in self.calls.values()
        ]
        session.answer("callinfo begin", *lines, "callinfo end")

    def _mute(self, session: _Session, line: str) -> None:
        arg = line.split()[-1]
        if arg in ("on", "off"):
            self.mic_muted = arg == "on"
            for other in self._sessions:
                if "mutestatus" in other.notify and other is not session:
                    state = "muted" if self.mic_muted else "unmuted"
                    other.answer(f"notification:mutestatus:near:near:near:near:{state}:mute")
        elif arg != "get":
            session.answer("error: command has illegal parameters")
            return
        session.answer(f"mute near {'on' if self.mic_muted else 'off'}")

    def _gendial(self, session: _Session, line: str) -> None:
        digit = line.split()[-1]
        if digit not in set("0123456789*#") or not self.calls:
            session.answer("error: command has illegal parameters")
            return
        self.dtmf_sent.append(digit)
        session.answer(f"gendial {digit}")

    def _notify_register(self, session: _Session, line: str) -> None:
        topic = line.split()[-1]
        session.notify.add(topic)
        session.answer(f"registered for {topic} notifications")

    def _wake(self, session: _Session, line: str) -> None:
        self.asleep = False
        session.answer("wake")

    def _netstats(self, session: _Session, line: str) -> None:
        call = next(iter(self.calls.values()), None)
        if call is None or call.state != "connected":
            session.answer("system is not in a call")
            return
        session.answer(
            f"call:{call.call_id} txrate:{call.speed} K rxrate:{call.speed} K "
            f"pktloss:0 %pktloss:{self.loss_percent:.1f} % tvp:H.264 rvp:H.264"
        )

    def _notify(self, call: PolyCall) -> None:
        name = call.number.split("@")[0]
        text = (
            f"notification:callstatus:{call.direction}:{call.call_id}:{name}:{call.number}:"
            f"{call.state}:{call.speed}:0:videocall"
        )
        for session in self._sessions:
            if "callstatus" in session.notify:
                session.answer(text)

    def ring_incoming(self, number: str) -> int:
        """Make an incoming call ring (callstatus ... incoming ... ringing)."""
        call = PolyCall(next(self._ids), number, 384, direction="incoming", state="ringing")
        self.calls[call.call_id] = call
        self._notify(call)
        return call.call_id

    def _answer(self, session: _Session, line: str) -> None:
        call = next((c for c in self.calls.values() if c.state == "ringing"), None)
        if call is None:
            session.answer("error: no incoming call")
            return
        session.answer("answer incoming video call passed")
        call.state = "connected"
        self._notify(call)


_COMMANDS: dict[str, Callable[[PolyEmulator, _Session, str], None]] = {
    "dial manual": PolyEmulator._dial,
    "hangup all": PolyEmulator._hangup,
    "callinfo all": PolyEmulator._callinfo,
    "mute near": PolyEmulator._mute,
    "gendial": PolyEmulator._gendial,
    "notify": PolyEmulator._notify_register,
    "wake": PolyEmulator._wake,
    "netstats": PolyEmulator._netstats,
    "answer video": PolyEmulator._answer,
}


async def run_standalone(
    listen: str = "127.0.0.1:0", on_ready: Callable[[str], None] | None = None
) -> None:
    """Run until cancelled (``roomctl emulate codec poly --listen 127.0.0.1:PORT``)."""
    await PolyEmulator().run_standalone(listen, on_ready)
