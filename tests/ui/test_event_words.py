"""The event log in plain words: every known log line, its English and Vietnamese, a real run.

Each case names the file that logs the line and its exact format string; the raw line is built
from that format string, and a test fails when the string is no longer in the file (someone
reworded the log line: update ``ui/event_words.py`` too). Another test scans drivers/, console/
and ui/ for log calls and fails on a line that is neither worded here nor listed as technical.
"""

from __future__ import annotations

import ast
import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_polling import until

from console.eventlog import EventLog, install_logging
from console.schedule import EventKind
from console.services.precheck_report import CheckKind, Finding, Verdict
from console.services.steps import JoinStep
from drivers.errors import Problem
from drivers.video.source import PlayerState
from ui.event_words import RULES, plain_event
from ui.i18n import current_language, switch_language
from ui.log_view import MESSAGE_COLUMN, EventLogView

REPO = Path(__file__).resolve().parents[2]
LEVELS = {"info", "warning", "error", "exception", "critical"}


@dataclass(frozen=True)
class Case:
    """One log call: where, which logger, its format and sample args, and the words shown."""

    file: str
    logger: str
    fmt: str
    args: tuple[object, ...]
    english: str
    vietnamese: str

    @property
    def raw(self) -> str:
        """Return the line exactly as ``logging`` renders it."""
        return self.fmt % self.args if self.args else self.fmt


PLAYER = ("drivers/video/player.py", "drivers.video.player")
HOTMIC = ("console/hotmic.py", "console.hotmic")
AUDIO = ("console/services/audio_state.py", "console.services.audio_state")
CALL_PANEL = ("ui/call_panel.py", "ui.call_panel")
ROOM = ("console/room.py", "console.room")
JOIN = ("console/services/join.py", "console.services.join")
ACCESS = ("console/access.py", "console.access")
BARESIP = ("drivers/baresip/codec.py", "drivers.baresip.codec")
PROCESS = ("drivers/baresip/process.py", "drivers.baresip.process")
VISCA = ("drivers/visca/camera.py", "drivers.visca.camera")
MIXER = ("drivers/x32/mixer.py", "drivers.x32.mixer")
SCHEDULE = ("console/schedule.py", "console.schedule")
MEETING = dt.datetime(2026, 11, 24, 7, 30)

