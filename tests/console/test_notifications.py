from __future__ import annotations

from console.notifications import Notification, Notifications, Severity
from drivers.errors import Problem


def test_post_newest_first_and_published() -> None:
    clock = iter([10.0, 11.0, 12.0])
    notes = Notifications(limit=2, clock=lambda: next(clock))
    seen: list[tuple[Notification, ...]] = []
    notes.subscribe(seen.append)
    notes.post("Cam 1", Problem.NOT_ANSWERING, "no answer")
    notes.post("Cam 2", Problem.PORT_MISSING, severity=Severity.WARNING)
    notes.post("Cam 3", Problem.GARBLED)
    assert [n.device for n in notes.items] == ["Cam 3", "Cam 2"]  # limit drops the oldest
    assert notes.items[1] == Notification("Cam 2", Problem.PORT_MISSING, "", Severity.WARNING, 11.0)
    assert len(seen) == 3


def test_clear_one_device_or_all() -> None:
    notes = Notifications()
    notes.post("Cam 1", Problem.NOT_ANSWERING)
    notes.post("Cam 2", Problem.NOT_ANSWERING)
    notes.clear("Cam 1")
    assert [n.device for n in notes.value] == ["Cam 2"]
    notes.clear()
    assert notes.value == ()
