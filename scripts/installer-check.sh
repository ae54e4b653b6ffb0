#!/usr/bin/env bash
# Builds the app image and the .deb (and with --rpm the .rpm), unpacks each package into a temporary root and runs
# the installed launcher from a folder without samples/: --version, devices, demo --epochs 1, then the studio under
# Xvfb (started with no command, as the menu entry does, and with a lone .nwd.json, as a double-click does) with a
# screenshot. With --install it also installs the .deb for real (apt-get; root, a throwaway machine) and checks
# /usr/bin/netwright, the menu entry and the MIME type, then removes it. Prints sizes and a PASS/FAIL line each.
#
#   scripts/installer-check.sh [--rpm] [--install] [--skip-build]
#
# Needs: JDK 17+ with jpackage, Maven, fakeroot, dpkg-deb, xvfb-run, xdotool, ImageMagick's import;
# rpmbuild, rpm2cpio and cpio for --rpm. The screenshot goes to docs/installed-studio.png.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RPM=0; INSTALL=0; BUILD=1
for a in "$@"; do
  case "$a" in
    --rpm) RPM=1 ;; --install) INSTALL=1 ;; --skip-build) BUILD=0 ;;
    *) echo "installer-check.sh: unknown option $a (give --rpm, --install or --skip-build)" >&2; exit 2 ;;
  esac
done
DIST="$ROOT/target/jpackage/dist"
OUT="$ROOT/target/installer-check"
FAILED=0
rm -rf "$OUT"; mkdir -p "$OUT/cwd"

pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; FAILED=1; }
check() {  # check NAME COMMAND...: runs it in $OUT/cwd, logs to $OUT/NAME.log
  local name="$1"; shift
  if (cd "$OUT/cwd" && "$@") >"$OUT/$name.log" 2>&1; then pass "$name"; else fail "$name (see $OUT/$name.log)"; fi
}
size() { du -sh "$1" | cut -f1; }

if (( BUILD )); then
  (cd "$ROOT" && mvn -B -q package -DskipTests) >"$OUT/build.log" 2>&1 || { echo "FAIL  mvn package (see $OUT/build.log)"; exit 1; }
fi

# --- checks on an installed tree: $1 = the netwright launcher, $2 = a label ---------------------------------------
cli_checks() {
  local nw="$1" label="$2"
  check "$label-version" "$nw" --version
  grep -q '^netwright ' "$OUT/$label-version.log" || fail "$label-version prints no 'netwright <version>'"
  check "$label-devices" "$nw" devices
  grep -q '^cpu ' "$OUT/$label-devices.log" || fail "$label-devices lists no cpu device"
  check "$label-demo" "$nw" demo --epochs 1
  grep -q 'test accuracy' "$OUT/$label-demo.log" || fail "$label-demo reports no test accuracy"
  grep -h 'test accuracy' "$OUT/$label-demo.log" | tail -n 1 | sed "s/^/      $label demo: /"
}

# studio_check LAUNCHER LABEL [SHOT]: starts the studio with no command and with a lone design file
studio_check() {
  local nw="$1" label="$2" shot="${3:-}"
  cp "$ROOT/samples/designs/lenet5.json" "$OUT/cwd/lenet5.nwd.json"
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
      "$1" >"$2/studio.log" 2>&1 & pid=$!
      for i in $(seq 60); do xdotool search --name "Netwright Studio" >/dev/null 2>&1 && break; sleep 1; done
      sleep 3; xdotool search --name "Netwright Studio" getwindowname %@ >"$2/studio-title.txt" 2>&1
      import -window root "$2/studio.png"; kill $pid; wait $pid 2>/dev/null
      "$1" "$2/cwd/lenet5.nwd.json" >"$2/studio-file.log" 2>&1 & pid=$!
      for i in $(seq 60); do xdotool search --name "lenet5.nwd.json" >/dev/null 2>&1 && break; sleep 1; done
      xdotool search --name "Netwright Studio" getwindowname %@ >"$2/studio-file-title.txt" 2>&1
      kill $pid; wait $pid 2>/dev/null; true' _ "$nw" "$OUT"
  if grep -q "Netwright Studio" "$OUT/studio-title.txt"; then pass "$label-studio (window: $(head -n 1 "$OUT/studio-title.txt"))";
  else fail "$label-studio: no studio window (see $OUT/studio.log)"; fi
  if grep -q "lenet5.nwd.json" "$OUT/studio-file-title.txt"; then pass "$label-studio-opens-design (window: $(head -n 1 "$OUT/studio-file-title.txt"))";
  else fail "$label-studio-opens-design: no window on lenet5.nwd.json (see $OUT/studio-file.log)"; fi
  if grep -q "Unsupported JavaFX configuration" "$OUT/studio.log" "$OUT/studio-file.log"; then
    fail "$label-studio: JavaFX loaded from the class path (warning in the log)"; fi
  if [[ -n "$shot" && -f "$OUT/studio.png" ]]; then
    convert "$OUT/studio.png" -trim +repage "$shot" && echo "      screenshot: ${shot#"$ROOT"/}"
  fi
}

