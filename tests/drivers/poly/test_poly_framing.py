import pytest

from drivers.poly.framing import PolyFramer, PolyLine, dial_command, parse_callstatus

STREAM = b'dial manual 384 "a@b"\n\rdialing manual\r\nmute near on\n\rmute near on\r\n'


def test_echo_and_acknowledgement_told_apart_by_line_end() -> None:
    assert PolyFramer().feed(STREAM) == [
        PolyLine('dial manual 384 "a@b"', echo=True),
        PolyLine("dialing manual", echo=False),
        PolyLine("mute near on", echo=True),
        PolyLine("mute near on", echo=False),
    ]


def test_any_chunking_gives_the_same_lines() -> None:
    expected = PolyFramer().feed(STREAM)
    for size in range(1, 8):
        framer = PolyFramer()
        lines = []
        for start in range(0, len(STREAM), size):
            lines += framer.feed(STREAM[start : start + size])
        assert lines == expected


def test_endless_line_is_dropped_and_the_next_line_comes_through() -> None:
    dropped: list[bytes] = []
    framer = PolyFramer(on_overlong=dropped.append)
    assert framer.feed(b"x" * 5000) == []
    assert framer.feed(b"x" * 5000 + b"\r\nwake\r\n") == [PolyLine("wake", echo=False)]
    assert framer.dropped == 1 and len(dropped) == 1


def test_dial_command_validates() -> None:
    assert dial_command("10.0.0.5", 768, "h323") == 'dial manual 768 "10.0.0.5" h323'
    with pytest.raises(ValueError):
        dial_command('a"\r\nhangup all')
    with pytest.raises(ValueError):
        dial_command("a@b", 10)


def test_parse_callstatus() -> None:
    status = parse_callstatus(
        "notification:callstatus:outgoing:45:Bridge:10.0.0.5:connected:384:0:videocall"
    )
    assert status is not None
    assert (status.call_id, status.far_name, status.state) == ("45", "Bridge", "connected")
    assert parse_callstatus("notification:mutestatus:near") is None
