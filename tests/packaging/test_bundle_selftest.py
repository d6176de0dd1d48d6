"""packaging/bundle_selftest.py: the checks the bundled roomconsole runs on itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "packaging"))

import bundle_selftest


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 1 s test video made by ffmpeg."""
    path = tmp_path_factory.mktemp("clip") / "clip.mp4"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25",
         "-t", "1", "-c:v", "mpeg4", str(path)],
        check=True, timeout=30,
    )  # fmt: skip
    return path


def test_libvlc_plays_a_real_clip(clip: Path) -> None:
    assert "played" in bundle_selftest._check_libvlc(str(clip))


def test_libvlc_check_fails_on_a_file_it_cannot_play(tmp_path: Path) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"not a video at all" * 100)
    with pytest.raises(RuntimeError):
        bundle_selftest._check_libvlc(str(broken))


def test_qt_platform_plugins_present_or_named_when_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    platforms = tmp_path / "platforms"
    platforms.mkdir()
    monkeypatch.setenv("QT_PLUGIN_PATH", str(tmp_path))
    wanted = ["qwindows.dll"] if sys.platform == "win32" else ["libqxcb.so", "libqoffscreen.so"]
    for name in wanted:
        (platforms / name).write_bytes(b"")
    assert "platform plugins" in bundle_selftest._check_qt_platforms()
    (platforms / wanted[0]).unlink()
    with pytest.raises(RuntimeError, match="missing"):
        bundle_selftest._check_qt_platforms()
    assert bundle_selftest.main(str(tmp_path / "no-such-clip.mp4")) == 1
    assert "selftest qt: FAIL" in capsys.readouterr().out
