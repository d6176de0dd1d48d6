"""Soak: random operator actions against the demo room (emulators + a real baresip bridge).

The room is ``console.demo.start_demo(with_call=True)``: a Sony VISCA-IP and a raw VISCA-TCP
camera, an emulated X32 desk, a baresip codec and an auto-answering baresip bridge. A seeded RNG
picks operator actions (camera move/stop/zoom/recall/save preset, desk channel on/off, faders,
mute all/restore, codec mic mute, join/cancel/leave) and, at a low rate, device outages (a camera
vanishes/reappears, the desk's emulator stops/starts). Every action runs under a time limit:
a ``DeviceError`` is an expected error, a timeout is a stuck state, anything else is unhandled
(so is whatever reaches the loop's exception handler, e.g. "Task exception was never retrieved").

RSS, asyncio tasks, file descriptors and child processes are measured after a warm-up (the first
10 % of actions) and at the end; then every camera must stop, no call may be left, the room must
close in time and no baresip may be left. Goal (issue 13): 10^5 actions, 0 unhandled, 0 stuck,
RSS growth <= 5 % after warm-up.

Run: ``python bench/soak.py [--actions N] [--seed S]``. Prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import random
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from console.demo import DemoSession, start_demo  # noqa: E402
from console.room import Room  # noqa: E402
from console.services.audio_state import MuteAllMicrophones, audio_action  # noqa: E402
from console.services.join import JoinBridge  # noqa: E402
from console.services.leave import leave_meeting  # noqa: E402
from drivers.errors import DeviceError  # noqa: E402
from drivers.roles.camera import PanTiltDirection, ZoomDirection  # noqa: E402

ACTION_LIMIT_S = 10.0  # an operator action must end within this (leave: LEAVE_LIMIT_S)
OUTAGE_ACTIONS = (5, 40)  # a device outage lasts this many operator actions
LEAVE_LIMIT_S = 30.0  # leave has its own 5 s per step, over several steps
JOIN_LIMIT_S = 60.0  # a join's steps are bounded by the service (15 s connect ...)
CLOSE_LIMIT_S = 15.0
STOP_CHECK_S = 3.0
RSS_GOAL_PCT = 5.0
WARMUP_SHARE = 0.10

# Relative weights of the operator's actions (outages and calls rare, as in a real day).
WEIGHTS: dict[str, float] = {
    "camera_move": 20,
    "camera_stop": 20,
    "camera_zoom": 10,
    "camera_recall": 8,
    "camera_save": 2,
    "mixer_on": 10,
    "mixer_fader": 10,
    "mute_all": 2,
    "restore_mics": 2,
    "codec_mic_mute": 4,
    "join": 1,
    "cancel_join": 0.2,
    "leave": 0.5,
    "camera_outage": 0.3,
    "desk_outage": 0.15,
}


@dataclass
class CallServices:
    """What the call panel drives: the join service and a leave action."""

    join: JoinBridge
    leave: Callable[[], Awaitable[object]]


def build_call_services(room: Room) -> CallServices:
    """Join and leave services as ``ui/room_panels.py`` builds them (swap for RoomRuntime later)."""
    codec = room.codec
    assert codec is not None, "the demo room has a codec"
    profile = room.profile
    bridge = profile.call.bridge()
    cameras = [slot.camera for slot in room.cameras]
    microphones = profile.mixer.microphones()
    join = JoinBridge(
        bridge,
        codec,
        cameras=cameras,
        apply_audio=audio_action(
            room.mixer, bridge.join_audio or profile.mixer.on_join, microphones
        ),
        pin_provider=lambda _bridge_id: None,
        display_name=profile.site.name,
    )
    leave_audio = audio_action(room.mixer, profile.mixer.on_leave, microphones)

    async def leave() -> object:
        return await leave_meeting(
            codec, cameras=cameras, leave_preset=bridge.leave_camera_preset, apply_audio=leave_audio
        )

    return CallServices(join, leave)


@dataclass
class Tally:
    """Counts per action and outcome, and the first unhandled/stuck samples."""

    outcomes: Counter[str] = field(default_factory=Counter)  # "ok", "error", "stuck", "unhandled"
    per_action: Counter[str] = field(default_factory=Counter)
    error_kinds: Counter[str] = field(default_factory=Counter)
    error_samples: dict[str, str] = field(default_factory=dict)  # first message per kind
    unhandled: list[str] = field(default_factory=list)
    stuck: list[str] = field(default_factory=list)
    loop_errors: int = 0

    def add_unhandled(self, text: str) -> None:
        self.outcomes["unhandled"] += 1
        if len(self.unhandled) < 10:
            self.unhandled.append(text)

    def add_stuck(self, text: str) -> None:
        self.outcomes["stuck"] += 1
        if len(self.stuck) < 10:
            self.stuck.append(text)


class LogCounter(logging.Handler):
    """Counts ERROR-or-worse log records (informational: drivers log outages they handle)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0
        self.samples: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        if len(self.samples) < 5:
            self.samples.append(f"{record.name}: {record.getMessage()[:200]}")


