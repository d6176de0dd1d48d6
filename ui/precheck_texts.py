"""The pre-meeting check's findings, advice and prompts in plain, translated words.

``console.services.precheck_report`` reports keys (Finding, Advice, Prompt, Verdict); the card
(``ui/precheck_card.py``) shows them through these functions. Linguist reads the literal
``QCoreApplication.translate("PrecheckCard", ...)`` calls, so the context stays the card's.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from console.services.precheck_report import (
    Advice,
    CheckItem,
    CheckKind,
    Finding,
    Prompt,
    Verdict,
)


def verdict_text(verdict: Verdict) -> str:
    """Short word for a verdict."""
    return {
        Verdict.PASS: QCoreApplication.translate("PrecheckCard", "Pass"),
        Verdict.WARN: QCoreApplication.translate("PrecheckCard", "Warning"),
        Verdict.FAIL: QCoreApplication.translate("PrecheckCard", "Fail"),
        Verdict.NOT_APPLICABLE: QCoreApplication.translate("PrecheckCard", "Not in this room"),
        Verdict.SKIPPED: QCoreApplication.translate("PrecheckCard", "Skipped"),
    }[verdict]


def kind_text(kind: CheckKind) -> str:
    """Name of what an item checks."""
    return {
        CheckKind.CAMERA: QCoreApplication.translate("PrecheckCard", "Camera"),
        CheckKind.MIXER: QCoreApplication.translate("PrecheckCard", "Mixer"),
        CheckKind.MICROPHONE: QCoreApplication.translate("PrecheckCard", "Microphone"),
        CheckKind.CODEC: QCoreApplication.translate("PrecheckCard", "Codec"),
        CheckKind.BRIDGE_PATH: QCoreApplication.translate("PrecheckCard", "Link to the bridge"),
        CheckKind.DISK: QCoreApplication.translate("PrecheckCard", "Disk space"),
        CheckKind.CPU: QCoreApplication.translate("PrecheckCard", "Computer load"),
    }[kind]


def finding_text(finding: Finding) -> str:
    """Return what was found, in plain words ('' for nothing to report)."""
    texts = {
        Finding.CAMERA_NOT_ANSWERING: QCoreApplication.translate(
            "PrecheckCard", "The camera does not answer"
        ),
        Finding.CAMERA_PRESET_NOT_REACHED: QCoreApplication.translate(
            "PrecheckCard", "The camera did not reach the meeting shot"
        ),
        Finding.CAMERA_UNVERIFIED: QCoreApplication.translate(
            "PrecheckCard", "The camera cannot report back (one-way cable)"
        ),
        Finding.MIXER_NOT_ANSWERING: QCoreApplication.translate(
            "PrecheckCard", "The mixer does not answer"
        ),
        Finding.NO_MICROPHONE_SIGNAL: QCoreApplication.translate(
            "PrecheckCard", "No sound from the lectern microphone"
        ),
        Finding.CODEC_NOT_READY: QCoreApplication.translate(
            "PrecheckCard", "The codec is not ready"
        ),
        Finding.CODEC_NOT_REGISTERED: QCoreApplication.translate(
            "PrecheckCard", "The codec is not registered with the server"
        ),
        Finding.CODEC_REGISTRATION_UNKNOWN: QCoreApplication.translate(
            "PrecheckCard", "Registration not confirmed yet"
        ),
        Finding.BRIDGE_UNREACHABLE: QCoreApplication.translate(
            "PrecheckCard", "The bridge cannot be reached"
        ),
        Finding.BRIDGE_PATH_FAIR: QCoreApplication.translate("PrecheckCard", "The link is fair"),
        Finding.BRIDGE_PATH_POOR: QCoreApplication.translate("PrecheckCard", "The link is poor"),
        Finding.DISK_LOW: QCoreApplication.translate("PrecheckCard", "Disk almost full"),
        Finding.DISK_FULL: QCoreApplication.translate("PrecheckCard", "Disk full"),
        Finding.CPU_BUSY: QCoreApplication.translate("PrecheckCard", "The computer is busy"),
        Finding.SKIPPED_BY_OPERATOR: QCoreApplication.translate(
            "PrecheckCard", "Skipped by the operator"
        ),
    }
    return texts.get(finding, "")


def advice_text(advice: Advice) -> str:
    """Return what to do, in plain words ('' when nothing)."""
    texts = {
        Advice.CHECK_CABLE_AND_POWER: QCoreApplication.translate(
            "PrecheckCard", "Check the cable and the power"
        ),
        Advice.CHECK_PRESET: QCoreApplication.translate(
            "PrecheckCard", "Save the meeting shot again or move the camera by hand"
        ),
        Advice.CHECK_MICROPHONE: QCoreApplication.translate(
            "PrecheckCard", "Check the microphone is on and plugged in, then speak again"
        ),
        Advice.RESTART_CODEC: QCoreApplication.translate("PrecheckCard", "Restart the codec"),
        Advice.CALL_TECHNICIAN: QCoreApplication.translate("PrecheckCard", "Call the technician"),
        Advice.CHECK_NETWORK: QCoreApplication.translate(
            "PrecheckCard", "Check the network cable and the router; call the provider"
        ),
        Advice.REDUCE_NETWORK_USE: QCoreApplication.translate(
            "PrecheckCard", "Stop downloads and video streaming on this line"
        ),
        Advice.FREE_DISK_SPACE: QCoreApplication.translate("PrecheckCard", "Free some disk space"),
        Advice.CLOSE_PROGRAMS: QCoreApplication.translate("PrecheckCard", "Close other programs"),
    }
    return texts.get(advice, "")


def prompt_text(prompt: Prompt) -> str:
    """Return the request shown to the operator during a guided step."""
    return {
        Prompt.SAY_MOT_HAI_BA: QCoreApplication.translate(
            "PrecheckCard", 'Please say "một, hai, ba" into the lectern microphone'
        ),
    }[prompt]


def item_title(item: CheckItem) -> str:
    """Return 'Camera: Cam 1': what was checked."""
    what = kind_text(item.kind)
    return f"{what}: {item.subject}" if item.subject else what


def item_finding(item: CheckItem) -> str:
    """Return 'The camera does not answer' ('' for a plain pass or a device not in the room)."""
    if item.verdict is Verdict.NOT_APPLICABLE:
        return ""
    parts = [finding_text(item.finding), link_figures(item)]
    return " — ".join(part for part in parts if part)


def link_figures(item: CheckItem) -> str:
    """Return 'packet loss 2.5 %, delay 40 ms, jitter 6 ms' for a measured link, else ''."""
    figures = item.figures
    if item.kind is not CheckKind.BRIDGE_PATH or figures.get("rtt_median_ms") is None:
        return ""
    return QCoreApplication.translate(
        "PrecheckCard", "packet loss {loss} %, delay {rtt} ms, jitter {jitter} ms"
    ).format(
        loss=_figure(figures.get("loss_percent")),
        rtt=_figure(figures.get("rtt_median_ms")),
        jitter=_figure(figures.get("jitter_ms")),
    )


def _figure(value: object) -> str:
    """Return a measured figure in the interface's number format ("30,7" in Vietnamese)."""
    if not isinstance(value, int | float):
        return "–"  # noqa: RUF001 - an en dash: not measured
    decimals = 1 if abs(value) < 100 else 0
    return QLocale().toString(float(value), "f", decimals)


def item_advice(item: CheckItem) -> str:
    """Return 'What to do: check the cable and the power' ('' when nothing is to be done)."""
    text = advice_text(item.advice) if item.verdict is not Verdict.NOT_APPLICABLE else ""
    if not text:
        return ""
    return QCoreApplication.translate("PrecheckCard", "What to do: {advice}").format(advice=text)
