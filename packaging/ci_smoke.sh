#!/usr/bin/env bash
# CI: build the Linux bundle and smoke-test it (issue 7). Exits non-zero on any failure.
#   1. packaging/build_linux.sh (PyInstaller one-folder bundle + tar.gz)
#   2. `roomctl --version` and `roomconsole --version` from the bundle print the package version;
#      the bundle loads the system libVLC with its plugins and plays a clip (bundle_selftest.py)
#   3. the bundled `roomconsole --demo` under Xvfb: its window appears, a screenshot of it is not
#      blank, WM_DELETE_WINDOW (the close button) ends it with exit code 0 within EXIT_TIMEOUT s
#   4. the same from source (.venv/bin/roomconsole --demo) for comparison
#   5. prints bundle size and time to first window, bundle vs source (table + one JSON line)
# Takes ~1.5 min on the 2-core CI machine (the build is most of it).
set -euo pipefail
cd "$(dirname "$0")/.."

WINDOW_TIMEOUT=${WINDOW_TIMEOUT:-60}  # seconds until the main window must be shown
EXIT_TIMEOUT=${EXIT_TIMEOUT:-15}      # seconds from the close request to a clean exit
RUNS=${SMOKE_RUNS:-2}                 # start-ups measured per variant (first is cold)
OUT=build/smoke
mkdir -p "$OUT"
PY=.venv/bin/python
bash scripts/bootstrap.sh  # a no-op when up to date; re-installs after pyproject.toml changed

fail() { echo "ci_smoke: FAIL: $*" >&2; exit 1; }

echo "== ci_smoke: build =="
build_start=$(date +%s.%N)
bash packaging/build_linux.sh
build_seconds=$(awk -v a="$build_start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.0f", b-a}')
BUNDLE=dist/roomconsole

echo "== ci_smoke: --version =="
want=$("$PY" -c 'from console.version import version; print(version())')
for exe in roomctl roomconsole; do
  got=$("$BUNDLE/$exe" --version 2>&1) || fail "$exe --version exited non-zero: $got"
  [ "$got" = "$exe $want" ] || fail "$exe --version printed '$got', expected '$exe $want'"
  echo "$got"
done

echo "== ci_smoke: libVLC inside the bundle =="
if ls "$BUNDLE/_internal" | grep -q '^libvlc'; then
  fail "the Linux bundle carries libvlc* (without plugins it cannot play): see roomconsole.spec"
fi
ffmpeg -v error -y -f lavfi -i testsrc2=size=320x240:rate=25 -t 2 -c:v mpeg4 "$OUT/clip.mp4"
ROOMCONSOLE_BUNDLE_SELFTEST="$PWD/$OUT/clip.mp4" QT_QPA_PLATFORM=offscreen \
  timeout 60 "$BUNDLE/roomconsole" || fail "bundle self-test (Qt plugins, libVLC playing a clip)"

# A private X server on a free display (-displayfd picks the number, no clash with others).
XVFB_PID="" APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill -KILL "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
  return 0
}
trap cleanup EXIT
Xvfb -displayfd 7 -screen 0 1366x768x24 -nolisten tcp 7>"$OUT/display" 2>"$OUT/xvfb.log" &
XVFB_PID=$!
for _ in $(seq 100); do [ -s "$OUT/display" ] && break; sleep 0.05; done
[ -s "$OUT/display" ] || fail "Xvfb did not start (see $OUT/xvfb.log)"
export DISPLAY=":$(cat "$OUT/display")"
# Real windows under Xvfb (scripts/test.sh exports offscreen), and a throw-away config folder.
export QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME="$PWD/$OUT/config" XDG_DATA_HOME="$PWD/$OUT/data"

# run_once NAME SCREENSHOT(0|1) COMMAND...: start, wait for the window, [grab], close, check exit.
# Sets STARTUP (seconds to first window).
run_once() {
  local name=$1 shot=$2; shift 2
  local start rc=0
  start=$(date +%s.%N)
  "$@" --demo >"$OUT/$name.log" 2>&1 &
  APP_PID=$!
  STARTUP=$("$PY" packaging/x11_smoke.py wait-window --pid "$APP_PID" --since "$start" \
            --timeout "$WINDOW_TIMEOUT") || { tail -20 "$OUT/$name.log"; fail "$name: no window"; }
  if [ "$shot" = 1 ]; then
    sleep 2  # let the demo cameras connect and the panels fill in
    "$PY" packaging/x11_smoke.py screenshot --pid "$APP_PID" --out "$OUT/$name.png" \
      || fail "$name: the window is blank ($OUT/$name.png)"
  fi
  "$PY" packaging/x11_smoke.py close --pid "$APP_PID" || fail "$name: cannot send close"
  for _ in $(seq $((EXIT_TIMEOUT * 10))); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$APP_PID" 2>/dev/null; then
    tail -20 "$OUT/$name.log"; fail "$name: still running $EXIT_TIMEOUT s after the close request"
  fi
  wait "$APP_PID" || rc=$?
  APP_PID=""
  [ "$rc" -eq 0 ] || { tail -20 "$OUT/$name.log"; fail "$name: exit code $rc after close"; }
  if grep -q "Traceback" "$OUT/$name.log"; then
    tail -30 "$OUT/$name.log"; fail "$name: a Python traceback was logged"
  fi
}

declare -A TIMES
for variant in bundle source; do
  echo "== ci_smoke: $variant: roomconsole --demo under Xvfb $DISPLAY =="
  if [ "$variant" = bundle ]; then cmd=("$BUNDLE/roomconsole"); else cmd=(.venv/bin/roomconsole); fi
  TIMES[$variant]=""
  for run in $(seq "$RUNS"); do
    run_once "$variant-$run" "$([ "$run" = 1 ] && echo 1 || echo 0)" "${cmd[@]}"
    echo "$variant run $run: window after $STARTUP s, closed cleanly"
    TIMES[$variant]="${TIMES[$variant]} $STARTUP"
  done
done

bundle_mb=$(du -sm "$BUNDLE" | cut -f1)
archive=$(ls dist/roomconsole-*-linux-*.tar.gz | head -1)
archive_mb=$(du -sm "$archive" | cut -f1)
read -r -a tb <<<"${TIMES[bundle]}"
read -r -a ts <<<"${TIMES[source]}"
echo
echo "== ci_smoke: results =="
printf '%-34s %s\n' "build time" "${build_seconds} s" \
  "bundle size (dist/roomconsole)" "${bundle_mb} MB" \
  "archive size ($(basename "$archive"))" "${archive_mb} MB" \
  "first window, bundle (runs)" "${tb[*]} s" \
  "first window, source .venv (runs)" "${ts[*]} s"
printf '{"bench": "bundle_smoke", "build_s": %s, "bundle_mb": %s, "archive_mb": %s, "startup_bundle_s": [%s], "startup_source_s": [%s]}\n' \
  "$build_seconds" "$bundle_mb" "$archive_mb" "$(IFS=,; echo "${tb[*]}")" "$(IFS=,; echo "${ts[*]}")"
echo "ci_smoke: OK"
