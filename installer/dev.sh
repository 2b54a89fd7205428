#!/usr/bin/env bash
# Developer entry point from a clean clone (README): `bash installer/dev.sh run` or `... test`.
#   run   - make .venv, install the program, create a demo database (first time) and open the window
#   test  - make .venv, install the program with its test tools, run the whole suite offscreen
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}
DEMO_DB=${METODSOVET_DEMO_DB:-demo/metodsovet-demo.sqlite3}

# Debian packages of the shared libraries Qt's xcb platform plugin loads on Linux.
QT_LIBRARIES="libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 \
libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-image.so.0:libxcb-image0 \
libxcb-render-util.so.0:libxcb-render-util0 libxcb-xkb.so.1:libxcb-xkb1 \
libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxkbcommon.so.0:libxkbcommon0 \
libEGL.so.1:libegl1 libGL.so.1:libgl1 libfontconfig.so.1:libfontconfig1 \
libdbus-1.so.3:libdbus-1-3 libglib-2.0.so.0:libglib2.0-0"

need_python() {
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1))." >&2
    exit 1
  fi
  if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
    echo "Python's venv module is missing: sudo apt-get install python3-venv" >&2
    exit 1
  fi
}

make_venv() {
  # Installs (with pip) only when pyproject.toml changed since the last install of this extra: a
  # stamp in .venv keeps the checksum of the pyproject.toml it was installed from. The install is
  # editable, so changed sources need no reinstall.
  need_python
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  local extra=$1 stamp sum
  stamp="$VENV/.metodsovet-installed-${extra:-base}"
  sum=$(cksum < pyproject.toml)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && [ -x "$VENV/bin/metodsovet" ]; then
    return
  fi
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  if [ -n "$extra" ]; then
    "$VENV/bin/python" -m pip install --quiet -e ".[$extra]"
  else
    "$VENV/bin/python" -m pip install --quiet -e .
  fi
  echo "$sum" > "$stamp"
  # The test extra holds everything the program needs: `run` after `test` installs nothing.
  [ -z "$extra" ] || echo "$sum" > "$VENV/.metodsovet-installed-base"
}

missing_qt_packages() {
  # Prints the Debian packages whose libraries Qt's window needs but the system lacks.
  local missing="" entry lib pkg known
  known=$(/sbin/ldconfig -p 2>/dev/null || true)  # read once: `| grep -q` would SIGPIPE under pipefail
  for entry in $QT_LIBRARIES; do
    lib=${entry%%:*}; pkg=${entry##*:}
    if ! grep -qF "$lib" <<<"$known"; then missing="$missing $pkg"; fi
  done
  echo "$missing"
}

case "${1:-}" in
  run)
    make_venv ""
    if [ "$(uname -s)" = "Linux" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      missing=$(missing_qt_packages)
      if [ -n "$missing" ]; then
        echo "Qt needs system libraries that are missing. Install them with:" >&2
        echo "  sudo apt-get install$missing" >&2
        exit 1
      fi
    fi
    if [ ! -f "$DEMO_DB" ]; then
      mkdir -p "$(dirname "$DEMO_DB")"
      "$VENV/bin/metodsovet" --db "$DEMO_DB" demo
    fi
    exec "$VENV/bin/metodsovet" --db "$DEMO_DB" "${@:2}"
    ;;
  test)
    make_venv "test"
    export QT_QPA_PLATFORM=offscreen
    exec "$VENV/bin/python" -m pytest -q "${@:2}"
    ;;
  *)
    echo "usage: bash installer/dev.sh run|test [arguments]" >&2
    exit 2
    ;;
esac
