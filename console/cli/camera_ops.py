"""What each ``roomctl camera`` operation sends, and how answers are printed."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from console.cli.visca_session import ViscaSession
from drivers.errors import DeviceTimeout
from drivers.roles.camera import FocusAction, PanTiltDirection, ZoomDirection
from drivers.visca import protocol
from drivers.visca.connection import ConnectionSpec
from drivers.visca.protocol import Command, ExposureMode, PresetAction, WhiteBalanceMode

WB_MODES = {
    "auto": WhiteBalanceMode.AUTO,
    "indoor": WhiteBalanceMode.INDOOR,
    "outdoor": WhiteBalanceMode.OUTDOOR,
    "one-push": WhiteBalanceMode.ONE_PUSH,
    "atw": WhiteBalanceMode.ATW,
    "manual": WhiteBalanceMode.MANUAL,
}
EXPOSURE_MODES = {
    "auto": ExposureMode.AUTO,
    "manual": ExposureMode.MANUAL,
    "shutter": ExposureMode.SHUTTER,
    "iris": ExposureMode.IRIS,
    "bright": ExposureMode.BRIGHT,
}


def _version_words(data: bytes) -> str:
    info = protocol.parse_version(data)
    return (
        f"vendor {info.vendor:04X}h, model {info.model:04X}h, ROM {info.rom:04X}h, "
        f"{info.max_socket} socket(s)"
    )


def _position_words(data: bytes) -> str:
    pan, tilt = protocol.parse_position(data)
    return f"pan {pan}, tilt {tilt}"


# inquiry name -> (command, answer in words)
INQUIRIES: dict[str, tuple[Callable[[], Command], Callable[[bytes], str]]] = {
    "power": (protocol.inquire_power, lambda d: "on" if protocol.parse_power(d) else "standby"),
    "zoom": (protocol.inquire_zoom, lambda d: str(protocol.parse_zoom(d))),
    "focus": (
        protocol.inquire_focus_mode,
        lambda d: "auto" if protocol.parse_focus_auto(d) else "manual",
    ),
    "position": (protocol.inquire_position, _position_words),
    "version": (protocol.inquire_version, _version_words),
}


@dataclass(frozen=True)
class Plan:
    """Commands to send in order; ``hold`` seconds between the first and the rest (move --for)."""

    commands: tuple[Command, ...] = ()
    hold: float | None = None
    inquiry: str | None = None
    scan: bool = False


def _move(args: argparse.Namespace) -> Plan:
    drive = protocol.pan_tilt_drive(PanTiltDirection(args.value), args.pan_speed, args.tilt_speed)
    if args.seconds is None:
        return Plan((drive,))
    if args.seconds < 0:
        raise ValueError("--for needs a positive number of seconds")
    stop = protocol.pan_tilt_drive(None, args.pan_speed, args.tilt_speed)
    return Plan((drive, stop), hold=args.seconds)


def _simple(args: argparse.Namespace) -> tuple[Command, ...]:
    """Operations that are a fixed list of commands."""
    value: str = getattr(args, "value", "")
    builders: dict[str, Callable[[], tuple[Command, ...]]] = {
        "power": lambda: (protocol.power(value == "on"),),
        "home": lambda: (protocol.home(),),
        "reset": lambda: (protocol.reset(),),
        "stop": lambda: (protocol.pan_tilt_drive(None), protocol.zoom(ZoomDirection.STOP)),
        "zoom": lambda: (protocol.zoom(ZoomDirection(value), args.speed),),
        "zoom-to": lambda: (protocol.zoom_direct(args.position),),
        "focus": lambda: (protocol.focus(FocusAction(value), args.speed),),
        "preset": lambda: (protocol.preset(PresetAction[value.upper()], args.number),),
        "goto": lambda: (
            protocol.pan_tilt_absolute(args.pan, args.tilt, args.pan_speed, args.tilt_speed),
        ),
        "wb": lambda: (
            (protocol.white_balance(WB_MODES[value]),)
            + ((protocol.white_balance_trigger(),) if value == "one-push" else ())
        ),
        "backlight": lambda: (protocol.backlight(value == "on"),),
        "exposure": lambda: (protocol.exposure(EXPOSURE_MODES[value]),),
    }
    return builders[args.operation]()


def plan(args: argparse.Namespace) -> Plan:
    """Turn parsed arguments into commands; ``ValueError`` for out-of-range numbers."""
    if args.operation == "move":
        return _move(args)
    if args.operation == "inquire":
        return Plan(inquiry=args.value)
    if args.operation == "scan":
        return Plan(scan=True)
    return Plan(_simple(args))


async def _scan(session: ViscaSession) -> None:
    """Find cameras: AddressSet on serial (camera 1 over IP), then ask each its version."""
    count = await session.address_set() if not session.spec.is_network else 1
    for address in range(1, count + 1):
        session.address = address
        try:
            words = _version_words(await session.inquire(protocol.inquire_version()))
        except DeviceTimeout:
            words = "no answer to the version inquiry"
        session.say(f"camera {address}: {words}")


async def execute(spec: ConnectionSpec, args: argparse.Namespace, plan: Plan) -> None:
    """Open the port, run the plan, close the port."""
    async with ViscaSession(
        spec, address=args.address, verbose=args.verbose, timeout=args.timeout
    ) as session:
        if plan.scan:
            await _scan(session)
            return
        if plan.inquiry is not None:
            build, words = INQUIRIES[plan.inquiry]
            data = await session.inquire(build())
            session.say(f"camera {session.address}: {plan.inquiry}: {words(data)}")
            return
        for index, command in enumerate(plan.commands):
            if index == 1 and plan.hold is not None:
                await asyncio.sleep(plan.hold)
            await session.command(command)
