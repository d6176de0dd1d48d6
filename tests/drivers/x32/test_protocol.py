"""Byte vectors and meter blobs for the X32/X-Air OSC protocol module."""

from __future__ import annotations

import math
import struct

import pytest

from drivers.errors import DeviceParseError
from drivers.roles.mixer import METER_FLOOR_DB, fader_to_db, linear_to_dbfs
from drivers.x32 import protocol
from drivers.x32.protocol import X32, XAIR, Parameter


@pytest.mark.parametrize(
    ("address", "args", "hex_bytes"),
    [
        ("/info", (), "2f696e666f0000002c000000"),
        (
            "/ch/01/mix/fader",
            (0.5,),
            "2f63682f30312f6d69782f6661646572000000002c6600003f000000",
        ),
        ("/ch/02/mix/on", (0,), "2f63682f30322f6d69782f6f6e0000002c69000000000000"),
    ],
)
def test_encode_matches_desk_vectors(address: str, args: tuple[float, ...], hex_bytes: str) -> None:
    assert protocol.encode(address, *args).hex() == hex_bytes
    assert protocol.decode(bytes.fromhex(hex_bytes)) == [protocol.Message(address, args)]


def test_bool_is_sent_as_int_not_osc_true() -> None:
    assert protocol.decode(protocol.encode("/ch/01/mix/on", True))[0].args == (1,)


def test_decode_rejects_non_osc() -> None:
    with pytest.raises(DeviceParseError):
        protocol.decode(b"\x00\x01garbage")


@pytest.mark.parametrize(
    ("desk", "fader", "on"),
    [(X32, "/main/st/mix/fader", "/main/st/mix/on"), (XAIR, "/lr/mix/fader", "/lr/mix/on")],
)
def test_main_addresses_differ_by_model(desk: protocol.DeskModel, fader: str, on: str) -> None:
    assert protocol.main_fader(desk) == fader
    assert protocol.main_on(desk) == on
    assert protocol.classify(desk, fader) == Parameter("main_fader")
    other = XAIR if desk is X32 else X32
    assert protocol.classify(desk, protocol.main_fader(other)) is None


def test_classify_channels_and_groups_within_model_limits() -> None:
    assert protocol.classify(X32, "/ch/32/mix/on") == Parameter("on", 32)
    assert protocol.classify(XAIR, "/ch/17/mix/on") is None  # an XR18 has 16 channels
    assert protocol.classify(X32, "/ch/03/config/name") == Parameter("name", 3)
    assert protocol.classify(X32, "/config/mute/6") == Parameter("mute_group", 6)
    assert protocol.classify(XAIR, "/config/mute/5") is None
    assert protocol.classify(X32, "/ch/01/mix/pan") is None


def test_x32_meter_blob_is_little_endian_linear_float() -> None:
    blob = struct.pack("<i3f", 3, 1.0, 0.1, 0.0)
    levels = protocol.decode_meter_blob(X32, blob)
    assert levels[0] == pytest.approx(0.0)
    assert levels[1] == pytest.approx(-20.0)
    assert levels[2] == METER_FLOOR_DB


def test_xair_meter_blob_is_int16_in_256ths_of_a_db() -> None:
    blob = struct.pack("<i3h", 3, 0, -20 * 256, -128)
    assert protocol.decode_meter_blob(XAIR, blob) == (0.0, -20.0, -0.5)


@pytest.mark.parametrize("desk", [X32, XAIR])
def test_meter_blob_round_trip(desk: protocol.DeskModel) -> None:
    levels = [-6.0, -42.5, METER_FLOOR_DB]
    decoded = protocol.decode_meter_blob(desk, protocol.encode_meter_blob(desk, levels))
    assert decoded == pytest.approx(levels, abs=0.01)


@pytest.mark.parametrize("blob", [b"\x01\x00", struct.pack("<i2f", 3, 0.1, 0.2), b"\xff" * 4])
def test_bad_meter_blob_is_a_protocol_error(blob: bytes) -> None:
    with pytest.raises(DeviceParseError):
        protocol.decode_meter_blob(X32, blob)


@pytest.mark.parametrize(
    ("fader", "db"), [(1.0, 10.0), (0.75, 0.0), (0.5, -10.0), (0.25, -30.0), (0.0625, -60.0)]
)
def test_fader_law(fader: float, db: float) -> None:
    assert fader_to_db(fader) == pytest.approx(db)


def test_fader_zero_is_minus_infinity_and_linear_zero_is_floor() -> None:
    assert fader_to_db(0.0) == -math.inf
    assert linear_to_dbfs(0.0) == METER_FLOOR_DB


def test_unknown_model_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="x99"):
        protocol.model("x99")


def test_check_level_rejects_out_of_range() -> None:
    with pytest.raises(ValueError):
        protocol.check_level(1.5)