CASES = [
    Case(*PLAYER, "%s: %s %s", ("Sân khấu", PlayerState.PLAYING.value, ""),
         "Preview Sân khấu: playing", "Xem trước Sân khấu: đang phát"),
    Case(*PLAYER, "%s: %s %s", ("far end", PlayerState.CONNECTING.value, ""),
         "Preview far end: connecting…", "Xem trước điểm cầu bên kia: đang kết nối…"),
    Case(*PLAYER, "%s: %s %s", ("Hội trường", PlayerState.STALLED.value, ""),
         "Preview Hội trường: picture stalled", "Xem trước Hội trường: hình bị đứng"),
    Case(*PLAYER, "%s: %s %s", ("Sân khấu", PlayerState.NO_SIGNAL.value, "no frame for 5 s"),
         "Preview Sân khấu: no signal — trying again",
         "Xem trước Sân khấu: mất tín hiệu — đang thử lại"),
    Case(*PLAYER, "%s: %s %s", ("Sân khấu", PlayerState.ERROR.value, "401 Unauthorized"),
         "Preview Sân khấu: cannot be shown", "Xem trước Sân khấu: không hiển thị được"),
    Case(*PLAYER, "%s: %s %s", ("Sân khấu", PlayerState.IDLE.value, ""),
         "Preview Sân khấu: stopped", "Xem trước Sân khấu: đã dừng"),
    Case(*PLAYER, "%s: %s", ("Sân khấu", "libVLC is not installed"),
         "Preview Sân khấu: cannot be shown", "Xem trước Sân khấu: không hiển thị được"),
    Case(*ROOM, "%s: unavailable (%s): %s", ("Máy quay 1", Problem.NOT_ANSWERING, "timeout"),
         "Máy quay 1 is not answering — check the cable and the device's power",
         "Máy quay 1 không phản hồi — kiểm tra cáp và nguồn"),
    Case(*ROOM, "%s: available again", ("Máy quay 1",),
         "Máy quay 1 is working again", "Máy quay 1 đã hoạt động trở lại"),
    Case(*ROOM, "%s: cannot start: %s", ("Codec", "no such port"),
         "Codec could not be started", "Không khởi động được Codec"),
    Case(*ROOM, "room: not every camera confirmed stop within %.1f s", (2.0,),
         "Not every camera confirmed that it stopped", "Có máy quay chưa báo đã dừng"),
    Case("console/setup.py", "console.setup", "%s: %s", ("Máy quay 1", "port missing"),
         "Máy quay 1 could not be set up", "Không thiết lập được Máy quay 1"),
    Case("drivers/cisco/link.py", "drivers.cisco.link", "%s: online", ("Codec",),
         "Codec is ready", "Codec đã sẵn sàng"),
    Case("drivers/cisco/link.py", "drivers.cisco.link", "%s: offline: %s", ("Codec", "EOF"),
         "Codec is not answering", "Codec không phản hồi"),
    Case(*BARESIP, "%s: baresip online", ("Demo bridge",),
         "Demo bridge is ready", "Demo bridge đã sẵn sàng"),
    Case(*BARESIP, "%s: baresip offline: %s", ("Demo bridge", "socket closed"),
         "Demo bridge is not answering", "Demo bridge không phản hồi"),
    Case(*BARESIP, "%s: call ended: %s", ("Codec phòng họp", "Connection reset by user"),
         "Codec phòng họp: the call ended", "Codec phòng họp: cuộc gọi đã kết thúc"),
    Case(*PROCESS, "%s: baresip started (pid %d)", ("Codec phòng họp", 4242),
         "Codec phòng họp: the call program started",
         "Codec phòng họp: chương trình gọi đã khởi động"),
    Case(*PROCESS, "%s: baresip exited with %s; restarting", ("Codec phòng họp", -9),
         "Codec phòng họp: the call program stopped — restarting it",
         "Codec phòng họp: chương trình gọi bị dừng — đang khởi động lại"),
    Case(*VISCA, "%s: not answering on %s", ("Sân khấu", "tcp:127.0.0.1:5678"),
         "Sân khấu is not answering", "Sân khấu không phản hồi"),
    Case(*VISCA, "%s: answering again", ("Sân khấu",),
         "Sân khấu is answering again", "Sân khấu đã phản hồi trở lại"),
    Case("drivers/visca/link.py", "drivers.visca.link", "%s: link down (%s): %s",
         ("tcp:127.0.0.1:5678", Problem.CONNECTION_REFUSED.value, "refused"),
         "Camera connection tcp:127.0.0.1:5678 is lost",
         "Mất đường nối máy quay tcp:127.0.0.1:5678"),
    Case(*MIXER, "%s: desk answering at %s:%d", ("Bàn trộn âm thanh", "127.0.0.1", 33455),
         "Bàn trộn âm thanh is ready", "Bàn trộn âm thanh đã sẵn sàng"),
    Case(*MIXER, "%s: desk silent for %.1f s, offline", ("Bàn trộn âm thanh", 3.0),
         "Bàn trộn âm thanh is not answering", "Bàn trộn âm thanh không phản hồi"),
    Case("console/presets.py", "console.presets", "%s: switching on from standby for preset %d",
         ("Sân khấu", 2), "Sân khấu: switched on from standby for preset shot 2",
         "Sân khấu: bật từ chế độ chờ để chuyển đến góc máy 2"),
    Case(*HOTMIC, "hot mic: %s speaking while muted %s", ("Chủ tọa", "at the desk"),
         "Chủ tọa: someone is speaking into a microphone muted at the desk",
         "Chủ tọa: có người đang nói vào micro đang tắt ở bàn trộn"),
    Case(*HOTMIC, "hot mic: %s speaking while muted %s", ("Chủ tọa, Khách", "in the meeting"),
         "Chủ tọa, Khách: someone is speaking while the room is muted in the meeting",
         "Chủ tọa, Khách: có người đang nói trong khi phòng đang tắt micro trong cuộc họp"),
    Case(*HOTMIC, "hot mic: %s speaking while muted %s",
         ("Chủ tọa", "at the desk and in the meeting"),
         "Chủ tọa: someone is speaking into a microphone muted at the desk and in the meeting",
         "Chủ tọa: có người đang nói vào micro đang tắt ở bàn trộn và trong cuộc họp"),
    Case("ui/audio_panel.py", "ui.audio_panel",
         "hot mic: the operator opens the muted microphones from the warning", (),
         "The operator opened the muted microphones from the warning",
         "Người vận hành đã bật các micro đang tắt từ cảnh báo"),
    Case(*AUDIO, "%s: mute all (were open: %s)", ("Bàn trộn", "Chủ tọa, Khách"),
         "Bàn trộn: all microphones muted (on before: Chủ tọa, Khách)",
         "Bàn trộn: đã tắt tất cả micro (trước đó đang bật: Chủ tọa, Khách)"),
    Case(*AUDIO, "%s: mute all again: every microphone was already muted", ("Bàn trộn",),
         "Bàn trộn: all microphones muted again (they already were)",
         "Bàn trộn: tắt tất cả micro lần nữa (tất cả đã tắt sẵn)"),
    Case(*AUDIO, "%s: restore microphones: nothing to restore", ("Bàn trộn",),
         "Bàn trộn: no microphones to restore", "Bàn trộn: không có micro nào để khôi phục"),
    Case(*AUDIO, "%s: restore microphones (opening %s)", ("Bàn trộn", "Chủ tọa"),
         "Bàn trộn: microphones restored (Chủ tọa on again)",
         "Bàn trộn: đã khôi phục micro (bật lại Chủ tọa)"),
    Case(*CALL_PANEL,
         "meeting button: press ignored, %.1f s after it changed to %s or was pressed",
         (0.3, "cancel"), "A press on the meeting button was ignored (it had just changed)",
         "Đã bỏ qua một lần bấm nút cuộc họp (nút vừa đổi)"),
    Case(*CALL_PANEL, "meeting button: the operator leaves the meeting", (),
         "The operator confirmed leaving the meeting",
         "Người vận hành đã xác nhận rời cuộc họp"),
    Case(*CALL_PANEL, "meeting button: the operator chose to stay in the meeting", (),
         "The operator chose to stay in the meeting", "Người vận hành đã chọn ở lại cuộc họp"),
    Case("ui/main_window.py", "ui.main_window",
         "window: closed during a meeting, as the operator confirmed", (),
         "Room Console closed during a meeting (confirmed)",
         "Đã đóng Room Console khi đang họp (đã xác nhận)"),
    Case("ui/main_window.py", "ui.main_window",
         "window: the operator kept the window open during the meeting", (),
         "Room Console stays open: the meeting goes on",
         "Room Console vẫn mở: cuộc họp tiếp tục"),
    Case(*JOIN, "joined %s", ("demo",), "In the meeting (demo)", "Đã vào cuộc họp (demo)"),
    Case(*JOIN, "join %s cancelled by the operator", ("demo",),
         "Joining (demo) stopped by the operator", "Người vận hành đã dừng vào họp (demo)"),
    Case(*JOIN, "join %s failed at %s: %s (%s)",
         ("demo", JoinStep.DIAL, Problem.CONNECTION_REFUSED, "503"),
         "Joining (demo) failed while dialling",
         "Vào họp (demo) không thành công ở bước: đang gọi"),
    Case(*JOIN, "join %s: %s: %s", ("demo", JoinStep.CAMERAS, "not answering"),
         "Joining (demo): a problem while cameras to the meeting shot",
         "Vào họp (demo): có trục trặc ở bước: đưa máy quay về góc máy họp"),
    Case("console/services/leave.py", "console.services.leave", "leave: %s: %s (%s)",
         (JoinStep.MICROPHONES, Problem.NOT_ANSWERING, "timeout"),
         "Leaving the meeting: a problem while muting the microphones",
         "Rời cuộc họp: có trục trặc ở bước: đang tắt micro"),
    Case("console/services/precheck.py", "console.services.precheck", "pre-meeting check: %s %s",
         (Verdict.PASS, '{"verdict": "pass"}'),
         "Pre-meeting check finished: Pass", "Kiểm tra trước họp xong: Đạt"),
    Case("console/services/precheck.py", "console.services.precheck", "check %s %s: %s (%s) %s",
         (CheckKind.CAMERA, "Sân khấu", Verdict.FAIL, Finding.CAMERA_NOT_ANSWERING, "timeout"),
         "Check Camera Sân khấu: Fail — The camera does not answer",
         "Kiểm tra Máy quay Sân khấu: Lỗi — Máy quay không phản hồi"),
    Case(*SCHEDULE, "schedule: %s for %s at %s", (EventKind.REMINDER, "giao-ban", MEETING),
         "Reminder: giao-ban starts at 07:30", "Nhắc lịch: giao-ban bắt đầu lúc 07:30"),
    Case(*SCHEDULE, "schedule: %s for %s at %s", (EventKind.JOIN_PROMPT, "giao-ban", MEETING),
         "Time to join: giao-ban at 07:30", "Đến giờ tham gia: giao-ban lúc 07:30"),
    Case(*SCHEDULE, "schedule: %s for %s at %s", (EventKind.AUTO_JOIN, "giao-ban", MEETING),
         "Joining automatically: giao-ban at 07:30", "Tự động tham gia: giao-ban lúc 07:30"),
    Case("console/presets.py", "console.presets", "%s: saved preset %d %r",
         ("Sân khấu", 2, "Chủ tọa"),
         "Sân khấu: preset shot 2 saved", "Sân khấu: đã lưu góc máy 2"),
    Case("console/support_bundle.py", "console.support_bundle", "support bundle written to %s",
         ("/tmp/hotro.zip",), "Support file saved: /tmp/hotro.zip",
         "Đã lưu tệp hỗ trợ: /tmp/hotro.zip"),
    Case(*ACCESS, "technician mode entered", (), "Technician mode on", "Đã vào chế độ kỹ thuật"),
    Case(*ACCESS, "technician PIN wrong %d times: locked for %.0f s", (5, 60.0),
         "Wrong technician PIN 5 times — locked for 60 s",
         "Sai mã PIN kỹ thuật 5 lần — tạm khoá 60 giây"),
    Case("console/demo.py", "console.demo", "demo: cameras at %s",
         ("visca-ip:127.0.0.1:42196",),
         "Training mode: simulated cameras at visca-ip:127.0.0.1:42196",
         "Chế độ tập huấn: máy quay mô phỏng tại visca-ip:127.0.0.1:42196"),
    Case("console/netprobe.py", "console.netprobe", "path %s: unreachable (%s): %s",
         ("127.0.0.1", Problem.CONNECTION_REFUSED, "refused"),
         "127.0.0.1 cannot be reached", "Không kết nối được tới 127.0.0.1"),
    Case("ui/camera_panel.py", "ui.camera_panel", "%s: stopping all motion", ("Sân khấu",),
         "Sân khấu: stopping all movement", "Sân khấu: dừng mọi chuyển động"),
]  # fmt: skip

