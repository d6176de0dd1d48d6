"""The latest-frame slot: newest wins, buffers are reused only when nobody reads them."""

from __future__ import annotations

import threading

import numpy as np

from drivers.video import FrameSlot
from drivers.video.frames import aligned_pixels


def test_take_returns_newest_once() -> None:
    slot = FrameSlot()
    for value in (1, 2, 3):
        buffer = slot.buffer(4, 2)
        buffer[:] = value
        slot.put(buffer)
    frame = slot.take()
    assert frame is not None and frame.number == 3 and int(frame.pixels[0, 0, 0]) == 3
    assert slot.take() is None
    assert slot.frames_received == 3


def test_untaken_frames_are_recycled_but_taken_ones_are_not() -> None:
    slot = FrameSlot()
    first = slot.buffer(4, 2)
    slot.put(first)
    taken = slot.take()
    assert taken is not None
    second = slot.buffer(4, 2)
    assert second is not first  # the consumer still paints ``first``
    slot.put(second)
    slot.release(taken)
    assert slot.buffer(4, 2) is first  # handed back: reused, no new allocation


def test_visible_crop_and_snapshot_is_a_private_copy() -> None:
    slot = FrameSlot()
    buffer = slot.buffer(8, 6)
    buffer[:] = 7
    slot.put(buffer, visible=(8, 4))
    snap = slot.snapshot()
    assert snap is not None and snap.pixels.shape == (4, 8, 4)
    buffer[:] = 0
    assert int(snap.pixels[0, 0, 0]) == 7
    assert slot.size == (8, 4)


def test_buffers_are_32_byte_aligned_for_libvlc() -> None:
    for width in (1, 3, 320, 1280):
        assert aligned_pixels(width, 3).ctypes.data % 32 == 0


def test_threads_put_while_consumer_takes() -> None:
    slot = FrameSlot()

    def produce() -> None:
        for _ in range(500):
            buffer = slot.buffer(16, 16)
            buffer[:] = 1
            slot.put(buffer)

    thread = threading.Thread(target=produce)
    thread.start()
    seen = 0
    while thread.is_alive() or seen == 0:
        frame = slot.take()
        if frame is not None:
            assert np.all(frame.pixels == 1)
            seen = frame.number
            slot.release(frame)
    thread.join()
    assert slot.frames_received == 500
