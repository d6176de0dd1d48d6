import pytest

from drivers.cisco.tsh import LineKind, format_command, parse_line


def test_format_command_quotes_strings() -> None:
    line = format_command("xCommand", "Dial", {"Number": "bridge@example.org", "CallRate": 768})
    assert line == 'xCommand Dial Number: "bridge@example.org" CallRate: 768'


@pytest.mark.parametrize("value", ['x"\nxCommand SystemUnit Boot', "a\rb", "a\\b", "a\x00"])
def test_format_command_refuses_injection(value: str) -> None:
    with pytest.raises(ValueError):
        format_command("xCommand", "Dial", {"Number": value})


@pytest.mark.parametrize(
    ("text", "kind", "path", "value"),
    [
        ("*s Call 2 Status: Connected", LineKind.STATUS, ("Call", "2", "Status"), "Connected"),
        ('*s Call 2 RemoteNumber: "a@b"', LineKind.STATUS, ("Call", "2", "RemoteNumber"), "a@b"),
        ("*s Call 2 (ghost=True):", LineKind.STATUS, ("Call", "2", "(ghost=True)"), ""),
        (
            '*e CallDisconnect CauseType: "RemoteBusy"',
            LineKind.EVENT,
            ("CallDisconnect", "CauseType"),
            "RemoteBusy",
        ),
        ("*r DialResult (status=OK):", LineKind.RESULT, ("DialResult", "(status=OK)"), ""),
        ("** end", LineKind.END, (), ""),
        ("OK", LineKind.OK, (), ""),
        ("ERROR", LineKind.ERROR, (), ""),
        ("    CallId: 2", LineKind.OTHER, (), "CallId: 2"),
    ],
)
def test_parse_line(text: str, kind: LineKind, path: tuple, value: str) -> None:
    line = parse_line(text)
    assert (line.kind, line.path, line.value) == (kind, path, value)
