#!/usr/bin/env bash
# Builds the one-folder bundle in dist/metodsovet (Linux; on Windows use build.ps1), prints its
# size and runs its self-test from a folder whose path contains a space.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet -e . "pyinstaller>=6.5,<7"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  installer/metodsovet.spec
size=$(du -sm dist/metodsovet | cut -f1)
echo "bundle: dist/metodsovet, ${size} MB unpacked (target: under 150 MB)"
target="$(mktemp -d)/Program Files/Metodsovet"
mkdir -p "$(dirname "$target")"
cp -r dist/metodsovet "$target"
METODSOVET_HOME="$(dirname "$target")/home" QT_QPA_PLATFORM=offscreen "$target/metodsovet" --self-test
