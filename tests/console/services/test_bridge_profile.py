import logging

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from pydantic import ValidationError

from console.config.codec import (
    BridgeProfile,
    CallProfile,
    CodecProfile,
    PinStore,
    PinStoreUnavailable,
)


class MemoryKeyring(KeyringBackend):
    """A keyring backend kept in memory (keyring's own plug-in interface)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


def test_bridge_profile_round_trip() -> None:
    data = {
        "id": "main",
        "name": "Cầu chính",
        "kind": "sip",
        "dial_string": "sip:mcu@example.org",
        "call_rate": 1920,
        "conference_id": "123456,#",
        "pin_required": True,
        "dtmf": {"wait_after_connect": 3, "pause": 0.5},
        "join_muted": True,
        "join_camera_preset": 1,
        "join_audio": {"mute_microphones": True},
    }
    bridge = BridgeProfile.model_validate(data)
    assert BridgeProfile.model_validate(bridge.model_dump()) == bridge


@pytest.mark.parametrize(
    "changes",
    [
        {"pin": "1234"},  # a PIN in the file is refused: it belongs in the keyring
        {"dial_string": 'sip:x@y"\nxCommand Boot'},
        {"conference_id": "12\n34"},
        {"kind": "jitsi", "dial_string": "http://meet.example.org/room"},
        {"kind": "jitsi", "dial_string": "https://meet.example.org/room#x"},
        {"call_rate": 10},
    ],
)
def test_bad_bridge_profiles_are_refused(changes: dict) -> None:
    data = {"id": "main", "name": "Main", "dial_string": "sip:mcu@example.org"} | changes
    with pytest.raises(ValidationError):
        BridgeProfile.model_validate(data)


def test_call_profile_main_bridge_and_ids() -> None:
    bridges = [
        {"id": "a", "name": "A", "dial_string": "a@x"},
        {"id": "b", "name": "B", "dial_string": "b@x"},
    ]
    call = CallProfile.model_validate({"bridges": bridges})
    assert call.bridge().id == "a" and call.bridge("b").id == "b"
    with pytest.raises(KeyError):
        call.bridge("c")
    with pytest.raises(ValidationError):
        CallProfile.model_validate({"bridges": [*bridges, bridges[0]]})


def test_codec_profile_driver_kwargs() -> None:
    assert CodecProfile().driver_kwargs()["ctrl"] is None
    with pytest.raises(ValidationError):
        CodecProfile(driver="cisco-xapi")
    assert CodecProfile(driver="cisco-xapi", host="127.0.0.1").driver_kwargs()["host"]


def test_pin_store_keeps_pins_in_the_keyring_only(caplog) -> None:
    caplog.set_level(logging.DEBUG)
    backend = MemoryKeyring()
    pins = PinStore(backend)
    assert pins.get("main") is None
    pins.set("main", "97531#")
    assert pins.get("main") == "97531#"
    assert "97531" not in caplog.text
    pins.delete("main")
    pins.delete("main")  # twice is fine
    assert pins.get("main") is None


def test_pin_store_rejects_non_dtmf_pins() -> None:
    with pytest.raises(ValueError):
        PinStore(MemoryKeyring()).set("main", "12\n34")


def test_no_keyring_backend_is_a_clear_error() -> None:
    pins = PinStore(fail.Keyring())
    with pytest.raises(PinStoreUnavailable) as caught:
        pins.get("main")
    assert caught.value.problem.value == "library_missing"
    with pytest.raises(PinStoreUnavailable):
        pins.set("main", "1234")


def test_cisco_ssh_login_kwargs_and_password_store() -> None:
    from console.config.codec import CODEC_PASSWORD_SERVICE

    profile = CodecProfile(driver="cisco-xapi", host="127.0.0.1", username="admin")
    assert profile.driver_kwargs(password="pw")["username"] == "admin"
    assert "username" not in CodecProfile(driver="poly-telnet", host="h").driver_kwargs()
    backend = MemoryKeyring()
    PinStore(backend, service=CODEC_PASSWORD_SERVICE).set("admin", "not digits!")
    assert backend.store == {(CODEC_PASSWORD_SERVICE, "admin"): "not digits!"}
