"""Audio mixer benchmark: fader drag to OSC packet on the wire, and the cost of live meters.

Set-up: the emulated X32 runs in its own process (so its CPU is not counted as ours); a
"wire tap" thread sits between console and desk, forwards every datagram both ways and stamps
each fader packet with ``perf_counter`` the moment it arrives on its socket.

Figures:
- fader drag -> packet on the wire, p50/p99: the audio panel's fader is moved step by step
  (``QSlider.setValue``, the same ``valueChanged`` path a mouse drag takes) every 10 ms;
  baseline in the same run: the same OSC message sent from the loop by a bare UDP socket;
- unplugged desk -> shown offline, and plugged back -> online (the tap drops all traffic);
- meter refresh cost over a few seconds with four strips on screen and the desk sending
  ``/meters/1`` every 50 ms: meter updates handled per second, meter repaints per second and
  CPU of this process; baseline in the same run: the driver receiving meters with no panel.

Run: ``QT_QPA_PLATFORM=offscreen python bench/mixer_latency.py [--steps N] [--seconds S]``.
Prints a table and one final JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import select
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from console.services.audio_state import MuteAllMicrophones
from drivers.roles.base import Availability
from drivers.x32 import protocol
from drivers.x32.mixer import X32Mixer
from ui.audio_panel import FADER_STEPS, AudioPanel

FADER = protocol.channel_fader(1)
SHOWN = [1, 2, 3, 4]
TALKING = "1,2,3,4"  # worst case for the meters: every shown microphone in use


class WireTap(threading.Thread):
    """UDP relay console <-> desk that time-stamps fader packets as they arrive."""

    def __init__(self, desk_port: int) -> None:
        super().__init__(daemon=True)
        self.front = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.front.bind(("127.0.0.1", 0))
        self.back = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.back.connect(("127.0.0.1", desk_port))
        self.port = self.front.getsockname()[1]
        self.arrivals: dict[int, float] = {}  # fader value in slider steps -> arrival time
        self._client: tuple[str, int] | None = None
        self._halt = threading.Event()
        self.unplugged = False  # True: drop everything, like a pulled network cable

    def run(self) -> None:
        while not self._halt.is_set():
            ready, _, _ = select.select([self.front, self.back], [], [], 0.1)
            for sock in ready:
                if self.unplugged:
                    sock.recv(65536)
                elif sock is self.front:
                    data, self._client = self.front.recvfrom(65536)
                    self._stamp(data, time.perf_counter())
                    self.back.send(data)
                elif self._client is not None:
                    self.front.sendto(self.back.recv(65536), self._client)
                else:
                    self.back.recv(65536)

    def _stamp(self, data: bytes, now: float) -> None:
        if not data.startswith(FADER.encode()):
            return
        for message in protocol.decode(data):
            if message.args and isinstance(message.args[0], float):
                self.arrivals.setdefault(round(message.args[0] * FADER_STEPS), now)

    def close(self) -> None:
        self._halt.set()
        self.join(2.0)
        self.front.close()
        self.back.close()


@contextmanager
def emulated_desk() -> Iterator[int]:
    """The standalone emulator in its own process; yields its UDP port."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "drivers.x32.emulator",
            "x32",
            "127.0.0.1:0",
            "--speaking",
            "1,2,3,4",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # its log is not needed; an inherited pipe could outlive us
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    try:
        assert process.stdout is not None
        yield int(process.stdout.readline().rsplit(":", 1)[1])
    finally:
        process.terminate()
        process.wait(5)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def latencies(sent: dict[int, float], tap: WireTap) -> list[float]:
    """Milliseconds from each send to its packet on the wire (lost packets are left out)."""
    return [(tap.arrivals[v] - t) * 1000.0 for v, t in sent.items() if v in tap.arrivals]


async def baseline_drag(tap: WireTap, steps: int) -> list[float]:
    """A bare socket sending the same fader messages from the loop."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.connect(("127.0.0.1", tap.port))
    sent: dict[int, float] = {}
    try:
        for i in range(steps):
            value = 1 + i % (FADER_STEPS - 1)
            tap.arrivals.pop(value, None)
            sent[value] = time.perf_counter()
            sock.send(protocol.encode(FADER, value / FADER_STEPS))
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.2)
    finally:
        sock.close()
    return latencies(sent, tap)


async def panel_drag(tap: WireTap, panel: AudioPanel, steps: int) -> list[float]:
    """Move strip 1's fader one step every 10 ms, as a slow mouse drag would."""
    fader = panel.strips[0].fader
    sent: dict[int, float] = {}
    fader.setSliderDown(True)  # the operator holds the handle: desk echoes do not move it
    for i in range(steps):
        value = 1 + (i + 500) % (FADER_STEPS - 1)
        tap.arrivals.pop(value, None)
        sent[value] = time.perf_counter()
        fader.setValue(value)
        await asyncio.sleep(0.01)
    fader.setSliderDown(False)
    await asyncio.sleep(0.2)
    return latencies(sent, tap)


