"""CPU of two 720p30 previews on screen: the console's preview path against cvlc.

Every contender plays the same two ffmpeg test streams (720p30 H.264, MPEG-TS over UDP on
127.0.0.1) in a fresh process on its **own Xvfb server**, so the work of putting the pictures
on screen is counted too: CPU = the contender's processes + its X server, from
``/proc/<pid>/stat``, over the same window after a warm-up. Contenders, in a rotating order
each round (the build machine is shared: a median of rounds beats one long run):

- ``cvlc``: the VLC program as a user starts it (default video output: OpenGL; on a machine
  without a GPU, such as this one, Mesa renders it in software).
- ``cvlc_x11``: cvlc with its plain X11 output (swscale conversion + shared-memory image),
  windows scaled to the preview's picture size: the cheapest way VLC puts video on an X screen.
- ``null``: libVLC decoding to a null output (python-vlc, no callbacks): the decoding floor.
- ``ours``: the console's ``PreviewArea`` (libVLC callbacks at the displayed size, Qt paints)
  on the X server, as the operator sees it.

cvlc refuses to run as root; as root the contender runs it as ``nobody`` (setpriv).
Linux only (``/proc``). Needs Xvfb and, for the cvlc rows, Debian's ``vlc-bin``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

PREVIEW_AREA = (1000, 300)  # two previews of 496x300 (picture 496x280) side by side
ZOOM = 496 / 1280  # cvlc windows the size of our previews' pictures
WARMUP = 3.0
LATENCY_SCRIPT = Path(__file__).with_name("preview_latency.py")  # holds the python children


def ticks(pids: list[int]) -> int:
    """User + system clock ticks of these processes (all their threads)."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total


@contextlib.contextmanager
def xvfb() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A private X server; yields its DISPLAY and process."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,), stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    with os.fdopen(read) as pipe:
        display = ":" + pipe.readline().strip()
    try:
        yield display, server
    finally:
        server.terminate()
        server.wait(5)


def _as_user() -> list[str]:
    """cvlc exits when run as root: drop to nobody."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def _cvlc(
    ports: list[int], caching: int, extra: list[str], env: dict[str, str]
) -> list[subprocess.Popen[bytes]]:
    return [
        subprocess.Popen(
            [
                *_as_user(),
                "cvlc",
                "--no-audio",
                f"--network-caching={caching}",
                "--no-video-title-show",
                *extra,
                f"udp://@127.0.0.1:{port}",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]


def _python_child(
    kind: str, ports: list[int], seconds: float, env: dict[str, str]
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(LATENCY_SCRIPT), "--child", kind, "--ports", *map(str, ports),
         "--seconds", str(seconds)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


CVLC_ARGS = {"cvlc": [], "cvlc_x11": ["--vout=xcb_x11", f"--zoom={ZOOM:.4f}"]}


def available(kind: str) -> bool:
    """cvlc rows need the VLC program (Debian: vlc-bin)."""
    return not kind.startswith("cvlc") or shutil.which("cvlc") is not None


def run_contender(kind: str, ports: list[int], seconds: float, caching: int) -> dict[str, float]:
    """Start ``kind`` on its own X server; CPU % of one core over ``seconds`` after the warm-up."""
    with xvfb() as (display, server):
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        if kind in CVLC_ARGS:
            procs = _cvlc(ports, caching, CVLC_ARGS[kind], env)
        else:
            procs = [_python_child(kind, ports, seconds, env)]
        try:
            time.sleep(WARMUP)
            pids = [p.pid for p in procs]
            start, start_x = ticks(pids), ticks([server.pid])
            time.sleep(seconds)
            used, used_x = ticks(pids) - start, ticks([server.pid]) - start_x
            row: dict[str, float] = {}
            if kind not in CVLC_ARGS:
                out, err = procs[0].communicate(timeout=30)
                if procs[0].returncode != 0:
                    raise RuntimeError(f"{kind} failed:\n{err.decode()[-2000:]}")
                row.update(json.loads(out.decode().strip().splitlines()[-1]))
        finally:
            for proc in procs:
                proc.terminate()
                proc.wait(10)
    hertz = os.sysconf("SC_CLK_TCK")
    row["cpu_player"] = round(100 * used / hertz / seconds, 1)
    row["cpu_x_server"] = round(100 * used_x / hertz / seconds, 1)
    row["cpu_percent"] = round(row["cpu_player"] + row["cpu_x_server"], 1)
    return row


def cpu_rounds(
    ports: list[int], seconds: float, rounds: int, caching: int
) -> dict[str, dict[str, float]]:
    """Each contender ``rounds`` times in rotating order; the median round of each."""
    kinds = [kind for kind in ("cvlc", "cvlc_x11", "null", "ours") if available(kind)]
    runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    for number in range(rounds):
        order = kinds[number % len(kinds) :] + kinds[: number % len(kinds)]
        for kind in order:
            runs[kind].append(run_contender(kind, ports, seconds, caching))
    table = {}
    for kind, rows in runs.items():
        by_cpu = sorted(rows, key=lambda row: row["cpu_percent"])
        median = dict(by_cpu[len(by_cpu) // 2])  # the median round, with its own fps and split
        median["cpu_rounds"] = [row["cpu_percent"] for row in rows]  # type: ignore[assignment]
        median["cpu_median"] = round(statistics.median(r["cpu_percent"] for r in rows), 1)
        table[kind] = median
    return table
