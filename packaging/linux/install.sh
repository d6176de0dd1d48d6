#!/usr/bin/env bash
# Install (or update) Room Console from the unpacked roomconsole-VERSION-linux-*.tar.gz.
#
#   sudo ./install.sh [--profile SITE.toml] [--for-user NAME] [--prefix DIR] [--no-deps]
#        ./install.sh --user [--profile SITE.toml]        (no root: into ~/.local)
#
# As root: the bundle goes to /opt/roomconsole, commands to /usr/local/bin, the menu entry and
# icon to /usr/share; missing system packages (libVLC for the previews, baresip for the software
# codec, Qt's X11 libraries, fonts) are installed with apt-get when it exists (--no-deps skips).
# --profile: the site's room profile becomes the operator's ~/.config/RoomConsole/room.toml
# (the account from --for-user, else the one that ran sudo), and a machine-wide copy goes to
# /etc/xdg/RoomConsole/room.toml. An existing profile is kept as room.toml.bak.
# Running it again with a newer archive updates the program and leaves profiles alone.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PROFILE="" FOR_USER="${SUDO_USER:-}" PREFIX="" USER_MODE=0 DEPS=1

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) PROFILE=$(realpath "$2"); shift 2 ;;
    --for-user) FOR_USER=$2; shift 2 ;;
    --prefix) PREFIX=$2; shift 2 ;;
    --user) USER_MODE=1; shift ;;
    --no-deps) DEPS=0; shift ;;
    -h|--help) usage 0 ;;
    *) echo "install.sh: unknown option $1" >&2; usage 2 ;;
  esac
done
[ -z "$PROFILE" ] || [ -f "$PROFILE" ] || { echo "install.sh: no such profile: $PROFILE" >&2; exit 2; }
if [ "$USER_MODE" -eq 0 ] && [ "$(id -u)" -ne 0 ]; then
  echo "install.sh: run as root (sudo ./install.sh ...) or add --user for a per-user install" >&2
  exit 2
fi

if [ "$USER_MODE" -eq 1 ]; then
  PREFIX=${PREFIX:-$HOME/.local/opt/roomconsole}
  BIN_DIR=$HOME/.local/bin
  SHARE=${XDG_DATA_HOME:-$HOME/.local/share}
else
  PREFIX=${PREFIX:-/opt/roomconsole}
  BIN_DIR=/usr/local/bin
  SHARE=/usr/share
fi

install_system_libraries() {
  # The bundle carries Qt and Python; libVLC, baresip (the software codec driver runs it) and a
  # few X11/GL libraries and fonts come from the system.
  local pkgs=(libvlc5 vlc-plugin-base vlc-plugin-video-output baresip libxcb-cursor0
              libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 fonts-dejavu-core fonts-noto-core)
  local missing=() pkg
  for pkg in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "install.sh: installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if [ "$USER_MODE" -eq 0 ] && [ "$DEPS" -eq 1 ] && command -v apt-get >/dev/null; then
  install_system_libraries
fi
if ! ldconfig -p 2>/dev/null | grep -q 'libvlc\.so\.5'; then
  echo "install.sh: WARNING: libVLC not found: camera previews will be off until it is installed"
  echo "            (Debian/Ubuntu: libvlc5 vlc-plugin-base vlc-plugin-video-output)"
fi

# The program: replace the whole folder so no file of an older version stays behind.
mkdir -p "$PREFIX"
rm -rf "$PREFIX/roomconsole.new"
cp -a "$HERE/roomconsole" "$PREFIX/roomconsole.new"
rm -rf "$PREFIX/roomconsole"
mv "$PREFIX/roomconsole.new" "$PREFIX/roomconsole"
cp "$HERE/VERSION" "$PREFIX/VERSION"
mkdir -p "$BIN_DIR"
ln -sfn "$PREFIX/roomconsole/roomconsole" "$BIN_DIR/roomconsole"
ln -sfn "$PREFIX/roomconsole/roomctl" "$BIN_DIR/roomctl"

# Menu entry and icon (freedesktop locations).
mkdir -p "$SHARE/applications" "$SHARE/icons/hicolor/256x256/apps" "$SHARE/icons/hicolor/scalable/apps"
sed "s|^Exec=roomconsole|Exec=$BIN_DIR/roomconsole|" "$HERE/roomconsole.desktop" \
  > "$SHARE/applications/roomconsole.desktop"
cp "$HERE/roomconsole.png" "$SHARE/icons/hicolor/256x256/apps/roomconsole.png"
cp "$HERE/roomconsole.svg" "$SHARE/icons/hicolor/scalable/apps/roomconsole.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$SHARE/icons/hicolor" 2>/dev/null || true

put_profile() {  # put_profile DEST_FILE [OWNER]: copy the site profile, keeping the old one
  local dest=$1 owner=${2:-}
  mkdir -p "$(dirname "$dest")"
  [ -f "$dest" ] && cp -p "$dest" "$dest.bak"
  cp "$PROFILE" "$dest.tmp" && mv "$dest.tmp" "$dest"
  if [ -n "$owner" ]; then chown "$owner:" "$(dirname "$dest")" "$dest"; fi
  echo "install.sh: room profile -> $dest"
  # roomctl names the file, line and field of any mistake (the console would open in repair mode).
  "$PREFIX/roomconsole/roomctl" check-profile --config "$dest" \
    || echo "install.sh: WARNING: the room profile has mistakes (see above)"
}

if [ -n "$PROFILE" ]; then
  if [ "$USER_MODE" -eq 1 ]; then
    put_profile "${XDG_CONFIG_HOME:-$HOME/.config}/RoomConsole/room.toml"
  else
    put_profile /etc/xdg/RoomConsole/room.toml
    if [ -n "$FOR_USER" ]; then
      home=$(getent passwd "$FOR_USER" | cut -d: -f6)
      [ -n "$home" ] || { echo "install.sh: no such user: $FOR_USER" >&2; exit 2; }
      put_profile "$home/.config/RoomConsole/room.toml" "$FOR_USER"
    else
      echo "install.sh: no --for-user: the operator's profile was not set (machine copy only)"
    fi
  fi
fi

cat > "$PREFIX/uninstall.sh" <<EOF
#!/usr/bin/env bash
# Remove Room Console (profiles in the config folders are kept).
rm -f "$BIN_DIR/roomconsole" "$BIN_DIR/roomctl" "$SHARE/applications/roomconsole.desktop" \\
  "$SHARE/icons/hicolor/256x256/apps/roomconsole.png" "$SHARE/icons/hicolor/scalable/apps/roomconsole.svg"
rm -rf "$PREFIX"
echo "Room Console removed (room profiles kept)."
EOF
chmod +x "$PREFIX/uninstall.sh"
echo "install.sh: Room Console $(cat "$HERE/VERSION") installed in $PREFIX ($BIN_DIR/roomconsole)"
