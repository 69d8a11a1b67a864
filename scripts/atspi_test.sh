#!/usr/bin/env bash
# The screen-reader check: runs the viewer on a virtual X display with a private D-Bus session and
# the AT-SPI bus, drives it by keys with xdotool and asserts on what a pyatspi listener hears
# (tests/atspi/atspi_session.py). Needs scripts/setup.sh's Debian packages plus at-spi2-core,
# python3-pyatspi, dbus-x11, xvfb and xdotool (installed here the same way when missing).
# Tears Xvfb and the D-Bus session down however it ends; gives up after 90 s.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(at-spi2-core python3-pyatspi dbus-x11 xvfb xdotool)
missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "atspi: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

tmp=$(mktemp -d)
xvfb_pid=""
cleanup() {
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# a free display: Xvfb picks it and writes its number to the pipe
exec 3> >(cat > "$tmp/display")
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
if [ ! -s "$tmp/display" ]; then
  echo "atspi: Xvfb did not start:"; cat "$tmp/xvfb.log"; exit 1
fi
display=":$(head -n1 "$tmp/display")"
echo "atspi: Xvfb on $display"

# the checks read English words: the app in English whatever the machine's locale
export DISPLAY="$display" NO_AT_BRIDGE=0 GTK_A11Y=atspi XDG_RUNTIME_DIR="$tmp" LANG=C.UTF-8 LANGUAGE=en
# dbus-run-session ends the session bus (and the AT-SPI bus it started) when the check ends
timeout -k 5 90 dbus-run-session -- /usr/bin/python3 tests/atspi/atspi_session.py
