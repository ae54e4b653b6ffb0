#!/usr/bin/env bash
# Builds Netwright's desktop application with the JDK's jpackage from target/netwright.jar + target/lib.
#
#   mvn -B -q package -DskipTests          # first: the jar and its runtime libraries
#   installer/jpackage.sh                  # app image (default): target/jpackage/dist/netwright/
#   installer/jpackage.sh deb              # Debian package (needs fakeroot and dpkg-deb)
#   installer/jpackage.sh rpm              # RPM package (needs rpmbuild: Debian's 'rpm' package has it)
#   installer/jpackage.sh msi|exe|dmg|pkg  # on Windows (WiX 3) or macOS: jpackage cannot cross-build
#
# What goes in: a runtime trimmed to the JDK modules the jar and its libraries use (jdeps, plus the few reached only
# by reflection), the JavaFX jars on the module path ($APPDIR/javafx), everything else on the class path (the JCuda
# driver natives and OpenBLAS inside their jars, our native CPU library inside netwright.jar), samples/ (designs
# and bundled data), the icon, a menu entry that opens the studio and the .nwd.json file association.
#
# Environment: JPACKAGE_MODULES=mod1,mod2 replaces the computed JDK module list; JAVA_HOME picks the JDK (17+).
set -euo pipefail

TYPE="${1:-app-image}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/netwright.jar"
LIB="$ROOT/target/lib"
WORK="$ROOT/target/jpackage"
INPUT="$WORK/input"
RESOURCES="$WORK/resources"
FX="$WORK/javafx"          # JavaFX modules: linked into the runtime, not copied as jars
DIST="$WORK/dist"
FX_OPTIONS="$ROOT/src/main/resources/io/netwright/ui/javafx-jvm-options.txt"
# JDK modules no static analysis finds: AWT/Swing for JFreeChart and javafx.swing, Unsafe for protobuf and JavaFX,
# the management beans the studio's JVM relaunch and memory view read, the XML parser and logging of libraries.
FX_MODULES="javafx.base,javafx.graphics,javafx.controls,javafx.swing"
BASE_MODULES="java.base,java.datatransfer,java.desktop,java.logging,java.management,java.prefs,java.sql,java.xml,jdk.management,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs"

die() { echo "jpackage.sh: $*" >&2; exit 1; }

case "$TYPE" in app-image|deb|rpm|msi|exe|dmg|pkg) ;; *) die "unknown type '$TYPE': give app-image, deb, rpm, msi, exe, dmg or pkg" ;; esac

tool() {  # tool NAME: the JDK tool from JAVA_HOME if set, else from PATH
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/$1" ]]; then echo "$JAVA_HOME/bin/$1";
  elif command -v "$1" >/dev/null; then command -v "$1";
  else die "$1 not found: install a full JDK 17+ (not a JRE) or set JAVA_HOME"; fi
}
JAVA="$(tool java)"; JPACKAGE="$(tool jpackage)"; JDEPS="$(tool jdeps)"

[[ -f "$JAR" && -d "$LIB" ]] || die "target/netwright.jar or target/lib missing: run 'mvn -B -q package -DskipTests' first"
case "$TYPE" in
  deb) command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null \
         || die ".deb needs fakeroot and dpkg-deb: apt-get install fakeroot dpkg" ;;
  rpm) command -v rpmbuild >/dev/null || die ".rpm needs rpmbuild: apt-get install rpm (Debian) or dnf install rpm-build" ;;
esac

