"""Results of the pre-meeting check: verdicts, finding and advice keys, items, the report.

Everything here is JSON-serialisable for the log and the support bundle; the UI turns the keys
(``Finding``, ``Advice``, ``Prompt``) into translated words.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import platformdirs

from console.config.loader import APP_NAME
from drivers.errors import Problem

Figures = dict[str, float | int | str | None]
LAST_REPORT_NAME = "last-precheck.json"


def default_report_path() -> Path:
    """Return where the last report is kept (the support bundle picks it up from there)."""
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)) / LAST_REPORT_NAME


class Verdict(StrEnum):
    """One item's outcome; SKIPPED = could not be checked because an earlier item failed."""

    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    NOT_APPLICABLE = "not_applicable"
    SKIPPED = "skipped"


class CheckKind(StrEnum):
    """What an item checks."""

    CAMERA = "camera"
    MIXER = "mixer"
    MICROPHONE = "microphone"
    CODEC = "codec"
    BRIDGE_PATH = "bridge_path"
    DISK = "disk"
    CPU = "cpu"


class Finding(StrEnum):
    """What the check found (a key the UI turns into plain words)."""

    OK = "ok"
    NOT_IN_PROFILE = "not_in_profile"
    CAMERA_NOT_ANSWERING = "camera_not_answering"
    CAMERA_PRESET_NOT_REACHED = "camera_preset_not_reached"
    CAMERA_UNVERIFIED = "camera_unverified"  # wired one-way: commands sent, no answer possible
    MIXER_NOT_ANSWERING = "mixer_not_answering"
    NO_MICROPHONE_SIGNAL = "no_microphone_signal"
    CODEC_NOT_READY = "codec_not_ready"
    CODEC_NOT_REGISTERED = "codec_not_registered"
    CODEC_REGISTRATION_UNKNOWN = "codec_registration_unknown"
    BRIDGE_UNREACHABLE = "bridge_unreachable"
    BRIDGE_PATH_FAIR = "bridge_path_fair"
    BRIDGE_PATH_POOR = "bridge_path_poor"
    DISK_LOW = "disk_low"
    DISK_FULL = "disk_full"
    CPU_BUSY = "cpu_busy"
    SKIPPED_BY_OPERATOR = "skipped_by_operator"


class Advice(StrEnum):
    """What the operator should do (a key the UI turns into plain words)."""

    NONE = "none"
    CHECK_CABLE_AND_POWER = "check_cable_and_power"
    CHECK_PRESET = "check_preset"  # save the join shot again, or move the camera by hand
    CHECK_MICROPHONE = "check_microphone"  # switched on, battery, plugged in; speak again
    RESTART_CODEC = "restart_codec"
    CALL_TECHNICIAN = "call_technician"
    CHECK_NETWORK = "check_network"  # network cable, router, call the provider
    REDUCE_NETWORK_USE = "reduce_network_use"  # stop downloads/streams on the site's line
    FREE_DISK_SPACE = "free_disk_space"
    CLOSE_PROGRAMS = "close_programs"


class Prompt(StrEnum):
    """A request to the operator shown while a guided step waits."""

    SAY_MOT_HAI_BA = "say_mot_hai_ba"  # "say một, hai, ba into the lectern microphone"


# Finding -> what to do (data, not a chain of ifs).
ADVICE: dict[Finding, Advice] = {
    Finding.CAMERA_NOT_ANSWERING: Advice.CHECK_CABLE_AND_POWER,
    Finding.CAMERA_PRESET_NOT_REACHED: Advice.CHECK_PRESET,
    Finding.CAMERA_UNVERIFIED: Advice.CHECK_PRESET,
    Finding.MIXER_NOT_ANSWERING: Advice.CHECK_CABLE_AND_POWER,
    Finding.NO_MICROPHONE_SIGNAL: Advice.CHECK_MICROPHONE,
    Finding.CODEC_NOT_READY: Advice.RESTART_CODEC,
    Finding.CODEC_NOT_REGISTERED: Advice.CALL_TECHNICIAN,
    Finding.CODEC_REGISTRATION_UNKNOWN: Advice.CALL_TECHNICIAN,
    Finding.BRIDGE_UNREACHABLE: Advice.CHECK_NETWORK,
    Finding.BRIDGE_PATH_FAIR: Advice.REDUCE_NETWORK_USE,
    Finding.BRIDGE_PATH_POOR: Advice.CHECK_NETWORK,
    Finding.DISK_LOW: Advice.FREE_DISK_SPACE,
    Finding.DISK_FULL: Advice.FREE_DISK_SPACE,
    Finding.CPU_BUSY: Advice.CLOSE_PROGRAMS,
}


@dataclass(frozen=True)
class CheckItem:
    """One line of the result card."""

    kind: CheckKind
    subject: str  # device display name, or "" for the computer itself
    verdict: Verdict
    finding: Finding = Finding.OK
    problem: Problem | None = None  # the driver's key, when a device error caused it
    detail: str = ""  # technical detail for the log / technician
    figures: Figures = field(default_factory=dict)

    @property
    def advice(self) -> Advice:
        """What to do about it."""
        return ADVICE.get(self.finding, Advice.NONE)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {**asdict(self), "advice": self.advice.value}


_ORDER = (Verdict.PASS, Verdict.WARN, Verdict.FAIL)


def overall(items: Sequence[CheckItem]) -> Verdict:
    """Return the worst of pass / warn / fail (not applicable and skipped do not count)."""
    graded = [item.verdict for item in items if item.verdict in _ORDER]
    return max(graded, key=_ORDER.index, default=Verdict.PASS)


@dataclass(frozen=True)
class CheckReport:
    """The result card: every item, the overall verdict and when it ran (wall clock)."""

    started_at: float
    finished_at: float
    items: tuple[CheckItem, ...]

    @property
    def verdict(self) -> Verdict:
        """The overall verdict."""
        return overall(self.items)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form for the log and the support bundle."""
        return {
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "verdict": self.verdict.value,
            "items": [item.to_dict() for item in self.items],
        }

    def to_json(self) -> str:
        """Return the report as indented JSON."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_json_line(self) -> str:
        """Return the report as one line of JSON (for the log)."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def save(self, path: Path) -> None:
        """Write the report (the support bundle picks up the last one)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(self.to_json(), encoding="utf-8")
        temporary.replace(path)
