#!/usr/bin/env bash
# Builds timeline-app for Linux with PyInstaller, in one command, and leaves in dist/:
#   dist/timeline-app/                                  the one-folder bundle (run dist/timeline-app/timeline-app)
#   dist/timeline-app-VERSION-linux-x86_64.tar.gz       the same, as a tarball (unpacks to timeline-app-VERSION/)
#   dist/timeline-app_VERSION_amd64.deb                 a Debian package: /opt/timeline-app, /usr/bin/timeline-app,
#                                                       a menu entry and hicolor icons
# It makes its own build environment in packaging/.venv-build (the runtime dependencies + PyInstaller) and,
# on Debian as root, installs what the build needs from apt (the Qt/X11 libraries PyInstaller copies into the
# bundle, binutils, dpkg-dev). Options: --no-deb (bundle and tarball only). See packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

MAKE_DEB=1
for arg in "$@"; do
  case "$arg" in
    --no-deb) MAKE_DEB=0 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

APP=timeline-app
VENV=packaging/.venv-build
PYINSTALLER_REQ="pyinstaller>=6.10,<7"
DIST=$ROOT/dist
WORK=$ROOT/build/pyinstaller
STAGE=$ROOT/build/deb
say() { printf '== %s\n' "$*"; }

# -- what the build machine needs ------------------------------------------------------------------------
# The Qt xcb plugin's helper libraries are copied from this machine into the bundle, so they must be here;
# libwayland-* and libgl/libegl are left to the user's system (PyInstaller never bundles them) and only
# need to be here for dpkg-shlibdeps to name their packages.
DEB_BUILD_DEPS=(
  python3-venv binutils dpkg-dev file
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libx11-6 libx11-xcb1
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-glx0
  libwayland-client0 libwayland-cursor0 libwayland-egl1
)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${DEB_BUILD_DEPS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    say "installing build dependencies: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "build.sh: not a Debian system: install binutils and the Qt xcb libraries yourself; no .deb" >&2
  MAKE_DEB=0
fi

# -- the build environment -------------------------------------------------------------------------------
PY="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  say "creating $VENV"
  "$PY" -m venv "$VENV"
fi
stamp="$VENV/.installed-$(cat pyproject.toml packaging/build.sh | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  say "installing the runtime dependencies and PyInstaller into $VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  # the project itself (editable: its dependencies, with the same pins as for users) and PyInstaller
  "$VENV/bin/python" -m pip install -q -e . "$PYINSTALLER_REQ"
  rm -f "$VENV"/.installed-*; touch "$stamp"
fi
VERSION=$("$VENV/bin/python" -c 'import timeline_app; print(timeline_app.__version__)')
ARCH=$(uname -m)
say "timeline-app $VERSION, $("$VENV/bin/python" -m PyInstaller --version | sed 's/^/PyInstaller /'), $("$VENV/bin/python" -c 'import PySide6; print("PySide6", PySide6.__version__)')"

# -- the bundle -------------------------------------------------------------------------------------------
say "translations: compiling resources/translations/*.ts"
for ts in resources/translations/*.ts; do
  "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
say "PyInstaller: one-folder bundle"
t0=$(date +%s.%N)
rm -rf "${DIST:?}/${APP:?}"
"$VENV/bin/python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/timeline-app.spec
t1=$(date +%s.%N)
BUNDLE=$DIST/$APP

# every library the bundle links to must resolve: inside the bundle, or on the system
lib_path=$(find "$BUNDLE/_internal" -name '*.so*' -printf '%h\n' | sort -u | tr '\n' ':')
unresolved=$(find "$BUNDLE" -type f \( -name '*.so*' -o -name "$APP" \) -print0 \
  | xargs -0 -n 50 env LD_LIBRARY_PATH="$lib_path" ldd 2>/dev/null | grep 'not found' | sort -u || true)
if [ -n "$unresolved" ]; then
  echo "build.sh: libraries the bundle needs and neither carries nor finds on this machine:" >&2
  echo "$unresolved" >&2
  exit 1
fi

# -- the tarball ------------------------------------------------------------------------------------------
TARBALL=$DIST/$APP-$VERSION-linux-$ARCH.tar.gz
say "tarball $(basename "$TARBALL")"
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
  --transform "s,^$APP,$APP-$VERSION," -C "$DIST" -cf - "$APP" | gzip -n -6 > "$TARBALL"
t2=$(date +%s.%N)

# -- the Debian package -----------------------------------------------------------------------------------
DEB=""
if [ "$MAKE_DEB" = 1 ]; then
  DEB_ARCH=$(dpkg --print-architecture)
  DEB=$DIST/${APP}_${VERSION}_${DEB_ARCH}.deb
  say "Debian package $(basename "$DEB")"
  rm -rf "$STAGE"
  R=$STAGE/debian/$APP  # where dpkg-shlibdeps expects the package's files
  mkdir -p "$R/opt" "$R/usr/bin" "$R/usr/share/applications" "$R/usr/share/doc/$APP" "$R/DEBIAN"
  cp -a "$BUNDLE" "$R/opt/$APP"
  ln -s "/opt/$APP/$APP" "$R/usr/bin/$APP"
  install -m 644 packaging/linux/timeline-app.desktop "$R/usr/share/applications/$APP.desktop"
  for n in 16 32 48 64 128 256 512; do
    install -D -m 644 "resources/icons/$APP-$n.png" "$R/usr/share/icons/hicolor/${n}x${n}/apps/$APP.png"
  done
  install -D -m 644 "resources/icons/$APP.svg" "$R/usr/share/icons/hicolor/scalable/apps/$APP.svg"
  install -m 644 packaging/linux/copyright "$R/usr/share/doc/$APP/copyright"
  install -m 755 packaging/linux/postinst packaging/linux/postrm "$R/DEBIAN/"
  chmod -R u+rwX,go+rX,go-w "$R"

  # Depends: the packages of the system libraries the bundle links to and does not carry, with the
  # versions their symbols need. dpkg-shlibdeps reads every ELF file; the bundle's own libraries are
  # found in the package's tree (-S, and -l with their installed folders) and need no package.
  printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$APP" "$APP" > "$STAGE/debian/control"
  mapfile -t elves < <(find "$R/opt/$APP" -type f \( -name '*.so*' -o -name "$APP" \) -exec sh -c \
    'file -b "$1" | grep -q "^ELF" && echo "$1"' _ {} \;)
  libdirs=$(cd "$R" && find "opt/$APP/_internal" -name '*.so*' -printf '-l/%h\n' | sort -u)
  # shellcheck disable=SC2086
  shlibs=$(cd "$STAGE" && dpkg-shlibdeps -O --ignore-missing-info --warnings=0 -S"$R" $libdirs "${elves[@]}" \
    2>/dev/null | sed -n 's/^shlibs:Depends=//p')
  if [ -z "$shlibs" ]; then
    echo "build.sh: dpkg-shlibdeps found no dependencies; something is wrong" >&2
    exit 1
  fi
  # Not linked, but needed: fonts and their configuration (the bundle's Qt reads the system's fontconfig);
  # a CJK font for Chinese titles and the 简体中文 interface (fonts-wqy-microhei: 1.6 MB download, 5.0 MB
  # installed; fonts-noto-cjk, 56.5 MB / 91 MB, also serves); the X keyboard and compose data.
  DEPENDS="$shlibs, fontconfig-config, fonts-dejavu-core | fonts-liberation2 | fonts-freefont-ttf"
  DEPENDS="$DEPENDS, fonts-wqy-microhei | fonts-noto-cjk | fonts-wqy-zenhei, xkb-data, libx11-data"
  INSTALLED_KB=$(du -sk --exclude=DEBIAN "$R" | cut -f1)
  cat > "$R/DEBIAN/control" <<EOF
Package: $APP
Version: $VERSION
Architecture: $DEB_ARCH
Maintainer: timeline-app maintainers <maintainers@timeline-app.invalid>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Section: science
Priority: optional
Description: desktop viewer for chronologies
 timeline-app reads a chronology of events written in YAML and shows a zoomable
 timeline with one lane per category, indicator plots on the same time axis and a
 detail pane with the sources of every figure. Every action has a key.
 .
 It ships with a chronology of the first ten years of Beijing-Tianjin-Hebei
 coordinated development (2014-2024). The command line (timeline-app validate,
 export, render) checks and converts chronologies without a window.
 .
 This package installs a self-contained PyInstaller build in /opt/timeline-app.
EOF
  rm -f "$DEB"
  # xz level 3: 46 MB in about 20 s here; the default level 6 saves 4 MB for a minute more
  dpkg-deb -Zxz -z"${DEB_XZ_LEVEL:-3}" --build --root-owner-group "$R" "$DEB" >/dev/null
fi
t3=$(date +%s.%N)

# -- what was made ----------------------------------------------------------------------------------------
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }
say "done"
printf '  bundle   %-55s %s unpacked (%s files)\n' "dist/$APP/" "$(mb "$(du -sb "$BUNDLE" | cut -f1)")" \
  "$(find "$BUNDLE" -type f | wc -l)"
printf '  tarball  %-55s %s\n' "dist/$(basename "$TARBALL")" "$(mb "$(stat -c %s "$TARBALL")")"
[ -n "$DEB" ] && printf '  deb      %-55s %s\n' "dist/$(basename "$DEB")" "$(mb "$(stat -c %s "$DEB")")"
[ -n "$DEB" ] && printf '  Depends: %s\n' "$DEPENDS"
printf '  time     PyInstaller %s, tarball %s%s\n' "$(secs "$t0" "$t1")" "$(secs "$t1" "$t2")" \
  "$([ -n "$DEB" ] && echo ", deb $(secs "$t2" "$t3")")"
