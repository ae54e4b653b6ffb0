#!/usr/bin/env bash
# The one command of the GPU check, run on the GPU machine from the folder scripts/gpu-check.sh prepared (it has no
# Java of its own: jre/ is the linked runtime). Prints the GPU and driver, what `devices` finds, runs every test
# tagged "cuda" against the real driver, compute-sanitizer (memcheck) on a small subset where it is installed, the
# GPU benchmarks, and a short table last. Exit status: non-zero when a test failed.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"
# NW_JAVA_OPTS: extra JVM options, e.g. -Dnetwright.cuda.driver=/path/libcuda.so.1 to try the bundle on the host test driver
java="./jre/bin/java --enable-native-access=ALL-UNNAMED ${NW_JAVA_OPTS:-}"
cp="netwright.jar:lib/*:test-classes"
mkdir -p reports
summary=()

echo "== GPU and driver"
nvidia-smi -L 2>&1 || echo "nvidia-smi not found"
nvidia-smi --query-gpu=name,driver_version,memory.total,memory.free --format=csv,noheader 2>&1 || true

echo "== netwright devices"
$java -cp "$cp" io.netwright.cli.Main devices 2>&1 | tee reports/devices.txt

echo "== contract suite and CUDA end-to-end tests on the real driver"
t0=$(date +%s)
$java -Xmx8g -cp "$cp" org.junit.platform.console.ConsoleLauncher execute --class-path "$cp" \
    --scan-classpath test-classes --include-tag cuda --include-classname '.*' \
    --details=summary --disable-banner --reports-dir reports 2>&1 | tee reports/tests.txt | tail -40
tests_rc=${PIPESTATUS[0]}
t1=$(date +%s)
found=$(grep -Eo '[0-9]+ tests found' reports/tests.txt | head -1)
ok=$(grep -Eo '[0-9]+ tests successful' reports/tests.txt | head -1)
bad=$(grep -Eo '[0-9]+ tests failed' reports/tests.txt | head -1)
skipped=$(grep -Eo '[0-9]+ tests skipped' reports/tests.txt | head -1)
summary+=("tests (real driver) | ${found:-?}, ${ok:-?}, ${bad:-?}, ${skipped:-?} | $((t1 - t0)) s")

echo "== compute-sanitizer (memcheck) on a subset"
sanitizer=$(command -v compute-sanitizer || ls /usr/local/cuda*/bin/compute-sanitizer 2>/dev/null | head -1)
if [ -n "$sanitizer" ]; then
  t0=$(date +%s)
  "$sanitizer" --tool memcheck --leak-check no --error-exitcode 3 --target-processes all \
      $java -Xmx4g -cp "$cp" org.junit.platform.console.ConsoleLauncher execute --class-path "$cp" \
      --select-class io.netwright.backend.cuda.CudaSanitizerSubset --details=summary --disable-banner \
      > reports/sanitizer.txt 2>&1
  san_rc=$?
  t1=$(date +%s)
  tail -15 reports/sanitizer.txt
  errs=$(grep -Eo 'ERROR SUMMARY: [0-9]+ errors?' reports/sanitizer.txt | tail -1)
  summary+=("compute-sanitizer memcheck | ${errs:-exit $san_rc} | $((t1 - t0)) s")
else
  echo "compute-sanitizer not found: skipped"
  summary+=("compute-sanitizer memcheck | not installed: skipped | -")
fi

echo "== benchmarks"
$java -Xmx8g -cp "$cp" io.netwright.backend.cuda.CudaCheckBench ${NW_BENCH_ARGS:-} 2>&1 | tee reports/bench.txt
if command -v python3 >/dev/null && python3 -c 'import torch; assert torch.cuda.is_available()' 2>/dev/null; then
  python3 bench_torch_gpu.py 2>&1 | tee reports/bench_torch.txt
else
  echo "PyTorch with CUDA not found: the PyTorch side is skipped"
fi

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
grep -h '^|' reports/bench.txt reports/bench_torch.txt 2>/dev/null
exit $tests_rc
