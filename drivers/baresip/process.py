"""Write a loopback-only baresip config and keep a baresip process running (restart if it dies)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import socket
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from drivers.errors import DeviceUnavailable

_LOGGER = logging.getLogger(__name__)

MODULE_PATH = "/usr/lib/baresip/modules"
HOST = "127.0.0.1"  # never listen beyond loopback: ctrl_tcp has no authentication
# SIGTERM makes baresip wait for open SIP transactions (an unanswered INVITE: ~32 s); calls
# are hung up before we stop it, so a short grace before SIGKILL loses nothing.
TERMINATE_GRACE = 1.0


@dataclass(frozen=True)
class BaresipSettings:
    """What goes into the generated config and accounts files."""

    sip_port: int
    ctrl_port: int
    user: str = "room"
    answermode: str = "manual"  # "auto" for a demo/test bridge

    def config_text(self) -> str:
        """Return the ``config`` file: loopback only, null audio device, paced sine source."""
        # ausine paces RTP at real time (ALSA's null device does not, which breaks statistics);
        # it only supports 48 kHz stereo, baresip resamples to the codec's rate. The far end's
        # audio goes to an aubridge device no source reads: nothing pulls it, nothing spins.
        # (ALSA's null device accepted writes without pacing: a call cost 84 % CPU, now 2.5 %.)
        lines = [
            f"sip_listen {HOST}:{self.sip_port}",
            f"net_interface {HOST}",  # "lo" fails
            "audio_player aubridge,discard",
            "audio_source ausine,440",
            "audio_alert aubridge,discard",
            "ausrc_srate 48000",
            "ausrc_channels 2",
            f"module_path {MODULE_PATH}",
            "module g711.so",
            "module aubridge.so",
            "module ausine.so",
            "module_tmp uuid.so",
            "module_tmp account.so",
            "module_app menu.so",
            "module_app ctrl_tcp.so",
            f"ctrl_tcp_listen {HOST}:{self.ctrl_port}",  # default is 0.0.0.0: always set it
        ]
        return "\n".join(lines) + "\n"

    def accounts_text(self) -> str:
        """Return the ``accounts`` file: one direct-dial account, no registrar."""
        return f"<sip:{self.user}@{HOST}:{self.sip_port}>;regint=0;answermode={self.answermode}\n"

    def write(self, directory: Path) -> None:
        """Write config and accounts into ``directory``."""
        (directory / "config").write_text(self.config_text())
        (directory / "accounts").write_text(self.accounts_text())


def death_guard() -> list[str]:
    """Command prefix that kills baresip when the console dies, however it dies (Linux).

    A console killed by the OS (or a crash) cannot terminate its children, and an orphaned
    demo call keeps two baresips sending audio at 20-35 % CPU each, holding their ports.
    ``setpriv --pdeathsig`` (util-linux) sets PR_SET_PDEATHSIG and execs baresip: no Python
    ``preexec_fn`` runs between fork and exec, which can deadlock beside libVLC's threads.
    Windows would need a job object (not done: the console runs baresip on Linux).
    """
    if sys.platform != "linux":
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "KILL", "--"] if setpriv else []


def _bindable(port: int) -> bool:
    """Tell whether ``port`` on 127.0.0.1 can be bound for both TCP and UDP right now."""
    for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
        with socket.socket(socket.AF_INET, kind) as sock:
            try:
                sock.bind((HOST, port))
            except OSError:
                return False
    return True


def free_port(exclude: tuple[int, ...] = (), *, span: int = 1) -> int:
    """Find ``span`` consecutive ports free for TCP and UDP on 127.0.0.1; return the first.

    SIP listens on UDP and TCP at its port and baresip's SIP/TLS transport on the next one, so
    a SIP port needs ``span=2``.
    """
    for _ in range(100):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((HOST, 0))
            port: int = probe.getsockname()[1]
        ports = range(port, port + span)
        if port + span > 65536 or any(p in exclude for p in ports):
            continue
        if all(_bindable(p) for p in ports):
            return port
    raise OSError("no free port on 127.0.0.1")


class BaresipProcess:
    """Runs ``baresip -4 -f DIR`` with a generated config and restarts it when it exits."""

    def __init__(self, name: str, settings: BaresipSettings, *, binary: str = "baresip") -> None:
        self.name = name
        self.settings = settings
        self._binary = binary
        self._dir: tempfile.TemporaryDirectory[str] | None = None
        self._process: asyncio.subprocess.Process | None = None
        self._task: asyncio.Task[None] | None = None
        self.restarts = 0

    @property
    def pid(self) -> int | None:
        """PID of the running baresip, if any."""
        return self._process.pid if self._process and self._process.returncode is None else None

    @property
    def log_path(self) -> Path | None:
        """Where baresip's own output goes (useful when a call fails)."""
        return Path(self._dir.name) / "baresip.log" if self._dir else None

    async def start(self) -> None:
        """Write the config and start supervising (DeviceUnavailable if baresip is missing)."""
        path = shutil.which(self._binary)
        if path is None:
            raise DeviceUnavailable(f"{self.name}: program {self._binary!r} not installed")
        self._binary = path
        self._dir = tempfile.TemporaryDirectory(prefix="roomconsole-baresip-")
        self.settings.write(Path(self._dir.name))
        await self._spawn()
        self._task = asyncio.create_task(self._supervise())

    async def kill(self) -> None:
        """Kill the running process (tests: simulate a crash; the supervisor restarts it)."""
        if self._process is not None and self._process.returncode is None:
            self._process.kill()

    async def close(self) -> None:
        """Stop supervising, terminate baresip and wait for it; remove the temp dir."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self._stop_process()
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None

    async def _spawn(self) -> None:
        """Start one baresip process with output to the log file."""
        assert self._dir is not None and self.log_path is not None
        with self.log_path.open("ab") as log:
            self._process = await asyncio.create_subprocess_exec(
                *death_guard(),
                self._binary,
                "-4",
                "-f",
                self._dir.name,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=asyncio.subprocess.STDOUT,
            )
        _LOGGER.info("%s: baresip started (pid %d)", self.name, self._process.pid)

    async def _supervise(self) -> None:
        """Restart baresip whenever it exits, with a capped back-off if it keeps dying."""
        delay = 0.2
        while True:
            assert self._process is not None
            started = asyncio.get_running_loop().time()
            code = await self._process.wait()
            _LOGGER.warning("%s: baresip exited with %s; restarting", self.name, code)
            if asyncio.get_running_loop().time() - started > 10:
                delay = 0.2
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)
            self.restarts += 1
            await self._spawn()

    async def _stop_process(self) -> None:
        """Terminate (then kill) the process and wait for it."""
        process = self._process
        self._process = None
        if process is None or process.returncode is not None:
            return
        process.terminate()
        try:
            await asyncio.wait_for(process.wait(), TERMINATE_GRACE)
        except TimeoutError:
            process.kill()
            try:
                await asyncio.wait_for(process.wait(), 5.0)
            except TimeoutError:  # never hang the console's shutdown on a stuck child
                _LOGGER.error("%s: baresip (pid %d) did not exit", self.name, process.pid)
