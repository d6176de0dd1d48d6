"""Control latency of the VISCA driver through a 9600-baud paced pty pair.

A pty does not throttle, so both sides pace themselves at 10 bits per byte: the emulator
(``pace_baud=9600``) paces its replies, our serial link (``pace_baud=9600``) paces its writes.
Baseline measured in the same run: the same command written and answered by hand-written
pyserial code (no driver), next to the theoretical wire floor.

Figures:
- command round trip (9-byte command + 3-byte ACK + 3-byte Completion; floor 15.6 ms;
  goal <= 1.15 x floor);
- press to first byte written, p50/p99 (goal p99 <= 5 ms);
- release to Stop on the wire while joystick updates stream at 100 Hz (goal <= 2 command
  times, pending queue never above 1).

Run: ``python bench/control_latency.py [--rounds N]``. Prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import serial  # noqa: E402

from drivers.roles.camera import PanTiltDirection  # noqa: E402
from drivers.visca.camera import ViscaCamera  # noqa: E402

BAUD = 9600
BYTE_TIME = 10 / BAUD
FLOOR = (9 + 3 + 3) * BYTE_TIME  # pan-tilt command + ACK + Completion
COMMAND_TIME = FLOOR
STOP = bytes.fromhex("8101060101010303ff")


class WireLog:
    """Timestamps of bytes as our link puts them on the (emulated) wire."""

    def __init__(self) -> None:
        self.events: list[tuple[bytes, float]] = []

    def tap(self, data: bytes, when: float) -> None:
        self.events.append((data, when))  # list.append is thread-safe enough here

    def first_after(self, start: float) -> float | None:
        return next((t for _, t in self.events if t >= start), None)

    def packets_after(self, start: float) -> list[tuple[bytes, float, float]]:
        """(packet, first byte time, last byte time) for packets begun after ``start``."""
        packets, current, first = [], bytearray(), 0.0
        for data, when in self.events:
            if when < start:
                continue
            for byte in data:
                if not current:
                    first = when
                current.append(byte)
                if byte == 0xFF:
                    packets.append((bytes(current), first, when))
                    current.clear()
        return packets


async def socat_pair(directory: str) -> tuple[asyncio.subprocess.Process, str, str]:
    a, b = os.path.join(directory, "ctl"), os.path.join(directory, "cam")
    process = await asyncio.create_subprocess_exec(
        "socat", f"pty,raw,echo=0,link={a}", f"pty,raw,echo=0,link={b}",
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(300):
        if all(map(os.path.exists, (a, b))):
            break
        await asyncio.sleep(0.01)
    return process, a, b


def paced_write(port: serial.Serial, packet: bytes) -> None:
    start = time.perf_counter()
    for index in range(len(packet)):
        time.sleep(max(0.0, start + index * BYTE_TIME - time.perf_counter()))
        port.write(packet[index : index + 1])
    time.sleep(max(0.0, start + len(packet) * BYTE_TIME - time.perf_counter()))


def baseline_round_trips(path: str, rounds: int) -> list[float]:
    """Hand-written pyserial: write Stop paced, read until ACK and Completion (no driver)."""
    times = []
    with serial.Serial(path, BAUD, timeout=1) as port:
        for _ in range(rounds):
            port.reset_input_buffer()
            start = time.perf_counter()
            paced_write(port, STOP)
            got = b""
            while got.count(b"\xff") < 2:
                got += port.read(1)
            times.append(time.perf_counter() - start)
    return times


async def timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    await call()  # type: ignore[misc]
    return time.perf_counter() - start


async def driver_round_trips(camera: ViscaCamera, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        times.append(await timed(camera.stop))
        await asyncio.sleep(0.005)
    return times


async def press_latencies(camera: ViscaCamera, wire: WireLog, rounds: int) -> list[float]:
    latencies = []
    for index in range(rounds):
        direction = PanTiltDirection.RIGHT if index % 2 else PanTiltDirection.LEFT
        await asyncio.sleep(0.01)  # line idle, like a person pressing a button
        start = time.perf_counter()
        await camera.move(direction, 1 + index % 8, 1 + index % 8)
        first = wire.first_after(start)
        assert first is not None
        latencies.append(first - start)
        await camera.stop()
    return latencies


async def release_latencies(camera: ViscaCamera, wire: WireLog, rounds: int) -> list[float]:
    """Joystick updates at 100 Hz for 300 ms, then release: time until Stop is on the wire."""
    results = []
    for index in range(rounds):
        tasks = []
        for step in range(30):
            speed = 1 + (step + index) % 0x18
            tasks.append(asyncio.create_task(camera.move(PanTiltDirection.UP_RIGHT, speed, 1)))
            await asyncio.sleep(0.010)
        release = time.perf_counter()
        await camera.stop()
        await asyncio.gather(*tasks)
        stops = [p for p in wire.packets_after(release) if p[0][6:8] == b"\x03\x03"]
        results.append(stops[0][2] - release)  # last byte of the Stop on the wire
        await asyncio.sleep(0.03)
    return results


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


EMULATOR = (
    "import asyncio, sys; from drivers.visca.emulator import run_standalone; "
    "asyncio.run(run_standalone(sys.argv[1], 1, int(sys.argv[2]), "
    "lambda endpoint: print('ready', flush=True)))"
)


async def start_emulator(cam: str) -> asyncio.subprocess.Process:
    """The camera is its own process (own loop, own GIL), as a real camera would be."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", EMULATOR, f"serial:{cam}", str(BAUD),
        stdout=asyncio.subprocess.PIPE, cwd=str(ROOT),
    )  # fmt: skip
    assert process.stdout is not None
    await asyncio.wait_for(process.stdout.readline(), 10)
    return process


