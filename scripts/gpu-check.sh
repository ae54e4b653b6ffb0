#!/usr/bin/env bash
# Prepares, on a build machine, one self-contained folder that checks the CUDA backend on a machine with an NVIDIA
# GPU but no Java, no Maven and no internet — then that folder's run.sh is the one command to run there.
#
#   scripts/gpu-check.sh [OUT]        build OUT (default target/gpu-check, at most ~60 MB)
#   bash OUT/run.sh                   on the GPU machine: GPU and driver, `devices`, the backend contract suite and
#                                     the CUDA end-to-end tests against the real driver, compute-sanitizer on a
#                                     small subset, the GPU benchmarks (with PyTorch where it is installed), and a
#                                     short table last
#
# The folder holds a jlinked Java runtime (Temurin 25 under /usr/lib/jvm; it needs only glibc 2.17), the app jar
# and the dependencies it needs without JavaFX or the OpenBLAS natives (the CPU reference then runs its pure-Java GEMM), the
# JCuda natives, the test classes and junit-platform-console-standalone.
#
# With the device tool:  run(command="bash target/gpu-check/run.sh", carry=["target/gpu-check"])
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=${1:-target/gpu-check}
jdk=${GPU_CHECK_JDK:-$(ls -d /usr/lib/jvm/temurin-25-jdk-* 2>/dev/null | head -1)}
[ -x "$jdk/bin/jlink" ] || { echo "gpu-check: no JDK with jlink found (set GPU_CHECK_JDK=/path/to/jdk)" >&2; exit 1; }
console_version=1.11.4
console=$HOME/.m2/repository/org/junit/platform/junit-platform-console-standalone/$console_version/junit-platform-console-standalone-$console_version.jar

echo "gpu-check: building the jar and the test classes"
mvn -B -q package -DskipTests
[ -f "$console" ] || mvn -B -q dependency:get -Dartifact=org.junit.platform:junit-platform-console-standalone:$console_version

rm -rf "$out"
mkdir -p "$out/lib"
echo "gpu-check: linking a Java runtime from $jdk"
"$jdk/bin/jlink" --add-modules java.base,java.logging,java.xml,java.management,jdk.management,jdk.unsupported \
    --strip-debug --no-header-files --no-man-pages --compress=zip-9 --output "$out/jre"
cp target/netwright.jar "$out/"
for j in target/lib/*.jar; do
  case "$(basename "$j")" in
    javafx-*|openjfx-*|controlsfx-*|jfreechart-*|org.jfree.*|openblas-*-linux-*|javacpp-*-linux-*|testfx-*|monocle-*) ;;
    jcuda-natives-*)
      # only JCuda's driver binding is used (no runtime, NVRTC or PTX compiler): a jar with just that library
      tmp=$(mktemp -d)
      (cd "$tmp" && "$jdk/bin/jar" xf "$OLDPWD/$j" && find lib -type f ! -name 'libJCudaDriver-*' -delete)
      "$jdk/bin/jar" cf "$out/lib/$(basename "$j")" -C "$tmp" lib
      rm -rf "$tmp" ;;
    *) cp "$j" "$out/lib/" ;;
  esac
done
# The test classes without large test resources (datasets are not needed by the CUDA tests).
mkdir -p "$out/test-classes"
(cd target/test-classes && find . -name '*.class' -print0 | tar -cf - --null -T -) | tar -xf - -C "$out/test-classes"
cp "$console" "$out/lib/junit-platform-console-standalone.jar"
cp scripts/bench_torch_gpu.py "$out/" 2>/dev/null || true
cp scripts/gpu-check-run.sh "$out/run.sh"
chmod +x "$out/run.sh"
echo "gpu-check: $(du -sh "$out" | cut -f1) in $out — run there: bash $out/run.sh"
