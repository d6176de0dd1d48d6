#!/usr/bin/env bash
# Set up everything Room Console needs on a fresh Debian 12/13 or Ubuntu 22.04+ machine:
# system packages (Qt runtime libraries, libVLC, ffmpeg, socat, Xvfb, baresip, and what the
# venv and the bundle build need) and a virtualenv in .venv holding exactly the versions of the
# committed lock (requirements/*.txt, made from uv.lock by scripts/update-deps.sh), hash-checked.
# Safe to run again: it skips what is done and rebuilds a half-made or outdated .venv.
#   LOCK=requirements/site.txt bash scripts/bootstrap.sh   # the app only (no test tools)
#   PYTHON=python3.13 bash scripts/bootstrap.sh            # another interpreter
set -euo pipefail
cd "$(dirname "$0")/.."

LOCK=${LOCK:-requirements/dev.txt}
PYTHON=${PYTHON:-python3}
MIN_PYTHON=3.11

APT_PACKAGES=(
  xvfb xauth socat ffmpeg baresip
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-shape0 libxcb-randr0 libxcb-render-util0
  libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1
  libdbus-1-3 fonts-dejavu-core fonts-noto-core
  libvlc5 vlc-plugin-base vlc-plugin-video-output
  # tests only: an RTSP server on 127.0.0.1 (Debian's libVLC cannot open rtsp://, PyAV can)
  python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-ugly
  # bench only: the cvlc program, the baseline of bench/preview_latency.py's CPU table
  vlc-bin
)

say() { echo "bootstrap: $*"; }
SECONDS=0
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

apt_install() {  # apt_install PACKAGE...: install the ones not installed yet
  local missing=() pkg
  for pkg in "$@"; do installed "$pkg" || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "${APT_UPDATED:-}" ]; then $sudo apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# 1. A Python new enough (a fresh Debian has python3; a minimal container may not).
command -v "$PYTHON" >/dev/null || apt_install python3
found=$("$PYTHON" -c 'import sys; print(sys.version.split()[0])' 2>/dev/null || echo "not runnable")
if ! "$PYTHON" -c "import sys; sys.exit(sys.version_info < (${MIN_PYTHON/./, }))" 2>/dev/null; then
  echo "bootstrap: Room Console needs Python $MIN_PYTHON or newer, but $PYTHON is $found:" \
    "install a newer Python (Debian 12 and Ubuntu 22.04 have one) and run again with PYTHON=..." >&2
  exit 1
fi
PYV=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')

# 2. System packages, plus what this interpreter lacks: venv/ensurepip (Debian splits it off
#    as python3.X-venv), the shared libpython and objdump that PyInstaller's bundle needs.
has_libpython() {
  "$PYTHON" - <<'EOF'
import os, sys, sysconfig
name = sysconfig.get_config_var("INSTSONAME") or sysconfig.get_config_var("LDLIBRARY") or ""
dirs = [sysconfig.get_config_var("LIBDIR") or "", sys.base_prefix + "/lib",
        "/usr/lib/" + (sysconfig.get_config_var("MULTIARCH") or "")]
sys.exit(0 if name.endswith((".so", ".so.1.0")) and any(
    os.path.exists(os.path.join(d, name)) for d in dirs) else 1)
EOF
}
needed=("${APT_PACKAGES[@]}")
"$PYTHON" -c "import ensurepip, venv" 2>/dev/null || needed+=("python$PYV-venv")
command -v objdump >/dev/null || needed+=(binutils)
has_libpython || needed+=("libpython$PYV")
apt_install "${needed[@]}"  # one apt run for all of it

# 3. The venv: exactly the lock. A venv that is half made (interrupted, no pip), made by another
#    Python, or made from another lock is thrown away and made anew, so nothing lingers.
stamp=".venv/.lock-$(cat "$LOCK" pyproject.toml | sha1sum | cut -c1-16)-py$PYV"
venv_ok() {
  [ -f "$stamp" ] && .venv/bin/python -c "import pip, sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$PYV'.split('.'))))" 2>/dev/null
}
if ! venv_ok; then
  if [ -e .venv ]; then say "re-making .venv (half made, another Python, or the lock changed)"; fi
  rm -rf .venv
  say "creating .venv with Python $PYV"
  "$PYTHON" -m venv .venv
  say "installing Python packages from $LOCK (hash-checked)"
  # No pip upgrade: the venv's own pip installs the lock; an unpinned upgrade is a drift.
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-input \
    --require-hashes --no-deps --only-binary :all: -r "$LOCK"
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-input \
    --no-deps --no-build-isolation -e .
  .venv/bin/python -m pip check >/dev/null
  touch "$stamp"
fi
say "ready in ${SECONDS} s (Python $PYV, $(grep -c '^[A-Za-z]' "$LOCK") locked packages from $LOCK)"