# log lines left as they are on purpose: for the technician (tooltip and log file say enough)
TECHNICAL = {
    # the headless service (roomctl run) writes only to the log file, for technicians
    ("console/cli/run.py", "%s: not online yet; the room runs anyway"),
    ("console/cli/run.py", "call health: %s%s"),
    ("console/cli/run.py", "cannot save the pre-meeting check: %s"),
    ("console/cli/run.py", "room %s running without a window"),
    ("console/cli/run.py", "schedule: nobody to ask to join %s (auto-join joins)"),
    ("console/cli/run.py", "schedule: pre-meeting check skipped: the room is joining or in a call"),
    ("console/cli/run.py", "stopping: leaving any call, then closing the devices"),
    # TODO(issue 12, event codes): word these runtime lines for the operator's event log
    ("console/runtime.py", "join: %s not started, a join is already running"),
    ("console/runtime.py", "join: no bridge %s in the profile"),
    ("console/runtime.py", "left the meeting (%d warnings)"),
    ("console/runtime.py", "runtime: closer %r failed"),
    ("console/runtime.py", "schedule: joining %s automatically"),
    ("drivers/visca/emulator_transports.py", "emulator %s: port is back"),
    (
        "drivers/visca/emulator_transports.py",
        "emulator %s: port lost (%s); reopening when it is back",
    ),
    ("ui/status_bar.py", "shown in the status bar: %s"),  # the message itself was worded
    # failures whose details are for a technician; the status light or dialog words them
    ("console/access.py", "technician PIN hash cannot be checked: %s"),
    ("console/config/loader.py", "profile: TOML parser failed on %s"),
    ("console/config/loader.py", "profile: cannot copy %s to %s (%s); using %s"),
    ("console/config/loader.py", "profile: validating %s failed"),
    ("console/room.py", "%s: cannot start"),
    ("console/setup.py", "%s: cannot create the driver"),
    ("drivers/baresip/ctrl.py", "%s: ctrl_tcp reader failed"),
    ("drivers/cisco/link.py", "%s: reader cancelled; reconnecting"),
    ("drivers/cisco/link.py", "%s: reader failed; reconnecting"),
    ("drivers/cisco/link.py", "%s: session set-up failed"),
    ("drivers/readers.py", "%s: task %s; restarting in %.1f s"),
    ("drivers/readers.py", "%s: task failed, restarting"),
    ("ui/app.py", "the room could not start with %s"),
    ("ui/technician.py", "technician PIN not saved: %s"),
    ("drivers/cisco/ssh.py", "%s: SSH host key not checked (no known_hosts file given)"),
    ("drivers/observable.py", "subscriber %r failed"),
    ("drivers/video/backends.py", "libVLC cannot open %s:// here; using PyAV for %s"),
    ("drivers/video/vlc_backend.py", "libVLC RTSP support (live555 plugin in %s): %s"),
    ("drivers/visca/bus.py", "%s: camera %d reports a network change"),
    ("drivers/visca/emulator.py", "VISCA emulator ready: controllers connect to %s"),
    ("drivers/visca/link_ip.py", "%s: camera rejected the message type (seq %d)"),
    ("drivers/x32/mixer.py", "%s: %s"),
    ("console/echo_peer.py", "echo peer listening on %s:%d"),
    ("console/netprobe.py", "path %s: %s failed, trying the next method"),
    ("console/presets.py", "%s: preset %d is gone, thumbnail not kept"),
    ("console/profile_edit.py", "%s: connection test: %s"),
    ("console/profile_edit.py", "%s: closing after the connection test failed: %s"),
    ("console/schedule.py", "schedule subscriber %r failed"),
    ("console/setup.py", "codec: no keyring for the codec password: %s"),
    ("console/thumbnails.py", "thumbnail %s saved"),
    ("console/thumbnails.py", "thumbnail %s unreadable: %s"),
    ("ui/app.py", "signal %d: closing"),
    ("ui/help_action.py", "cannot open the folder of %s"),
    ("ui/i18n.py", "cannot compile %s into %s: %s"),
    ("ui/off_preset.py", "%s: preset %d check failed"),
    ("ui/off_preset.py", "%s: cannot store thumbnail: %s"),
    ("ui/precheck_card.py", "cannot save the pre-meeting check to %s: %s"),
    ("ui/settings_editor.py", "settings: cannot read %s, editing the running profile: %s"),
    ("ui/settings_forms/sections.py", "settings form: edit not applied: %s"),
}

