"""The pre-meeting check card ("Kiểm tra trước họp"): one button, live progress, one line per item.

The check runs as an asyncio task on the GUI loop (never blocks) and can be stopped at any time.
Finding / Advice / Prompt keys from ``console.services.precheck_report`` become plain words here.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.services.precheck import CheckProgress, PreMeetingCheck
from console.services.precheck_report import (
    CheckItem,
    CheckKind,
    CheckReport,
    Verdict,
)
from drivers.observable import Unsubscribe
from drivers.video import VideoPlayer
from ui.i18n import retranslate_on_change
from ui.precheck_texts import (
    item_advice,
    item_finding,
    item_title,
    kind_text,
    prompt_text,
    verdict_text,
)
from ui.preview_peek import PeekColumn

if TYPE_CHECKING:
    from console.room import Room

_LOGGER = logging.getLogger(__name__)

CheckFactory = Callable[[], PreMeetingCheck]
# The wording of findings and advice lives in ui/precheck_texts.py (same "PrecheckCard" context).

# icon and colour per verdict: the colour is never the only signal (icons differ too)
ICONS = {
    Verdict.PASS: "✔",
    Verdict.WARN: "!",
    Verdict.FAIL: "✖",
    Verdict.NOT_APPLICABLE: "–",  # noqa: RUF001 - an en dash, not a minus
    Verdict.SKIPPED: "»",
}

CARD_STYLE = """
#precheckCard { background: #ffffff; }
#precheckTitle { font-size: 22px; font-weight: 600; }
#precheckStep { color: #3b4856; font-size: 16px; }
#precheckPrompt {
    background: #eef4fb; border: 2px solid #1f6fb2; border-radius: 10px; padding: 6px;
}
#precheckPromptText { font-size: 20px; font-weight: 600; color: #1f3f66; }
#precheckRows { background: #ffffff; }
#precheckRow { background: #ffffff; border-bottom: 1px solid #e3e8ed; }
#precheckRow[verdict="fail"] { background: #fdf3f2; }
#precheckRow[verdict="warn"] { background: #fffaf0; }
#precheckIcon { font-size: 20px; font-weight: 700; min-width: 30px; max-width: 30px; }
#precheckIcon[verdict="pass"], #precheckVerdictWord[verdict="pass"] { color: #2e9d4f; }
#precheckIcon[verdict="warn"], #precheckVerdictWord[verdict="warn"] { color: #a0740a; }
#precheckIcon[verdict="fail"], #precheckVerdictWord[verdict="fail"] { color: #c0392b; }
#precheckIcon[verdict="not_applicable"], #precheckIcon[verdict="skipped"] { color: #8a96a3; }
#precheckVerdictWord { font-size: 15px; font-weight: 600; color: #8a96a3; }
#precheckItem { font-size: 16px; font-weight: 600; }
#precheckFinding { font-size: 15px; color: #3b4856; }
#precheckFinding[verdict="fail"] { color: #8a1c12; }
#precheckAdvice { font-size: 15px; font-weight: 600; color: #1d2630; }
#precheckVerdict { border-radius: 10px; padding: 10px 14px; font-size: 19px; font-weight: 600; }
#precheckVerdict[verdict="pass"] { background: #e6f4ea; color: #1f6a36; border: 1px solid #9fd3ae; }
#precheckVerdict[verdict="warn"] { background: #fff6e0; color: #5c4300; border: 1px solid #ecd08a; }
#precheckVerdict[verdict="fail"] { background: #fdecea; color: #8a1c12; border: 1px solid #f0b6b0; }
#precheckVerdict[verdict="stopped"] {
    background: #eef2f5; color: #3b4856; border: 1px solid #d5dde5;
}
#precheckStart { font-size: 17px; font-weight: 600; min-height: 44px; padding: 6px 18px; }
"""


def camera_pictures(room: Room) -> list[tuple[str, VideoPlayer]]:
    """(name, preview player) of each camera that has a preview, in the room's order."""
    return [(s.name, room.previews[s.id]) for s in room.cameras if s.id in room.previews]


