"""Schedule triggers with an injectable clock: the Monday 07:30 flag ceremony and friends."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import tomllib

import pytest
from pydantic import ValidationError

from console.config.schedule import MeetingProfile, Repeat, ScheduleProfile, Weekday
from console.schedule import EventKind, ScheduleEvent, Scheduler, occurrences

MONDAY = dt.date(2026, 11, 23)  # a Monday


class FakeClock:
    """A wall clock the test sets by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, day: dt.date, hhmm: str) -> None:
        self.now = dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


def flag_ceremony(**changes: object) -> MeetingProfile:
    data: dict[str, object] = {
        "id": "chao-co",
        "name": "Chào cờ đầu tuần",
        "bridge": "tinh",
        "repeat": "weekly",
        "weekdays": ["mon"],
        "time": "07:30",
    }
    data.update(changes)
    return MeetingProfile.model_validate(data)


def scheduler_at(
    day: dt.date, hhmm: str, *meetings: MeetingProfile, **defaults: object
) -> tuple[Scheduler, FakeClock]:
    clock = FakeClock(dt.datetime.combine(day, dt.time.fromisoformat(hhmm)))
    schedule = ScheduleProfile.model_validate({**defaults, "meetings": []})
    schedule.meetings = list(meetings)
    return Scheduler(schedule, clock=clock), clock


def kinds(events: list[ScheduleEvent]) -> list[EventKind]:
    return [event.kind for event in events]


def test_monday_flag_ceremony_fires_each_event_once_at_its_lead_time() -> None:
    scheduler, clock = scheduler_at(MONDAY - dt.timedelta(days=1), "23:00", flag_ceremony())
    fired: list[ScheduleEvent] = []
    scheduler.subscribe(fired.append)
    assert scheduler.poll() == []
    assert scheduler.next_due() == dt.datetime(2026, 11, 23, 6, 30)
    timeline = {
        "06:29": [],
        "06:30": [EventKind.REMINDER],
        "06:31": [],
        "06:45": [EventKind.PRECHECK],
        "07:00": [],
        "07:25": [EventKind.JOIN_PROMPT],
        "07:29": [],
        "07:30": [],
        "08:30": [],
    }
    for hhmm, expected in timeline.items():
        clock.set(MONDAY, hhmm)
        assert kinds(scheduler.poll()) == expected, hhmm
        assert scheduler.poll() == []  # never twice
    assert kinds(fired) == [EventKind.REMINDER, EventKind.PRECHECK, EventKind.JOIN_PROMPT]
    sitting = fired[0].occurrence
    assert (sitting.meeting_id, sitting.bridge) == ("chao-co", "tinh")
    assert sitting.start == dt.datetime(2026, 11, 23, 7, 30)
    assert sitting.end == dt.datetime(2026, 11, 23, 8, 30)
    next_monday = MONDAY + dt.timedelta(days=7)
    assert scheduler.next_due() == dt.datetime.combine(next_monday, dt.time(6, 30))
    clock.set(next_monday, "06:30")
    assert kinds(scheduler.poll()) == [EventKind.REMINDER]


def test_console_started_late_catches_up_in_order_then_drops_what_is_too_late() -> None:
    scheduler, clock = scheduler_at(MONDAY, "07:20", flag_ceremony())
    assert kinds(scheduler.poll()) == [EventKind.REMINDER, EventKind.PRECHECK]
    clock.set(MONDAY, "07:35")  # the meeting began 5 minutes ago: still offer to join
    assert kinds(scheduler.poll()) == [EventKind.JOIN_PROMPT]

    late, clock = scheduler_at(MONDAY, "07:31", flag_ceremony())
    assert kinds(late.poll()) == [EventKind.JOIN_PROMPT]  # no reminder/check once it began
    clock.set(MONDAY, "07:41")
    assert late.poll() == []

    too_late, _ = scheduler_at(MONDAY, "07:45", flag_ceremony())
    assert too_late.poll() == []


def test_auto_join_and_per_meeting_lead_times() -> None:
    meeting = flag_ceremony(auto_join=True, reminder_minutes=30, join_prompt_minutes=10)
    scheduler, clock = scheduler_at(MONDAY, "06:00", meeting, precheck_minutes=20)
    due = {event.kind: event.due.time() for event in scheduler.pending()[:4]}
    assert due == {
        EventKind.REMINDER: dt.time(7, 0),
        EventKind.PRECHECK: dt.time(7, 10),
        EventKind.JOIN_PROMPT: dt.time(7, 20),
        EventKind.AUTO_JOIN: dt.time(7, 28),
    }
    clock.set(MONDAY, "07:28")
    assert kinds(scheduler.poll()) == list(due)

    off, clock = scheduler_at(MONDAY, "06:00", flag_ceremony(), auto_join=True)
    clock.set(MONDAY, "07:30")
    assert EventKind.AUTO_JOIN in kinds(off.poll())  # the schedule's default applies