def snapshot() -> dict[str, float]:
    """RSS (MB), asyncio tasks, open fds, child processes of this process."""
    gc.collect()
    process = psutil.Process()
    return {
        "rss_mb": process.memory_info().rss / 2**20,
        "tasks": len(asyncio.all_tasks()),
        "fds": process.num_fds(),
        "children": len(process.children(recursive=True)),
    }


class Soak:
    """One soak run over a started demo session."""

    def __init__(self, session: DemoSession, rng: random.Random, tally: Tally) -> None:
        self.session = session
        self.room = session.room
        self.rng = rng
        self.tally = tally
        self.services = build_call_services(self.room)
        assert self.room.mixer is not None
        self.mixer = self.room.mixer
        self.microphones = self.room.profile.mixer.microphones()
        self.mute_all = MuteAllMicrophones(self.mixer, self.microphones)
        self.vanished: dict[int, int] = {}  # index of an emulator that is gone -> actions left
        self.desk_down = 0  # actions left until the desk's emulator starts again (0: running)
        self.desk_port = 0
        self.join_task: asyncio.Task[object] | None = None
        self.join_started = 0.0
        self.joins = Counter[str]()
        self.join_failures = Counter[str]()

    # --- actions ---------------------------------------------------------------------------

    def _slot(self) -> Any:
        return self.rng.choice(self.room.cameras)

    async def camera_move(self) -> None:
        camera = self._slot().camera
        direction = self.rng.choice(list(PanTiltDirection))
        await camera.move(
            direction,
            self.rng.randint(1, camera.limits.pan_speed_max),
            self.rng.randint(1, camera.limits.tilt_speed_max),
        )

    async def camera_stop(self) -> None:
        await self._slot().camera.stop_motion()

    async def camera_zoom(self) -> None:
        camera = self._slot().camera
        speed = self.rng.choice([None, self.rng.randint(0, camera.limits.zoom_speed_max)])
        await camera.zoom(self.rng.choice(list(ZoomDirection)), speed)

    async def camera_recall(self) -> None:
        slot = self._slot()
        numbers = [p.number for p in slot.presets.presets.value] or [0]
        await slot.presets.recall(self.rng.choice(numbers))

    async def camera_save(self) -> None:
        slot = self._slot()
        await slot.presets.save(self.rng.randrange(slot.camera.limits.preset_capacity))

    async def mixer_on(self) -> None:
        channel = self.rng.randint(1, self.mixer.limits.channels)
        await self.mixer.set_on(channel, self.rng.random() < 0.5)

    async def mixer_fader(self) -> None:
        channel = self.rng.randint(1, self.mixer.limits.channels)
        await self.mixer.set_fader(channel, round(self.rng.random(), 3))

    async def mute_all_mics(self) -> None:
        await self.mute_all.mute_all()

    async def restore_mics(self) -> None:
        await self.mute_all.restore()

    async def codec_mic_mute(self) -> None:
        codec = self.room.codec
        assert codec is not None
        await codec.set_mic_muted(self.rng.random() < 0.5)

    async def join(self) -> None:
        codec = self.room.codec
        busy = codec is not None and codec.call.value.active  # the panel offers Leave instead
        if self.join_task is not None or self.services.join.running or busy:
            return
        self.joins["started"] += 1
        self.join_started = time.monotonic()
        self.join_task = asyncio.create_task(self.services.join.run(), name="soak join")

    async def cancel_join(self) -> None:
        self.services.join.cancel()

    async def leave(self) -> None:
        if self.join_task is not None:
            self.services.join.cancel()
            await self.reap_join(wait=True)
        await self.services.leave()

    async def camera_outage(self) -> None:
        """A camera vanishes (cable out, reboot) for the next OUTAGE_ACTIONS actions."""
        index = self.rng.randrange(len(self.session.emulators))
        if index not in self.vanished:
            await self.session.emulators[index].vanish()
        self.vanished[index] = self.rng.randint(*OUTAGE_ACTIONS)

    async def desk_outage(self) -> None:
        """The desk's emulator stops (desk off, switch down) for the next OUTAGE_ACTIONS."""
        desk = self.session.desk
        assert desk is not None
        if not self.desk_down:
            self.desk_port = desk.port
            await desk.close()
        self.desk_down = self.rng.randint(*OUTAGE_ACTIONS)

    async def end_outages(self, *, now: bool = False) -> None:
        """Count down the outages; bring back the devices whose outage is over."""
        for index in list(self.vanished):
            self.vanished[index] -= 1
            if now or self.vanished[index] <= 0:
                del self.vanished[index]
                await self.session.emulators[index].reappear()
        if self.desk_down:
            self.desk_down -= 1
            if now or self.desk_down <= 0:
                self.desk_down = 0
                assert self.session.desk is not None
                await self.session.desk.start(f"127.0.0.1:{self.desk_port}")

    # --- running ---------------------------------------------------------------------------

    async def reap_join(self, *, wait: bool = False) -> None:
        """Collect a finished join (its phase, or how it failed); flag one that runs too long."""
        task = self.join_task
        if task is None:
            return
        if wait:
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(asyncio.shield(task), JOIN_LIMIT_S)
        if not task.done():
            if time.monotonic() - self.join_started > JOIN_LIMIT_S:
                self.tally.add_stuck(f"join still running after {JOIN_LIMIT_S:g} s")
                task.cancel()
                with contextlib.suppress(BaseException):
                    await task
                self.join_task = None
            return
        self.join_task = None
        if task.cancelled():
            self.joins["task cancelled"] += 1
        elif (exc := task.exception()) is not None:
            self.tally.add_unhandled(f"join: {type(exc).__name__}: {exc}")
        else:
            progress = task.result()
            phase = str(getattr(progress, "phase", "?"))
            self.joins[phase] += 1
            if phase == "failed":  # which step, and why
                self.join_failures[f"{progress.step}: {progress.problem}"] += 1  # type: ignore[attr-defined]

    async def one(self, name: str) -> None:
        """Run one action under its limit and count how it ended."""
        action = getattr(self, name if name != "mute_all" else "mute_all_mics")
        limit = LEAVE_LIMIT_S if name == "leave" else ACTION_LIMIT_S
        self.tally.per_action[name] += 1
        try:
            await asyncio.wait_for(action(), limit)
            self.tally.outcomes["ok"] += 1
        except DeviceError as exc:
            self.tally.outcomes["error"] += 1
            kind = type(exc).__name__
            self.tally.error_kinds[kind] += 1
            self.tally.error_samples.setdefault(kind, f"{name}: {exc}"[:160])
        except TimeoutError:
            self.tally.add_stuck(f"{name}: no result within {limit:g} s")
        except Exception as exc:  # noqa: BLE001 - counted: the figure the bench exists for
            self.tally.add_unhandled(f"{name}: {type(exc).__name__}: {exc}")
        await self.reap_join()
        await self.end_outages()

    async def end_checks(self) -> dict[str, object]:
        """Cancel any join, leave, stop the cameras; report what was left moving or in a call."""
        self.services.join.cancel()
        await self.reap_join(wait=True)
        await asyncio.sleep(1.0)  # let the links reconnect after the last outage
        codec = self.room.codec
        assert codec is not None
        if codec.call.value.active:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.services.leave(), LEAVE_LIMIT_S)
        await self.room.stop_all()
        deadline = time.monotonic() + STOP_CHECK_S
        moving = [e for e in self.session.emulators if e.cameras[0].moving]
        while moving and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
            if any(e.cameras[0].moving for e in moving):  # a stop may have been lost: again
                await self.room.stop_all()
            moving = [e for e in moving if e.cameras[0].moving]
        return {"left_moving": len(moving), "call_left_active": codec.call.value.active}


