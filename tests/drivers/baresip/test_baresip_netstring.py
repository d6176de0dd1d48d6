import pytest

from drivers.baresip.netstring import NetstringDecoder, encode
from drivers.errors import DeviceProtocolError


def test_encode() -> None:
    assert encode(b'{"a":1}') == b'7:{"a":1},'
    assert encode(b"") == b"0:,"


def test_decode_any_chunking() -> None:
    stream = encode(b"hello") + encode(b"") + encode(b'{"x":"1:2,"}')
    for size in range(1, len(stream) + 1):
        decoder = NetstringDecoder()
        frames = []
        for start in range(0, len(stream), size):
            frames += decoder.feed(stream[start : start + size])
        assert frames == [b"hello", b"", b'{"x":"1:2,"}']


@pytest.mark.parametrize("bad", [b"x5:hello,", b"5:hello;", b"05:hello,", b"99999999999"])
def test_desync_is_a_protocol_error(bad: bytes) -> None:
    with pytest.raises(DeviceProtocolError):
        NetstringDecoder().feed(bad)


def test_oversized_frame_rejected() -> None:
    with pytest.raises(DeviceProtocolError):
        NetstringDecoder().feed(b"99999999:")
