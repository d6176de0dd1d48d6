"""Preview latency and CPU: our libVLC/PyAV preview path against libVLC defaults and a null player.

Latency: a 1280x720 30 fps picture generated here carries its send time (CLOCK_MONOTONIC,
shared by all processes) as black/white blocks; ffmpeg encodes it (x264 zerolatency) and sends
MPEG-TS over UDP to 127.0.0.1 with a 100 ms mux delay, as low-latency cameras do. The preview
path decodes it and a 15 ms GUI-like poll (the widget's timer) takes the newest frame; latency
is "picked up for painting" minus "generated". Configurations run one after the other against
the same sender: libVLC defaults, our options, and PyAV.

CPU (bench/preview_cpu.py): two 720p30 ffmpeg test streams shown on screen by the real
cvlc program (its default output, and its X11 output at the previews' size), by libVLC with a
null output (the decoding floor) and by the console's two preview widgets, each contender on
its own Xvfb, counting its X server too, in rotating rounds.

Usage: python bench/preview_latency.py [--seconds 8] [--rounds 3] [--no-cpu]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from preview_cpu import cpu_rounds

from drivers.video import Decoder, PlayerState, VideoPlayer, VideoSource

WIDTH, HEIGHT, FPS = 1280, 720, 30
BLOCK = 32  # code blocks of 32x32 px survive H.264 compression easily
BITS = 56  # 40 bits of time (0.1 ms units) + 16 bits frame number
POLL = 0.015  # ui.preview.FRAME_POLL_MS
UNIT = 10_000  # time unit per second (0.1 ms)
CACHING = VideoSource("").caching_ms  # the null baseline buffers like our previews


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def now_units() -> int:
    return time.monotonic_ns() // (1_000_000_000 // UNIT)


def encode_code(picture: np.ndarray, value: int) -> None:
    """Draw ``value`` and an 8-bit checksum as blocks (white = 1) along the top rows."""
    checksum = sum(value.to_bytes(7, "big")) & 0xFF
    bits = [(value >> (BITS - 1 - i)) & 1 for i in range(BITS)]
    bits += [(checksum >> (7 - i)) & 1 for i in range(8)]
    per_row = WIDTH // BLOCK
    for i, bit in enumerate(bits):
        y, x = divmod(i, per_row)
        picture[y * BLOCK : (y + 1) * BLOCK, x * BLOCK : (x + 1) * BLOCK] = 255 if bit else 0


def decode_code(bgrx: np.ndarray) -> int | None:
    """Read the value back from a decoded picture (None when the checksum does not match)."""
    per_row = WIDTH // BLOCK
    bits = []
    for i in range(BITS + 8):
        y, x = divmod(i, per_row)
        bits.append(int(bgrx[y * BLOCK + BLOCK // 2, x * BLOCK + BLOCK // 2, 1] > 127))
    value = int("".join(map(str, bits[:BITS])), 2)
    checksum = int("".join(map(str, bits[BITS:])), 2)
    return value if sum(value.to_bytes(7, "big")) & 0xFF == checksum else None


class TimestampSender:
    """Generates coded pictures at 30 fps and pipes them through ffmpeg to UDP."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._stop = threading.Event()
        self._ffmpeg = subprocess.Popen(
            ["ffmpeg", "-nostdin", "-loglevel", "error",
             "-f", "rawvideo", "-pix_fmt", "gray", "-s", f"{WIDTH}x{HEIGHT}", "-r", str(FPS),
             "-i", "-", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
             "-g", str(FPS), "-bf", "0", "-muxdelay", "0.1",
             "-f", "mpegts", f"udp://127.0.0.1:{port}?pkt_size=1316"],
            stdin=subprocess.PIPE,
        )  # fmt: skip
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        assert self._ffmpeg.stdin is not None
        ramp = np.tile(np.linspace(40, 200, WIDTH, dtype=np.uint8), (HEIGHT, 1))
        start = time.monotonic()
        number = 0
        while not self._stop.is_set():
            picture = ramp.copy()
            bar = (number * 12) % WIDTH
            picture[300:600, bar : bar + 60] = 255  # motion, so the encoder has work to do
            encode_code(picture, (now_units() & (2**40 - 1)) << 16 | (number & 0xFFFF))
            try:
                self._ffmpeg.stdin.write(picture.tobytes())
                self._ffmpeg.stdin.flush()
            except (BrokenPipeError, ValueError):
                return
            number += 1
            time.sleep(max(0.0, start + number / FPS - time.monotonic()))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        if self._ffmpeg.stdin is not None:
            self._ffmpeg.stdin.close()
        self._ffmpeg.terminate()
        self._ffmpeg.wait(5)