# --- app image --------------------------------------------------------------------------------------------------------
if "$ROOT/installer/jpackage.sh" app-image >"$OUT/jpackage-app-image.log" 2>&1; then
  pass "app-image built ($(size "$DIST/netwright"))"
  cli_checks "$DIST/netwright/bin/netwright" image
else
  fail "app-image (see $OUT/jpackage-app-image.log)"
fi

# --- .deb, unpacked into a temporary root -----------------------------------------------------------------------------
if "$ROOT/installer/jpackage.sh" deb >"$OUT/jpackage-deb.log" 2>&1; then
  DEB="$(ls "$DIST"/netwright_*.deb)"
  pass "deb built: $(basename "$DEB") ($(size "$DEB"))"
  dpkg-deb -x "$DEB" "$OUT/deb-root" && dpkg-deb -e "$DEB" "$OUT/deb-control"
  pass "deb unpacked ($(size "$OUT/deb-root/opt/netwright") installed)"
  NW="$OUT/deb-root/opt/netwright/bin/netwright"
  cli_checks "$NW" deb
  studio_check "$NW" deb "$ROOT/docs/installed-studio.png"
  DESKTOP="$(ls "$OUT"/deb-root/opt/netwright/lib/*.desktop)"
  grep -q '^Categories=Science;' "$DESKTOP" && grep -q '^MimeType=application/vnd.netwright.design+json' "$DESKTOP" \
    && pass "desktop entry: $(grep -E '^(Exec|Categories|MimeType)=' "$DESKTOP" | paste -sd' ' -)" \
    || fail "desktop entry lacks Categories=Science or the design MIME type"
  if command -v desktop-file-validate >/dev/null; then check desktop-file-validate desktop-file-validate "$DESKTOP"; fi
  grep -q 'glob pattern="\*.nwd.json"' "$OUT"/deb-root/opt/netwright/lib/*-MimeInfo.xml \
    && pass "MIME type application/vnd.netwright.design+json for *.nwd.json" || fail "no *.nwd.json MIME glob"
  grep -q 'ln -sf /opt/netwright/bin/netwright /usr/bin/netwright' "$OUT/deb-control/postinst" \
    && pass "postinst links /usr/bin/netwright" || fail "postinst does not link /usr/bin/netwright"
else
  fail "deb (see $OUT/jpackage-deb.log)"
fi

# --- .deb, installed for real ------------------------------------------------------------------------------------------
if (( INSTALL )) && [[ -n "${DEB:-}" ]]; then
  if apt-get install -y -q "$DEB" >"$OUT/apt-install.log" 2>&1; then
    [[ "$(readlink /usr/bin/netwright)" == /opt/netwright/bin/netwright ]] && pass "installed: /usr/bin/netwright -> /opt/netwright/bin/netwright" \
      || fail "installed, but /usr/bin/netwright is not the launcher"
    check installed-version netwright --version
    xdg-mime query filetype "$OUT/cwd/lenet5.nwd.json" >"$OUT/mime.txt" 2>&1 || true
    grep -q 'application/vnd.netwright.design+json' "$OUT/mime.txt" && pass "xdg-mime: lenet5.nwd.json is application/vnd.netwright.design+json" \
      || echo "      xdg-mime says: $(cat "$OUT/mime.txt") (needs shared-mime-info's database)"
    apt-get remove -y -q netwright >"$OUT/apt-remove.log" 2>&1 && [[ ! -e /usr/bin/netwright ]] \
      && pass "removed: /usr/bin/netwright is gone" || fail "remove left /usr/bin/netwright (see $OUT/apt-remove.log)"
  else
    fail "apt-get install (see $OUT/apt-install.log)"
  fi
fi

# --- .rpm, unpacked into a temporary root -------------------------------------------------------------------------------
if (( RPM )); then
  if "$ROOT/installer/jpackage.sh" rpm >"$OUT/jpackage-rpm.log" 2>&1; then
    RPMF="$(ls "$DIST"/netwright-*.rpm)"
    pass "rpm built: $(basename "$RPMF") ($(size "$RPMF"))"
    command -v cpio >/dev/null || fail "rpm unpacking needs rpm2cpio and cpio: apt-get install rpm cpio"
    mkdir -p "$OUT/rpm-root" && (cd "$OUT/rpm-root" && rpm2cpio "$RPMF" | cpio -idm --quiet)
    rpm -qp --scripts "$RPMF" 2>/dev/null | grep -q 'ln -sf /opt/netwright/bin/netwright /usr/bin/netwright' \
      && pass "rpm %post links /usr/bin/netwright" || fail "rpm %post does not link /usr/bin/netwright"
    rpm -qpR "$RPMF" 2>/dev/null | paste -sd' ' - | sed 's/^/      rpm requires: /'
    cli_checks "$OUT/rpm-root/opt/netwright/bin/netwright" rpm
  else
    fail "rpm (see $OUT/jpackage-rpm.log)"
  fi
fi

if (( FAILED )); then echo "installer-check: FAILED"; exit 1; fi
echo "installer-check: all passed"
