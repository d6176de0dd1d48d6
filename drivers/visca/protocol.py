"""Sans-I/O VISCA: typed constructors for every command and inquiry, and the one import point.

No asyncio, sockets or clocks here. The byte layouts live as data in ``commands.TABLE``; reply
decoding in ``replies``; Sony's UDP framing in ``sony_ip``. Speeds and positions are checked
against the widest VISCA ranges (``ValueError``); per-model limits are the camera's job.
"""

from __future__ import annotations

from drivers.roles.camera import FocusAction, PanTiltDirection, ZoomDirection
from drivers.visca.commands import (
    BROADCAST_HEADER,
    MAX_PACKET,
    PAN_TILT_SPEED_MAX,
    PRESET_MAX,
    TABLE,
    TERMINATOR,
    VARIABLE_SPEED_MAX,
    Command,
    ExposureMode,
    ParsedCommand,
    PresetAction,
    WhiteBalanceMode,
    build,
    drive_name,
    from_signed,
    parse_packet,
    to_signed,
)
from drivers.visca.replies import (
    Ack,
    AddressSetReply,
    CommandDecoder,
    Completion,
    ErrorReply,
    IfClearReply,
    NetworkChange,
    Reply,
    ReplyDecoder,
    VersionInfo,
    ViscaDecodeError,
    ViscaErrorCode,
    parse_focus_auto,
    parse_last_preset,
    parse_max_speed,
    parse_position,
    parse_power,
    parse_reply,
    parse_version,
    parse_zoom,
)
from drivers.visca.sony_ip import (
    CONTROL_ERROR_MESSAGE,
    CONTROL_ERROR_SEQUENCE,
    CONTROL_RESET,
    SonyFrame,
    SonyPayloadType,
    next_sequence,
    parse_sony_frame,
    sony_frame,
)

__all__ = [
    "BROADCAST_HEADER",
    "CONTROL_ERROR_MESSAGE",
    "CONTROL_ERROR_SEQUENCE",
    "CONTROL_RESET",
    "MAX_PACKET",
    "TABLE",
    "TERMINATOR",
    "Ack",
    "AddressSetReply",
    "Command",
    "CommandDecoder",
    "Completion",
    "ErrorReply",
    "ExposureMode",
    "FocusAction",
    "IfClearReply",
    "NetworkChange",
    "PanTiltDirection",
    "ParsedCommand",
    "PresetAction",
    "Reply",
    "ReplyDecoder",
    "SonyFrame",
    "SonyPayloadType",
    "VersionInfo",
    "ViscaDecodeError",
    "ViscaErrorCode",
    "WhiteBalanceMode",
    "ZoomDirection",
    "address_set_packet",
    "backlight",
    "build",
    "cancel",
    "exposure",
    "focus",
    "focus_direct",
    "from_signed",
    "home",
    "if_clear",
    "if_clear_broadcast_packet",
    "inquire_focus_mode",
    "inquire_focus_position",
    "inquire_last_preset",
    "inquire_max_speed",
    "inquire_position",
    "inquire_power",
    "inquire_version",
    "inquire_zoom",
    "next_sequence",
    "pan_tilt_absolute",
    "pan_tilt_drive",
    "pan_tilt_relative",
    "parse_focus_auto",
    "parse_last_preset",
    "parse_max_speed",
    "parse_packet",
    "parse_position",
    "parse_power",
    "parse_reply",
    "parse_sony_frame",
    "parse_version",
    "parse_zoom",
    "power",
    "preset",
    "reset",
    "sony_frame",
    "to_signed",
    "white_balance",
    "white_balance_trigger",
    "zoom",
    "zoom_direct",
]


def _check(what: str, value: int, low: int, high: int) -> int:
    """Return ``value`` or raise ``ValueError`` naming the field and the range."""
    if not low <= value <= high:
        raise ValueError(f"{what} {value} outside {low}..{high}")
    return value


def _speeds(pan_speed: int, tilt_speed: int) -> dict[str, int]:
    """Pan/tilt speed fields (01..18h; 00 is invalid on every model)."""
    return {
        "V": _check("pan speed", pan_speed, 1, PAN_TILT_SPEED_MAX),
        "W": _check("tilt speed", tilt_speed, 1, PAN_TILT_SPEED_MAX),
    }


def power(on: bool) -> Command:
    """Power on / standby."""
    return build("power_on" if on else "power_standby")


def pan_tilt_drive(
    direction: PanTiltDirection | None, pan_speed: int = 1, tilt_speed: int = 1
) -> Command:
    """Continuous pan-tilt drive; ``None`` = stop (which still carries speeds)."""
    return build(drive_name(direction), **_speeds(pan_speed, tilt_speed))


def _position_command(name: str, pan: int, tilt: int, pan_speed: int, tilt_speed: int) -> Command:
    return build(name, Y=from_signed(pan), Z=from_signed(tilt), **_speeds(pan_speed, tilt_speed))