def test_monthly_meetings_by_day_and_by_weekday() -> None:
    last_day = MeetingProfile(
        id="cong-doan",
        name="Họp công đoàn",
        bridge="tinh",
        repeat=Repeat.MONTHLY,
        day_of_month=31,
        time=dt.time(14, 0),
    )
    days = [
        o.start.date() for o in occurrences(last_day, dt.date(2026, 11, 1), dt.date(2027, 3, 1))
    ]
    assert days == [
        dt.date(2026, 11, 30),
        dt.date(2026, 12, 31),
        dt.date(2027, 1, 31),
        dt.date(2027, 2, 28),
    ]
    first_monday = MeetingProfile(
        id="giao-ban",
        name="Giao ban",
        bridge="tinh",
        repeat=Repeat.MONTHLY,
        weekdays=[Weekday.MON],
        week_of_month=1,
        time=dt.time(8, 0),
    )
    days = [
        o.start.date()
        for o in occurrences(first_monday, dt.date(2026, 11, 1), dt.date(2027, 1, 31))
    ]
    assert days == [dt.date(2026, 11, 2), dt.date(2026, 12, 7), dt.date(2027, 1, 4)]
    last_friday = first_monday.model_copy(update={"weekdays": [Weekday.FRI], "week_of_month": -1})
    days = [
        o.start.date()
        for o in occurrences(last_friday, dt.date(2026, 11, 1), dt.date(2026, 12, 31))
    ]
    assert days == [dt.date(2026, 11, 27), dt.date(2026, 12, 25)]


def test_one_off_meeting_fires_once_and_a_disabled_meeting_never() -> None:
    congress = MeetingProfile(
        id="dai-hoi",
        name="Đại hội",
        bridge="tinh",
        repeat=Repeat.ONCE,
        date=dt.date(2026, 12, 1),
        time=dt.time(8, 0),
    )
    disabled = flag_ceremony(id="old", enabled=False)
    scheduler, clock = scheduler_at(MONDAY, "09:00", congress, disabled)
    assert [o.meeting_id for o in scheduler.upcoming()] == ["dai-hoi"]
    clock.set(dt.date(2026, 12, 1), "07:56")
    assert kinds(scheduler.poll()) == [
        EventKind.REMINDER,
        EventKind.PRECHECK,
        EventKind.JOIN_PROMPT,
    ]
    clock.set(dt.date(2026, 12, 8), "07:56")
    assert scheduler.poll() == []
    assert scheduler.next_due() is None
    assert scheduler.upcoming() == []


def test_weekly_until_and_first_date_bound_the_series() -> None:
    meeting = flag_ceremony(date=dt.date(2026, 11, 30), until=dt.date(2026, 12, 14))
    days = [o.start.date() for o in occurrences(meeting, MONDAY, dt.date(2026, 12, 31))]
    assert days == [dt.date(2026, 11, 30), dt.date(2026, 12, 7), dt.date(2026, 12, 14)]


def test_edited_schedule_keeps_what_already_fired_and_subscribers_are_isolated() -> None:
    scheduler, clock = scheduler_at(MONDAY, "06:30", flag_ceremony())
    seen: list[EventKind] = []

    def broken(event: ScheduleEvent) -> None:
        raise RuntimeError("subscriber bug")

    scheduler.subscribe(broken)
    unsubscribe = scheduler.subscribe(lambda e: seen.append(e.kind))
    assert kinds(scheduler.poll()) == [EventKind.REMINDER]
    assert seen == [EventKind.REMINDER]
    scheduler.update(ScheduleProfile(meetings=[flag_ceremony(name="Chào cờ (sửa)")]))
    assert scheduler.poll() == []
    unsubscribe()
    clock.set(MONDAY, "06:45")
    assert kinds(scheduler.poll()) == [EventKind.PRECHECK]
    assert seen == [EventKind.REMINDER]


async def test_run_fires_when_the_time_comes() -> None:
    base = dt.datetime.combine(MONDAY, dt.time(6, 29, 59, 800_000))
    began = time.monotonic()
    scheduler = Scheduler(
        ScheduleProfile(meetings=[flag_ceremony()]),
        clock=lambda: base + dt.timedelta(seconds=time.monotonic() - began),
        max_sleep=0.5,
    )
    fired = asyncio.get_running_loop().create_future()
    scheduler.subscribe(lambda e: fired.done() or fired.set_result(e))
    task = asyncio.create_task(scheduler.run())
    try:
        event = await asyncio.wait_for(fired, 5)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert event.kind is EventKind.REMINDER


@pytest.mark.parametrize(
    "changes",
    [
        {"weekdays": []},  # weekly without days
        {"repeat": "once"},  # one-off without a date
        {"repeat": "monthly"},  # monthly with neither rule
        {"repeat": "monthly", "day_of_month": 1, "week_of_month": 1},  # both rules
        {"time": "25:00"},
        {"weekdays": ["monday"]},
        {"date": "2026-12-01", "until": "2026-11-01"},
        {"pin": "1234"},  # unknown keys are errors
    ],
)
def test_invalid_meetings_are_rejected(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        flag_ceremony(**changes)


def test_duplicate_meeting_ids_are_rejected() -> None:
    with pytest.raises(ValidationError, match="twice"):
        ScheduleProfile(meetings=[flag_ceremony(), flag_ceremony()])
    assert ScheduleProfile(meetings=[flag_ceremony()]).meeting("chao-co").name == "Chào cờ đầu tuần"


def test_schedule_reads_from_toml_with_local_times_or_strings() -> None:
    text = """
reminder_minutes = 60
precheck_minutes = 45

[[meetings]]
id = "chao-co"
name = "Chào cờ đầu tuần"
bridge = "tinh"
weekdays = ["mon"]
time = 07:30:00

[[meetings]]
id = "cong-doan"
name = "Họp công đoàn"
bridge = "tinh"
repeat = "monthly"
day_of_month = 15
time = "14:00"
auto_join = true
"""
    schedule = ScheduleProfile.model_validate(tomllib.loads(text))
    assert [m.time for m in schedule.meetings] == [dt.time(7, 30), dt.time(14, 0)]
    dumped = schedule.model_dump(mode="json")
    assert dumped["meetings"][0]["time"] == "07:30:00"
    assert ScheduleProfile.model_validate(dumped) == schedule
