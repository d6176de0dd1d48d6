"""What a join or leave step is doing, in plain words (the call panel and the event log)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.services.steps import JoinStep


def step_text(step: JoinStep | None) -> str:
    """Return e.g. "dialling" for ``step`` ('' for none)."""
    if step is None:
        return ""
    texts = {
        JoinStep.WAKE: QCoreApplication.translate("JoinWords", "waking the codec and cameras"),
        JoinStep.CAMERAS: QCoreApplication.translate("JoinWords", "cameras to the meeting shot"),
        JoinStep.AUDIO: QCoreApplication.translate("JoinWords", "setting the microphones"),
        JoinStep.DIAL: QCoreApplication.translate("JoinWords", "dialling"),
        JoinStep.CONNECT: QCoreApplication.translate(
            "JoinWords", "waiting for the bridge to answer"
        ),
        JoinStep.CONFERENCE: QCoreApplication.translate(
            "JoinWords", "entering the meeting ID and PIN"
        ),
        JoinStep.MEDIA: QCoreApplication.translate("JoinWords", "checking that sound arrives"),
        JoinStep.BROWSER: QCoreApplication.translate(
            "JoinWords", "opening the meeting in the browser"
        ),
        JoinStep.HANGUP: QCoreApplication.translate("JoinWords", "hanging up"),
        JoinStep.MICROPHONES: QCoreApplication.translate("JoinWords", "muting the microphones"),
        JoinStep.STANDBY: QCoreApplication.translate("JoinWords", "cameras to rest"),
    }
    return texts.get(step, "")
