"""The demo's one-click join, with real baresip and with the Cisco fallback."""

from __future__ import annotations

import asyncio

import pytest

from console.services.demo_call import start_demo_call
from console.services.join import JoinBridge, JoinPhase
from console.services.leave import leave_meeting
from console.services.steps import wait_for_value


@pytest.mark.parametrize("use_baresip", [True, False])
async def test_demo_join_and_leave(use_baresip: bool) -> None:
    demo = await asyncio.wait_for(start_demo_call(use_baresip=use_baresip), 15)
    try:
        assert demo.fallback is (not use_baresip)
        final = await asyncio.wait_for(JoinBridge(demo.bridge, demo.codec).run(), 20)
        assert final.phase is JoinPhase.IN_MEETING, final
        if use_baresip:
            assert demo._far_end is not None
            await asyncio.wait_for(
                wait_for_value(demo._far_end.dtmf_received, lambda d: d == "1234#"), 5
            )
        else:
            assert demo._emulator is not None and demo._emulator.dtmf_sent == ["1234#"]
        assert await asyncio.wait_for(leave_meeting(demo.codec), 10) == ()
        assert not demo.codec.call.value.active
    finally:
        await demo.close()
        await demo.close()  # twice is harmless
