"""Codec and bridge sections of the room profile; bridge PINs live in the OS keyring only.

The file holds where to call and how to behave (dial string, conference ID, DTMF timing, join
state). A PIN is a secret: it is stored with ``keyring`` under the bridge id and the profile has
no field for it, so a PIN typed into the file is rejected as an unknown key.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import urlsplit

import keyring
from keyring.backends import fail
from keyring.errors import KeyringError, PasswordDeleteError
from pydantic import Field, field_validator, model_validator

from console.config.base import LAX, StrictModel, field_error, repeated
from console.config.mixer import AudioStateProfile
from drivers.dialstring import InvalidDialString, validate_dial_string, validate_dtmf
from drivers.errors import Problem

_LOGGER = logging.getLogger(__name__)

KEYRING_SERVICE = "room-console/bridge-pin"
CODEC_PASSWORD_SERVICE = "room-console/codec-password"

BridgeId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=40)]
Seconds = Annotated[float, Field(ge=0.0, le=30.0)]
PresetNumber = Annotated[int, Field(ge=0, le=255)]


class CodecDriver(StrEnum):
    """Which codec the room has (registry driver names)."""

    BARESIP = "baresip"
    CISCO = "cisco-xapi"
    POLY = "poly-telnet"


class CodecProfile(StrictModel):
    """The room's codec: a supervised baresip, or a hardware codec on the network."""

    name: Annotated[str, Field(min_length=1, max_length=60)] = "Codec"  # shown by its light
    driver: Annotated[CodecDriver, LAX] = CodecDriver.BARESIP
    host: Annotated[str | None, Field(min_length=1, max_length=253)] = None
    port: Annotated[int | None, Field(ge=1, le=65535)] = None
    # baresip: attach to a running instance's ctrl_tcp ("127.0.0.1:4444") instead of starting one
    ctrl: Annotated[str | None, Field(pattern=r"^[A-Za-z0-9.\-]+:\d{1,5}$")] = None
    sip_port: Annotated[int | None, Field(ge=1, le=65535)] = None
    user: Annotated[str, Field(pattern=r"^[A-Za-z0-9._-]+$", max_length=40)] = "room"
    # Cisco over SSH: the login name; the password is in the OS keyring (CODEC_PASSWORD_SERVICE)
    username: Annotated[str | None, Field(pattern=r"^[A-Za-z0-9._-]+$", max_length=40)] = None

    @model_validator(mode="after")
    def _check(self) -> CodecProfile:
        if self.driver is not CodecDriver.BARESIP and self.host is None:
            raise ValueError(f"codec driver {self.driver.value!r} needs a host")
        return self

    def driver_kwargs(self, name: str | None = None, password: str | None = None) -> dict[str, Any]:
        """Keyword arguments for the registry factory named by ``driver`` (name: the profile's)."""
        name = name or self.name
        if self.driver is CodecDriver.BARESIP:
            return {"name": name, "ctrl": self.ctrl, "sip_port": self.sip_port, "user": self.user}
        kwargs: dict[str, Any] = {"name": name, "host": self.host, "port": self.port}
        if self.driver is CodecDriver.CISCO and self.username is not None:
            kwargs.update(username=self.username, password=password)
        return kwargs


class BridgeKind(StrEnum):
    """How the bridge is reached."""

    SIP = "sip"
    H323 = "h323"
    IP = "ip"
    JITSI = "jitsi"


class DtmfTiming(StrictModel):
    """When to type the conference ID and PIN at the bridge's voice menu."""

    wait_after_connect: Seconds = 2.0  # the voice menu needs a moment to start listening
    pause: Seconds = 1.0  # what one ',' in the conference ID stands for
    between_id_and_pin: Seconds = 1.5


