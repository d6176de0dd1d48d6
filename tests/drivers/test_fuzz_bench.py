"""A short run of bench/fuzz.py: every device-input parser, fuzzed, with 0 unhandled errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "fuzz.py"


def test_short_fuzz_run_has_no_unhandled_errors() -> None:
    run = subprocess.run(
        [sys.executable, str(BENCH), "--per-parser", "400", "--seed", "7"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    assert summary["unhandled"] == 0, run.stdout[-3000:]
    assert run.returncode == 0
    assert len(summary["parsers"]) >= 11
    for name, counts in summary["parsers"].items():
        assert counts["inputs"] == 400, name
        assert counts["rejected"] > 0, f"{name}: no input was ever rejected: is it fed at all?"
