"""A short soak (bench/soak.py): random operator actions against emulators and real baresip."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("baresip") is None, reason="needs baresip")


def test_short_soak_has_no_unhandled_or_stuck_actions() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "soak.py"), "--actions", "300", "--seed", "7"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    assert result["actions"] == 300
    assert result["unhandled"] == 0, result["unhandled_samples"]
    assert result["stuck"] == 0, result["stuck_samples"]
    assert result["left_moving"] == 0 and result["call_left_active"] is False
    assert result["baresip_left"] == 0 and result["children_after_close"] == 0
    for key in (
        "rss_start_mb",
        "rss_end_mb",
        "rss_growth_pct",
        "tasks_start",
        "tasks_end",
        "fds_start",
        "fds_end",
        "children_start",
        "children_end",
        "errors",
    ):
        assert isinstance(result[key], int | float), key
    assert result["children_start"] == 2  # the room's baresip and the bridge's
