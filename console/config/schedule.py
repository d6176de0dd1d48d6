"""Schedule section of the room profile: recurring and one-off meetings, each with its bridge.

Times are the site's local wall-clock time (Vietnam has no daylight saving time). Lead times
default to the paper checklist: reminder 60 minutes before, the pre-meeting check 45 minutes
before, the join prompt 5 minutes before; automatic joining is off unless a meeting asks for it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from console.config.base import LAX, StrictModel, field_error, repeated

MeetingId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=40)]
LeadMinutes = Annotated[int, Field(ge=0, le=24 * 60)]


def _text_or(kind: type, example: str) -> Callable[[Any], Any]:
    """Before-validator: TOML's own value or text such as ``example``; never a number."""

    def check(value: Any) -> Any:
        if isinstance(value, kind | str):
            return value
        raise ValueError(f"write it as {example}")

    return check


# A TOML time (07:30:00) or text ("14:00"); a number is refused, not read as seconds.
TimeOfDay = Annotated[dt.time, LAX, BeforeValidator(_text_or(dt.time, "14:00"))]
Day = Annotated[dt.date, LAX, BeforeValidator(_text_or(dt.date, "2026-05-19"))]


class Repeat(StrEnum):
    """How a meeting recurs."""

    ONCE = "once"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class Weekday(StrEnum):
    """Days of the week, in ``date.weekday()`` order."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def number(self) -> int:
        """Monday = 0 ... Sunday = 6, as ``date.weekday()``."""
        return list(Weekday).index(self)


class MeetingProfile(StrictModel):
    """One meeting: when, which bridge, and optional per-meeting lead times."""

    id: MeetingId
    name: Annotated[str, Field(min_length=1, max_length=80)]
    bridge: Annotated[str, Field(min_length=1, max_length=40)]  # a bridge id of the profile
    repeat: Annotated[Repeat, LAX] = Repeat.WEEKLY
    time: TimeOfDay
    date: Day | None = None  # once: the day; recurring: the first day it applies
    until: Day | None = None  # recurring: the last day it applies
    # weekly; monthly with week_of_month
    weekdays: list[Annotated[Weekday, LAX]] = Field(default_factory=list)
    day_of_month: Annotated[int | None, Field(ge=1, le=31)] = None  # 31 = the month's last day
    week_of_month: Annotated[int | None, Field(ge=-1, le=5)] = None  # 1 = first, -1 = last
    duration_minutes: Annotated[int, Field(ge=1, le=24 * 60)] = 60
    reminder_minutes: LeadMinutes | None = None  # None = the schedule's default
    precheck_minutes: LeadMinutes | None = None
    join_prompt_minutes: LeadMinutes | None = None
    auto_join: bool | None = None
    enabled: bool = True

    @model_validator(mode="after")
    def _check_repeat(self) -> MeetingProfile:
        if self.repeat is Repeat.ONCE and self.date is None:
            raise ValueError("a one-off meeting needs a date")
        if self.repeat is Repeat.WEEKLY and not self.weekdays:
            raise ValueError("a weekly meeting needs weekdays, e.g. ['mon']")
        if self.repeat is Repeat.MONTHLY:
            by_day = self.day_of_month is not None
            by_week = self.week_of_month not in (None, 0) and len(self.weekdays) == 1
            if by_day == by_week:
                raise ValueError(
                    "a monthly meeting needs either day_of_month, "
                    "or week_of_month with exactly one weekday"
                )
        if self.until is not None and self.date is not None and self.until < self.date:
            raise ValueError("until is before date")
        return self

    def occurs_on(self, day: dt.date) -> bool:
        """Tell whether the meeting takes place on ``day``."""
        if not self.enabled:
            return False
        if self.repeat is Repeat.ONCE:
            return day == self.date
        if (self.date is not None and day < self.date) or (self.until and day > self.until):
            return False
        if self.repeat is Repeat.WEEKLY:
            return any(day.weekday() == weekday.number for weekday in self.weekdays)
        return self._monthly_on(day)

    def _monthly_on(self, day: dt.date) -> bool:
        last = calendar.monthrange(day.year, day.month)[1]
        if self.day_of_month is not None:
            return day.day == min(self.day_of_month, last)  # "the 31st" in April is the 30th
        if day.weekday() != self.weekdays[0].number:
            return False
        if self.week_of_month == -1:
            return day.day + 7 > last
        return (day.day - 1) // 7 + 1 == self.week_of_month


class ScheduleProfile(StrictModel):
    """The room's meetings and the default lead times."""

    reminder_minutes: LeadMinutes = 60
    precheck_minutes: LeadMinutes = 45
    join_prompt_minutes: LeadMinutes = 5
    auto_join_minutes: LeadMinutes = 2  # when an auto-join meeting is joined
    auto_join: bool = False
    late_grace_minutes: Annotated[int, Field(ge=0, le=120)] = 10  # join prompt after the start
    meetings: list[MeetingProfile] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_unique_ids(self) -> ScheduleProfile:
        twice = repeated([meeting.id for meeting in self.meetings])
        if twice is not None:
            ident = self.meetings[twice[1]].id
            raise field_error(
                ScheduleProfile,
                ("meetings", twice[1], "id"),
                f"meeting ids used twice: [{ident!r}] (meetings[{twice[0] + 1}] has it too)",
                ident,
            )
        return self

    def meeting(self, meeting_id: str) -> MeetingProfile:
        """Return the meeting with ``meeting_id`` (KeyError if none)."""
        for meeting in self.meetings:
            if meeting.id == meeting_id:
                return meeting
        raise KeyError(meeting_id)
