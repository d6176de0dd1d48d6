import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.dialstring import InvalidDialString, validate_dial_string, validate_dtmf


@pytest.mark.parametrize(
    "good",
    [
        "sip:bridge@127.0.0.1:5080",
        "bridge@example.org",
        "sip:meet@example.org;transport=tcp",
        "10.0.0.5##1234",
        "h323:alias@gk.example.org",
        "+84241234567",
    ],
)
def test_accepts_ordinary_addresses(good: str) -> None:
    assert validate_dial_string(good) == good


@pytest.mark.parametrize(
    "attack",
    [
        'bridge@x"\nxCommand SystemUnit Boot',  # Cisco TSH injection
        "bridge@x\r\nhangup all",  # Poly telnet injection
        "bridge@x\nxCommand Call Disconnect",
        "bridge@x'; reboot",
        'a"b',
        "a b",
        "a\tb",
        "a\x00b",
        "a\x1bb",
        "a\\b",
        "a`b`",
        "<sip:a@b>",
        "bridge@x\u2028xStatus",  # unicode line separator
        "bridge@x\u202e",  # right-to-left override
        "bridgé@x",
        "",
        "a" * 201,
    ],
)
def test_rejects_injection_and_control_characters(attack: str) -> None:
    with pytest.raises(InvalidDialString):
        validate_dial_string(attack)


def test_error_message_never_echoes_the_control_character() -> None:
    with pytest.raises(InvalidDialString) as caught:
        validate_dial_string("x\ny")
    assert "\n" not in str(caught.value)
    assert "U+000A" in str(caught.value)


@given(st.text())
def test_nothing_dangerous_ever_passes(text: str) -> None:
    try:
        validated = validate_dial_string(text)
    except InvalidDialString:
        return
    assert validated.isascii() and validated.isprintable()
    assert not any(ch in validated for ch in "\"'\r\n\t\\ `<>")


@pytest.mark.parametrize("digits", ["1234#", "*99,,1234#", "ABCD"])
def test_dtmf_accepts_tones_and_pauses(digits: str) -> None:
    assert validate_dtmf(digits, pauses=True) == digits


def test_dtmf_pauses_only_when_asked() -> None:
    with pytest.raises(InvalidDialString):
        validate_dtmf("12,34")


@pytest.mark.parametrize("digits", ["12\n34", '1"', "12 34", "", "x", "1" * 65])
def test_dtmf_rejects_everything_else(digits: str) -> None:
    with pytest.raises(InvalidDialString):
        validate_dtmf(digits)