def pan_tilt_absolute(pan: int, tilt: int, pan_speed: int, tilt_speed: int) -> Command:
    """Move to an absolute signed 16-bit pan/tilt position."""
    return _position_command("pan_tilt_absolute", pan, tilt, pan_speed, tilt_speed)


def pan_tilt_relative(pan: int, tilt: int, pan_speed: int, tilt_speed: int) -> Command:
    """Move by a signed 16-bit pan/tilt offset."""
    return _position_command("pan_tilt_relative", pan, tilt, pan_speed, tilt_speed)


def home() -> Command:
    """Pan-tilt home."""
    return build("home")


def reset() -> Command:
    """Pan-tilt reset (re-initialise the mechanics)."""
    return build("reset")


def _variable(base: str, speed: int | None) -> Command:
    """Standard-speed command, or its ``_variable`` twin with speed 0-7."""
    if speed is None:
        return build(base)
    return build(base + "_variable", p=_check("speed", speed, 0, VARIABLE_SPEED_MAX))


def zoom(direction: ZoomDirection, speed: int | None = None) -> Command:
    """Zoom tele / wide (standard speed if ``speed`` is None, else 0-7) / stop."""
    if direction is ZoomDirection.STOP:
        return build("zoom_stop")
    return _variable(f"zoom_{direction.value}", speed)


def zoom_direct(position: int) -> Command:
    """Zoom to an absolute position 0..FFFFh."""
    return build("zoom_direct", Q=_check("zoom position", position, 0, 0xFFFF))


_FOCUS_FIXED = {
    FocusAction.AUTO: "focus_auto",
    FocusAction.MANUAL: "focus_manual",
    FocusAction.STOP: "focus_stop",
    FocusAction.ONE_PUSH: "focus_one_push",
}


def focus(action: FocusAction, speed: int | None = None) -> Command:
    """Focus mode (auto/manual/one-push) or drive (far/near with optional speed 0-7, stop)."""
    if action in _FOCUS_FIXED:
        return build(_FOCUS_FIXED[action])
    return _variable(f"focus_{action.value}", speed)


def focus_direct(position: int) -> Command:
    """Focus to an absolute position 0..FFFFh."""
    return build("focus_direct", Q=_check("focus position", position, 0, 0xFFFF))


def preset(action: PresetAction, number: int) -> Command:
    """Preset reset / set / recall; ``number`` 0..FEh (models have fewer, see CameraLimits)."""
    name = f"preset_{PresetAction(action).name.lower()}"
    return build(name, P=_check("preset number", number, 0, PRESET_MAX))


def white_balance(mode: WhiteBalanceMode) -> Command:
    """White balance mode."""
    return build(f"wb_{WhiteBalanceMode(mode).name.lower()}")


def white_balance_trigger() -> Command:
    """One-push white balance trigger (in one-push mode)."""
    return build("wb_one_push_trigger")


def backlight(on: bool) -> Command:
    """Backlight compensation on / off."""
    return build("backlight_on" if on else "backlight_off")


def exposure(mode: ExposureMode) -> Command:
    """Exposure mode."""
    return build(f"exposure_{ExposureMode(mode).name.lower()}")


def if_clear() -> Command:
    """IF_Clear for one camera (``8x 01 00 01 FF`` -> ``y0 50 FF``)."""
    return build("if_clear")


def cancel(socket: int) -> Command:
    """Cancel the command in ``socket`` (``8x 2y FF``)."""
    return build("cancel", s=_check("socket", socket, 1, 0x0F))


def inquire_power() -> Command:
    """Power inquiry."""
    return build("inq_power")


def inquire_zoom() -> Command:
    """Zoom position inquiry."""
    return build("inq_zoom")


def inquire_focus_mode() -> Command:
    """Focus mode inquiry."""
    return build("inq_focus_mode")


def inquire_focus_position() -> Command:
    """Focus position inquiry (answer parsed with ``parse_zoom``: same 4 nibbles)."""
    return build("inq_focus_position")


def inquire_position() -> Command:
    """Pan-tilt position inquiry."""
    return build("inq_position")


def inquire_max_speed() -> Command:
    """Pan-tilt max speed inquiry."""
    return build("inq_max_speed")


def inquire_version() -> Command:
    """Version inquiry."""
    return build("inq_version")


def inquire_last_preset() -> Command:
    """Last recalled preset inquiry."""
    return build("inq_last_preset")


def address_set_packet() -> bytes:
    """AddressSet broadcast ``88 30 01 FF``: the first camera takes address 1."""
    return bytes([BROADCAST_HEADER, 0x30, 0x01, TERMINATOR])


def if_clear_broadcast_packet() -> bytes:
    """IF_Clear broadcast ``88 01 00 01 FF`` (comes back unchanged round the chain)."""
    return bytes([BROADCAST_HEADER, 0x01, 0x00, 0x01, TERMINATOR])
