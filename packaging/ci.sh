#!/usr/bin/env bash
# CI for the packaged app (issue #5), as root on a Debian machine:
#   build the bundle, the tarball and the .deb (packaging/build.sh); run --smoke, validate and export on the
#   bundle; install the .deb (dpkg -i, then apt-get -f install if dependencies are missing); run the
#   installed /usr/bin/timeline-app --smoke from outside the repository; check the menu entry
#   (desktop-file-validate, Exec and Icon resolve); remove the package and check nothing is left.
# Prints the sizes (bundle unpacked, .tar.gz, .deb), the build time and the smoke times (best of 3, warm).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
APP=timeline-app
say() { printf '== %s\n' "$*"; }
fail() { printf 'packaging/ci.sh: FAILED: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run as root (it installs and removes the .deb)"
command -v dpkg >/dev/null || fail "needs a Debian system"

export DEBIAN_FRONTEND=noninteractive
if ! command -v desktop-file-validate >/dev/null; then
  say "installing desktop-file-utils"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends desktop-file-utils >/dev/null
fi

# -- build --------------------------------------------------------------------------------------------------
start=$(date +%s.%N)
bash packaging/build.sh
build_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
VERSION=$(packaging/.venv-build/bin/python -c 'import timeline_app; print(timeline_app.__version__)')
BUNDLE=$ROOT/dist/$APP
TARBALL=$ROOT/dist/$APP-$VERSION-linux-$(uname -m).tar.gz
DEB=$ROOT/dist/${APP}_${VERSION}_$(dpkg --print-architecture).deb
for f in "$BUNDLE/$APP" "$TARBALL" "$DEB"; do [ -e "$f" ] || fail "build.sh did not make $f"; done

# best wall time of 3 runs of `$@ --smoke`, with no display (offscreen), from a folder outside the repo;
# sets SMOKE_LINE and SMOKE_BEST
smoke3() {
  local best="" line t0 t1 took out
  for _ in 1 2 3; do
    t0=$(date +%s.%N)
    out=$(cd /tmp && env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$@" --smoke) \
      || fail "$* --smoke exited non-zero: $out"
    t1=$(date +%s.%N)
    line=$(printf '%s\n' "$out" | tail -n 1)
    case "$line" in "smoke ok: "*) ;; *) fail "$* --smoke printed: $out" ;; esac
    took=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    if [ -z "$best" ] || awk -v x="$took" -v y="$best" 'BEGIN { exit !(x < y) }'; then best=$took; fi
  done
  SMOKE_LINE=$line
  SMOKE_BEST=$best
}

# -- the bundle ---------------------------------------------------------------------------------------------
say "bundle: --smoke, validate, export"
smoke3 "$BUNDLE/$APP"
bundle_smoke=$SMOKE_BEST
echo "  $SMOKE_LINE (best of 3: $bundle_smoke s wall)"
(cd /tmp && "$BUNDLE/$APP" validate) | grep -q '^ok: ' || fail "bundle: validate"
# the command line's Chinese comes from the bundled .ts (timeline_app.catalog), with no Qt started
(cd /tmp && "$BUNDLE/$APP" validate --lang zh_CN) | grep -q '^正常：' || fail "bundle: validate --lang zh_CN"
# a large file's events are read by worker processes, which the frozen app starts as itself (spawn:
# multiprocessing.freeze_support() in timeline_app/__main__.py); the report says how many did
big=$(mktemp -d)
"$ROOT/packaging/.venv-build/bin/python" "$ROOT/benchmarks/generate.py" 30000 "$big/big.yaml" >/dev/null \
  || fail "generating a large chronology"
(cd /tmp && TIMELINE_APP_LOAD_WORKERS=2 TIMELINE_APP_LOAD_WORKERS_REPORT="$big/report" \
  timeout 300 "$BUNDLE/$APP" validate "$big/big.yaml") | grep -q '^ok: ' || fail "bundle: validate a large file"
[ "$(cat "$big/report" 2>/dev/null)" = "2" ] || fail "bundle: a large file's events were not read by 2 workers"
# and as the window opens it (in the background, the same workers), drawn in one frame
(cd /tmp && timeout 300 "$BUNDLE/$APP" "$big/big.yaml" --smoke) | grep -q '^smoke ok: 30000 events' \
  || fail "bundle: --smoke of a large file"
rm -rf "$big"
out=$(mktemp -d)
(cd /tmp && "$BUNDLE/$APP" export --format json -o "$out/chronology.json") || fail "bundle: export json"
"$ROOT/packaging/.venv-build/bin/python" -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d' \
  "$out/chronology.json" || fail "bundle: export wrote no JSON"
