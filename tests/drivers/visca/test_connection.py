import pytest

from drivers.visca.connection import ConnectionSpec, Transport, parse_connection


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("serial:/dev/ttyUSB0", ConnectionSpec(Transport.SERIAL, "/dev/ttyUSB0")),
        ("serial:COM3", ConnectionSpec(Transport.SERIAL, "COM3")),
        ("visca-ip:127.0.0.1", ConnectionSpec(Transport.SONY_IP, "127.0.0.1", 52381)),
        ("visca-ip:127.0.0.1:6000", ConnectionSpec(Transport.SONY_IP, "127.0.0.1", 6000)),
        ("tcp:127.0.0.1:5678", ConnectionSpec(Transport.TCP, "127.0.0.1", 5678)),
        ("udp:127.0.0.1:1259", ConnectionSpec(Transport.UDP, "127.0.0.1", 1259)),
        ("pty", ConnectionSpec(Transport.PTY)),
    ],
)
def test_parse_connection(text: str, expected: ConnectionSpec) -> None:
    assert parse_connection(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("bluetooth:x", "unknown connection"),
        ("serial:", "names no port"),
        ("tcp:127.0.0.1", "needs a port"),
        ("udp:127.0.0.1:99999", "not a number"),
        ("tcp:127.0.0.1:abc", "not a number"),
    ],
)
def test_parse_connection_errors_say_what_is_expected(text: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        parse_connection(text)


def test_round_trip_through_str() -> None:
    for text in ("serial:/dev/ttyS0", "visca-ip:127.0.0.1:52381", "tcp:127.0.0.1:5678"):
        assert str(parse_connection(text)) == text