class BridgeProfile(StrictModel):
    """One bridge the room joins (the first one is the main bridge)."""

    id: BridgeId
    name: Annotated[str, Field(min_length=1, max_length=60)]
    kind: Annotated[BridgeKind, LAX] = BridgeKind.SIP
    dial_string: Annotated[str, Field(min_length=1, max_length=300)]
    call_rate: Annotated[int | None, Field(ge=64, le=20000)] = None  # kbit/s; None = codec default
    conference_id: Annotated[str | None, Field(max_length=64)] = None  # DTMF, e.g. "123456#"
    pin_required: bool = False  # the PIN itself is in the OS keyring under ``id``
    dtmf: DtmfTiming = Field(default_factory=lambda: DtmfTiming())
    join_muted: bool = True
    join_camera_preset: PresetNumber | None = None
    leave_camera_preset: PresetNumber | None = None  # None: cameras go to standby
    join_audio: AudioStateProfile | None = None  # None: the mixer's own on_join state

    @field_validator("conference_id")
    @classmethod
    def _check_conference_id(cls, value: str | None) -> str | None:
        if value is not None:
            validate_dtmf(value, pauses=True)
        return value

    @model_validator(mode="after")
    def _check_dial_string(self) -> BridgeProfile:
        problem = self._dial_string_problem()
        if problem is not None:
            raise field_error(BridgeProfile, ("dial_string",), problem, self.dial_string)
        return self

    def _dial_string_problem(self) -> str | None:
        """Say what is wrong with ``dial_string`` for this kind of bridge (None: nothing)."""
        if self.kind is BridgeKind.JITSI:
            parts = urlsplit(self.dial_string)
            if parts.scheme != "https" or not parts.hostname or parts.fragment:
                return "a Jitsi bridge needs an https://host/room URL without '#'"
            if "@" in parts.netloc:  # https://meet.example@other.example/ goes to other.example
                return (
                    "a Jitsi URL must not have a user name before the host (user@): "
                    f"it would open {parts.hostname}"
                )
        try:
            validate_dial_string(self.dial_string)
        except InvalidDialString as exc:
            return str(exc)
        return None


class CallProfile(StrictModel):
    """Codec plus bridges: the ``[call]`` section of the room profile."""

    codec: CodecProfile = Field(default_factory=lambda: CodecProfile())
    bridges: list[BridgeProfile] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_unique_ids(self) -> CallProfile:
        twice = repeated([bridge.id for bridge in self.bridges])
        if twice is not None:
            ident = self.bridges[twice[1]].id
            raise field_error(
                CallProfile,
                ("bridges", twice[1], "id"),
                f"bridge ids used twice: [{ident!r}] (bridges[{twice[0] + 1}] has it too)",
                ident,
            )
        return self

    def bridge(self, bridge_id: str | None = None) -> BridgeProfile:
        """Return the bridge with ``bridge_id``, or the main (first) one (KeyError if none)."""
        for bridge in self.bridges:
            if bridge_id is None or bridge.id == bridge_id:
                return bridge
        raise KeyError(bridge_id or "no bridge configured")


class PinStoreUnavailable(Exception):
    """No OS keyring backend: the PIN cannot be stored or read (tell the technician)."""

    problem = Problem.LIBRARY_MISSING


class PinStore:
    """Bridge PINs in the OS keyring (``keyring``); never written to the profile or the log."""

    def __init__(self, backend: Any | None = None, service: str = KEYRING_SERVICE) -> None:
        self._backend = backend
        self._service = service  # CODEC_PASSWORD_SERVICE keeps codec logins the same way

    def _keyring(self) -> Any:
        """Return the keyring backend; PinStoreUnavailable when none is usable."""
        backend = self._backend or keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            raise PinStoreUnavailable("no OS keyring backend (install one, e.g. Secret Service)")
        return backend

    def get(self, bridge_id: str) -> str | None:
        """Return the stored PIN of ``bridge_id`` (None if none is stored)."""
        try:
            pin: str | None = self._keyring().get_password(self._service, bridge_id)
        except KeyringError as exc:
            raise PinStoreUnavailable(f"keyring failed: {type(exc).__name__}") from exc
        return pin

    def set(self, bridge_id: str, pin: str) -> None:
        """Store the PIN of ``bridge_id`` (DTMF digits only)."""
        if self._service == KEYRING_SERVICE:
            validate_dtmf(pin)  # a bridge PIN is typed as DTMF
        try:
            self._keyring().set_password(self._service, bridge_id, pin)
        except KeyringError as exc:
            raise PinStoreUnavailable(f"keyring failed: {type(exc).__name__}") from exc
        _LOGGER.info("PIN of bridge %s stored in the keyring", bridge_id)

    def delete(self, bridge_id: str) -> None:
        """Forget the PIN of ``bridge_id`` (no error if none was stored)."""
        try:
            self._keyring().delete_password(self._service, bridge_id)
        except PasswordDeleteError:
            return
        except KeyringError as exc:
            raise PinStoreUnavailable(f"keyring failed: {type(exc).__name__}") from exc