async def meter_cost(mixer: X32Mixer, panel: AudioPanel | None, seconds: float) -> dict[str, float]:
    """Meter updates, repaints and CPU per second while meters stream in."""
    updates = 0

    def count(_: object) -> None:
        nonlocal updates
        updates += 1

    unsubscribe = mixer.meters.subscribe(count)
    repaints_before = sum(s.meter.repaints for s in panel.strips) if panel else 0
    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.sleep(seconds)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    unsubscribe()
    repaints = (sum(s.meter.repaints for s in panel.strips) if panel else 0) - repaints_before
    return {
        "meter_updates_per_s": updates / wall,
        "repaints_per_s": repaints / wall,
        "cpu_percent": 100.0 * cpu / wall,
    }


async def unplug_and_replug(mixer: X32Mixer, tap: WireTap) -> dict[str, float]:
    """Seconds until the desk shows offline after the cable is pulled, and online again."""

    async def until(availability: Availability) -> float:
        start = time.perf_counter()
        while mixer.status.value.availability is not availability:
            await asyncio.sleep(0.005)
        return time.perf_counter() - start

    tap.unplugged = True
    offline = await asyncio.wait_for(until(Availability.OFFLINE), 10.0)
    tap.unplugged = False
    online = await asyncio.wait_for(until(Availability.ONLINE), 10.0)
    return {"offline_s": offline, "online_s": online}


async def run(steps: int, seconds: float) -> dict[str, object]:
    with emulated_desk() as desk_port:
        tap = WireTap(desk_port)
        tap.start()
        mixer = X32Mixer("bench", "127.0.0.1", tap.port)
        await mixer.start()
        try:
            while not mixer.synced:
                await asyncio.sleep(0.05)
            driver_only = await meter_cost(mixer, None, seconds)
            panel = AudioPanel(mixer, SHOWN, mute_all=MuteAllMicrophones(mixer, SHOWN))
            panel.show()
            with_panel = await meter_cost(mixer, panel, seconds)
            base = await baseline_drag(tap, steps)
            drag = await panel_drag(tap, panel, steps)
            availability = await unplug_and_replug(mixer, tap)
            panel.detach()
            panel.close()
        finally:
            await mixer.close()
            tap.close()
    return {
        "baseline": base,
        "drag": drag,
        "driver_only": driver_only,
        "with_panel": with_panel,
        "availability": availability,
    }


def report(result: dict[str, object], steps: int) -> dict[str, object]:
    base, drag = result["baseline"], result["drag"]
    assert isinstance(base, list) and isinstance(drag, list)
    driver_only, with_panel = result["driver_only"], result["with_panel"]
    assert isinstance(driver_only, dict) and isinstance(with_panel, dict)
    availability = result["availability"]
    assert isinstance(availability, dict)
    summary = {
        "bench": "mixer_latency",
        "steps": steps,
        "drag_p50_ms": round(statistics.median(drag), 3),
        "drag_p99_ms": round(percentile(drag, 0.99), 3),
        "drag_lost": steps - len(drag),
        "baseline_p50_ms": round(statistics.median(base), 3),
        "baseline_p99_ms": round(percentile(base, 0.99), 3),
        "meter_updates_per_s": round(with_panel["meter_updates_per_s"], 1),
        "meter_repaints_per_s": round(with_panel["repaints_per_s"], 1),
        "cpu_percent_with_panel": round(with_panel["cpu_percent"], 1),
        "cpu_percent_driver_only": round(driver_only["cpu_percent"], 1),
        "unplug_to_offline_s": round(availability["offline_s"], 2),
        "replug_to_online_s": round(availability["online_s"], 2),
    }
    s = summary
    rows = [
        ("fader drag -> wire p50 / p99 (ms)", s["drag_p50_ms"], s["drag_p99_ms"]),
        ("bare socket -> wire p50 / p99 (ms)", s["baseline_p50_ms"], s["baseline_p99_ms"]),
        (
            "meter updates/s, repaints/s",
            s["meter_updates_per_s"],
            s["meter_repaints_per_s"],
        ),
        (
            "CPU % with panel / driver only",
            s["cpu_percent_with_panel"],
            s["cpu_percent_driver_only"],
        ),
    ]
    rows.append(
        (
            "unplug -> offline / replug -> online (s)",
            s["unplug_to_offline_s"],
            s["replug_to_online_s"],
        )
    )
    print(f"{'measure':<42}{'value':>12}{'second':>12}")
    for name, first, second in rows:
        print(f"{name:<42}{first:>12}{second:>12}")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(["mixer-bench"])
    app.setQuitOnLastWindowClosed(False)  # closing the panel (our only window) must not stop us
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        result = loop.run_until_complete(run(args.steps, args.seconds))
    print(json.dumps(report(result, args.steps)), flush=True)
    # PySide6 6.12.0 over-releases None on QTimer calls (qasync makes many): the interpreter
    # then aborts in its final garbage collection. Everything is measured and printed by now.
    os._exit(0)


if __name__ == "__main__":
    main()
