"""A Cisco codec speaking the xAPI terminal (TSH) over TCP on 127.0.0.1, for tests and the demo.

Behaviour kept from the real codec: every command ends with OK/ERROR, results as ``*r`` blocks,
feedback only for paths the session registered (per session: lost on reconnect), calls going
Dialling -> Ringing -> Connected, ghost lines for ended calls, media channel netstat counters.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from drivers.readers import COMMAND_LOG
from drivers.terminal_server import TerminalServer

_LOGGER = logging.getLogger(__name__)

_PARAM_RE = re.compile(r'(\w+):\s*(?:"([^"]*)"|([^\s"]+))')
PACKETS_PER_SECOND = 50


@dataclass
class EmulatedCall:
    """One call on the emulated codec."""

    call_id: int
    number: str
    direction: str = "Outgoing"
    status: str = "Dialling"
    packets: int = 0
    lost: int = 0


@dataclass
class _Session:
    """One terminal session and the feedback paths it registered."""

    writer: Any  # asyncio StreamWriter or asyncssh SSHWriter
    feedback: set[str] = field(default_factory=set)

    def wants(self, path: str) -> bool:
        return any(path.lower().startswith(p) for p in self.feedback)

    def send(self, lines: list[str]) -> None:
        self.writer.write("".join(line + "\r\n" for line in lines).encode())


class CiscoEmulator(TerminalServer):
    """The emulated codec; ``await start()`` then connect to ``port``."""

    def __init__(self, *, answer_delay: float = 0.05, stats_interval: float = 0.2) -> None:
        super().__init__()
        self.answer_delay = answer_delay
        self.stats_interval = stats_interval
        self.calls: dict[int, EmulatedCall] = {}
        self.mic_muted = False
        self.selfview = False
        self.standby = True
        self.loss_percent = 0.0
        self.reject_numbers: set[str] = set()  # answer these with RemoteBusy
        self.unanswered_numbers: set[str] = set()  # these ring forever
        self.dtmf_sent: list[str] = []
        self.presets_activated: list[int] = []
        self.commands_received: deque[str] = deque(maxlen=COMMAND_LOG)  # newest, for tests
        self._next_call = 1
        self._ssh: Any = None
        self.ssh_port = 0

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        """Listen for terminal sessions; the statistics move while a call is up."""
        await super().start(host, port)
        self._spawn(self._stats_loop())

    async def start_ssh(
        self, username: str, password: str, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        """Listen for SSH logins (asyncssh) that land in the TSH shell, like the codec."""
        import asyncssh

        emulator = self

        class _Server(asyncssh.SSHServer):
            def begin_auth(self, name: str) -> bool:
                return True

            def password_auth_supported(self) -> bool:
                return True

            def validate_password(self, name: str, secret: str) -> bool:
                return name == username and secret == password

        async def shell(process: Any) -> None:
            await emulator._serve(process.stdin, process.stdout)
            process.exit(0)

        key = asyncssh.generate_private_key("ssh-ed25519")
        self._ssh = await asyncssh.create_server(
            _Server, host, port, server_host_keys=[key], process_factory=shell, encoding=None
        )
        self.ssh_port = self._ssh.sockets[0].getsockname()[1]

    async def close(self) -> None:
        """Stop everything, the SSH server too."""
        await super().close()
        if self._ssh is not None:
            self._ssh.close()
            await self._ssh.wait_closed()

    def ring_incoming(self, number: str) -> int:
        """Make an incoming call ring (the driver sees Ringing, direction Incoming)."""
        call = self._new_call(number, "Incoming")
        self._set_status(call, "Ringing")
        return call.call_id

    async def _serve(self, reader: Any, writer: Any) -> None:
        session = _Session(writer)
        self._sessions.append(session)
        session.send(
            [
                "Welcome to the Room Console Cisco emulator",
                "Software version: ce9.15",
                "*r Login successful",
                "",
                "OK",
            ]
        )
        try:
            async for line in self._lines(reader):
                self._guarded(lambda text: self._handle(session, text), line)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            if session in self._sessions:
                self._sessions.remove(session)
            writer.close()

    def _handle(self, session: _Session, line: str) -> None:
        """Run one command line and answer it."""
        self.commands_received.append(line)
        words = line.split()
        if not words:
            return
        if line.count('"') % 2:
            session.send(_error("Syntax", "Unbalanced quotes"))
            return
        verb = words[0].lower()
        if verb == "xfeedback" and len(words) == 3 and words[1].lower() == "register":
            session.feedback.add(words[2].lower())
            session.send(["** end", "", "OK"])
        elif verb == "xstatus":
            session.send([*self._status_lines(" ".join(words[1:])), "** end", "", "OK"])
        elif verb == "xcommand":
            session.send(self._command(line))
        else:
            session.send(["Command not recognized.", "", "ERROR"])

    def _command(self, line: str) -> list[str]:
        """Execute an xCommand; return its output lines."""
        params = {k.lower(): quoted or bare for k, quoted, bare in _PARAM_RE.findall(line)}
        words: list[str] = []
        for word in line.split()[1:]:
            if ":" in word:
                break
            words.append(word.lower())
        path = " ".join(words)
        handler = _COMMANDS.get(path)
        if handler is None:
            return _error("Result", "Unknown command")
        try:
            return handler(self, params)
        except ValueError:
            return _error("Result", "Invalid parameter value")

    def _dial(self, params: dict[str, str]) -> list[str]:
        number = params.get("number", "")
        if not number:
            return _error("DialResult", "Missing or invalid parameter(s): Number")
        if self.calls:
            return _error("DialResult", "Maximum limit of active calls reached")
        self.standby = False
        call = self._new_call(number, "Outgoing")
        self._spawn(self._progress(call))
        return [
            "*r DialResult (status=OK):",
            f"    CallId: {call.call_id}",
            "    ConferenceId: 1",
            "** end",
            "",
            "OK",
        ]

    async def _progress(self, call: EmulatedCall) -> None:
        """Dialling -> Ringing -> Connected (or busy / ringing forever)."""
        await asyncio.sleep(self.answer_delay)
        self._set_status(call, "Ringing")
        if call.number in self.unanswered_numbers:
            return
        await asyncio.sleep(self.answer_delay)
        if call.number in self.reject_numbers:
            self._end_call(call, "RemoteBusy", "Busy")
        elif call.call_id in self.calls:
            self._set_status(call, "Connected")

    def _disconnect(self, params: dict[str, str]) -> list[str]:
        call = self._call(params)
        if call is None:
            return _error("CallDisconnect", "No active call(s) found")
        self._set_status(call, "Disconnecting")
        self._end_call(call, "LocalDisconnect", "Local disconnect")
        return ["*r CallDisconnectResult (status=OK):", "** end", "", "OK"]

    def _accept(self, params: dict[str, str]) -> list[str]:
        call = self._call(params)
        if call is None or call.direction != "Incoming":
            return _error("CallAccept", "No incoming call")
        self._set_status(call, "Connected")
        return ["*r CallAcceptResult (status=OK):", "** end", "", "OK"]

    def _dtmf(self, params: dict[str, str]) -> list[str]:
        call = self._call(params)
        if call is None or call.status != "Connected":
            return _error("CallDTMFSend", "No active call(s) found")
        self.dtmf_sent.append(params.get("dtmfstring", ""))
        return ["*r CallDTMFSendResult (status=OK):", "** end", "", "OK"]

    def _mute(self, muted: bool) -> list[str]:
        self.mic_muted = muted
        self._feedback("/status/audio/microphones/mute", [self._mute_line()])
        name = "Mute" if muted else "Unmute"
        return [f"*r Microphones{name}Result (status=OK):", "** end", "", "OK"]

    def _preset(self, params: dict[str, str]) -> list[str]:
        number = int(params.get("presetid", "0") or 0)
        if not 1 <= number <= 35:
            return _error("PresetActivateResult", "Invalid PresetId")
        self.presets_activated.append(number)
        return ["*r PresetActivateResult (status=OK):", "** end", "", "OK"]

    def _selfview(self, params: dict[str, str]) -> list[str]:
        mode = params.get("mode", "").lower()
        if mode not in ("on", "off"):
            return _error("SelfviewSetResult", "Invalid Mode")
        self.selfview = mode == "on"
        return ["*r SelfviewSetResult (status=OK):", "** end", "", "OK"]

    def _wake(self, params: dict[str, str]) -> list[str]:
        self.standby = False
        return ["*r StandbyDeactivateResult (status=OK):", "** end", "", "OK"]

    def _call(self, params: dict[str, str]) -> EmulatedCall | None:
        if "callid" in params:
            return self.calls.get(int(params["callid"]))
        return next(iter(self.calls.values()), None)

    def _new_call(self, number: str, direction: str) -> EmulatedCall:
        call = EmulatedCall(self._next_call, number, direction)
        self._next_call += 1
        self.calls[call.call_id] = call
        self._set_status(call, call.status)
        return call

    def _set_status(self, call: EmulatedCall, status: str) -> None:
        call.status = status
        self._feedback("/status/call", self._call_lines(call))

    def _end_call(self, call: EmulatedCall, cause: str, text: str) -> None:
        self.calls.pop(call.call_id, None)
        self._feedback(
            "/event/calldisconnect",
            [
                f'*e CallDisconnect CauseType: "{cause}"',
                f'*e CallDisconnect CauseString: "{text}"',
                f"*e CallDisconnect CallId: {call.call_id}",
            ],
        )
        self._feedback("/status/call", [f"*s Call {call.call_id} (ghost=True):"])

    def _call_lines(self, call: EmulatedCall) -> list[str]:
        n = call.call_id
        return [
            f"*s Call {n} Status: {call.status}",
            f"*s Call {n} Direction: {call.direction}",
            f"*s Call {n} Protocol: Sip",
            f'*s Call {n} RemoteNumber: "{call.number}"',
            f'*s Call {n} DisplayName: "{call.number.split("@")[0]}"',
        ]

    def _mute_line(self) -> str:
        return f"*s Audio Microphones Mute: {'On' if self.mic_muted else 'Off'}"

    def _status_lines(self, path: str) -> list[str]:
        lowered = path.lower().replace("/", " ").strip()
        if lowered.startswith("call"):
            return [line for call in self.calls.values() for line in self._call_lines(call)]
        if lowered.startswith("audio"):
            return [self._mute_line()]
        if lowered.startswith("standby"):
            return [f"*s Standby State: {'Standby' if self.standby else 'Off'}"]
        return []

    def _feedback(self, path: str, lines: list[str]) -> None:
        for session in self._sessions:
            if session.wants(path):
                session.send([*lines, "** end"])

    async def _stats_loop(self) -> None:
        """Count packets of connected calls and publish MediaChannels feedback."""
        while True:
            await asyncio.sleep(self.stats_interval)
            for call in self.calls.values():
                if call.status != "Connected":
                    continue
                packets = round(PACKETS_PER_SECOND * self.stats_interval)
                call.packets += packets
                call.lost += round(packets * self.loss_percent / 100)
                self._feedback("/status/mediachannels", self._netstat_lines(call))

    def _netstat_lines(self, call: EmulatedCall) -> list[str]:
        lines = []
        for channel, direction in ((1, "Incoming"), (2, "Outgoing")):
            prefix = f"*s MediaChannels Call {call.call_id} Channel {channel}"
            lines += [
                f"{prefix} Direction: {direction}",
                f"{prefix} Netstat Packets: {call.packets}",
                f"{prefix} Netstat Loss: {call.lost if direction == 'Incoming' else 0}",
                f"{prefix} Netstat Jitter: 4",
                f"{prefix} Netstat ChannelRate: 64000",
            ]
        return lines


def _error(result: str, reason: str) -> list[str]:
    """Return an xAPI error block."""
    return [f"*r {result} (status=Error):", f'    Reason: "{reason}"', "** end", "", "ERROR"]


_COMMANDS = {
    "dial": lambda emu, p: emu._dial(p),
    "call disconnect": lambda emu, p: emu._disconnect(p),
    "call accept": lambda emu, p: emu._accept(p),
    "call reject": lambda emu, p: emu._disconnect(p),
    "call dtmfsend": lambda emu, p: emu._dtmf(p),
    "audio microphones mute": lambda emu, p: emu._mute(True),
    "audio microphones unmute": lambda emu, p: emu._mute(False),
    "camera preset activate": lambda emu, p: emu._preset(p),
    "standby deactivate": lambda emu, p: emu._wake(p),
    "video selfview set": lambda emu, p: emu._selfview(p),
}


async def run_standalone(
    listen: str = "127.0.0.1:0", on_ready: Callable[[str], None] | None = None
) -> None:
    """Run until cancelled (``roomctl emulate codec cisco --listen 127.0.0.1:PORT``)."""
    await CiscoEmulator().run_standalone(listen, on_ready)
