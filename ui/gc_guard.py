"""Run Python's cyclic garbage collector on the GUI thread only.

The collector runs in whichever thread happens to allocate past its threshold: libVLC
callbacks, the support-bundle worker and asyncio executors allocate too. If it frees a Qt
object there, Qt later crashes (timers killed from the wrong thread). So automatic collection
is switched off and a GUI-thread timer collects instead: the young generation often, the whole
heap now and then.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

YOUNG_EVERY_MS = 500
FULL_EVERY_TICKS = 20  # a full collection every 10 s


class GuiThreadCollector(QObject):
    """Owns the timer; ``stop()`` gives automatic collection back to Python."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_tick)
        gc.disable()
        self._timer.start(YOUNG_EVERY_MS)

    def _on_tick(self) -> None:
        self._ticks += 1
        gc.collect(2 if self._ticks % FULL_EVERY_TICKS == 0 else 0)

    def stop(self) -> None:
        """Stop the timer, collect once more and re-enable automatic collection."""
        self._timer.stop()
        gc.collect()
        gc.enable()
