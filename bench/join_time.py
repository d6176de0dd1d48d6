"""Join benchmark: click -> connected through the join service vs a bare baresip dial.

Set-up (all on 127.0.0.1): one auto-answering baresip is the bridge; two room baresips call
it in turn. One is driven by the console (BaresipCodec + JoinBridge: wake, dial, connect,
media); the other by a bare ctrl_tcp client written here (one netstring dial, wait for
CALL_ESTABLISHED) - the baseline in the same run. Goal: overhead (join p50 - bare p50) <= 200 ms.

Run: ``python bench/join_time.py [--runs N]``. Prints a table and one final JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from console.config.codec import BridgeProfile
from console.services.join import JoinBridge, JoinPhase
from console.services.steps import wait_for_value
from drivers.baresip.bridge import demo_bridge, start_online
from drivers.baresip.codec import BaresipCodec
from drivers.baresip.netstring import NetstringDecoder, encode
from drivers.baresip.process import BaresipProcess, BaresipSettings, free_port
from drivers.roles.codec import CallState
from drivers.tcp_ack import quick_ack

GOAL_MS = 200.0


class BareClient:
    """The baseline: ctrl_tcp by hand, no driver, no service."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer, self.decoder = reader, writer, NetstringDecoder()

    async def send(self, command: str, params: str | None = None) -> None:
        message = {"command": command, "token": command} | ({"params": params} if params else {})
        self.writer.write(encode(json.dumps(message).encode()))

    async def wait_event(self, kind: str) -> None:
        sock = self.writer.get_extra_info("socket")
        while True:
            data = await self.reader.read(65536)
            quick_ack(sock)  # as the driver does: without it events wait ~40 ms for a delayed ACK
            for frame in self.decoder.feed(data):
                if json.loads(frame).get("type") == kind:
                    return


async def bare_dial(client: BareClient, uri: str) -> float:
    start = time.perf_counter()
    await client.send("dial", uri)
    await asyncio.wait_for(client.wait_event("CALL_ESTABLISHED"), 15)
    elapsed = time.perf_counter() - start
    await client.send("hangup")
    await asyncio.wait_for(client.wait_event("CALL_CLOSED"), 15)
    return elapsed


async def service_join(room: BaresipCodec, profile: BridgeProfile) -> tuple[float, float]:
    join = JoinBridge(profile, room)
    connected: list[float] = []
    unsubscribe = room.call.subscribe(
        lambda info: (
            connected.append(time.perf_counter()) if info.state is CallState.CONNECTED else None
        )
    )
    start = time.perf_counter()  # the click
    final = await asyncio.wait_for(join.run(), 20)
    in_meeting = time.perf_counter() - start
    unsubscribe()
    if final.phase is not JoinPhase.IN_MEETING:
        raise RuntimeError(f"join failed: {final}")
    await room.hangup()
    await asyncio.wait_for(wait_for_value(room.call, lambda i: not i.active), 10)
    return connected[0] - start, in_meeting


def summary(values: list[float]) -> dict[str, float]:
    ms = sorted(v * 1000 for v in values)
    values_ms = {
        "p50": statistics.median(ms),
        "p90": ms[min(len(ms) - 1, int(len(ms) * 0.9))],
        "min": ms[0],
        "max": ms[-1],
    }
    return {key: round(value, 1) for key, value in values_ms.items()}


async def main(runs: int) -> dict[str, object]:
    bridge = await start_online(demo_bridge("bench-bridge"))
    room = await start_online(BaresipCodec("bench-room"))
    bare_settings = BaresipSettings(free_port(), free_port(), "bare")
    bare_process = BaresipProcess("bench-bare", bare_settings)
    await bare_process.start()
    try:
        client = await _connect_bare(bare_settings.ctrl_port)
        profile = BridgeProfile(id="bench", name="Bench", dial_string=bridge.sip_uri)
        joins, meetings, bares = [], [], []
        for _ in range(runs):
            connected, meeting = await service_join(room, profile)
            joins.append(connected)
            meetings.append(meeting)
            bares.append(await bare_dial(client, bridge.sip_uri))
            await asyncio.wait_for(wait_for_value(bridge.call, lambda i: not i.active), 10)
        client.writer.close()
    finally:
        await bare_process.close()
        await room.close()
        await bridge.close()
    return report(runs, summary(joins), summary(meetings), summary(bares))


async def _connect_bare(port: int) -> BareClient:
    for _ in range(100):
        try:
            return BareClient(*await asyncio.open_connection("127.0.0.1", port))
        except OSError:
            await asyncio.sleep(0.05)
    raise RuntimeError("bare baresip did not open ctrl_tcp")


def report(
    runs: int, join: dict[str, float], meeting: dict[str, float], bare: dict[str, float]
) -> dict[str, object]:
    overhead = join["p50"] - bare["p50"]
    print(f"join benchmark, {runs} calls each, 127.0.0.1, baresip 1.0 (ms)")
    print(f"{'path':<34}{'p50':>8}{'p90':>8}{'min':>8}{'max':>8}")
    for name, row in (
        ("bare dial -> CALL_ESTABLISHED", bare),
        ("join service click -> connected", join),
        ("join service click -> in meeting", meeting),
    ):
        print(f"{name:<34}{row['p50']:>8.1f}{row['p90']:>8.1f}{row['min']:>8.1f}{row['max']:>8.1f}")
    print(f"overhead (p50 join connected - p50 bare): {overhead:.1f} ms (goal <= {GOAL_MS:.0f})")
    return {
        "bench": "join_time",
        "runs": runs,
        "bare_ms": bare,
        "join_connected_ms": join,
        "join_in_meeting_ms": meeting,
        "overhead_p50_ms": round(overhead, 1),
        "goal_ms": GOAL_MS,
        "goal_met": overhead <= GOAL_MS,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    result = asyncio.run(main(parser.parse_args().runs))
    print(json.dumps(result))
