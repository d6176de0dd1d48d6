"""Property tests: the decoders survive any chunking and interleaved garbage."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.visca import protocol as v
from drivers.visca.replies import is_command_header, is_reply_header

addresses = st.integers(1, 7)
sockets = st.integers(0, 15)

replies: st.SearchStrategy[v.Reply] = st.one_of(
    st.builds(v.Ack, addresses, sockets),
    st.builds(
        v.Completion,
        addresses,
        sockets,
        st.binary(max_size=13).map(lambda b: bytes(x & 0x7F for x in b)),
    ),
    st.builds(
        v.ErrorReply,
        addresses,
        sockets,
        st.sampled_from(list(v.ViscaErrorCode)),
    ),
    st.builds(v.AddressSetReply, st.integers(1, 8)),
    st.builds(v.NetworkChange, addresses),
    st.builds(v.IfClearReply, st.one_of(st.none(), addresses)),
)


def encode_reply(reply: v.Reply) -> bytes:
    """Wire bytes of a reply (the camera/emulator side of the protocol)."""
    if isinstance(reply, v.AddressSetReply):
        return bytes([0x88, 0x30, reply.next_address, 0xFF])
    if isinstance(reply, v.IfClearReply):
        header = 0x88 if reply.address is None else (reply.address + 8) << 4
        return bytes([header, 0x01, 0x00, 0x01, 0xFF])
    header = bytes([(reply.address + 8) << 4])
    if isinstance(reply, v.Ack):
        return header + bytes([0x40 | reply.socket, 0xFF])
    if isinstance(reply, v.Completion):
        return header + bytes([0x50 | reply.socket]) + reply.data + b"\xff"
    if isinstance(reply, v.ErrorReply):
        return header + bytes([0x60 | reply.socket, reply.code, 0xFF])
    return header + b"\x38\xff"


# Garbage of two kinds: idle noise that cannot start a packet, and FF-terminated junk
# (over-long packets, unknown packets, controller echoes) that must not decode to a reply.
idle_noise = st.binary(min_size=1, max_size=8).map(
    lambda b: bytes(x for x in b if not is_reply_header(x)) or b"\x00"
)
terminated_junk = (
    st.binary(max_size=30)
    .map(lambda b: bytes(x for x in b if x != 0xFF) + b"\xff")
    .filter(lambda b: v.ReplyDecoder().feed(b) == [])
)
garbage = st.one_of(idle_noise, terminated_junk)


@st.composite
def streams(draw: st.DrawFn) -> tuple[list[v.Reply], bytes]:
    """Valid replies with garbage between them."""
    wanted = draw(st.lists(replies, max_size=12))
    stream = bytearray()
    for reply in wanted:
        if draw(st.booleans()):
            stream += draw(garbage)
        stream += encode_reply(reply)
    if draw(st.booleans()):
        stream += draw(garbage)
    return wanted, bytes(stream)


def chunk(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    bounds = [0, *points, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(bounds)]


@settings(max_examples=150, deadline=None)
@given(streams(), st.lists(st.integers(0, 1000), max_size=20))
def test_reply_decoder_any_chunking_with_garbage(
    stream: tuple[list[v.Reply], bytes], cuts: list[int]
) -> None:
    wanted, data = stream
    decoder = v.ReplyDecoder()
    got: list[v.Reply] = []
    for piece in chunk(data, cuts):
        got += decoder.feed(piece)
    assert got == wanted
    assert decoder.garbage_bytes == len(data) - sum(len(encode_reply(r)) for r in wanted)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_reply_decoder_never_crashes_on_noise(data: bytes) -> None:
    decoder = v.ReplyDecoder()
    decoder.feed(data)
    # After any noise, an FF then a valid reply always gets through (the FF may complete
    # a packet the noise started; that one is whatever it is).
    assert decoder.feed(b"\xff\x90\x41\xff")[-1:] == [v.Ack(1, 1)]


commands = st.sampled_from(
    [
        v.power(True),
        v.pan_tilt_drive(v.PanTiltDirection.UP, 3, 4),
        v.pan_tilt_absolute(-100, 200, 5, 5),
        v.zoom_direct(0x1234),
        v.inquire_position(),
        v.preset(v.PresetAction.RECALL, 3),
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(commands, addresses), max_size=8),
    st.binary(max_size=6).map(lambda b: bytes(x for x in b if not is_command_header(x))),
    st.lists(st.integers(0, 500), max_size=15),
)
def test_command_decoder_any_chunking(
    sent: list[tuple[v.Command, int]], noise: bytes, cuts: list[int]
) -> None:
    data = b"".join(noise + command.packet(address) for command, address in sent)
    decoder = v.CommandDecoder()
    packets: list[bytes] = []
    for piece in chunk(data, cuts):
        packets += decoder.feed(piece)
    assert packets == [command.packet(address) for command, address in sent]
    parsed = [v.parse_packet(p) for p in packets]
    assert [p.name for p in parsed if p] == [c.name for c, _ in sent]
