"""The Mixer role's snapshots and helpers (used by every mixer driver and the UI)."""

from __future__ import annotations

import pytest

from drivers.roles.mixer import METER_FLOOR_DB, ChannelState, Meters, MixerState


def _state() -> MixerState:
    return MixerState(
        channels=(ChannelState(1, "Chair"), ChannelState(2, "Lectern")),
        mute_groups=(None, None),
    )


def test_snapshots_are_replaced_not_changed() -> None:
    state = _state()
    muted = state.with_channel(2, on=False).with_mute_group(1, True)
    assert state.channel(2).on is None and state.mute_groups == (None, None)
    assert muted.channel(2).muted is True and muted.channel(1).muted is None
    assert muted.mute_groups == (True, None)
    assert muted != state


@pytest.mark.parametrize("number", [0, 3])
def test_channel_out_of_range(number: int) -> None:
    with pytest.raises(IndexError):
        _state().channel(number)


def test_meters_level_defaults_to_floor() -> None:
    meters = Meters((-12.0, -70.0))
    assert meters.level(1) == -12.0
    assert meters.level(3) == METER_FLOOR_DB
