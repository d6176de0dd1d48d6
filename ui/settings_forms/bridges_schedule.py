"""The "Bridges" and "Schedule" tabs: where the room calls, and when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from console.config.codec import BridgeKind
from console.config.schedule import Repeat
from console.profile_form import get_value, next_id
from ui.settings_forms.fields import FieldSpec, Kind, lookup, tables
from ui.settings_forms.form_tab import FormTab
from ui.settings_forms.sections import Data, FormModel
from ui.settings_forms.site_devices import MUTE_ALL, audio_state

LEAD_MAX = 24 * 60


class BridgesTab(FormTab):
    """The bridges (the first one is the main bridge); PINs stay in the keyring."""

    def __init__(self, model: FormModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        specs = [
            FieldSpec("name", Kind.TEXT),
            FieldSpec("id", Kind.TEXT),
            FieldSpec("kind", Kind.CHOICE, default=BridgeKind.SIP.value),
            FieldSpec("dial_string", Kind.TEXT),
            FieldSpec("conference_id", Kind.OPTIONAL_TEXT),
            FieldSpec("call_rate", Kind.OPTIONAL_INT, minimum=64, maximum=20_000),
            FieldSpec("join_camera_preset", Kind.OPTIONAL_INT, maximum=255),
            FieldSpec("leave_camera_preset", Kind.OPTIONAL_INT, maximum=255),
            FieldSpec("pin_required", Kind.BOOL, default=False),
            FieldSpec("join_muted", Kind.BOOL, default=True),
            _seconds("dtmf.wait_after_connect", 2.0),
            _seconds("dtmf.pause", 1.0),
            _seconds("dtmf.between_id_and_pin", 1.5),
            FieldSpec("join_audio", Kind.TABLE_FLAG, advanced=True, seed=MUTE_ALL),
            *audio_state("join_audio", False, needs="join_audio", advanced=True),
        ]
        self.bridges = self.add_list(
            self.group(self._group_title), "", ("call", "bridges"), specs,
            self._new_bridge, self._bridge_title,
        )  # fmt: skip
        self.retranslate()

    def _group_title(self) -> str:
        return self.tr("Bridges (the first one is the main bridge)")

    def title(self) -> str:
        """Return the tab's title."""
        return self.tr("Bridges")

    def words(self) -> dict[str, str]:
        """Return the labels."""
        return {
            "name": self.tr("Name"),
            "id": self.tr("Short code (letters, digits, no spaces)"),
            "kind": self.tr("How it is called"),
            "dial_string": self.tr("Address to call (sip:…, h323:…, https://… for Jitsi)"),
            "conference_id": self.tr("Meeting ID typed after connecting (digits, # and ,)"),
            "call_rate": self.tr("Call speed in kbit/s (— = the codec's usual)"),
            "join_camera_preset": self.tr("Preset shot when joining (— = none)"),
            "leave_camera_preset": self.tr("Preset shot when leaving (— = cameras rest)"),
            "pin_required": self.tr("Needs a PIN (kept in the computer's keyring)"),
            "join_muted": self.tr("Join with the microphones muted"),
            "dtmf.wait_after_connect": self.tr("Wait before typing the meeting ID (seconds)"),
            "dtmf.pause": self.tr("Pause for each ',' in the meeting ID (seconds)"),
            "dtmf.between_id_and_pin": self.tr("Wait between meeting ID and PIN (seconds)"),
            "join_audio": self.tr("Own audio set-up when joining this bridge (else the mixer's)"),
            "join_audio.mute_microphones": self.tr("First mute every microphone"),
            "join_audio.main_on": self.tr("Main output"),
            "join_audio.mute": self.tr("Also mute channels (e.g. 4, 5)"),
            "join_audio.open": self.tr("Then open channels (e.g. 1)"),
            "+add": self.tr("+ Add a bridge"),
            "-remove": self.tr("Remove bridge '{name}'?"),
        }

    def hint_text(self) -> str:
        """Say where the PIN is."""
        return self.tr("PINs are never written into the room setup: each computer keeps its own.")

    def choices(self, key: str, data: Mapping[str, Any]) -> list[tuple[str, Any]]:
        """Return the kinds of bridge and the main output's states."""
        if key == "join_audio.main_on":
            usual = self.tr("Leave as it is")
            return [(usual, None), (self.tr("On"), True), (self.tr("Off"), False)]
        if key == "kind":
            return [
                ("SIP", BridgeKind.SIP.value),
                ("H.323", BridgeKind.H323.value),
                (self.tr("IP address"), BridgeKind.IP.value),
                ("Jitsi (https://…)", BridgeKind.JITSI.value),
            ]
        return []

    def _new_bridge(self, text: str) -> dict[str, Any]:
        number = len(tables(get_value(text, ("call", "bridges")))) + 1
        return {
            "id": next_id(text, ("call", "bridges"), "bridge"),
            "name": self.tr("Bridge {number}").format(number=number),
            "dial_string": "",
        }

    def _bridge_title(self, item: Data, index: int) -> str:
        name = str(item.get("name") or self.tr("Bridge {number}").format(number=index + 1))
        return self.tr("{name} (main bridge)").format(name=name) if index == 0 else name