async def measure_latency(source: VideoSource, seconds: float) -> dict[str, float]:
    """Play ``source``, poll like the widget, return latency statistics in ms."""
    player = VideoPlayer("bench", source)
    await player.start()
    latencies: list[float] = []
    try:
        deadline = time.monotonic() + 20
        while player.state.value.state is not PlayerState.PLAYING and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        await asyncio.sleep(2.0)  # settle: the first second shows the start-up burst
        player.frames.take()
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            frame = player.frames.take()
            if frame is not None:
                value = decode_code(frame.pixels)
                if value is not None:
                    sent = value >> 16
                    latencies.append(((now_units() - sent) % 2**40) / (UNIT / 1000))
                player.frames.release(frame)
            await asyncio.sleep(POLL)
        decoder = player.state.value.decoder
    finally:
        await player.close()
    if not latencies:
        return {"frames": 0}
    latencies.sort()
    return {
        "median_ms": round(statistics.median(latencies), 1),
        "p90_ms": round(latencies[int(len(latencies) * 0.9)], 1),
        "min_ms": round(latencies[0], 1),
        "fps": round(len(latencies) / seconds, 1),
        "frames": len(latencies),
        "decoder": str(decoder),
    }


async def latency_table(seconds: float) -> dict[str, dict[str, float]]:
    port = free_udp_port()
    sender = TimestampSender(port)
    url = f"udp://@127.0.0.1:{port}"
    configs = {
        "libvlc_defaults": VideoSource(url, caching_ms=None),
        "ours_libvlc": VideoSource(url),
        "ours_pyav": VideoSource(f"udp://127.0.0.1:{port}", decoder=Decoder.PYAV),
    }
    results = {}
    try:
        for name, source in configs.items():
            results[name] = await measure_latency(source, seconds)
    finally:
        sender.close()
    return results


# --- CPU -----------------------------------------------------------------------------------


def start_test_stream(port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        ["ffmpeg", "-nostdin", "-loglevel", "error", "-re",
         "-f", "lavfi", "-i", f"testsrc2=size={WIDTH}x{HEIGHT}:rate={FPS}",
         "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", str(FPS),
         "-bf", "0", "-muxdelay", "0.1", "-f", "mpegts", f"udp://127.0.0.1:{port}?pkt_size=1316"],
    )  # fmt: skip


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child_ours(ports: list[int], seconds: float, scaled: bool = True) -> dict[str, float]:
    """Two players + two Qt preview widgets painting offscreen, in a qasync loop.

    ``scaled``: the widgets ask libVLC for pictures at their size (what the console does);
    otherwise libVLC delivers 1280x720 and Qt scales every picture while painting.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    from ui.preview import PreviewArea, PreviewWidget

    PreviewWidget.decoder_scaling = scaled

    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def run() -> dict[str, float]:
        players = [VideoPlayer(f"p{p}", VideoSource(f"udp://@127.0.0.1:{p}")) for p in ports]
        area = PreviewArea()
        area.resize(1000, 300)
        area.show()
        area.outgoing.set_player(players[0], "A")
        area.incoming.set_player(players[1], "B")
        for player in players:
            await player.start()
        await asyncio.sleep(3)
        before, frames = cpu_seconds(), [p.frames.frames_received for p in players]
        await asyncio.sleep(seconds)
        used = cpu_seconds() - before
        fps = [
            (p.frames.frames_received - f) / seconds for p, f in zip(players, frames, strict=True)
        ]
        sizes = [list(p.frames.size or (0, 0)) for p in players]
        for player in players:
            await player.close()
        return {
            "cpu_percent": round(100 * used / seconds, 1),
            "fps_each": round(min(fps), 1),
            "picture": sizes[0],
        }

    with loop:
        return loop.run_until_complete(run())


def child_null(ports: list[int], seconds: float, rv32: bool = False) -> dict[str, float]:
    """libVLC's own pipeline to a null video output: the cvlc baseline."""
    import vlc

    chroma = ["--dummy-chroma=RV32"] if rv32 else []
    instance = vlc.Instance(["--quiet", "--no-audio", "--vout=vdummy", *chroma])
    players = []
    for port in ports:
        player = instance.media_player_new()
        url = f"udp://@127.0.0.1:{port}"
        player.set_media(instance.media_new(url, f":network-caching={CACHING}"))
        player.play()
        players.append(player)
    time.sleep(3)
    before, shown = cpu_seconds(), [_displayed(vlc, p) for p in players]
    time.sleep(seconds)
    used = cpu_seconds() - before
    fps = [(_displayed(vlc, p) - n) / seconds for p, n in zip(players, shown, strict=True)]
    for player in players:
        player.stop()
    return {"cpu_percent": round(100 * used / seconds, 1), "fps_each": round(min(fps), 1)}


