"""Turn ``Problem`` keys and availability into plain, translated words for the operator."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from drivers.errors import Problem
from drivers.roles.base import Availability, DeviceStatus

# Linguist reads the literal QCoreApplication.translate("Messages", ...) calls below.


class DeviceKind(StrEnum):
    """What sort of device a message is about (changes the advice given)."""

    CAMERA = "camera"
    OTHER = "other"


def problem_text(problem: Problem, device: str, kind: DeviceKind = DeviceKind.OTHER) -> str:
    """One sentence saying what is wrong with ``device`` and what to check."""
    if kind is DeviceKind.CAMERA:
        camera_texts = {
            Problem.NOT_ANSWERING: QCoreApplication.translate(
                "Messages",
                "{device} is not answering — check the VISCA cable and the camera's power",
            ),
            Problem.PORT_MISSING: QCoreApplication.translate(
                "Messages",
                "{device}: the serial port is missing — check that the USB adapter is plugged in",
            ),
            Problem.CONNECTION_REFUSED: QCoreApplication.translate(
                "Messages",
                "{device} cannot be reached — check the network cable and the camera's address",
            ),
            Problem.NOT_EXECUTABLE: QCoreApplication.translate(
                "Messages",
                "{device} cannot do that right now — is it switched on and in the right mode?",
            ),
        }
        if problem in camera_texts:
            return camera_texts[problem].format(device=device)
    texts = {
        Problem.NOT_ANSWERING: QCoreApplication.translate(
            "Messages", "{device} is not answering — check the cable and the device's power"
        ),
        Problem.PORT_MISSING: QCoreApplication.translate(
            "Messages", "{device}: the port is missing — check that it is plugged in"
        ),
        Problem.CONNECTION_REFUSED: QCoreApplication.translate(
            "Messages", "{device} cannot be reached — check the network cable"
        ),
        Problem.LIBRARY_MISSING: QCoreApplication.translate(
            "Messages",
            "{device} cannot be used on this computer — a program it needs is not installed",
        ),
        Problem.GARBLED: QCoreApplication.translate(
            "Messages", "{device} is sending unexpected data — check the cable and settings"
        ),
        Problem.REFUSED: QCoreApplication.translate("Messages", "{device} refused the command"),
        Problem.BUSY: QCoreApplication.translate(
            "Messages", "{device} is busy — try again in a moment"
        ),
        Problem.NOT_EXECUTABLE: QCoreApplication.translate(
            "Messages", "{device} cannot do that in its current mode"
        ),
        Problem.BAD_CONFIG: QCoreApplication.translate(
            "Messages", "{device} is set up wrongly — ask a technician to check the setup"
        ),
        Problem.UNKNOWN: QCoreApplication.translate(
            "Messages", "{device} has a problem — see the event log for details"
        ),
    }
    return texts[problem].format(device=device)


def warning_text(problem: Problem, device: str, kind: DeviceKind = DeviceKind.OTHER) -> str:
    """Words for a device that works but is degraded (e.g. a camera that never answers)."""
    if kind is DeviceKind.CAMERA and problem is Problem.NOT_ANSWERING:
        return QCoreApplication.translate(
            "Messages",
            "{device} works one way only: commands are sent but the camera's replies are not "
            "received, so its position may be shown wrongly",
        ).format(device=device)
    return problem_text(problem, device, kind)


def availability_text(availability: Availability) -> str:
    """Short word for a status light."""
    return {
        Availability.CONNECTING: QCoreApplication.translate("Messages", "connecting…"),
        Availability.ONLINE: QCoreApplication.translate("Messages", "ready"),
        Availability.OFFLINE: QCoreApplication.translate("Messages", "not available"),
    }[availability]


def standby_text() -> str:
    """Short word for the status light of a camera that answers but is powered down."""
    return QCoreApplication.translate("Messages", "standby")


def standby_status_text(device: str) -> str:
    """Hover text of a camera in standby: what it means and what a preset tap does."""
    return QCoreApplication.translate(
        "Messages",
        "{device} is in standby (powered down) — tap a preset shot or Power to switch it on",
    ).format(device=device)


def status_text(status: DeviceStatus, device: str, kind: DeviceKind = DeviceKind.OTHER) -> str:
    """Sentence for the hover text of a status light: state, and the reason when not ready."""
    if status.availability is Availability.OFFLINE:
        return problem_text(status.problem or Problem.UNKNOWN, device, kind)
    if status.availability is Availability.CONNECTING:
        return QCoreApplication.translate("Messages", "{device}: connecting…").format(device=device)
    if status.warning is not None:
        return warning_text(status.warning, device, kind)
    return QCoreApplication.translate("Messages", "{device} is ready").format(device=device)
