"""The event log in the operator's words: a table from raw ``logging`` lines to plain sentences.

Drivers and services log in developer English ("Sân khấu: playing"); the log view shows each
line through ``plain_event``. A rule is (logger-name prefix or None, regex on the message,
sentence template); the template's ``{fields}`` are the regex's named groups, some worded on
the way ("far end" → the translated name, ``pass`` → "Pass"). Templates are marked with
``QT_TRANSLATE_NOOP`` so Linguist finds them; lines no rule knows are shown as they are.
When you reword a log line in drivers/ or console/, update its rule here (the tests build the
raw lines from the same format strings and will tell you).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from console.services.precheck_report import CheckKind, Finding, Verdict
from console.services.steps import JoinStep
from drivers.errors import Problem
from drivers.roles.base import Availability, DeviceStatus
from ui.i18n import current_language
from ui.join_words import step_text
from ui.messages import problem_text, status_text, warning_text
from ui.precheck_texts import finding_text, kind_text, verdict_text

CONTEXT = "EventWords"
Say = Callable[[Mapping[str, str]], str]
Worder = Callable[[str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name Linguist reads
    """Mark ``text`` for Linguist; it is translated where shown (PySide6's own is untyped)."""
    return text


def _words(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def device_name(name: str) -> str:
    """Translate "far end", the far-end preview's name in the log (code, not profile data)."""
    return _words(QT_TRANSLATE_NOOP("EventWords", "far end")) if name == "far end" else name


def _step(step: str) -> str:
    return step_text(JoinStep(step))


def _kind(kind: str) -> str:
    return kind_text(CheckKind(kind))


def _verdict(verdict: str) -> str:
    return verdict_text(Verdict(verdict))


def _finding(finding: str) -> str:
    text = finding_text(Finding(finding))
    return f" — {text}" if text else ""


# how a named group is worded before it fills the template (other groups go in as logged)
_WORDERS: dict[str, Worder] = {
    "preview": device_name,
    "step": _step,
    "kind": _kind,
    "verdict": _verdict,
    "finding": _finding,
}


def _template(text: str) -> Say:
    """Say ``text`` (already marked for Linguist) translated, filled with the worded groups."""

    def say(groups: Mapping[str, str]) -> str:
        values = {k: _WORDERS.get(k, str)(v or "") for k, v in groups.items()}
        return _words(text).format(**values)

    return say


def _problem(groups: Mapping[str, str]) -> str:
    """Say a device is gone with the same sentence (and advice) as its status light."""
    problem = Problem(groups["problem"]) if groups["problem"] != "None" else Problem.UNKNOWN
    return problem_text(problem, groups["device"])


def _degraded(groups: Mapping[str, str]) -> str:
    return warning_text(Problem(groups["problem"]), groups["device"])


def _ready(groups: Mapping[str, str]) -> str:
    return status_text(DeviceStatus(Availability.ONLINE), groups["device"])


@dataclass(frozen=True)
class Rule:
    """One known log line: who logs it, what it looks like, what the operator reads."""

    source: str | None  # logger-name prefix ("drivers.video" covers "drivers.video.player")
    pattern: re.Pattern[str]
    say: Say

    def applies(self, source: str) -> bool:
        """Tell whether this rule is for lines of logger ``source``."""
        return self.source is None or source == self.source or source.startswith(self.source + ".")


def _rule(source: str | None, pattern: str, say: str | Say) -> Rule:
    return Rule(source, re.compile(pattern), _template(say) if isinstance(say, str) else say)


_D = r"(?P<device>.+?)"  # the device name that leads most lines
_P = r"(?P<preview>.+?)"  # a preview player's name
_PLAYER = "drivers.video.player"
_WHEN = r"(?P<date>\d{4}-\d\d-\d\d)[ T](?P<time>\d\d:\d\d)"

RULES: tuple[Rule, ...] = (
    # previews: the player shares its camera's name, so the sentence names the preview
    _rule(_PLAYER, rf"^{_P}: connecting\s*$",
          QT_TRANSLATE_NOOP("EventWords", "Preview {preview}: connecting…")),
    _rule(_PLAYER, rf"^{_P}: playing\s*$",
          QT_TRANSLATE_NOOP("EventWords", "Preview {preview}: playing")),
    _rule(_PLAYER, rf"^{_P}: stalled\b",
          QT_TRANSLATE_NOOP("EventWords", "Preview {preview}: picture stalled")),
    _rule(_PLAYER, rf"^{_P}: no_signal\b",
          QT_TRANSLATE_NOOP("EventWords", "Preview {preview}: no signal — trying again")),
    _rule(_PLAYER, rf"^{_P}: error\b",
          QT_TRANSLATE_NOOP("EventWords", "Preview {preview}: cannot be shown")),
    _rule(_PLAYER, rf"^{_P}: idle\s*$",
          QT_TRANSLATE_NOOP("EventWords", "Preview {preview}: stopped")),
    _rule(_PLAYER, rf"^{_P}: ",
          QT_TRANSLATE_NOOP("EventWords", "Preview {preview}: cannot be shown")),
    # device status as the room sees it
    _rule("console.room", rf"^{_D}: unavailable \((?P<problem>\w+)\): ", _problem),
    _rule("console.room", rf"^{_D}: available again$",
          QT_TRANSLATE_NOOP("EventWords", "{device} is working again")),
    _rule("console.room", rf"^{_D}: degraded \((?P<problem>\w+)\): ", _degraded),
    _rule("console.room", rf"^{_D}: cannot start: ",
          QT_TRANSLATE_NOOP("EventWords", "{device} could not be started")),
    _rule("console.room", rf"^{_D}: error while closing: ",
          QT_TRANSLATE_NOOP("EventWords", "{device} did not close cleanly")),
    _rule("console.room", r"^room: not every camera confirmed stop",
          QT_TRANSLATE_NOOP("EventWords", "Not every camera confirmed that it stopped")),
    _rule("console.room", r"^cannot save presets to ",
          QT_TRANSLATE_NOOP("EventWords", "The preset shots could not be saved")),
    _rule("console.setup", rf"^{_D}: ",
          QT_TRANSLATE_NOOP("EventWords", "{device} could not be set up")),
    # the devices themselves
    _rule("drivers.cisco.link", rf"^{_D}: online$", _ready),
    _rule("drivers.cisco.link", rf"^{_D}: offline: ",
          QT_TRANSLATE_NOOP("EventWords", "{device} is not answering")),
    _rule("drivers.baresip.codec", rf"^{_D}: baresip online$", _ready),
    _rule("drivers.baresip.codec", rf"^{_D}: baresip offline: ",
          QT_TRANSLATE_NOOP("EventWords", "{device} is not answering")),
    _rule("drivers.baresip.codec", rf"^{_D}: call ended: ",
          QT_TRANSLATE_NOOP("EventWords", "{device}: the call ended")),
    _rule("drivers.baresip.codec", rf"^{_D}: could not mute the new call: ",
          QT_TRANSLATE_NOOP("EventWords", "{device}: the microphones of the new call could "
                            "not be muted")),
    _rule("drivers.baresip.process", rf"^{_D}: baresip started ",
          QT_TRANSLATE_NOOP("EventWords", "{device}: the call program started")),
    _rule("drivers.baresip.process", rf"^{_D}: baresip exited with .*; restarting$",
          QT_TRANSLATE_NOOP("EventWords", "{device}: the call program stopped — restarting it")),
    _rule("drivers.baresip.process", rf"^{_D}: baresip \(pid \d+\) did not exit$",
          QT_TRANSLATE_NOOP("EventWords", "{device}: the call program would not stop")),
    _rule("drivers.visca.camera", rf"^{_D}: not answering on ",
          QT_TRANSLATE_NOOP("EventWords", "{device} is not answering")),
    _rule("drivers.visca.camera", rf"^{_D}: answering again$",
          QT_TRANSLATE_NOOP("EventWords", "{device} is answering again")),
    _rule("drivers.visca.camera", rf"^{_D}: link is back; stopping the motion",
          QT_TRANSLATE_NOOP("EventWords", "{device}: connection back — stopping the movement "
                            "it was making")),
    _rule("drivers.visca.camera", rf"^{_D}: stop not confirmed: ",
          QT_TRANSLATE_NOOP("EventWords", "{device} did not confirm that it stopped")),
    _rule("drivers.visca.link", r"^(?P<link>.+?): link is back$",
          QT_TRANSLATE_NOOP("EventWords", "Camera connection {link} is back")),
    _rule("drivers.visca.link", r"^(?P<link>.+?): link down ",
          QT_TRANSLATE_NOOP("EventWords", "Camera connection {link} is lost")),
    _rule("drivers.visca.bus", r"^(?P<link>.+?): (?P<n>\d+) camera\(s\) on the chain$",
          QT_TRANSLATE_NOOP("EventWords", "Camera connection {link}: {n} camera(s) found")),
    _rule("drivers.x32.mixer", rf"^{_D}: desk answering at ", _ready),
    _rule("drivers.x32.mixer", rf"^{_D}: desk silent for ",
          QT_TRANSLATE_NOOP("EventWords", "{device} is not answering")),
    # sound
    _rule("console.hotmic", r"^hot mic: (?P<channels>.+) speaking while muted at the desk$",
          QT_TRANSLATE_NOOP("EventWords", "{channels}: someone is speaking into a microphone "
                            "muted at the desk")),
    _rule("console.hotmic", r"^hot mic: (?P<channels>.+) speaking while muted in the meeting$",
          QT_TRANSLATE_NOOP("EventWords", "{channels}: someone is speaking while the room is "
                            "muted in the meeting")),
    _rule("console.hotmic",
          r"^hot mic: (?P<channels>.+) speaking while muted at the desk and in the meeting$",
          QT_TRANSLATE_NOOP("EventWords", "{channels}: someone is speaking into a microphone "
                            "muted at the desk and in the meeting")),
    _rule("ui.audio_panel", r"^hot mic: the operator opens the muted microphones from the warning$",
          QT_TRANSLATE_NOOP("EventWords", "The operator opened the muted microphones from the "
                            "warning")),
    _rule("console.services.audio_state", rf"^{_D}: mute all \(were open: (?P<channels>.+)\)$",
          QT_TRANSLATE_NOOP("EventWords", "{device}: all microphones muted (on before: "
                            "{channels})")),
    _rule("console.services.audio_state",
          rf"^{_D}: mute all again: every microphone was already muted$",
          QT_TRANSLATE_NOOP("EventWords", "{device}: all microphones muted again (they already "
                            "were)")),
    _rule("console.services.audio_state", rf"^{_D}: restore microphones: nothing to restore$",
          QT_TRANSLATE_NOOP("EventWords", "{device}: no microphones to restore")),
    _rule("console.services.audio_state",
          rf"^{_D}: restore microphones \(opening (?P<channels>.+)\)$",
          QT_TRANSLATE_NOOP("EventWords", "{device}: microphones restored ({channels} on "
                            "again)")),
    # joining and leaving
    _rule("ui.call_panel", r"^meeting button: press ignored, ",
          QT_TRANSLATE_NOOP("EventWords", "A press on the meeting button was ignored (it had "
                            "just changed)")),
    _rule("ui.call_panel", r"^meeting button: the operator leaves the meeting$",
          QT_TRANSLATE_NOOP("EventWords", "The operator confirmed leaving the meeting")),
    _rule("ui.call_panel", r"^meeting button: the operator chose to stay in the meeting$",
          QT_TRANSLATE_NOOP("EventWords", "The operator chose to stay in the meeting")),
    _rule("ui.main_window", r"^window: closed during a meeting, as the operator confirmed$",
          QT_TRANSLATE_NOOP("EventWords", "Room Console closed during a meeting (confirmed)")),
    _rule("ui.main_window", r"^window: the operator kept the window open during the meeting$",
          QT_TRANSLATE_NOOP("EventWords", "Room Console stays open: the meeting goes on")),
    _rule("console.services.join", r"^joined (?P<bridge>.+)$",
          QT_TRANSLATE_NOOP("EventWords", "In the meeting ({bridge})")),
    _rule("console.services.join", r"^join (?P<bridge>.+?) cancelled by the operator$",
          QT_TRANSLATE_NOOP("EventWords", "Joining ({bridge}) stopped by the operator")),
    _rule("console.services.join", r"^join (?P<bridge>.+?) failed at (?P<step>\w+): ",
          QT_TRANSLATE_NOOP("EventWords", "Joining ({bridge}) failed while {step}")),
    _rule("console.services.join", r"^join (?P<bridge>.+?): hang-up after failure",
          QT_TRANSLATE_NOOP("EventWords", "Joining ({bridge}): the call could not be hung up "
                            "after the failure")),
    _rule("console.services.join", r"^join (?P<bridge>.+?): (?P<step>\w+): ",
          QT_TRANSLATE_NOOP("EventWords", "Joining ({bridge}): a problem while {step}")),
    _rule("console.services.leave", r"^leave: (?P<step>\w+): ",
          QT_TRANSLATE_NOOP("EventWords", "Leaving the meeting: a problem while {step}")),
    # pre-meeting check
    _rule("console.services.precheck", r"^pre-meeting check: (?P<verdict>\w+) ",
          QT_TRANSLATE_NOOP("EventWords", "Pre-meeting check finished: {verdict}")),
    _rule("console.services.precheck",
          r"^check (?P<kind>\w+) (?P<subject>.*): (?P<verdict>\w+) \((?P<finding>\w+)\)",
          QT_TRANSLATE_NOOP("EventWords", "Check {kind} {subject}: {verdict}{finding}")),
    _rule("ui.precheck_card", r"^pre-meeting check stopped by the operator$",
          QT_TRANSLATE_NOOP("EventWords", "Pre-meeting check stopped by the operator")),
    _rule("ui.precheck_card", r"^pre-meeting check failed",
          QT_TRANSLATE_NOOP("EventWords", "The pre-meeting check could not finish")),
    # schedule
    _rule("console.schedule", rf"^schedule: reminder for (?P<meeting>.+) at {_WHEN}",
          QT_TRANSLATE_NOOP("EventWords", "Reminder: {meeting} starts at {time}")),
    _rule("console.schedule", rf"^schedule: precheck for (?P<meeting>.+) at {_WHEN}",
          QT_TRANSLATE_NOOP("EventWords", "Time for the pre-meeting check: {meeting} at {time}")),
    _rule("console.schedule", rf"^schedule: join_prompt for (?P<meeting>.+) at {_WHEN}",
          QT_TRANSLATE_NOOP("EventWords", "Time to join: {meeting} at {time}")),
    _rule("console.schedule", rf"^schedule: auto_join for (?P<meeting>.+) at {_WHEN}",
          QT_TRANSLATE_NOOP("EventWords", "Joining automatically: {meeting} at {time}")),
    # preset shots and the camera panel
    _rule("console.presets", rf"^{_D}: saved preset (?P<number>\d+) ",
          QT_TRANSLATE_NOOP("EventWords", "{device}: preset shot {number} saved")),
    _rule("console.presets", rf"^{_D}: switching on from standby for preset (?P<number>\d+)$",
          QT_TRANSLATE_NOOP("EventWords", "{device}: switched on from standby for preset shot "
                            "{number}")),
    _rule("ui.camera_panel", rf"^{_D}: stopping all motion$",
          QT_TRANSLATE_NOOP("EventWords", "{device}: stopping all movement")),
    _rule("ui.device_calls", rf"^{_D}: command failed: ",
          QT_TRANSLATE_NOOP("EventWords", "{device}: the command did not work")),
    _rule("ui.preset_grid", rf"^{_D}: rename of preset (?P<number>\d+) failed",
          QT_TRANSLATE_NOOP("EventWords", "{device}: preset shot {number} could not be renamed")),
    # help, access, room setup
    _rule("console.support_bundle", r"^support bundle written to (?P<path>.+)$",
          QT_TRANSLATE_NOOP("EventWords", "Support file saved: {path}")),
    _rule("ui.help_action", r"^cannot write the support bundle to (?P<path>.+?): ",
          QT_TRANSLATE_NOOP("EventWords", "The support file could not be saved: {path}")),
    _rule("console.access", r"^technician mode entered: no technician PIN is set$",
          QT_TRANSLATE_NOOP("EventWords", "Technician mode on — no technician PIN is set")),
    _rule("console.access", r"^technician mode entered$",
          QT_TRANSLATE_NOOP("EventWords", "Technician mode on")),
    _rule("console.access", r"^technician mode left$",
          QT_TRANSLATE_NOOP("EventWords", "Technician mode off")),
    _rule("console.access", r"^technician PIN wrong \((?P<n>\d+) in a row\)$",
          QT_TRANSLATE_NOOP("EventWords", "Wrong technician PIN ({n} in a row)")),
    _rule("console.access", r"^technician PIN wrong (?P<n>\d+) times: locked for (?P<s>\d+) s$",
          QT_TRANSLATE_NOOP("EventWords", "Wrong technician PIN {n} times — locked for {s} s")),
    _rule("console.config.loader", r"^loaded profile (?P<path>.+) \(schema_version",
          QT_TRANSLATE_NOOP("EventWords", "Room setup loaded: {path}")),
    _rule("console.config.loader", r"^saved profile (?:text )?(?P<path>.+)$",
          QT_TRANSLATE_NOOP("EventWords", "Room setup saved: {path}")),
    _rule("ui.app", r"^profile unusable, opening in repair mode",
          QT_TRANSLATE_NOOP("EventWords", "The room setup cannot be used — opening the repair "
                            "window")),
    _rule("console.access", r"^technician PIN changed$",
          QT_TRANSLATE_NOOP("EventWords", "Technician PIN changed")),
    _rule("console.access", r"^technician PIN removed$",
          QT_TRANSLATE_NOOP("EventWords", "Technician PIN removed")),
    _rule("console.config.codec", r"^PIN of bridge (?P<bridge>.+) stored in the keyring$",
          QT_TRANSLATE_NOOP("EventWords", "PIN of bridge {bridge} saved")),
    _rule("console.config.loader", r"^profile: first start for this user, .+ to (?P<path>.+)",
          QT_TRANSLATE_NOOP("EventWords", "First start for this user: room setup copied to "
                            "{path}")),
    _rule("console.config.migrations", r"^upgrading profile from schema_version \d+ to (?P<to>\d+)",
          QT_TRANSLATE_NOOP("EventWords", "Room setup updated to format {to}")),
    _rule("console.profile_edit", r"^exported profile to (?P<path>.+)$",
          QT_TRANSLATE_NOOP("EventWords", "Room setup exported to {path}")),
    _rule("console.profile_edit", r"^imported profile from (?P<path>.+)$",
          QT_TRANSLATE_NOOP("EventWords", "Room setup imported from {path}")),
    _rule("ui.settings_editor", rf"^{_D}: connection test failed",
          QT_TRANSLATE_NOOP("EventWords", "{device}: the connection test could not finish")),
    _rule("ui.settings_editor", r"^settings: saving (?P<path>.+?) failed: ",
          QT_TRANSLATE_NOOP("EventWords", "The settings could not be saved: {path}")),
    _rule("ui.device_calls", rf"^{_D}: unexpected error",
          QT_TRANSLATE_NOOP("EventWords", "{device}: something unexpected went wrong")),
    _rule("ui.off_preset", rf"^{_D}: picture differs from preset (?P<number>\d+) ",
          QT_TRANSLATE_NOOP("EventWords", "{device}: the picture differs from preset shot "
                            "{number}")),
    # the link to the bridge
    _rule("console.netprobe",
          r"^path (?P<host>.+?): (?P<answered>\d+)/(?P<sent>\d+) answered, rtt median "
          r"(?P<rtt>[\d.]+)",
          QT_TRANSLATE_NOOP("EventWords", "Link to {host}: {answered} of {sent} answered, "
                            "delay {rtt} ms")),
    _rule("console.netprobe", r"^path (?P<host>.+?): unreachable ",
          QT_TRANSLATE_NOOP("EventWords", "{host} cannot be reached")),
    # training mode (--demo)
    _rule("console.services.demo_call", r"^baresip not installed",
          QT_TRANSLATE_NOOP("EventWords", "Training mode: the call program is not installed — "
                            "a simulated codec is used")),
    _rule("drivers.video.training", r"^training video: ",
          QT_TRANSLATE_NOOP("EventWords", "Training mode: practice pictures are ready")),
    _rule("drivers.visca.emulator", r"^emulating (?P<n>\d+) VISCA camera\(s\) on (?P<at>.+)$",
          QT_TRANSLATE_NOOP("EventWords", "Training mode: {n} simulated camera(s) at {at}")),
    _rule("drivers.x32.emulator", r"^emulated (?P<model>\S+) listening on (?P<at>.+)$",
          QT_TRANSLATE_NOOP("EventWords", "Training mode: simulated {model} mixer at {at}")),
    # training mode (--demo)
    _rule("console.demo", r"^demo: cameras at (?P<endpoints>.+)$",
          QT_TRANSLATE_NOOP("EventWords", "Training mode: simulated cameras at {endpoints}")),
    _rule("console.eventlog", r"^logging to (?P<path>.+)$",
          QT_TRANSLATE_NOOP("EventWords", "Log file: {path}")),
    _rule("ui", r"^interface language(?: chosen)?: (?P<language>\S+)$",
          QT_TRANSLATE_NOOP("EventWords", "Interface language: {language}")),
)  # fmt: skip


def plain_event(source: str, message: str) -> str:
    """Return the plain, translated words for a logged line (the line itself if unknown)."""
    return _plain(source, message, current_language())


@lru_cache(maxsize=4096)
def _plain(source: str, message: str, _language: str) -> str:
    """Word one line; cached per language (the filter words every line on each keystroke)."""
    for rule in RULES:
        if not rule.applies(source):
            continue
        found = rule.pattern.search(message)
        if found is None:
            continue
        try:
            return rule.say(found.groupdict())
        except ValueError:  # a value the enums do not know: the raw line says more
            return message
    return message
