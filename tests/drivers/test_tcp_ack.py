"""quick_ack: the kernel is asked to acknowledge at once; harmless on closed or missing sockets."""

from __future__ import annotations

import socket

import pytest

from drivers.tcp_ack import quick_ack


@pytest.mark.skipif(not hasattr(socket, "TCP_QUICKACK"), reason="TCP_QUICKACK is Linux-only")
def test_quick_ack_sets_the_option_on_a_connected_socket() -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        client = socket.create_connection(server.getsockname())
        accepted, _ = server.accept()
        with client, accepted:
            accepted.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 0)
            quick_ack(accepted)
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK) == 1


def test_quick_ack_ignores_missing_and_closed_sockets() -> None:
    quick_ack(None)  # e.g. an SSH session wrapper has no socket to tune
    closed = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    closed.close()
    quick_ack(closed)  # no exception: the reader notices the closed connection itself
