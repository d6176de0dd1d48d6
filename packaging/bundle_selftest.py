"""Bundle self-test: can this bundle, on this PC, load libVLC with its plugins and play.

Only the bundled `roomconsole` runs it, and only when ROOMCONSOLE_BUNDLE_SELFTEST names a video
file (see entry_roomconsole.py). It guards the libVLC trap: a bundle carrying libvlc without its
plugins gets `vlc.Instance() is None`. CI runs it on every build (ci_smoke.sh); the IT team can
run it on a site PC. Prints one line per check; exit code 0 when all pass.
"""

from __future__ import annotations

import os
import sys
import time

PLAY_TIMEOUT = 10.0


def _check_libvlc(media_path: str) -> str:
    """Load libVLC, decode ``media_path`` for a moment; return a description or raise."""
    import vlc  # here, not at the top: the failure to load libVLC is what is tested

    instance = vlc.Instance("--no-audio", "--vout=dummy", "--quiet")
    if instance is None:
        raise RuntimeError("vlc.Instance() is None: libVLC found but not its plugins")
    player = instance.media_player_new()
    player.set_media(instance.media_new(media_path))
    player.play()
    deadline = time.monotonic() + PLAY_TIMEOUT
    try:
        while time.monotonic() < deadline and player.get_time() <= 0:
            if player.get_state() in (vlc.State.Error, vlc.State.Ended):  # ended unplayed
                raise RuntimeError(f"libVLC could not play {media_path}")
            time.sleep(0.05)
        if player.get_time() <= 0:
            raise RuntimeError(f"libVLC played nothing of {media_path} in {PLAY_TIMEOUT} s")
        version = vlc.libvlc_get_version().decode()
        return f"libVLC {version} played {media_path} ({vlc.dll._name})"
    finally:
        player.stop()
        player.release()
        instance.release()


def _check_qt_platforms() -> str:
    """Check the Qt platform plugins the bundle needs are present."""
    folder = os.path.join(os.environ.get("QT_PLUGIN_PATH", ""), "platforms")
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    wanted = ("qwindows",) if sys.platform == "win32" else ("libqxcb", "libqoffscreen")
    missing = [w for w in wanted if not any(n.startswith(w) for n in names)]
    if missing:
        raise RuntimeError(f"Qt platform plugins missing in {folder}: {missing}")
    return f"Qt platform plugins: {', '.join(names)}"


def main(media_path: str) -> int:
    """Run every check, print one line each; 0 when all pass."""
    failures = 0
    for name, check in (("qt", _check_qt_platforms), ("libvlc", lambda: _check_libvlc(media_path))):
        try:
            print(f"selftest {name}: OK {check()}", flush=True)
        except Exception as error:  # noqa: BLE001  (report every failure, keep checking)
            failures += 1
            print(f"selftest {name}: FAIL {type(error).__name__}: {error}", flush=True)
    return 1 if failures else 0
