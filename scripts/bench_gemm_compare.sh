#!/usr/bin/env bash
# Compares Netwright's CPU GEMM (OpenBLAS and pure-Java paths, via io.netwright.cli.bench.GemmBench) with NumPy's
# float32 GEMM at the same sizes, then prints Netwright/NumPy per size.
#
# Usage: scripts/bench_gemm_compare.sh [sizes]          e.g. scripts/bench_gemm_compare.sh 256,512,1024
# Environment:
#   PYTHON   interpreter whose NumPy is measured (default /usr/bin/python3; its BLAS is printed, check it:
#            a NumPy linked to the reference BLAS is no fair opponent for an optimised one)
#   THREADS  threads for both sides (default: all cores); exported as OPENBLAS_NUM_THREADS too
#   ROUNDS   alternate the two sides this many times and keep each one's best (default 1; use 3+ on a busy
#            machine, where a single round mostly measures the neighbours)
# Both sides run from this same shell, so OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE etc. apply equally to both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SIZES="${1:-256,512,1024}"
PYTHON="${PYTHON:-/usr/bin/python3}"
THREADS="${THREADS:-$(nproc)}"
ROUNDS="${ROUNDS:-1}"
export OPENBLAS_NUM_THREADS="$THREADS"

env | grep -E '^(OPENBLAS|GOTO|OMP)_' | sed 's/^/# env: /' || true

if ! "$PYTHON" -c 'import numpy' 2>/dev/null; then
  echo "NumPy is missing for $PYTHON: install it (e.g. apt-get install -y python3-numpy) or set PYTHON" >&2
  exit 1
fi

mvn -q -B -o compile
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >/dev/null

OUT="$(mktemp)"
trap 'rm -f "$CP_FILE" "$OUT"' EXIT
for ((round = 1; round <= ROUNDS; round++)); do
  [ "$ROUNDS" -gt 1 ] && echo "# round $round of $ROUNDS"
  java -cp "target/classes:$(cat "$CP_FILE")" io.netwright.cli.bench.GemmBench --sizes "$SIZES" \
    --threads "$THREADS" | tee -a "$OUT"
  "$PYTHON" scripts/bench_numpy_gemm.py --sizes "$SIZES" | tee -a "$OUT"
done

# the highest best_gflops of one implementation at one size over all rounds, or empty
best() { awk -v impl="$1" -v n="$2" '$1 == "gemm" && $2 == "impl=" impl && $3 == "n=" n {
  for (i = 4; i <= NF; i++) if ($i ~ /^best_gflops=/) { sub(/^best_gflops=/, "", $i); if ($i + 0 > m) m = $i + 0 } }
  END { if (m > 0) print m }' "$OUT"; }
ratio() { if [ -n "$1" ] && [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; else echo "-"; fi; }

echo
printf '%-6s %10s %10s %10s %15s %11s\n' n openblas java numpy openblas/numpy java/numpy
for n in ${SIZES//,/ }; do
  o="$(best netwright-openblas "$n")"; j="$(best netwright-java "$n")"; p="$(best numpy "$n")"
  printf '%-6s %10s %10s %10s %15s %11s\n' "$n" "${o:--}" "${j:--}" "${p:--}" "$(ratio "$o" "$p")" "$(ratio "$j" "$p")"
done
echo "(best GFLOP/s; a ratio above 1 means Netwright is faster)"
