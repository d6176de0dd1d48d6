import pytest

from drivers.baresip.stats import RtcpTracker


def _rtcp(tx_sent: int, tx_lost: int, rx_sent: int, rx_lost: int, jit: int, rtt: int) -> dict:
    return {
        "tx": {"sent": tx_sent, "lost": tx_lost, "jit": jit},
        "rx": {"sent": rx_sent, "lost": rx_lost, "jit": jit // 2},
        "rtt": rtt,
    }


def test_first_sample_only_sets_the_baseline() -> None:
    assert RtcpTracker().update(_rtcp(100, 0, 100, 0, 1000, 0), 1.0) is None


def test_rates_loss_jitter_rtt_over_the_interval() -> None:
    tracker = RtcpTracker()
    tracker.update(_rtcp(100, 0, 100, 0, 1000, 0), 0.0)
    stats = tracker.update(_rtcp(350, 0, 330, 20, 4000, 12500), 5.0)
    assert stats is not None
    assert stats.tx_rate == pytest.approx(50.0)
    assert stats.rx_rate == pytest.approx(46.0)
    assert stats.loss_percent == pytest.approx(100 * 20 / 250)
    assert stats.jitter_ms == pytest.approx(4.0)
    assert stats.rtt_ms == pytest.approx(12.5)


def test_tx_loss_reported_by_far_end_counts_too() -> None:
    tracker = RtcpTracker()
    tracker.update(_rtcp(0, 0, 0, 0, 0, 0), 0.0)
    stats = tracker.update(_rtcp(100, 10, 100, 0, 0, 0), 2.0)
    assert stats is not None and stats.loss_percent == pytest.approx(10.0)


def test_counter_reset_never_gives_negative_values() -> None:
    tracker = RtcpTracker()
    tracker.update(_rtcp(500, 5, 500, 5, 0, 0), 0.0)
    stats = tracker.update(_rtcp(10, 0, 10, 0, 0, 0), 1.0)
    assert stats is not None
    assert stats.tx_rate == 0 and stats.loss_percent == 0
