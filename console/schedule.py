"""The meeting scheduler: reminder, pre-meeting check, join prompt and auto-join, each once.

Qt-free with an injectable clock (naive local time). ``poll()`` fires every event that is due
and not fired yet; ``run()`` polls and sleeps until the next one (at most ``max_sleep``, so a
changed wall clock or an edited schedule is noticed). An event that comes due while the console
was off still fires when it starts, as long as the meeting has not begun (the join prompt and
auto-join: until ``late_grace_minutes`` after the start); after that it is dropped.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from console.config.schedule import MeetingProfile, ScheduleProfile

_LOGGER = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
EventCallback = Callable[["ScheduleEvent"], None]
_LOOKBACK_DAYS = 1  # the late grace can reach back over midnight
_LOOKAHEAD_DAYS = 62  # far enough for "the last Friday of next month"


class EventKind(StrEnum):
    """What the console should do now, in the order they come for one meeting."""

    REMINDER = "reminder"
    PRECHECK = "precheck"
    JOIN_PROMPT = "join_prompt"
    AUTO_JOIN = "auto_join"


@dataclass(frozen=True)
class Occurrence:
    """One sitting of a meeting."""

    meeting_id: str
    name: str
    bridge: str
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class ScheduleEvent:
    """An action for one occurrence, due at ``due``."""

    kind: EventKind
    occurrence: Occurrence
    due: dt.datetime

    @property
    def key(self) -> tuple[str, dt.datetime, EventKind]:
        """Identity used to fire each event exactly once."""
        return (self.occurrence.meeting_id, self.occurrence.start, self.kind)


def occurrences(
    meeting: MeetingProfile, first_day: dt.date, last_day: dt.date
) -> Iterator[Occurrence]:
    """Yield the meeting's sittings starting on days ``first_day`` .. ``last_day``."""
    day = first_day
    while day <= last_day:
        if meeting.occurs_on(day):
            start = dt.datetime.combine(day, meeting.time)
            end = start + dt.timedelta(minutes=meeting.duration_minutes)
            yield Occurrence(meeting.id, meeting.name, meeting.bridge, start, end)
        day += dt.timedelta(days=1)


def events_for(
    schedule: ScheduleProfile, meeting: MeetingProfile, sitting: Occurrence
) -> list[ScheduleEvent]:
    """List the events of one sitting (lead times: the meeting's own, else the defaults)."""

    def lead(value: int | None, default: int) -> dt.datetime:
        return sitting.start - dt.timedelta(minutes=default if value is None else value)

    events = [
        ScheduleEvent(
            EventKind.REMINDER, sitting, lead(meeting.reminder_minutes, schedule.reminder_minutes)
        ),
        ScheduleEvent(
            EventKind.PRECHECK, sitting, lead(meeting.precheck_minutes, schedule.precheck_minutes)
        ),
        ScheduleEvent(
            EventKind.JOIN_PROMPT,
            sitting,
            lead(meeting.join_prompt_minutes, schedule.join_prompt_minutes),
        ),
    ]
    auto = schedule.auto_join if meeting.auto_join is None else meeting.auto_join
    if auto:
        events.append(
            ScheduleEvent(EventKind.AUTO_JOIN, sitting, lead(None, schedule.auto_join_minutes))
        )
    return events


class FastClock:
    """Local wall-clock time running ``speed`` times faster from now on (tests, training)."""

    def __init__(self, speed: float, start: dt.datetime | None = None) -> None:
        self.speed = speed
        self._start = start or dt.datetime.now()
        self._started = time.monotonic()

    def __call__(self) -> dt.datetime:
        """Return the sped-up time now."""
        elapsed = (time.monotonic() - self._started) * self.speed
        return self._start + dt.timedelta(seconds=elapsed)