class ScheduleTab(FormTab):
    """The meetings: when, which bridge, how early to remind, check and prompt."""

    def __init__(self, model: FormModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        specs = [
            FieldSpec("name", Kind.TEXT),
            FieldSpec("bridge", Kind.CHOICE),
            FieldSpec("repeat", Kind.CHOICE, default=Repeat.WEEKLY.value),
            FieldSpec("time", Kind.TIME),
            FieldSpec("weekdays", Kind.WEEKDAYS, when=_repeats(Repeat.WEEKLY, Repeat.MONTHLY)),
            FieldSpec("date", Kind.DATE),
            FieldSpec("week_of_month", Kind.CHOICE, when=_repeats(Repeat.MONTHLY)),
            FieldSpec("day_of_month", Kind.OPTIONAL_INT, 1, 31, when=_repeats(Repeat.MONTHLY)),
            FieldSpec("until", Kind.DATE, when=_repeats(Repeat.WEEKLY, Repeat.MONTHLY)),
            FieldSpec("duration_minutes", Kind.INT, 1, LEAD_MAX, default=60),
            FieldSpec("auto_join", Kind.CHOICE),
            FieldSpec("enabled", Kind.BOOL, default=True),
            _lead("reminder_minutes"),
            _lead("precheck_minutes"),
            _lead("join_prompt_minutes"),
        ]
        self.meetings = self.add_list(
            self.group(self._group_title), "", ("schedule", "meetings"), specs,
            self._new_meeting, self._meeting_title,
        )  # fmt: skip
        defaults = [
            FieldSpec("reminder_minutes", Kind.INT, maximum=LEAD_MAX, default=60),
            FieldSpec("precheck_minutes", Kind.INT, maximum=LEAD_MAX, default=45),
            FieldSpec("join_prompt_minutes", Kind.INT, maximum=LEAD_MAX, default=5),
            FieldSpec("late_grace_minutes", Kind.INT, maximum=120, default=10),
            FieldSpec("auto_join", Kind.BOOL, default=False),
            FieldSpec("auto_join_minutes", Kind.INT, maximum=LEAD_MAX, default=2),
        ]
        self.defaults = self.add_section(
            self.group(self._defaults_title), "defaults.", ("schedule",), defaults
        )
        self.retranslate()

    def _defaults_title(self) -> str:
        return self.tr("Defaults for every meeting")

    def _group_title(self) -> str:
        return self.tr("Meetings")

    def title(self) -> str:
        """Return the tab's title."""
        return self.tr("Schedule")

    def words(self) -> dict[str, str]:
        """Return the labels."""
        return {
            "name": self.tr("Name"),
            "bridge": self.tr("Bridge"),
            "repeat": self.tr("Repeats"),
            "time": self.tr("Starts at"),
            "weekdays": self.tr("On these days"),
            "date": self.tr("Date (one-off), or first day (YYYY-MM-DD)"),
            "week_of_month": self.tr("Which week of the month (tick one day above)"),
            "day_of_month": self.tr("Or: day of the month (31 = the last day)"),
            "until": self.tr("Last day (YYYY-MM-DD, empty: no end)"),
            "duration_minutes": self.tr("Lasts, minutes"),
            "auto_join": self.tr("Join by itself"),
            "reminder_minutes": self.tr("Reminder, minutes before (— = usual)"),
            "precheck_minutes": self.tr("Pre-meeting check, minutes before (— = usual)"),
            "join_prompt_minutes": self.tr("Join prompt, minutes before (— = usual)"),
            "enabled": self.tr("Active"),
            "+add": self.tr("+ Add a meeting"),
            "-remove": self.tr("Remove meeting '{name}'?"),
            "defaults.reminder_minutes": self.tr("Reminder, minutes before"),
            "defaults.precheck_minutes": self.tr("Pre-meeting check, minutes before"),
            "defaults.join_prompt_minutes": self.tr("Join prompt, minutes before"),
            "defaults.late_grace_minutes": self.tr("Still offer to join, minutes after the start"),
            "defaults.auto_join": self.tr("Join meetings by itself (unless a meeting says no)"),
            "defaults.auto_join_minutes": self.tr("Joins by itself, minutes before"),
        }

    def choices(self, key: str, data: Mapping[str, Any]) -> list[tuple[str, Any]]:
        """Return the bridges of the profile, the repeat kinds and the auto-join choices."""
        if key == "bridge":
            bridges = tables(lookup(data, ("call", "bridges")))
            return [(str(b.get("name") or b.get("id")), b.get("id")) for b in bridges]
        if key == "repeat":
            return [
                (self.tr("Every week"), Repeat.WEEKLY.value),
                (self.tr("Once"), Repeat.ONCE.value),
                (self.tr("Every month"), Repeat.MONTHLY.value),
            ]
        if key == "week_of_month":
            weeks = [self.tr("First"), self.tr("Second"), self.tr("Third"), self.tr("Fourth")]
            numbered = [(name, number) for number, name in enumerate(weeks, start=1)]
            fifth = [(self.tr("Fifth"), 5), (self.tr("Last"), -1)]
            return [(self.tr("— (by day of the month)"), None), *numbered, *fifth]
        if key == "auto_join":
            usual = self.tr("As the schedule says")
            return [(usual, None), (self.tr("Yes"), True), (self.tr("No"), False)]
        return []

    def _new_meeting(self, text: str) -> dict[str, Any]:
        bridges = tables(get_value(text, ("call", "bridges")))
        number = len(tables(get_value(text, ("schedule", "meetings")))) + 1
        return {
            "id": next_id(text, ("schedule", "meetings"), "meeting"),
            "name": self.tr("Meeting {number}").format(number=number),
            "bridge": str(bridges[0].get("id", "")) if bridges else "",
            "weekdays": ["mon"],
            "time": dt.time(7, 30),
        }

    def _meeting_title(self, item: Data, index: int) -> str:
        return str(item.get("name") or self.tr("Meeting {number}").format(number=index + 1))


def _repeats(*kinds: Repeat) -> tuple[str, tuple[str, ...]]:
    """Show a field only for meetings that repeat in one of these ways."""
    return ("repeat", tuple(kind.value for kind in kinds))


def _seconds(key: str, default: float) -> FieldSpec:
    """Return a DTMF wait in seconds (advanced: the bridge's voice menu rarely needs it)."""
    return FieldSpec(key, Kind.FLOAT, maximum=30, default=default, advanced=True)


def _lead(key: str) -> FieldSpec:
    """Return a lead time in minutes (— = the schedule's default)."""
    return FieldSpec(key, Kind.OPTIONAL_INT, maximum=LEAD_MAX)