def _displayed(vlc: object, player: object) -> int:
    """Pictures libVLC displayed so far (its input statistics, updated a few times a second)."""
    stats = vlc.MediaStats()  # type: ignore[attr-defined]
    player.get_media().get_stats(stats)  # type: ignore[attr-defined]
    return int(stats.displayed_pictures)


CHILDREN = {"null": child_null, "ours": child_ours}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--no-cpu", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", choices=CHILDREN)
    parser.add_argument("--ports", type=int, nargs="*")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child](args.ports, args.seconds)))
        return
    latency = asyncio.run(latency_table(args.seconds))
    print_latency(latency, args.seconds)
    result: dict[str, object] = {"bench": "preview_latency", "latency": latency}
    if not args.no_cpu:
        ports = [free_udp_port(), free_udp_port()]
        senders = [start_test_stream(port) for port in ports]
        try:
            cpu = cpu_rounds(ports, args.seconds, args.rounds, CACHING or 0)
        finally:
            for sender in senders:
                sender.terminate()
                sender.wait(5)
        ours = cpu["ours"]["cpu_median"]
        ratio = {
            base: round(ours / max(cpu[base]["cpu_median"], 0.1), 2)
            for base in cpu
            if base != "ours"
        }
        print_cpu(cpu, ratio, args.seconds)
        result["cpu"] = cpu
        result["cpu_ratio"] = ratio
    print(json.dumps(result))


def print_latency(latency: dict[str, dict[str, float]], seconds: float) -> None:
    print("\nGlass-to-glass latency, 720p30 H.264 MPEG-TS/UDP, sender mux delay 100 ms,")
    print(f"{seconds:.0f} s per path, same sender")
    print(f"{'path':<18}{'median ms':>10}{'p90 ms':>9}{'min ms':>9}{'fps':>7}")
    for name, row in latency.items():
        cells = [row.get(key, 0) for key in ("median_ms", "p90_ms", "min_ms", "fps")]
        print(f"{name:<18}{cells[0]:>10}{cells[1]:>9}{cells[2]:>9}{cells[3]:>7}")


def print_cpu(cpu: dict[str, dict[str, float]], ratio: dict[str, float], seconds: float) -> None:
    rounds = len(next(iter(cpu.values()))["cpu_rounds"])  # type: ignore[arg-type]
    print(f"\nCPU, two 720p30 previews on screen ({os.cpu_count()} cores; % of one core;")
    print(f"player + its own Xvfb; median of {rounds} rounds of {seconds:.0f} s)")
    labels = {
        "cvlc": "cvlc, default output",
        "cvlc_x11": "cvlc, X11 output, preview size",
        "null": "libVLC null output (decoding)",
        "ours": "ours: the console's previews",
    }
    print(f"{'player':<34}{'CPU':>8}{'of it X':>9}{'fps':>6}  {'rounds':<30}ours/this")
    for kind, row in cpu.items():
        fps = row.get("fps_each", "")
        rounds_text = "/".join(f"{v:g}" for v in row["cpu_rounds"])  # type: ignore[attr-defined]
        times = f"{ratio[kind]}x" if kind in ratio else ""
        print(
            f"{labels[kind]:<34}{row['cpu_median']:>6} %{row['cpu_x_server']:>7} %{fps!s:>6}"
            f"  {rounds_text:<30}{times}"
        )


if __name__ == "__main__":
    main()
