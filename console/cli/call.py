"""``roomctl call join|leave|status`` and ``roomctl emulate codec cisco|poly``.

The whole room comes from the profile (``--config``, or ``--demo`` for the demo room) and runs
through ``RoomRuntime``: ``join`` runs exactly the steps the Join button runs (power, joining
shot, audio, dial, DTMF, media check) with the same step names and reasons, and ``leave`` what
the Leave button does (hang up, mute, leave audio, leaving shot). A baresip the CLI starts
itself lives only as long as this process, so ``join`` then stays in the call until Ctrl+C or
SIGTERM and leaves (``--stay`` does the same for other codecs).

Exit codes: 0 done, 1 the codec refused, 3 no answer / offline, 4 bad profile; a failed join
says its step: 10 wake, 11 cameras, 12 audio, 13 dial, 14 connect, 15 conference (ID, PIN),
16 media, 17 browser; 130 interrupted while joining (anything dialled is hung up).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import time
from typing import Any

from console import cli
from console.cli.room_options import add_room_options, load_room_profile, open_runtime
from console.cli.signals import run_until_signalled
from console.config.codec import CodecDriver
from console.config.loader import ProfileError
from console.config.models import RoomProfile
from console.runtime import RoomRuntime
from console.services.join import JoinPhase, JoinProgress
from console.services.steps import JoinStep, wait_for_value
from drivers.errors import DeviceError, Problem
from drivers.roles.base import Availability
from drivers.roles.codec import Codec

_NO_ANSWER = {Problem.NOT_ANSWERING, Problem.CONNECTION_REFUSED, Problem.LIBRARY_MISSING}
READY_TIMEOUT = 10.0  # seconds for the room's devices to come online before acting
INQUIRY_TIMEOUT = 2.0  # seconds for a camera to say where it points (before and after)
EXIT_INTERRUPTED = 130
JOIN_EXIT_CODES: dict[JoinStep, int] = {
    JoinStep.WAKE: 10,
    JoinStep.CAMERAS: 11,
    JoinStep.AUDIO: 12,
    JoinStep.DIAL: 13,
    JoinStep.CONNECT: 14,
    JoinStep.CONFERENCE: 15,
    JoinStep.MEDIA: 16,
    JoinStep.BROWSER: 17,
}


def register_command(subparsers: Any) -> None:
    """Add ``call`` with join, leave and status."""
    parser: argparse.ArgumentParser = subparsers.add_parser("call", help="join/leave the bridge")
    add_room_options(parser)
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    join = actions.add_parser("join", help="join a bridge (default: the main bridge)")
    join.add_argument("bridge", nargs="?", default=None, help="bridge id from the profile")
    join.add_argument("--stay", action="store_true", help="stay until Ctrl+C, then leave")
    actions.add_parser("leave", help="hang up, mute, cameras to the leaving shot or standby")
    actions.add_parser("status", help="codec, call and media statistics")
    parser.set_defaults(handler=_run)


add_parser = register_command  # the name the brief uses


def register_emulator(devices: Any) -> None:
    """Add ``emulate codec cisco|poly --listen 127.0.0.1:PORT``."""
    parser: argparse.ArgumentParser = devices.add_parser("codec", help="emulated Cisco/Poly codec")
    parser.add_argument("kind", choices=["cisco", "poly"])
    parser.add_argument("--listen", default="127.0.0.1:0", metavar="127.0.0.1:PORT")
    parser.set_defaults(handler=_run_emulator)


def _run(args: argparse.Namespace) -> int:
    try:
        profile = load_room_profile(args)
        if profile is not None and args.action == "join":
            profile.call.bridge(args.bridge)
    except (ProfileError, KeyError) as exc:
        print(f"error: profile: {exc}")
        return cli.EXIT_BAD_PROFILE
    try:
        return asyncio.run(_session(profile, args))
    except KeyboardInterrupt:
        return cli.EXIT_OK


async def _session(profile: RoomProfile | None, args: argparse.Namespace) -> int:
    runtime = await open_runtime(args, profile)
    try:
        await runtime.start(previews=False)  # no window: nobody watches them
        codec = runtime.room.codec
        if codec is None:
            print("error: profile: no [call] codec")
            return cli.EXIT_BAD_PROFILE
        for name in await runtime.wait_until_online(READY_TIMEOUT):
            print(f"warning: {name} is not online")
        if args.action == "join":
            return await _join(runtime, codec, args)
        if codec.status.value.availability is not Availability.ONLINE:
            print(f"error: codec offline: {codec.status.value.detail}")
            return cli.EXIT_NO_ANSWER
        if args.action == "leave":
            return await _leave(runtime)
        _print_status(codec)
        return cli.EXIT_OK
    except DeviceError as exc:
        print(f"error: {exc}")
        return _error_code(exc)
    finally:
        await runtime.close()


async def _join(runtime: RoomRuntime, codec: Codec, args: argparse.Namespace) -> int:
    runtime.join_service(args.bridge)  # the bridge was checked with the profile
    await _print_room(runtime, "before")
    runtime.progress.subscribe(_print_progress)
    await run_until_signalled(runtime.join(args.bridge))
    final = runtime.progress.value
    if final.phase is JoinPhase.FAILED:
        assert final.step is not None
        return JOIN_EXIT_CODES.get(final.step, cli.EXIT_DEVICE_REFUSED)
    if final.phase is not JoinPhase.IN_MEETING:
        print("interrupted: nothing dialled is left behind")
        return EXIT_INTERRUPTED
    await _print_room(runtime, "joined")
    if args.stay or _codec_lives_here(runtime.profile):
        print("in the meeting; Ctrl+C leaves", flush=True)
        ended = wait_for_value(codec.call, lambda info: not info.active)
        await run_until_signalled(ended)
        return await _leave(runtime)
    return cli.EXIT_OK


def _codec_lives_here(profile: RoomProfile) -> bool:
    """Tell whether this process started the codec (a baresip without ``ctrl``): it ends with us."""
    codec = profile.call.codec
    return codec.driver is CodecDriver.BARESIP and codec.ctrl is None


async def _leave(runtime: RoomRuntime) -> int:
    warnings = await runtime.leave()
    for warning in warnings:
        print(f"warning: {warning.step}: {warning.problem} ({warning.detail})")
    print("left the meeting", flush=True)
    return cli.EXIT_OK if not warnings else cli.EXIT_DEVICE_REFUSED


async def _print_room(runtime: RoomRuntime, when: str) -> None:
    """Say where the cameras are (asking them) and what the desk's microphones do."""
    for slot in runtime.room.cameras:
        if slot.camera.status.value.availability is Availability.ONLINE:
            with contextlib.suppress(DeviceError, TimeoutError):
                await asyncio.wait_for(slot.camera.refresh(), INQUIRY_TIMEOUT)
        state = slot.camera.state.value
        preset = "?" if state.last_preset is None else state.last_preset
        print(
            f"{when}: camera {slot.name}: preset {preset} "
            f"(pan {state.pan}, tilt {state.tilt}, zoom {state.zoom})"
        )
    mixer = runtime.room.mixer
    if mixer is not None:
        desk = mixer.state.value
        channels = [desk.channel(n) for n in runtime.profile.mixer.microphones()]
        mics = ", ".join(f"{c.number} {'muted' if c.muted else 'open'}" for c in channels)
        print(f"{when}: desk {mixer.name}: microphones {mics}", flush=True)