async def main(rounds: int) -> dict[str, float | bool | int]:
    with tempfile.TemporaryDirectory() as directory:
        process, ctl, cam = await socat_pair(directory)
        emulator = await start_emulator(cam)
        try:
            baseline = await asyncio.to_thread(baseline_round_trips, ctl, rounds)
            wire = WireLog()
            camera = ViscaCamera(
                "bench", f"serial:{ctl}", poll_interval=3600,
                link_options={"pace_baud": BAUD, "wire_tap": wire.tap},
            )  # fmt: skip
            await camera.start()
            while camera.status.value.availability.value != "online":
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.1)
            round_trips = await driver_round_trips(camera, rounds)
            presses = await press_latencies(camera, wire, rounds)
            releases = await release_latencies(camera, wire, max(20, rounds // 2))
            high_water = camera.flow.pending_high_water
            await camera.close()
        finally:
            emulator.terminate()
            await emulator.wait()
            process.terminate()
            await process.wait()
    ms = 1e3
    return {
        "floor_ms": FLOOR * ms,
        "baseline_round_trip_p50_ms": statistics.median(baseline) * ms,
        "round_trip_p50_ms": statistics.median(round_trips) * ms,
        "round_trip_p95_ms": pct(round_trips, 0.95) * ms,
        "round_trip_p50_vs_floor": statistics.median(round_trips) / FLOOR,
        "round_trip_p50_vs_baseline": statistics.median(round_trips) / statistics.median(baseline),
        "press_to_first_byte_p50_ms": statistics.median(presses) * ms,
        "press_to_first_byte_p99_ms": pct(presses, 0.99) * ms,
        "release_to_stop_p50_ms": statistics.median(releases) * ms,
        "release_to_stop_p95_ms": pct(releases, 0.95) * ms,
        "release_to_stop_max_ms": max(releases) * ms,
        "release_to_stop_p95_command_times": pct(releases, 0.95) / COMMAND_TIME,
        "pending_high_water": high_water,
        "rounds": rounds,
        "load_average_1min": os.getloadavg()[0],
    }


def report(r: dict[str, float | bool | int]) -> None:
    goals = {
        "round_trip_p50_vs_floor": (r["round_trip_p50_vs_floor"], 1.15),
        "press_to_first_byte_p99_ms": (r["press_to_first_byte_p99_ms"], 5.0),
        "release_to_stop_p95_command_times": (r["release_to_stop_p95_command_times"], 2.0),
        "pending_high_water": (r["pending_high_water"], 1),
    }
    print(f"{'figure':40} {'value':>10} {'goal':>8}  ok")
    for key, value in r.items():
        goal = goals.get(key)
        mark = "" if goal is None else ("yes" if float(value) <= goal[1] else "NO")
        shown = f"{value:10.2f}" if isinstance(value, float) else f"{value:>10}"
        print(f"{key:40} {shown} {'' if goal is None else f'<= {goal[1]}':>8}  {mark}")
    r["goals_met"] = all(float(v) <= g for v, g in goals.values())
    print(json.dumps({"bench": "control_latency", **r}))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    report(asyncio.run(main(parser.parse_args().rounds)))
