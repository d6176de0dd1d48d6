"""The pre-meeting check ("Kiểm tra trước họp"): the paper checklist as explicit, timed steps.

Steps: every camera answers and reaches the join preset; the mixer answers; guided, the lectern
microphone's meter shows signal; the codec is online and registered; the path to the bridge is
measured and graded; free disk and CPU load. Each item ends pass / warn / fail with a ``Finding``
key (what was found) and an ``Advice`` key (what to do); the UI words both. A device the profile
does not have is "not applicable", never a failure. The report is JSON for the log and the
support bundle.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import psutil

from console.call_health import Health
from console.netprobe import PathTarget, ProbeSettings, judge, measure_path
from console.room import CameraSlot, Room
from console.services.precheck_report import (
    CheckItem,
    CheckKind,
    CheckReport,
    Figures,
    Finding,
    Prompt,
    Verdict,
)
from console.services.steps import wait_for_value
from drivers.errors import DeviceError, Problem
from drivers.observable import Observable
from drivers.roles.base import Availability
from drivers.roles.codec import Codec, Registration
from drivers.roles.mixer import Mixer

_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckProgress:
    """What the card shows while running: the current step, a prompt, and the items so far."""

    running: bool = False
    kind: CheckKind | None = None
    subject: str = ""
    prompt: Prompt | None = None
    items: tuple[CheckItem, ...] = ()


@dataclass(frozen=True)
class CheckSettings:
    """Time limits and thresholds."""

    camera_timeout: float = 20.0
    mixer_timeout: float = 5.0
    signal_window: float = 20.0  # how long the operator has to speak
    signal_threshold_db: float = -40.0
    codec_timeout: float = 10.0
    probe: ProbeSettings = field(default_factory=ProbeSettings)
    disk_warn_bytes: int = 2 * 1024**3
    disk_fail_bytes: int = 300 * 1024**2
    cpu_warn_percent: float = 85.0


class PreMeetingCheck:
    """Runs the check once per ``run()``; ``progress`` is observable, cancel the task to stop."""

    def __init__(
        self,
        *,
        cameras: Sequence[CameraSlot] = (),
        join_preset: int | None = None,
        mixer: Mixer | None = None,
        lectern_channel: int | None = None,
        codec: Codec | None = None,
        bridge_path: PathTarget | None = None,
        disk_path: Path | None = None,
        settings: CheckSettings | None = None,
    ) -> None:
        self.cameras = tuple(cameras)
        self.join_preset = join_preset
        self.mixer = mixer
        self.lectern_channel = lectern_channel
        self.codec = codec
        self.bridge_path = bridge_path
        self.disk_path = disk_path or Path.home()
        self.settings = settings or CheckSettings()
        self.progress: Observable[CheckProgress] = Observable(CheckProgress())
        self.last_report: CheckReport | None = None
        self._skip_prompt = asyncio.Event()

    @classmethod
    def for_room(cls, room: Room, **kwargs: Any) -> PreMeetingCheck:
        """Check the room's cameras and its (first) mixer and codec."""
        mixer = next((d for d in room.devices if isinstance(d, Mixer)), None)
        codec = next((d for d in room.devices if isinstance(d, Codec)), None)
        return cls(cameras=room.cameras, mixer=mixer, codec=codec, **kwargs)

    def skip_prompt(self) -> None:
        """Record the guided step as skipped (the operator cannot do it now)."""
        self._skip_prompt.set()

    async def run(self) -> CheckReport:
        """Run every step and return (and log) the report."""
        started = time.time()
        self._skip_prompt.clear()
        psutil.cpu_percent(None)  # start the CPU window: the CPU step reads load over the check
        self.progress.publish(CheckProgress(running=True))
        path_task = asyncio.create_task(self._measure_path())  # the longest step runs alongside
        try:
            await self._check_cameras()
            mixer_ok = await self._step(CheckKind.MIXER, self._mixer_name(), self._check_mixer)
            await self._step(
                CheckKind.MICROPHONE, self._lectern_name(), lambda: self._check_signal(mixer_ok)
            )
            await self._step(
                CheckKind.CODEC, self.codec.name if self.codec else "", self._check_codec
            )
            self._publish_step(CheckKind.BRIDGE_PATH, "")
            self._add(await path_task)
            await self._step(CheckKind.DISK, "", self._check_disk)
            await self._step(CheckKind.CPU, "", self._check_cpu)
        finally:
            path_task.cancel()
            await asyncio.gather(path_task, return_exceptions=True)
            self.progress.publish(
                replace(self.progress.value, running=False, kind=None, prompt=None)
            )
        report = CheckReport(started, time.time(), self.progress.value.items)
        self.last_report = report
        _LOGGER.info("pre-meeting check: %s %s", report.verdict, report.to_json_line())
        return report

    # --- bookkeeping ------------------------------------------------------------------------

    def _mixer_name(self) -> str:
        return self.mixer.name if self.mixer else ""

    def _lectern_name(self) -> str:
        """Return the lectern strip's name (the profile's or the desk's), else the mixer's."""
        if self.mixer is None or self.lectern_channel is None:
            return ""
        try:
            strip = self.mixer.state.value.channel(self.lectern_channel).name
        except IndexError:
            strip = ""
        return strip or self.mixer.name

    def _publish_step(self, kind: CheckKind, subject: str, prompt: Prompt | None = None) -> None:
        self.progress.publish(
            replace(self.progress.value, kind=kind, subject=subject, prompt=prompt)
        )

    def _add(self, item: CheckItem) -> CheckItem:
        log = (
            _LOGGER.info
            if item.verdict in (Verdict.PASS, Verdict.NOT_APPLICABLE)
            else _LOGGER.warning
        )
        log(
            "check %s %s: %s (%s) %s",
            item.kind,
            item.subject,
            item.verdict,
            item.finding,
            item.detail,
        )
        items = (*self.progress.value.items, item)
        self.progress.publish(replace(self.progress.value, items=items))
        return item

    async def _step(
        self, kind: CheckKind, subject: str, check: Callable[[], Awaitable[CheckItem]]
    ) -> bool:
        """Run one check; True when it passed or warned."""
        self._publish_step(kind, subject)
        item = self._add(await check())
        return item.verdict in (Verdict.PASS, Verdict.WARN)

    # --- cameras ----------------------------------------------------------------------------

    async def _check_cameras(self) -> None:
        if not self.cameras:
            self._add(
                CheckItem(CheckKind.CAMERA, "", Verdict.NOT_APPLICABLE, Finding.NOT_IN_PROFILE)
            )
            return
        self._publish_step(CheckKind.CAMERA, ", ".join(slot.name for slot in self.cameras))
        items = await asyncio.gather(*(self._check_camera(slot) for slot in self.cameras))
        for item in items:
            self._add(item)

    async def _check_camera(self, slot: CameraSlot) -> CheckItem:
        """Check that the camera answers, is powered, and reaches the join preset."""
        camera = slot.camera
        figures: Figures = {"preset": self.join_preset}

        def item(
            verdict: Verdict, finding: Finding, problem: Problem | None, detail: str
        ) -> CheckItem:
            return CheckItem(
                CheckKind.CAMERA, slot.name, verdict, finding, problem, detail, figures
            )

        finding = Finding.CAMERA_NOT_ANSWERING
        try:
            async with asyncio.timeout(self.settings.camera_timeout):
                if camera.limits.replies:
                    await camera.refresh()
                if camera.state.value.power_on is False:
                    await camera.power(True)
                if self.join_preset is not None:
                    finding = Finding.CAMERA_PRESET_NOT_REACHED
                    await slot.presets.recall(self.join_preset)
        except TimeoutError:
            return item(Verdict.FAIL, finding, Problem.NOT_ANSWERING, "no answer in time")
        except DeviceError as exc:
            return item(Verdict.FAIL, finding, exc.problem, str(exc))
        except ValueError as exc:  # e.g. a join preset beyond this camera's memory
            return item(Verdict.FAIL, finding, Problem.BAD_CONFIG, str(exc))
        if not camera.limits.replies:
            return item(Verdict.WARN, Finding.CAMERA_UNVERIFIED, None, "one-way wiring")
        return item(Verdict.PASS, Finding.OK, None, "")

    # --- audio ------------------------------------------------------------------------------

    async def _check_mixer(self) -> CheckItem:
        """Check that the desk answers a full read."""
        if self.mixer is None:
            return CheckItem(CheckKind.MIXER, "", Verdict.NOT_APPLICABLE, Finding.NOT_IN_PROFILE)
        name = self.mixer.name
        try:
            async with asyncio.timeout(self.settings.mixer_timeout):
                await self.mixer.refresh()
        except TimeoutError:
            return _fail(CheckKind.MIXER, name, Finding.MIXER_NOT_ANSWERING, Problem.NOT_ANSWERING)
        except DeviceError as exc:
            return _fail(CheckKind.MIXER, name, Finding.MIXER_NOT_ANSWERING, exc.problem, str(exc))
        return CheckItem(CheckKind.MIXER, name, Verdict.PASS)

    async def _check_signal(self, mixer_ok: bool) -> CheckItem:
        """Guided: ask for "một, hai, ba" and wait for the lectern channel's meter to move."""
        if self.mixer is None or self.lectern_channel is None:
            return CheckItem(
                CheckKind.MICROPHONE, "", Verdict.NOT_APPLICABLE, Finding.NOT_IN_PROFILE
            )
        channel, name = self.lectern_channel, self._lectern_name()
        if not mixer_ok:
            return CheckItem(
                CheckKind.MICROPHONE,
                name,
                Verdict.SKIPPED,
                Finding.MIXER_NOT_ANSWERING,
                figures={"channel": channel},
            )
        self._publish_step(CheckKind.MICROPHONE, name, Prompt.SAY_MOT_HAI_BA)
        threshold = self.settings.signal_threshold_db
        heard = asyncio.ensure_future(
            wait_for_value(self.mixer.meters, lambda m: m.level(channel) >= threshold)
        )
        skipped = asyncio.ensure_future(self._skip_prompt.wait())
        try:
            await asyncio.wait(
                {heard, skipped},
                timeout=self.settings.signal_window,
                return_when=asyncio.FIRST_COMPLETED,
            )
        finally:
            heard.cancel()
            skipped.cancel()
            self._publish_step(CheckKind.MICROPHONE, name)
        if heard.done() and not heard.cancelled():
            level = heard.result().level(channel)
            return CheckItem(
                CheckKind.MICROPHONE,
                name,
                Verdict.PASS,
                figures={"channel": channel, "level_db": round(level, 1)},
            )
        if self._skip_prompt.is_set():
            return CheckItem(
                CheckKind.MICROPHONE,
                name,
                Verdict.SKIPPED,
                Finding.SKIPPED_BY_OPERATOR,
                figures={"channel": channel},
            )
        detail = f"channel {channel} stayed below {threshold:g} dBFS"
        return CheckItem(
            CheckKind.MICROPHONE,
            name,
            Verdict.FAIL,
            Finding.NO_MICROPHONE_SIGNAL,
            detail=detail,
            figures={"channel": channel},
        )

    # --- codec and network ------------------------------------------------------------------

    async def _check_codec(self) -> CheckItem:
        """Online, then registered (or no registrar needed)."""
        if self.codec is None:
            return CheckItem(CheckKind.CODEC, "", Verdict.NOT_APPLICABLE, Finding.NOT_IN_PROFILE)
        codec = self.codec
        try:
            async with asyncio.timeout(self.settings.codec_timeout):
                await wait_for_value(codec.status, lambda s: s.availability is Availability.ONLINE)
                registration = await wait_for_value(
                    codec.registration, lambda r: r is not Registration.UNKNOWN
                )
        except TimeoutError:
            status = codec.status.value
            if status.availability is not Availability.ONLINE:
                return _fail(
                    CheckKind.CODEC,
                    codec.name,
                    Finding.CODEC_NOT_READY,
                    status.problem or Problem.NOT_ANSWERING,
                    status.detail,
                )
            return CheckItem(
                CheckKind.CODEC, codec.name, Verdict.WARN, Finding.CODEC_REGISTRATION_UNKNOWN
            )
        figures: Figures = {"registration": registration.value}
        if registration is Registration.FAILED:
            return CheckItem(
                CheckKind.CODEC,
                codec.name,
                Verdict.FAIL,
                Finding.CODEC_NOT_REGISTERED,
                figures=figures,
            )
        return CheckItem(CheckKind.CODEC, codec.name, Verdict.PASS, figures=figures)

    async def _measure_path(self) -> CheckItem:
        """Measure and grade the path to the bridge."""
        if self.bridge_path is None:
            return CheckItem(
                CheckKind.BRIDGE_PATH, "", Verdict.NOT_APPLICABLE, Finding.NOT_IN_PROFILE
            )
        verdict = judge(await measure_path(self.bridge_path, self.settings.probe))
        measurement = verdict.measurement
        figures: Figures = {
            "method": measurement.method.value,
            "loss_percent": round(measurement.loss_percent, 1),
            "rtt_median_ms": _round(measurement.rtt_median_ms),
            "rtt_p95_ms": _round(measurement.rtt_p95_ms),
            "jitter_ms": _round(measurement.jitter_ms),
            "causes": ",".join(cause.value for cause in verdict.causes),
        }
        target = self.bridge_path
        host = f"{target.label} ({target.host})" if target.label else target.host
        if verdict.health is None:
            return CheckItem(
                CheckKind.BRIDGE_PATH,
                host,
                Verdict.FAIL,
                Finding.BRIDGE_UNREACHABLE,
                measurement.problem,
                measurement.detail,
                figures,
            )
        graded = {
            Health.GOOD: (Verdict.PASS, Finding.OK),
            Health.FAIR: (Verdict.WARN, Finding.BRIDGE_PATH_FAIR),
            Health.POOR: (Verdict.FAIL, Finding.BRIDGE_PATH_POOR),
        }
        result, finding = graded[verdict.health]
        return CheckItem(CheckKind.BRIDGE_PATH, host, result, finding, figures=figures)

    # --- the computer -----------------------------------------------------------------------

    async def _check_disk(self) -> CheckItem:
        """Free space where logs and recordings go."""
        usage = shutil.disk_usage(self.disk_path)
        figures: Figures = {"free_bytes": usage.free, "total_bytes": usage.total}
        if usage.free < self.settings.disk_fail_bytes:
            return CheckItem(CheckKind.DISK, "", Verdict.FAIL, Finding.DISK_FULL, figures=figures)
        if usage.free < self.settings.disk_warn_bytes:
            return CheckItem(CheckKind.DISK, "", Verdict.WARN, Finding.DISK_LOW, figures=figures)
        return CheckItem(CheckKind.DISK, "", Verdict.PASS, figures=figures)

    async def _check_cpu(self) -> CheckItem:
        """Average CPU load since the check started (a busy PC drops video frames)."""
        percent = psutil.cpu_percent(None)
        figures: Figures = {"cpu_percent": percent, "cpus": psutil.cpu_count() or 1}
        if percent >= self.settings.cpu_warn_percent:
            return CheckItem(CheckKind.CPU, "", Verdict.WARN, Finding.CPU_BUSY, figures=figures)
        return CheckItem(CheckKind.CPU, "", Verdict.PASS, figures=figures)


def _fail(
    kind: CheckKind, subject: str, finding: Finding, problem: Problem, detail: str = ""
) -> CheckItem:
    return CheckItem(kind, subject, Verdict.FAIL, finding, problem, detail or "no answer in time")


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