# jpackage wants a purely numeric version (1.2.3): take the jar's version and drop any -SNAPSHOT style suffix.
FULL_VERSION="$("$JAVA" -Dnetwright.studio.relaunch=false -jar "$JAR" --version | head -n 1 | awk '{print $2}')"
APP_VERSION="${FULL_VERSION%%-*}"
[[ "$APP_VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] \
  || die "jar version '$FULL_VERSION' does not start with a numeric version: check <version> in pom.xml"

# --- the input folder: jpackage copies all of it to $APPDIR (lib/app in the image) --------------------------------
rm -rf "$INPUT" "$RESOURCES" "$DIST"
mkdir -p "$INPUT/lib" "$FX" "$RESOURCES" "$DIST"
cp "$JAR" "$INPUT/"
for j in "$LIB"/*.jar; do
  b="$(basename "$j")"
  if [[ "$b" == javafx-* ]]; then
    # the platform jars hold the classes; the classifier-less ones are empty and would clash as automatic modules
    if [[ "$(unzip -Z1 "$j" 2>/dev/null | grep -c '\.class$')" -gt 0 ]]; then cp "$j" "$FX/"; fi
  else
    cp "$j" "$INPUT/lib/"
  fi
done
ls "$FX"/javafx-graphics-*.jar >/dev/null 2>&1 || die "no JavaFX platform jars in target/lib: rebuild with mvn package"
cp -r "$ROOT/samples" "$INPUT/samples"

# --- the runtime's modules ------------------------------------------------------------------------------------------
if [[ -n "${JPACKAGE_MODULES:-}" ]]; then
  MODULES="$JPACKAGE_MODULES"
else
  if FOUND="$("$JDEPS" --print-module-deps --ignore-missing-deps --multi-release 17 \
        --module-path "$FX:$INPUT/lib" --add-modules ALL-MODULE-PATH "$JAR" 2>"$WORK/jdeps.log")"; then
    FOUND="$(echo "$FOUND" | tail -n 1 | tr ',' '\n' | grep -v '^javafx\.' | paste -sd, -)"
  else
    echo "jpackage.sh: jdeps failed ($(grep -m1 -v '^\s*at ' "$WORK/jdeps.log" || true)); using the base module list" >&2
    FOUND=""
  fi
  MODULES="$(echo "$BASE_MODULES,$FX_MODULES,$FOUND" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -)"
fi

# --- icon, launcher options, Linux integration -----------------------------------------------------------------------
case "$(uname -s)" in
  Linux*)  ICON="$ROOT/icons/netwright-256.png" ;;
  Darwin*) ICON="$ROOT/icons/netwright.icns" ;;
  *)       ICON="$ROOT/icons/netwright.ico" ;;
esac
[[ -f "$ICON" ]] || die "no $(basename "$ICON"): run icons/render.sh"

ARGS=(
  --type "$TYPE"
  --name netwright
  --app-version "$APP_VERSION"
  --vendor "Netwright"
  --description "Design, train and watch convolutional networks on Netwright's own tensor engine."
  --input "$INPUT"
  --main-jar netwright.jar
  --main-class io.netwright.cli.Main
  --add-modules "$MODULES"
  --icon "$ICON"
  --arguments studio
  --module-path "$FX"
  --dest "$DIST"
)
while IFS= read -r opt; do
  [[ -z "$opt" || "$opt" == \#* ]] || ARGS+=(--java-options "$opt")
done < "$FX_OPTIONS"

if [[ "$TYPE" != app-image ]]; then
  ARGS+=(--file-associations "$ROOT/installer/design-file.properties")
fi
case "$TYPE" in
  deb|rpm)
    cp "$ROOT/installer/linux/netwright.desktop" "$RESOURCES/netwright.desktop"
    if [[ "$TYPE" == deb ]]; then
      cp "$ROOT/installer/linux/postinst" "$ROOT/installer/linux/prerm" "$RESOURCES/"
      DEPS="libgtk-3-0 | libgtk-3-0t64, libxtst6, libasound2 | libasound2t64, libgl1"
      ARGS+=(--linux-deb-maintainer "netwright@netwright.io")
    else
      cp "$ROOT/installer/linux/netwright.spec" "$RESOURCES/netwright.spec"
      DEPS="gtk3, libXtst, alsa-lib, mesa-libGL"
      ARGS+=(--linux-rpm-license-type "Proprietary")
    fi
    ARGS+=(--resource-dir "$RESOURCES" --linux-package-name netwright --linux-app-category science
           --linux-menu-group "Science;ArtificialIntelligence;" --linux-shortcut --linux-package-deps "$DEPS")
    ;;
  msi|exe) ARGS+=(--win-menu --win-menu-group Netwright --win-shortcut --win-dir-chooser) ;;
  dmg|pkg) ARGS+=(--mac-package-name Netwright) ;;
esac

cd "$ROOT"  # design-file.properties names its icon relative to the project
echo "jpackage.sh: $TYPE, version $APP_VERSION, runtime modules $MODULES" >&2
"$JPACKAGE" "${ARGS[@]}" ${JPACKAGE_VERBOSE:+--verbose}
echo "jpackage.sh: done:" >&2
ls -l "$DIST" >&2