class Scheduler:
    """Fires schedule events exactly once each, to every subscriber, in due order."""

    def __init__(
        self,
        schedule: ScheduleProfile,
        *,
        clock: Clock = dt.datetime.now,
        max_sleep: float = 30.0,
    ) -> None:
        self.schedule = schedule
        self.clock = clock
        self.max_sleep = max_sleep
        self._fired: set[tuple[str, dt.datetime, EventKind]] = set()
        self._callbacks: list[EventCallback] = []

    def subscribe(self, callback: EventCallback) -> Callable[[], None]:
        """Call ``callback`` for every fired event; returns a function that unsubscribes."""
        self._callbacks.append(callback)
        return lambda: self._callbacks.remove(callback) if callback in self._callbacks else None

    def update(self, schedule: ScheduleProfile) -> None:
        """Use an edited schedule; events already fired stay fired."""
        self.schedule = schedule

    def _expiry(self, event: ScheduleEvent) -> dt.datetime:
        """After this an unfired event is pointless and dropped."""
        if event.kind in (EventKind.JOIN_PROMPT, EventKind.AUTO_JOIN):
            return event.occurrence.start + dt.timedelta(minutes=self.schedule.late_grace_minutes)
        return event.occurrence.start

    def _events(self, first_day: dt.date, last_day: dt.date) -> list[ScheduleEvent]:
        found = [
            event
            for meeting in self.schedule.meetings
            for sitting in occurrences(meeting, first_day, last_day)
            for event in events_for(self.schedule, meeting, sitting)
        ]
        return sorted(
            found, key=lambda e: (e.due, e.occurrence.start, list(EventKind).index(e.kind))
        )

    def pending(self, now: dt.datetime | None = None) -> list[ScheduleEvent]:
        """Events not fired yet whose time has not passed, soonest first."""
        now = now or self.clock()
        first = now.date() - dt.timedelta(days=_LOOKBACK_DAYS)
        last = now.date() + dt.timedelta(days=_LOOKAHEAD_DAYS)
        return [
            e
            for e in self._events(first, last)
            if e.key not in self._fired and now < self._expiry(e)
        ]

    def upcoming(self, limit: int = 5) -> list[Occurrence]:
        """List the next sittings not started yet (or within the late grace), soonest first."""
        now = self.clock()
        seen: dict[tuple[str, dt.datetime], Occurrence] = {}
        for event in self.pending(now):
            seen.setdefault((event.occurrence.meeting_id, event.occurrence.start), event.occurrence)
        return sorted(seen.values(), key=lambda o: o.start)[:limit]

    def next_due(self) -> dt.datetime | None:
        """When the next event comes due (None if the schedule is empty)."""
        pending = self.pending()
        return pending[0].due if pending else None

    def poll(self) -> list[ScheduleEvent]:
        """Fire every due, unfired event (oldest first) and return them."""
        now = self.clock()
        due = [event for event in self.pending(now) if event.due <= now]
        for event in due:
            self._fired.add(event.key)
            _LOGGER.info(
                "schedule: %s for %s at %s",
                event.kind,
                event.occurrence.meeting_id,
                event.occurrence.start,
            )
            for callback in list(self._callbacks):
                try:
                    callback(event)
                except Exception:  # a broken subscriber must not stop the others
                    _LOGGER.exception("schedule subscriber %r failed", callback)
        self._forget_old(now)
        return due

    def _forget_old(self, now: dt.datetime) -> None:
        """Keep the fired set small: sittings over a day ago cannot fire again anyway."""
        horizon = now - dt.timedelta(days=_LOOKBACK_DAYS + 1)
        self._fired = {key for key in self._fired if key[1] >= horizon}

    async def run(self) -> None:
        """Poll forever, sleeping until the next event (cancel the task to stop)."""
        while True:
            self.poll()
            due = self.next_due()
            wait = self.max_sleep
            if due is not None:
                wait = min(wait, max(0.0, (due - self.clock()).total_seconds()))
            await asyncio.sleep(max(wait, 0.01))