# worded by a rule, but not in CASES above (one sample each is enough for the table's shape)
WORDED_ELSEWHERE = {
    ("drivers/baresip/codec.py", "%s: could not mute the new call: %s"),
    ("drivers/baresip/process.py", "%s: baresip (pid %d) did not exit"),
    ("drivers/video/training.py", "training video: cameras %s, far end %s"),
    ("drivers/visca/bus.py", "%s: %d camera(s) on the chain"),
    ("drivers/visca/camera.py", "%s: link is back; stopping the motion it was doing"),
    ("drivers/visca/camera.py", "%s: stop not confirmed: %s"),
    ("drivers/visca/emulator.py", "emulating %d VISCA camera(s) on %s"),
    ("drivers/visca/link.py", "%s: link is back"),
    ("drivers/x32/emulator.py", "emulated %s listening on %s"),
    ("console/access.py", "technician PIN %s"),
    ("console/access.py", "technician mode entered: no technician PIN is set"),
    ("console/access.py", "technician PIN wrong (%d in a row)"),
    ("console/access.py", "technician mode left"),
    ("console/config/codec.py", "PIN of bridge %s stored in the keyring"),
    ("console/config/loader.py", "loaded profile %s (schema_version %d)"),
    ("console/config/loader.py", "saved profile %s"),
    ("console/config/loader.py", "saved profile text %s"),
    ("console/config/loader.py", "profile: first start for this user, copied %s to %s"),
    ("console/config/migrations.py", "upgrading profile from schema_version %d to %d"),
    ("console/eventlog.py", "logging to %s"),
    ("console/netprobe.py", "path %s: %d/%d answered, rtt median %.1f p95 %.1f jitter %.1f ms"),
    ("console/profile_edit.py", "exported profile to %s"),
    ("console/profile_edit.py", "imported profile from %s"),
    ("console/room.py", "%s: degraded (%s): %s"),
    ("console/room.py", "cannot save presets to %s: %s"),
    ("console/room.py", "%s: error while closing: %s"),
    ("console/services/demo_call.py",
     "baresip not installed: the demo uses the Cisco emulator as its codec"),
    ("console/services/join.py", "join %s: hang-up after failure did not complete: %r"),
    ("ui/app.py", "profile unusable, opening in repair mode: %s"),
    ("ui/device_calls.py", "%s: command failed: %s"),
    ("ui/device_calls.py", "%s: unexpected error"),
    ("ui/help_action.py", "cannot write the support bundle to %s: %s"),
    ("ui/i18n.py", "interface language: %s"),
    ("ui/language_choice.py", "interface language chosen: %s"),
    ("ui/off_preset.py", "%s: picture differs from preset %d (%.2f > %.2f)"),
    ("ui/precheck_card.py", "pre-meeting check stopped by the operator"),
    ("ui/precheck_card.py", "pre-meeting check failed"),
    ("ui/preset_grid.py", "%s: rename of preset %s failed: %s"),
    ("ui/settings_editor.py", "%s: connection test failed"),
    ("ui/settings_editor.py", "settings: saving %s failed: %s"),
}  # fmt: skip