class CheckRow(QFrame):
    """One line of the result: icon, what was checked, what was found, what to do, verdict."""

    def __init__(self, item: CheckItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("precheckRow")
        self.setProperty("verdict", item.verdict.value)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.icon = self._label(ICONS[item.verdict], "precheckIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.title = self._label("", "precheckItem")
        self.finding = self._label("", "precheckFinding")
        self.advice = self._label("", "precheckAdvice")
        self.verdict = self._label("", "precheckVerdictWord")
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.retranslate()
        for label in (self.finding, self.advice):
            label.setWordWrap(True)
            label.setHidden(not label.text())
        if item.detail:
            self.setToolTip(item.detail)  # technical detail for the technician who hovers
        text = QVBoxLayout()
        text.setSpacing(2)
        for label in (self.title, self.finding, self.advice):
            text.addWidget(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 8, 10, 8)
        layout.addWidget(self.icon)
        layout.addLayout(text, 1)
        layout.addWidget(self.verdict)

    def retranslate(self) -> None:
        """Word the item in the current language."""
        item = self.item
        self.title.setText(item_title(item))
        self.finding.setText(item_finding(item))
        self.advice.setText(item_advice(item))
        self.verdict.setText(verdict_text(item.verdict))

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setProperty("verdict", self.item.verdict.value)  # colours come from the style
        return label


class PrecheckCard(QWidget):
    """Start button, live progress, guided prompt with Skip, one row per item, final verdict."""

    finished = Signal(object)  # the CheckReport

    def __init__(
        self,
        factory: CheckFactory,
        parent: QWidget | None = None,
        *,
        report_path: Path | None = None,
        pictures: Sequence[tuple[str, VideoPlayer]] = (),
    ) -> None:
        super().__init__(parent)
        self._pictures = pictures  # (camera name, its preview player): shown beside the rows
        self.setObjectName("precheckCard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(CARD_STYLE)
        self._factory = factory
        self._report_path = report_path  # the support bundle picks the last report up here
        self._check: PreMeetingCheck | None = None
        self._task: asyncio.Task[CheckReport] | None = None
        self._unsubscribe: Unsubscribe | None = None
        self.rows: list[CheckRow] = []
        self._build()
        retranslate_on_change(self, self._retranslate)

    def _build(self) -> None:
        title = QLabel(self.tr("Pre-meeting check"), self)
        title.setObjectName("precheckTitle")
        self.start_button = QPushButton(self.tr("Start the check"), self)
        self.start_button.setObjectName("precheckStart")
        self.start_button.clicked.connect(self._on_start_clicked)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(self.start_button)
        self.step_label = QLabel(self.tr("Press Start about an hour before the meeting."), self)
        self.step_label.setObjectName("precheckStep")
        self.step_label.setWordWrap(True)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, len(CheckKind))
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(10)
        self.progress_bar.hide()
        self.prompt = QFrame(self)
        self.prompt.setObjectName("precheckPrompt")
        self.prompt_label = QLabel(self.prompt)
        self.prompt_label.setObjectName("precheckPromptText")
        self.prompt_label.setWordWrap(True)
        self.skip_button = QPushButton(self.tr("Skip"), self.prompt)
        self.skip_button.clicked.connect(self._on_skip_clicked)
        prompt_layout = QHBoxLayout(self.prompt)
        prompt_layout.addWidget(self.prompt_label, 1)
        prompt_layout.addWidget(self.skip_button)
        self.prompt.hide()
        self._rows_box = QWidget(self)
        self._rows_box.setObjectName("precheckRows")
        self._rows_layout = QVBoxLayout(self._rows_box)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(0)
        self._rows_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.viewport().setAutoFillBackground(False)
        scroll.setWidget(self._rows_box)
        self.verdict_banner = QLabel(self)
        self.verdict_banner.setObjectName("precheckVerdict")
        self.verdict_banner.setWordWrap(True)
        self.verdict_banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.step_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.prompt)
        self.peeks = PeekColumn(self._pictures, self)  # the cameras' live pictures
        body = QHBoxLayout()
        body.addWidget(scroll, 1)
        body.addWidget(self.peeks)
        layout.addLayout(body, 1)
        layout.addWidget(self.verdict_banner)

    def _retranslate(self) -> None:
        """Word the rows, the prompt and the verdict again after a language switch."""
        for row in self.rows:
            row.retranslate()
        if self._check is not None and self._check.progress.value.prompt is not None:
            self.prompt_label.setText(prompt_text(self._check.progress.value.prompt))
        if self.verdict_state in {v.value for v in (Verdict.PASS, Verdict.WARN, Verdict.FAIL)}:
            self._show_verdict(Verdict(self.verdict_state))

    # -- running ------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """True while a check task is under way."""
        return self._task is not None and not self._task.done()

    @property
    def task(self) -> asyncio.Task[CheckReport] | None:
        """The running (or last) check task."""
        return self._task

    def start(self) -> asyncio.Task[CheckReport] | None:
        """Start a new check as a task (None when one is already running)."""
        if self.running:
            return None
        check = self._factory()
        self._check = check
        self._clear_rows()
        self.verdict_banner.hide()
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.start_button.setText(self.tr("Stop the check"))
        self._unsubscribe = check.progress.subscribe(self._on_progress)
        self._task = asyncio.ensure_future(check.run())
        self._task.add_done_callback(self._on_task_done)
        return self._task

    def cancel(self) -> None:
        """Stop a running check (its items so far stay on the card)."""
        if self._task is not None and not self._task.done():
            _LOGGER.info("pre-meeting check stopped by the operator")
            self._task.cancel()

    def detach(self) -> None:
        """Stop the check and stop following it (before the card goes away)."""
        self.cancel()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _on_start_clicked(self) -> None:
        if self.running:
            self.cancel()
        else:
            self.start()

    def _on_skip_clicked(self) -> None:
        if self._check is not None:
            self._check.skip_prompt()

    def _on_progress(self, progress: CheckProgress) -> None:
        if not shiboken6.isValid(self):
            return
        self._update_rows(progress.items)
        self._update_step(progress)

    def _on_task_done(self, task: asyncio.Task[CheckReport]) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if not shiboken6.isValid(self):
            return
        self.start_button.setText(self.tr("Check again"))
        self.progress_bar.hide()
        self.prompt.hide()
        if task.cancelled():
            self.step_label.setText(self.tr("The check was stopped."))
            self._show_banner("stopped", self.tr("Check stopped — press Check again to restart"))
            return
        error = task.exception()
        if error is not None:
            _LOGGER.error("pre-meeting check failed", exc_info=error)
            self.step_label.setText(self.tr("The check could not finish."))
            self._show_banner("fail", self.tr("The check could not finish — call the technician"))
            return
        report = task.result()
        self._save(report)
        self.step_label.setText(self.tr("Finished at {time}.").format(time=_clock(report)))
        self._show_verdict(report.verdict)
        self.finished.emit(report)

    def _save(self, report: CheckReport) -> None:
        if self._report_path is None:
            return
        try:
            report.save(self._report_path)
        except OSError as exc:
            _LOGGER.warning("cannot save the pre-meeting check to %s: %s", self._report_path, exc)

    # -- updaters -----------------------------------------------------------------------------
    def _update_step(self, progress: CheckProgress) -> None:
        done_kinds = {item.kind for item in progress.items}
        self.progress_bar.setValue(len(done_kinds))
        if progress.kind is not None:
            what = kind_text(progress.kind)
            if progress.subject:
                what = f"{what} {progress.subject}"
            self.step_label.setText(self.tr("Checking: {what}…").format(what=what))
        if progress.prompt is not None:
            self.prompt_label.setText(prompt_text(progress.prompt))
            self.prompt.show()
        else:
            self.prompt.hide()

    def _update_rows(self, items: tuple[CheckItem, ...]) -> None:
        for item in items[len(self.rows) :]:
            row = CheckRow(item, self._rows_box)
            self.rows.append(row)
            self._rows_layout.insertWidget(self._rows_layout.count() - 1, row)

    def _clear_rows(self) -> None:
        for row in self.rows:
            self._rows_layout.removeWidget(row)
            row.deleteLater()
        self.rows.clear()

    def _show_verdict(self, verdict: Verdict) -> None:
        texts = {
            Verdict.PASS: self.tr("✔ Everything is ready for the meeting"),
            Verdict.WARN: self.tr("! Ready, with warnings — read the lines marked !"),
            Verdict.FAIL: self.tr("✖ Not ready — follow the advice on the red lines"),
        }
        self._show_banner(verdict.value, texts.get(verdict, verdict_text(verdict)))

    def _show_banner(self, state: str, text: str) -> None:
        self.verdict_banner.setProperty("verdict", state)
        self.verdict_banner.style().unpolish(self.verdict_banner)
        self.verdict_banner.style().polish(self.verdict_banner)
        self.verdict_banner.setText(text)
        self.verdict_banner.show()

    @property
    def verdict_state(self) -> str | None:
        """The banner's state: pass / warn / fail / stopped (None while none is shown)."""
        if self.verdict_banner.isHidden():
            return None
        return str(self.verdict_banner.property("verdict"))


def _clock(report: CheckReport) -> str:
    return time.strftime("%H:%M", time.localtime(report.finished_at))


class PrecheckDialog(QDialog):
    """The card in its own window (not modal: the operator can move cameras meanwhile)."""

    def __init__(
        self,
        factory: CheckFactory,
        parent: QWidget | None = None,
        *,
        report_path: Path | None,
        pictures: Sequence[tuple[str, VideoPlayer]] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pre-meeting check"))
        self.card = PrecheckCard(factory, self, report_path=report_path, pictures=pictures)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.card)
        self.resize(960 if pictures else 640, 620)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: D102 - Qt API
        self.card.cancel()  # a closed card must not keep moving cameras
        super().closeEvent(event)

    def reject(self) -> None:  # noqa: D102 - Qt API (Esc)
        self.card.cancel()
        super().reject()
