#!/usr/bin/env bash
# Build the Linux one-folder bundle and its distributable archive (docs/packaging.md).
#   bash packaging/build_linux.sh            -> dist/roomconsole/ and
#                                               dist/roomconsole-VERSION-linux-x86_64.tar.gz
# Uses the project's .venv (scripts/bootstrap.sh makes it); PYTHON=... picks another venv python.
# The bundle carries no libVLC: the target PC's own (libvlc5 + plugins) is used, see install.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .venv/bin/python ] || bash scripts/bootstrap.sh
PY=${PYTHON:-.venv/bin/python}
BIN=$(dirname "$PY")

# PyInstaller at the locked version (requirements/build.txt; scripts/bootstrap.sh's default lock,
# requirements/dev.txt, has it too).
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "build_linux: installing requirements/build.txt (hash-checked)"
  "$PY" -m pip install -q --require-hashes --no-deps --only-binary :all: -r requirements/build.txt
fi

# Translations: .ts sources are in git, compiled .qm files are not.
# ui/i18n.py loads ui/translations/roomconsole_<lang>.qm.
find ui -name '*.ts' -print0 | while IFS= read -r -d '' ts; do
  "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done

VERSION=$("$PY" -c 'from console.version import version; print(version())')
echo "build_linux: building Room Console $VERSION"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/roomconsole.spec

# The interpreter's own files may carry debug info (a pyenv-built Python: ~25 MB of it). Wheel
# libraries are left alone: strip can corrupt the ones auditwheel patched.
for lib in dist/roomconsole/_internal/libpython3*.so* dist/roomconsole/_internal/python3*/lib-dynload/*.so; do
  if [ -f "$lib" ] && [ ! -L "$lib" ] && command -v strip >/dev/null; then strip --strip-debug "$lib"; fi
done

# The archive: the bundle plus what install.sh needs, under one versioned top folder.
NAME="roomconsole-$VERSION-linux-$(uname -m)"
STAGE="build/$NAME"
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -a dist/roomconsole "$STAGE/roomconsole"
cp packaging/linux/install.sh packaging/linux/roomconsole.desktop packaging/icons/roomconsole.png \
  packaging/icons/roomconsole.svg "$STAGE/"
chmod +x "$STAGE/install.sh"
echo "$VERSION" > "$STAGE/VERSION"
tar -C build -czf "dist/$NAME.tar.gz" "$NAME"
rm -rf "$STAGE"
echo "build_linux: dist/roomconsole/ ($(du -sh dist/roomconsole | cut -f1)), dist/$NAME.tar.gz ($(du -sh "dist/$NAME.tar.gz" | cut -f1))"
