"""``roomctl call join|leave|status`` and ``roomctl emulate codec cisco|poly``.

The codec and bridges come from the ``[call]`` table of the room profile (``--config``).
A baresip the CLI starts itself lives only as long as this process, so ``join`` then stays in
the call until Ctrl+C (``--stay`` does the same for other codecs). Exit codes: 0 done,
1 the codec or bridge refused, 3 no answer / offline, 4 bad profile.
"""

from __future__ import annotations

import argparse
import asyncio
import time
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from console import cli
from console.cli.signals import run_until_signalled
from console.config.codec import (
    CODEC_PASSWORD_SERVICE,
    CallProfile,
    CodecDriver,
    PinStore,
    PinStoreUnavailable,
)
from console.config.loader import ProfileError, default_profile_path, read_profile_text
from console.services.join import JoinBridge, JoinPhase, JoinProgress
from console.services.leave import leave_meeting
from console.services.steps import wait_for_value
from drivers import registry
from drivers.errors import DeviceError, Problem
from drivers.roles.base import Availability
from drivers.roles.codec import Codec

_NO_ANSWER = {Problem.NOT_ANSWERING, Problem.CONNECTION_REFUSED, Problem.LIBRARY_MISSING}


def register_command(subparsers: Any) -> None:
    """Add ``call`` with join, leave and status."""
    parser: argparse.ArgumentParser = subparsers.add_parser("call", help="join/leave the bridge")
    parser.add_argument("--config", type=Path, default=None, help="room profile (TOML)")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    join = actions.add_parser("join", help="join a bridge (default: the main bridge)")
    join.add_argument("bridge", nargs="?", default=None, help="bridge id from the profile")
    join.add_argument("--stay", action="store_true", help="stay until Ctrl+C, then leave")
    actions.add_parser("leave", help="hang up, mute, cameras to standby")
    actions.add_parser("status", help="codec, call and media statistics")
    parser.set_defaults(handler=_run)


add_parser = register_command  # the name the brief uses


def register_emulator(devices: Any) -> None:
    """Add ``emulate codec cisco|poly --listen 127.0.0.1:PORT``."""
    parser: argparse.ArgumentParser = devices.add_parser("codec", help="emulated Cisco/Poly codec")
    parser.add_argument("kind", choices=["cisco", "poly"])
    parser.add_argument("--listen", default="127.0.0.1:0", metavar="127.0.0.1:PORT")
    parser.set_defaults(handler=_run_emulator)


def load_call_profile(path: Path | None) -> CallProfile:
    """Read the ``[call]`` table of the profile (ValueError with the reason if broken)."""
    path = path or default_profile_path()
    data = tomllib.loads(read_profile_text(path))  # as the console reads it (BOM, size, UTF-8)
    return CallProfile.model_validate(data.get("call", {}))


def _run(args: argparse.Namespace) -> int:
    try:
        profile = load_call_profile(args.config)
        if args.action == "join":
            profile.bridge(args.bridge)
    except (OSError, ValueError, ValidationError, KeyError, ProfileError) as exc:
        print(f"error: profile: {exc}")
        return cli.EXIT_BAD_PROFILE
    try:
        return asyncio.run(_session(profile, args))
    except KeyboardInterrupt:
        return cli.EXIT_OK


async def _session(profile: CallProfile, args: argparse.Namespace) -> int:
    kwargs = profile.codec.driver_kwargs(password=_codec_password(profile))
    codec = registry.factory(profile.codec.driver.value)(**kwargs)
    assert isinstance(codec, Codec)
    try:
        await codec.start()
        try:
            async with asyncio.timeout(10):
                await wait_for_value(codec.status, lambda s: s.availability is Availability.ONLINE)
        except TimeoutError:
            print(f"error: codec offline: {codec.status.value.detail}")
            return cli.EXIT_NO_ANSWER
        if args.action == "join":
            return await _join(profile, codec, args)
        if args.action == "leave":
            return await _leave(codec)
        _print_status(codec)
        return cli.EXIT_OK
    except DeviceError as exc:
        print(f"error: {exc}")
        return _error_code(exc)
    finally:
        await codec.close()


def _codec_password(profile: CallProfile) -> str | None:
    """Return the codec login password from the OS keyring (keyed by user name)."""
    if profile.codec.username is None:
        return None
    try:
        return PinStore(service=CODEC_PASSWORD_SERVICE).get(profile.codec.username)
    except PinStoreUnavailable as exc:
        print(f"warning: {exc}")
        return None


async def _join(profile: CallProfile, codec: Codec, args: argparse.Namespace) -> int:
    bridge = profile.bridge(args.bridge)
    pins = PinStore()

    def pin(bridge_id: str) -> str | None:
        try:
            return pins.get(bridge_id)
        except PinStoreUnavailable as exc:
            print(f"warning: {exc}")
            return None

    join = JoinBridge(bridge, codec, pin_provider=pin)
    join.progress.subscribe(_print_progress)
    final = await join.run()
    if final.phase is not JoinPhase.IN_MEETING:
        return cli.EXIT_NO_ANSWER if final.problem in _NO_ANSWER else cli.EXIT_DEVICE_REFUSED
    if args.stay or (profile.codec.driver is CodecDriver.BARESIP and profile.codec.ctrl is None):
        print("in the meeting; Ctrl+C leaves", flush=True)
        await _until_interrupted_or_ended(codec)
        await leave_meeting(codec)
    return cli.EXIT_OK


async def _until_interrupted_or_ended(codec: Codec) -> None:
    ended = wait_for_value(codec.call, lambda info: not info.active)
    await run_until_signalled(ended)


async def _leave(codec: Codec) -> int:
    warnings = await leave_meeting(codec)
    for warning in warnings:
        print(f"warning: {warning.step}: {warning.problem} ({warning.detail})")
    return cli.EXIT_OK if not warnings else cli.EXIT_DEVICE_REFUSED


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
