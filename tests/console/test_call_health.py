import pytest

from console.call_health import CallHealthMonitor, Health, HealthCause, classify
from drivers.observable import Observable
from drivers.roles.codec import CallStatistics


@pytest.mark.parametrize(
    ("loss", "expected"),
    [
        (0.0, Health.GOOD),
        (5.9, Health.GOOD),
        (6.0, Health.FAIR),
        (8.0, Health.FAIR),
        (8.1, Health.POOR),
        (40.0, Health.POOR),
    ],
)
def test_loss_bands(loss: float, expected: Health) -> None:
    sample = classify(CallStatistics(loss_percent=loss))
    assert sample.health is expected
    assert sample.causes == (() if expected is Health.GOOD else (HealthCause.LOSS,))


def test_worst_metric_decides_and_is_named() -> None:
    sample = classify(CallStatistics(loss_percent=1.0, jitter_ms=40.0, rtt_ms=700.0))
    assert sample.health is Health.POOR and sample.causes == (HealthCause.RTT,)
    sample = classify(CallStatistics(jitter_ms=35.0, rtt_ms=350.0))
    assert sample.health is Health.FAIR
    assert sample.causes == (HealthCause.JITTER, HealthCause.RTT)


def test_monitor_keeps_a_window_of_history() -> None:
    now = [0.0]
    stats: Observable[CallStatistics | None] = Observable(None)
    monitor = CallHealthMonitor(stats, window=60.0, clock=lambda: now[0])
    for second, loss in enumerate([1.0, 7.0, 12.0]):
        now[0] = second * 30.0
        stats.publish(CallStatistics(loss_percent=loss, time=now[0]))
    assert monitor.current.value is not None and monitor.current.value.health is Health.POOR
    assert [s.health for s in monitor.history()] == [Health.GOOD, Health.FAIR, Health.POOR]
    now[0] = 100.0
    assert [s.health for s in monitor.history()] == [Health.POOR]  # 0 and 30 s are too old
    stats.publish(None)  # call ended
    assert monitor.current.value is None and len(monitor.history()) == 1
    monitor.close()
    stats.publish(CallStatistics(loss_percent=1.0))
    assert monitor.current.value is None
