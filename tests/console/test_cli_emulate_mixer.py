"""``roomctl emulate mixer`` serves a desk that a plain OSC client can talk to."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys

from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder


def test_emulate_mixer_answers_a_plain_osc_client() -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "console.cli",
            "emulate",
            "mixer",
            "xair",
            "--listen",
            "127.0.0.1:0",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.search(r"127\.0\.0\.1:(\d+)", line)
        assert match, line
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.settimeout(5)
            sock.sendto(OscMessageBuilder("/lr/mix/on").build().dgram, ("127.0.0.1", int(match[1])))
            reply = OscMessage(sock.recv(1024))
        assert reply.address == "/lr/mix/on"
        assert reply.params in ([0], [1])
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(10) == 0