(cd /tmp && "$BUNDLE/$APP" export --format csv --table points -o "$out/points.csv") || fail "bundle: export csv"
[ "$(wc -l < "$out/points.csv")" -gt 1 ] || fail "bundle: export csv wrote no rows"
# other programs' formats: the frozen icalendar, defusedxml and openpyxl read and write
say "bundle: convert TimelineJS, Timeline, iCalendar, .xlsx"
F=$ROOT/tests/data/foreign
for f in timelinejs/houston.json timeline/versions.timeline ics/alarm_thunderbird_future.ics xlsx/my-own-timeline.xlsx; do
  (cd /tmp && "$BUNDLE/$APP" convert "$F/$f" --to yaml "$out/c.yaml" >/dev/null) || fail "bundle: convert $f"
  (cd /tmp && "$BUNDLE/$APP" validate "$out/c.yaml") | grep -q '^ok: ' || fail "bundle: $f converted does not validate"
done
(cd /tmp && "$BUNDLE/$APP" convert "$out/c.yaml" --to ics "$out/c.ics" >/dev/null) || fail "bundle: convert to ics"
(cd /tmp && "$BUNDLE/$APP" convert "$out/c.yaml" --to timelinejs "$out/c.json" >/dev/null) || fail "bundle: convert to timelinejs"
rm -rf "$out"

# -- the tarball unpacks to a working app -------------------------------------------------------------------
say "tarball: unpack and validate"
tmp=$(mktemp -d)
tar -xzf "$TARBALL" -C "$tmp"
(cd /tmp && "$tmp/$APP-$VERSION/$APP" validate) | grep -q '^ok: ' || fail "tarball: validate"
rm -rf "$tmp"

# -- the Debian package -------------------------------------------------------------------------------------
say "deb: install"
dpkg -r "$APP" >/dev/null 2>&1 || true
if ! dpkg -i "$DEB"; then
  apt-get update -qq
  apt-get -f install -y -qq >/dev/null
fi
dpkg-query -W -f='${Status}' "$APP" | grep -q "install ok installed" || fail "the .deb did not install"
[ "$(command -v "$APP")" = "/usr/bin/$APP" ] || fail "$APP on PATH is $(command -v "$APP"), not /usr/bin/$APP"

say "deb: installed /usr/bin/$APP --smoke, validate"
smoke3 "/usr/bin/$APP"
installed_smoke=$SMOKE_BEST
echo "  $SMOKE_LINE (best of 3: $installed_smoke s wall)"
(cd /tmp && "/usr/bin/$APP" validate) | grep -q '^ok: ' || fail "installed: validate"

say "deb: menu entry and icons"
DESKTOP=/usr/share/applications/$APP.desktop
[ -f "$DESKTOP" ] || fail "no $DESKTOP"
desktop-file-validate "$DESKTOP" || fail "desktop-file-validate $DESKTOP"
exec_cmd=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$DESKTOP")
command -v "$exec_cmd" >/dev/null || fail "Exec=$exec_cmd does not resolve"
icon=$(sed -n 's/^Icon=//p' "$DESKTOP")
for size in 16x16 32x32 48x48 64x64 128x128 256x256 512x512; do
  [ -f "/usr/share/icons/hicolor/$size/apps/$icon.png" ] || fail "no $size icon for Icon=$icon"
done
[ -f "/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "no scalable icon for Icon=$icon"
echo "  Exec=$exec_cmd -> $(command -v "$exec_cmd"), Icon=$icon: 7 PNG sizes and scalable SVG"

say "deb: remove"
dpkg -r "$APP" >/dev/null
for gone in "/opt/$APP" "/usr/bin/$APP" "$DESKTOP" "/usr/share/icons/hicolor/scalable/apps/$icon.svg"; do
  [ ! -e "$gone" ] && [ ! -L "$gone" ] || fail "$gone is still there after dpkg -r"
done
echo "  /opt/$APP, /usr/bin/$APP, the menu entry and the icons are gone"

# -- summary ------------------------------------------------------------------------------------------------
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
unpacked=$(mb "$(du -sb "$BUNDLE" | cut -f1)")
tgz=$(mb "$(stat -c %s "$TARBALL")")
deb=$(mb "$(stat -c %s "$DEB")")
say "packaging summary"
echo "  sizes: bundle $unpacked MB unpacked, tar.gz $tgz MB, deb $deb MB"
echo "  build: $build_s s (venv, PyInstaller, tarball, deb)"
echo "  smoke: bundle $bundle_smoke s, installed $installed_smoke s (best of 3, wall, warm)"
# the targets of issue #5: sizes fail the run; time only warns (a busy machine is not a broken build)
awk -v u="$unpacked" -v t="$tgz" 'BEGIN {
  bad = 0
  if (u > 170) { print "  over target: bundle " u " MB > 170 MB"; bad = 1 }
  if (t > 70) { print "  over target: tar.gz " t " MB > 70 MB"; bad = 1 }
  exit bad
}' || fail "a size target is missed"
awk -v s="$installed_smoke" -v b="$bundle_smoke" 'BEGIN { exit !(b > 1.5 || s > 1.5) }' \
  && echo "  warning: --smoke took more than the 1.5 s target"
say "packaging ci: ok"
