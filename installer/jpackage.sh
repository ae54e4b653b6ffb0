#!/usr/bin/env bash
# Builds a native Netwright package with the JDK's jpackage from target/netwright.jar + target/lib.
#
#   mvn -B -q package -DskipTests          # first: the jar and its runtime libraries
#   installer/jpackage.sh                  # app image (default): target/jpackage/dist/netwright/
#   installer/jpackage.sh deb              # Debian package (needs fakeroot and dpkg-deb)
#   installer/jpackage.sh rpm|msi|exe|dmg|pkg   # on the matching OS, with that OS's packaging tools
#
# Environment: JPACKAGE_MODULES=mod1,mod2 overrides the jlink module list computed with jdeps;
#              JAVA_HOME picks the JDK (17+) whose jpackage, jdeps and runtime are used.
set -euo pipefail

TYPE="${1:-app-image}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/netwright.jar"
LIB="$ROOT/target/lib"
WORK="$ROOT/target/jpackage"
INPUT="$WORK/input"
DIST="$WORK/dist"

die() { echo "jpackage.sh: $*" >&2; exit 1; }

tool() {  # tool NAME: the JDK tool from JAVA_HOME if set, else from PATH
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/$1" ]]; then echo "$JAVA_HOME/bin/$1";
  elif command -v "$1" >/dev/null; then command -v "$1";
  else die "$1 not found: install a full JDK 17+ (not a JRE) or set JAVA_HOME"; fi
}
JAVA="$(tool java)"; JPACKAGE="$(tool jpackage)"; JDEPS="$(tool jdeps)"

[[ -f "$JAR" && -d "$LIB" ]] || die "target/netwright.jar or target/lib missing: run 'mvn -B -q package -DskipTests' first"

# jpackage wants a purely numeric version (1.2.3): take the jar's version and drop any -SNAPSHOT style suffix.
FULL_VERSION="$("$JAVA" -jar "$JAR" --version | head -n 1 | awk '{print $2}')"
APP_VERSION="${FULL_VERSION%%-*}"
[[ "$APP_VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] \
  || die "jar version '$FULL_VERSION' does not start with a numeric version: check <version> in pom.xml"

# Only the jar and its libraries go in: jpackage copies the whole --input folder into the package.
rm -rf "$INPUT" "$DIST"
mkdir -p "$INPUT" "$DIST"
cp "$JAR" "$INPUT/"
cp -r "$LIB" "$INPUT/lib"

# A trimmed runtime: the JDK modules the jar and every library use (jdeps), unless overridden.
MODULES="${JPACKAGE_MODULES:-$("$JDEPS" --print-module-deps --ignore-missing-deps --multi-release 17 \
  "$JAR" "$LIB"/*.jar)}"

case "$(uname -s)" in
  Linux*)  ICON="$ROOT/icons/netwright-256.png" ;;
  Darwin*) ICON="$ROOT/icons/netwright.icns" ;;
  *)       ICON="$ROOT/icons/netwright.ico" ;;
esac

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
  --dest "$DIST"
)
if [[ -f "$ICON" ]]; then ARGS+=(--icon "$ICON"); else echo "jpackage.sh: no $(basename "$ICON") yet, using the default icon" >&2; fi
case "$TYPE" in
  deb|rpm) ARGS+=(--linux-package-name netwright --linux-app-category science --linux-menu-group "Development;Science;") ;;
esac
if [[ "$TYPE" == deb ]]; then
  command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null \
    || die ".deb needs fakeroot and dpkg-deb: apt-get install fakeroot dpkg"
fi

echo "jpackage.sh: $TYPE, version $APP_VERSION, modules $MODULES" >&2
"$JPACKAGE" "${ARGS[@]}"
echo "jpackage.sh: done:" >&2
ls -l "$DIST" >&2