def _print_progress(progress: JoinProgress) -> None:
    step = progress.step.value if progress.step else ""
    if progress.phase is JoinPhase.JOINING:
        print(f"[{progress.index}/{progress.total}] {step}", flush=True)
    elif progress.phase is JoinPhase.FAILED:
        print(f"failed at step {progress.index} ({step}): {progress.problem} - {progress.detail}")
    elif progress.phase is not JoinPhase.IDLE:
        print(progress.phase.value, flush=True)
    for warning in progress.warnings:
        print(f"warning: {warning.step}: {warning.problem}")


def _print_status(codec: Codec) -> None:
    info = codec.call.value
    print(f"codec: {codec.status.value.availability.value}")
    print(f"registration: {codec.registration.value.value}")
    print(f"microphones: {'muted' if codec.mic_muted.value else 'open'}")
    print(f"call: {info.state.value}")
    if info.active:
        print(f"far end: {info.far_end}")
    if info.connected_at is not None:
        print(f"duration: {int(time.monotonic() - info.connected_at)} s")
    stats = codec.statistics.value
    if stats is not None:
        print(
            f"loss: {stats.loss_percent:.1f} %  jitter: {stats.jitter_ms:.0f} ms  "
            f"rtt: {stats.rtt_ms:.0f} ms"
        )


def _run_emulator(args: argparse.Namespace) -> int:
    if args.kind == "cisco":
        from drivers.cisco.emulator import run_standalone
    else:
        from drivers.poly.emulator import run_standalone

    async def serve() -> None:
        await run_until_signalled(run_standalone(args.listen, on_ready=_emulator_ready))

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass
    except (OSError, ValueError) as exc:
        print(f"error: cannot listen on {args.listen}: {exc}")
        return cli.EXIT_NO_ANSWER
    return cli.EXIT_OK


def _emulator_ready(endpoint: str) -> None:
    print(f"emulated codec ready: connect to {endpoint}", flush=True)


def _error_code(exc: DeviceError) -> int:
    return cli.EXIT_NO_ANSWER if exc.problem in _NO_ANSWER else cli.EXIT_DEVICE_REFUSED
