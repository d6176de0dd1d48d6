#!/usr/bin/env bash
# Refresh the dependency lock on purpose, test it, and show what changed.
#   bash scripts/update-deps.sh                 # newest versions pyproject.toml allows
#   bash scripts/update-deps.sh pydantic numpy  # only these packages (the rest stay pinned)
#   bash scripts/update-deps.sh --no-upgrade    # re-lock after editing pyproject.toml
# The lock is requirements/{dev,site,build}.txt: exact versions with hashes for every platform
# and Python 3.11+ (uv's universal resolution). site and build are subsets of dev with the
# same versions. Installing never changes the lock; only this script does, and its result is
# a deliberate commit ("Lock: ..." with the table below in the message).
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.9   # the lock tool itself is pinned, in its own venv
TOOLS=.venv-tools
if ! "$TOOLS/bin/uv" --version 2>/dev/null | grep -q " $UV_VERSION"; then
  rm -rf "$TOOLS" && python3 -m venv "$TOOLS"
  "$TOOLS/bin/pip" install -q --disable-pip-version-check "uv==$UV_VERSION"
fi
UV="$TOOLS/bin/uv"

upgrade=(--upgrade)
if [ "${1:-}" = "--no-upgrade" ]; then upgrade=(); shift; fi
if [ $# -gt 0 ]; then upgrade=(); for pkg in "$@"; do upgrade+=(--upgrade-package "$pkg"); done; fi

old=$(mktemp -d)
trap 'rm -rf "$old"' EXIT
cp requirements/*.txt "$old/"

compile() {  # compile OUTPUT EXTRA_ARGS...
  local out=$1; shift
  "$UV" pip compile -q pyproject.toml --universal --python-version 3.11 --generate-hashes \
    --group build --custom-compile-command "bash scripts/update-deps.sh" -o "$out" "$@"
}
compile requirements/dev.txt --all-extras "${upgrade[@]}"
compile requirements/site.txt --extra gui --extra video --extra cisco -c requirements/dev.txt
compile requirements/build.txt --extra gui --extra video --extra cisco --extra packaging \
  -c requirements/dev.txt

pins() { grep -E '^[A-Za-z0-9]' "$1" | sed -E 's/ *\\$//; s/ ; / /' | awk '{print $1}' | sort; }
echo "== what changed in requirements/dev.txt (old -> new) =="
changes=$(diff <(pins "$old/dev.txt") <(pins requirements/dev.txt) | grep -E '^[<>]' || true)
if [ -z "$changes" ]; then echo "nothing: the lock is as it was"; else echo "$changes"; fi

echo "== the whole suite on the new lock =="
bash scripts/test.sh