async def run(actions: int, seed: int, progress: int = 0) -> dict[str, object]:
    rng = random.Random(seed)
    tally = Tally()
    loop = asyncio.get_running_loop()

    def on_loop_error(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        tally.loop_errors += 1
        exc = context.get("exception")
        detail = f": {type(exc).__name__}: {exc}" if exc is not None else ""
        tally.add_unhandled(f"loop: {context.get('message', '?')}{detail}")

    loop.set_exception_handler(on_loop_error)
    log_errors = LogCounter()
    logging.basicConfig(level=logging.CRITICAL)  # the drivers' outage warnings are expected
    logging.getLogger().addHandler(log_errors)
    logging.getLogger().setLevel(logging.ERROR)

    started = time.perf_counter()
    session = await start_demo(with_call=True)
    setup_s = time.perf_counter() - started
    before = snapshot()
    soak = Soak(session, rng, tally)
    names, weights = list(WEIGHTS), list(WEIGHTS.values())
    warmup = max(1, int(actions * WARMUP_SHARE))
    start: dict[str, float] = before
    closed_in: float | None = None
    try:
        run_started = time.perf_counter()
        for number in range(actions):
            if number == warmup:
                start = snapshot()
            name = rng.choices(names, weights)[0]
            t0 = time.perf_counter()
            await soak.one(name)
            if progress and time.perf_counter() - t0 > 1.0:
                print(f"slow: #{number} {name} {time.perf_counter() - t0:.1f} s", file=sys.stderr)
            if progress and number % progress == 0:
                print(f"{number} {dict(tally.outcomes)}", file=sys.stderr)
        run_s = time.perf_counter() - run_started
        await soak.end_outages(now=True)
        end = snapshot()
        checks = await soak.end_checks()
    finally:
        close_started = time.perf_counter()
        try:
            await asyncio.wait_for(session.close(), CLOSE_LIMIT_S)
            closed_in = time.perf_counter() - close_started
        except TimeoutError:
            tally.add_stuck(f"session did not close within {CLOSE_LIMIT_S:g} s")
    await asyncio.sleep(0.2)
    after = snapshot()
    baresip_left = [
        p.pid
        for p in psutil.Process().children(recursive=True)
        if "baresip" in " ".join(p.cmdline()).lower()
    ]
    growth = 100 * (end["rss_mb"] - start["rss_mb"]) / start["rss_mb"]
    result: dict[str, object] = {
        "bench": "soak",
        "seed": seed,
        "actions": actions,
        "ok": tally.outcomes["ok"],
        "errors": tally.outcomes["error"],
        "unhandled": tally.outcomes["unhandled"],
        "stuck": tally.outcomes["stuck"],
        "actions_per_s": round(actions / run_s, 1) if run_s else None,
        "setup_s": round(setup_s, 2),
        "run_s": round(run_s, 1),
        "rss_before_mb": round(before["rss_mb"], 1),
        "rss_start_mb": round(start["rss_mb"], 1),
        "rss_end_mb": round(end["rss_mb"], 1),
        "rss_growth_pct": round(growth, 2),
        "tasks_start": start["tasks"],
        "tasks_end": end["tasks"],
        "fds_start": start["fds"],
        "fds_end": end["fds"],
        "fds_after_close": after["fds"],
        "children_start": start["children"],
        "children_end": end["children"],
        "children_after_close": after["children"],
        "baresip_left": len(baresip_left),
        "left_moving": checks["left_moving"],
        "call_left_active": checks["call_left_active"],
        "close_s": round(closed_in, 2) if closed_in is not None else None,
        "joins": dict(soak.joins),
        "join_failures": dict(soak.join_failures),
        "per_action": dict(tally.per_action),
        "error_kinds": dict(tally.error_kinds),
        "error_samples": tally.error_samples,
        "log_errors": log_errors.count,
        "log_error_samples": log_errors.samples,
        "loop_errors": tally.loop_errors,
        "unhandled_samples": tally.unhandled,
        "stuck_samples": tally.stuck,
    }
    result["goal_met"] = (
        actions >= 100_000
        and tally.outcomes["unhandled"] == 0
        and tally.outcomes["stuck"] == 0
        and growth <= RSS_GOAL_PCT
        and checks["left_moving"] == 0
        and not checks["call_left_active"]
        and closed_in is not None
        and not baresip_left
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--progress", type=int, default=0, help="print a line every N actions")
    args = parser.parse_args()
    r = asyncio.run(run(args.actions, args.seed, args.progress))
    rows = [
        ("actions (ok / device errors)", f"{r['actions']} ({r['ok']} / {r['errors']})"),
        ("unhandled / stuck", f"{r['unhandled']} / {r['stuck']}"),
        ("rate", f"{r['actions_per_s']} actions/s over {r['run_s']} s"),
        (
            "RSS after warm-up -> end",
            f"{r['rss_start_mb']} -> {r['rss_end_mb']} MB ({r['rss_growth_pct']:+} %,"
            f" goal <= {RSS_GOAL_PCT})",
        ),
        ("asyncio tasks start -> end", f"{r['tasks_start']} -> {r['tasks_end']}"),
        (
            "open fds start -> end -> closed",
            f"{r['fds_start']} -> {r['fds_end']} -> {r['fds_after_close']}",
        ),
        (
            "children start -> end -> closed",
            f"{r['children_start']} -> {r['children_end']} -> {r['children_after_close']}",
        ),
        ("joins", json.dumps(r["joins"])),
        (
            "left moving / call left / close",
            f"{r['left_moving']} / {r['call_left_active']} / {r['close_s']} s",
        ),
        ("goal met", str(r["goal_met"])),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    for sample in [*r["unhandled_samples"], *r["stuck_samples"]]:  # type: ignore[misc]
        print("FAIL", sample)
    print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