def logged_formats() -> set[tuple[str, str]]:
    """Every ``_LOGGER.info/warning/error(...)`` format string in drivers/, console/ and ui/."""
    found: set[tuple[str, str]] = set()
    for folder in ("drivers", "console", "ui"):
        for path in sorted((REPO / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                if _is_log_call(node):
                    assert isinstance(node, ast.Call) and isinstance(node.args[0], ast.Constant)
                    found.add((path.relative_to(REPO).as_posix(), str(node.args[0].value)))
    return found


def _is_log_call(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in LEVELS
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "_LOGGER"
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    )


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    before = current_language()
    switch_language(qapp, "vi")
    try:
        yield
    finally:
        switch_language(qapp, before)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.raw[:40])
def test_a_known_line_reads_as_plain_english(case: Case) -> None:
    assert plain_event(case.logger, case.raw) == case.english


def test_every_known_line_reads_as_plain_vietnamese(vietnamese: None) -> None:
    wrong = {c.raw: plain_event(c.logger, c.raw) for c in CASES}
    assert wrong == {c.raw: c.vietnamese for c in CASES}


def test_the_format_strings_are_still_logged_as_written() -> None:
    """A reworded log line fails here: update its rule in ui/event_words.py and this table."""
    listed = {(c.file, c.fmt) for c in CASES} | TECHNICAL | WORDED_ELSEWHERE
    stale = [
        (file, fmt)
        for file, fmt in sorted(listed)
        if f'"{fmt}"' not in (REPO / file).read_text(encoding="utf-8")
    ]
    assert stale == [], "\n".join(map(str, stale))


def test_every_log_line_is_worded_or_known_as_technical() -> None:
    """A new log line fails here until it has a rule (or is listed as technical)."""
    listed = {(c.file, c.fmt) for c in CASES} | TECHNICAL | WORDED_ELSEWHERE
    missing = sorted(logged_formats() - listed)
    assert missing == [], "\n".join(map(str, missing))


def test_the_lines_said_to_be_worded_have_a_rule() -> None:
    samples = {
        "drivers.visca.bus": "tcp:127.0.0.1:5678: 2 camera(s) on the chain",
        "drivers.x32.emulator": "emulated X32 listening on 127.0.0.1:10023",
        "console.config.loader": "profile: first start for this user, copied /a.toml to /b.toml",
        "console.netprobe": "path 127.0.0.1: 4/5 answered, rtt median 1.2 p95 2.0 jitter 0.3 ms",
        "ui.language_choice": "interface language chosen: vi",
        "ui.off_preset": "cam1: picture differs from preset 2 (0.40 > 0.25)",
    }
    worded = {source: plain_event(source, raw) for source, raw in samples.items()}
    assert worded == {
        "drivers.visca.bus": "Camera connection tcp:127.0.0.1:5678: 2 camera(s) found",
        "drivers.x32.emulator": "Training mode: simulated X32 mixer at 127.0.0.1:10023",
        "console.config.loader": "First start for this user: room setup copied to /b.toml",
        "console.netprobe": "Link to 127.0.0.1: 4 of 5 answered, delay 1.2 ms",
        "ui.language_choice": "Interface language: vi",
        "ui.off_preset": "cam1: the picture differs from preset shot 2",
    }


def test_unknown_lines_come_back_unchanged() -> None:
    assert plain_event("tests.ui", "something odd: 42") == "something odd: 42"
    # a known line from another logger is not the same event
    assert plain_event("tests.ui", "joined demo") == "joined demo"
    # a value the enums do not know: the raw line, not a half-worded one
    raw = "join demo failed at teleporting: unknown (?)"
    assert plain_event("console.services.join", raw) == raw


def test_rules_are_checked_in_order_and_all_compile() -> None:
    assert all(rule.pattern.pattern.startswith("^") for rule in RULES)
    assert RULES[0].applies("drivers.video.player")
    assert not RULES[0].applies("drivers.video.player_extra")


@pytest.fixture
def installed() -> Iterator[EventLog]:
    setup = install_logging(to_file=False)
    try:
        yield setup.event_log
    finally:
        setup.uninstall()


def cells(view: EventLogView) -> list[tuple[str, str]]:
    """Device and message of every row shown."""
    model = view.model
    return [
        (model.index(row, 1).data(), model.index(row, MESSAGE_COLUMN).data())
        for row in range(model.rowCount())
    ]


async def test_a_real_run_shows_plain_words_and_keeps_the_raw_line(
    qtbot: QtBot, qapp: QApplication, installed: EventLog
) -> None:
    installed.clear()  # "logging to memory only" is not what this test is about
    view = EventLogView(installed)
    qtbot.addWidget(view)
    view.show()
    # exactly as the player, the mixer and the hot-mic watch log
    logging.getLogger("drivers.video.player").info(
        "%s: %s %s", "Sân khấu", PlayerState.PLAYING.value, ""
    )
    logging.getLogger("drivers.x32.mixer").info(
        "%s: desk answering at %s:%d", "Bàn trộn âm thanh", "127.0.0.1", 33455
    )
    logging.getLogger("console.hotmic").info(
        "hot mic: %s speaking while muted %s", "Chair", "at the desk"
    )
    await until(lambda: view.model.rowCount() == 3)
    assert cells(view) == [
        ("Sân khấu", "Preview Sân khấu: playing"),
        ("Bàn trộn âm thanh", "Bàn trộn âm thanh is ready"),
        ("", "Chair: someone is speaking into a microphone muted at the desk"),
    ]
    tooltip = view.model.index(1, MESSAGE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Bàn trộn âm thanh: desk answering at 127.0.0.1:33455\n[drivers.x32.mixer]"
    before = current_language()
    try:
        switch_language(qapp, "vi")
        assert cells(view)[0] == ("Sân khấu", "Xem trước Sân khấu: đang phát")
        view.text_filter.setText("xem trước")  # the plain words are searched ...
        assert cells(view) == [("Sân khấu", "Xem trước Sân khấu: đang phát")]
        view.text_filter.setText("desk answering")  # ... and so is the raw line
        assert cells(view) == [("Bàn trộn âm thanh", "Bàn trộn âm thanh đã sẵn sàng")]
    finally:
        switch_language(qapp, before)
    view.text_filter.clear()
    view.set_technician(True)  # the technician reads the line as logged
    assert cells(view)[0] == ("Sân khấu", "Sân khấu: playing ")
    view.set_technician(False)
    assert cells(view)[0] == ("Sân khấu", "Preview Sân khấu: playing")


async def test_the_far_end_preview_is_named_in_the_operators_language(
    qtbot: QtBot, qapp: QApplication, installed: EventLog
) -> None:
    installed.clear()
    view = EventLogView(installed)
    qtbot.addWidget(view)
    view.show()
    logging.getLogger("drivers.video.player").info(
        "%s: %s %s", "far end", PlayerState.PLAYING.value, ""
    )
    await until(lambda: view.model.rowCount() == 1)
    assert view.device_filter.itemText(1) == "far end"
    before = current_language()
    try:
        switch_language(qapp, "vi")
        assert view.model.index(0, 1).data() == "điểm cầu bên kia"  # the device column
        assert view.device_filter.itemText(1) == "điểm cầu bên kia"  # and its filter
        assert view.device_filter.itemData(1) == "far end"  # filtering still by the log's name
    finally:
        switch_language(qapp, before)
