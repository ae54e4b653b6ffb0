#!/usr/bin/env bash
# Builds Netwright's CUDA kernel images ahead of time, from src/main/cuda/kernels.cu into
# resources/io/netwright/backend/cuda/ (committed; the pom puts resources/ on the classpath):
#
#   netwright_kernels.fatbin      SASS for every NW_SASS_ARCHS + compute_NW_PTX_ARCH PTX (drivers >= 580, CUDA 13)
#   netwright_kernels.ptx         compute_NW_PTX_ARCH PTX as this nvcc emits it
#   netwright_kernels_compat.ptx  the same PTX with its .version lowered to NW_COMPAT_PTX_VERSION, for drivers
#                                 525-575 (CUDA 12.x) to JIT; checked by assembling it with ptxas for NW_CHECK_ARCHS
#   netwright_kernels.sha256      SHA-256 of the kernel sources and of the NW_* build flags below
#
# It rebuilds only when that hash differs from the committed one (or with --force). Outputs are written to a temp
# folder next to them and moved into place one by one, the .sha256 last, so an interrupted build is seen as stale.
#
# Usage: scripts/build-cuda-kernels.sh [--force]      (NVCC / PTXAS override the tools found)
# The hash (KernelImageTest computes it the same way in Java, without nvcc) is the SHA-256 of:
#   "netwright-cuda-kernels\n", every line of this file matching ^NW_[A-Z_]+='[^']*'$ (with its "\n"), then for
#   every *.cu and *.cuh under src/main/cuda in byte order of its path relative to src/main/cuda:
#   "<path>\n<size in bytes>\n<contents>\n".
set -euo pipefail

# ---------------------------------------------------------------- build flags (hashed: a change rebuilds)
# Bump NW_FLAGS_REVISION when the build changes in a way the other lines do not show.
# No --use_fast_math: results must stay close to the CPU backend (IEEE division and sqrt, denormals kept).
NW_FLAGS_REVISION='1'
NW_NVCC_FLAGS='-O3 -std=c++17 -ftz=false -prec-div=true -prec-sqrt=true'
NW_SASS_ARCHS='75 80 86 89 90 100 120'
NW_PTX_ARCH='75'
NW_COMPAT_PTX_VERSION='7.8'
NW_CHECK_ARCHS='75 90'
# Compress the SASS images too (nvcc compresses only the PTX by default): 7x smaller. Only CUDA 13 drivers load the
# fatbin (KernelImages.choose), and they already decompress its PTX the same way.
NW_FATBIN_FLAGS='-Xfatbin=-compress-all'

# ---------------------------------------------------------------- setup
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPT="$ROOT/scripts/$(basename "${BASH_SOURCE[0]}")"
SRC="$ROOT/src/main/cuda"
OUT="$ROOT/resources/io/netwright/backend/cuda"
NAME=netwright_kernels

force=0
for arg in "$@"; do
    case "$arg" in
        --force) force=1 ;;
        -h|--help) sed -n '2,20p' "$SCRIPT"; exit 0 ;;
        *) echo "build-cuda-kernels: unknown argument '$arg' (use --force or --help)" >&2; exit 2 ;;
    esac
done

now_ms() {
    if [[ -n "${EPOCHREALTIME:-}" ]]; then
        local t="${EPOCHREALTIME/[.,]/}"; echo "${t:0:${#t}-3}"
    else
        echo "$(( $(date +%s) * 1000 ))"
    fi
}
START_MS=$(now_ms)
elapsed() { local t; t=$(( $(now_ms) - START_MS )); printf '%d.%03ds' $(( t / 1000 )) $(( t % 1000 )); }
say() { echo "build-cuda-kernels: $*"; }
die() { echo "build-cuda-kernels: ERROR: $*" >&2; exit 1; }

sha256() {
    if command -v sha256sum >/dev/null 2>&1; then sha256sum | cut -d' ' -f1
    else shasum -a 256 | cut -d' ' -f1; fi
}

# ---------------------------------------------------------------- the source hash
source_hash() {
    {
        printf 'netwright-cuda-kernels\n'
        grep -E "^NW_[A-Z_]+='[^']*'\$" "$SCRIPT"
        (cd "$SRC" && find . -type f \( -name '*.cu' -o -name '*.cuh' \) -print | sed 's|^\./||' | LC_ALL=C sort) |
            while IFS= read -r rel; do
                printf '%s\n%s\n' "$rel" "$(wc -c < "$SRC/$rel" | tr -d ' ')"
                cat "$SRC/$rel"
                printf '\n'
            done
    } | sha256
}

[[ -f "$SRC/kernels.cu" ]] || die "no $SRC/kernels.cu"
HASH=$(source_hash)
COMMITTED=$(cat "$OUT/$NAME.sha256" 2>/dev/null | tr -d '[:space:]' || true)
missing=""
for f in "$NAME.fatbin" "$NAME.ptx" "${NAME}_compat.ptx" "$NAME.sha256"; do
    [[ -f "$OUT/$f" ]] || missing="$missing $f"
done
if [[ $force -eq 0 && -z "$missing" && "$HASH" == "$COMMITTED" ]]; then
    say "up to date (sha256 $HASH), nothing to do ($(elapsed))"
    exit 0
fi
if [[ $force -eq 1 ]]; then say "rebuilding (--force)"
elif [[ -n "$missing" ]]; then say "rebuilding: missing$missing"
else say "rebuilding: sources or flags changed (committed ${COMMITTED:-none}, now $HASH)"; fi

NVCC="${NVCC:-$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)}"
[[ -x "$NVCC" ]] || die "nvcc not found (set NVCC=/path/to/nvcc or put it on PATH): it is needed to rebuild the kernel images"
if [[ -z "${PTXAS:-}" ]]; then
    nvcc_dir="$(dirname "$(readlink -f "$NVCC" 2>/dev/null || echo "$NVCC")")"
    if [[ -x "$nvcc_dir/ptxas" ]]; then PTXAS="$nvcc_dir/ptxas"; else PTXAS="$(command -v ptxas || true)"; fi
fi
[[ -n "$PTXAS" && -x "$PTXAS" ]] || die "ptxas not found (set PTXAS=/path/to/ptxas or put it on PATH)"
say "nvcc: $NVCC ($("$NVCC" --version | grep -o 'release [0-9.]*' || echo 'unknown version'))"

mkdir -p "$OUT"
TMP="$(mktemp -d "$OUT/.build.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# shellcheck disable=SC2206  # the flag strings are meant to split on spaces
nvcc_flags=($NW_NVCC_FLAGS -I"$SRC")

# ---------------------------------------------------------------- PTX
t0=$(now_ms)
"$NVCC" -ptx "${nvcc_flags[@]}" -arch="compute_$NW_PTX_ARCH" -o "$TMP/$NAME.ptx" "$SRC/kernels.cu"
ptx_version=$(awk '/^\.version[ \t]/ { print $2; exit }' "$TMP/$NAME.ptx")
[[ -n "$ptx_version" ]] || die "nvcc's PTX has no .version line"
say "ptx: compute_$NW_PTX_ARCH, .version $ptx_version ($(( $(now_ms) - t0 )) ms)"

# ---------------------------------------------------------------- compat PTX, checked by ptxas
awk -v v="$NW_COMPAT_PTX_VERSION" -v was="$ptx_version" '!done && /^\.version[ \t]/ {
        print ".version " v
        print "// .version lowered from " was " by scripts/build-cuda-kernels.sh, for drivers 525-575 to JIT"
        done = 1; next } { print }' \
    "$TMP/$NAME.ptx" > "$TMP/${NAME}_compat.ptx"
for arch in $NW_CHECK_ARCHS; do
    t0=$(now_ms)
    if ! "$PTXAS" -arch="sm_$arch" -o "$TMP/check_sm_$arch.cubin" "$TMP/${NAME}_compat.ptx" 2> "$TMP/ptxas.log"; then
        echo "build-cuda-kernels: ERROR: the compat PTX (.version $NW_COMPAT_PTX_VERSION) does not assemble for sm_$arch:" >&2
        cat "$TMP/ptxas.log" >&2
        # Name the PTX lines ptxas rejected: usually an instruction that needs a newer PTX ISA than the compat one.
        grep -oE 'line [0-9]+;.*' "$TMP/ptxas.log" | while IFS= read -r err; do
            n=${err#line }; n=${n%%;*}
            kernel=$(awk -v n="$n" 'NR > n { exit } /\.entry[ \t]/ { k = $0; sub(/.*\.entry[ \t]+/, "", k); sub(/\(.*/, "", k) } END { print k }' \
                "$TMP/${NAME}_compat.ptx")
            echo "  ${kernel:-?}, line $n: $(sed -n "${n}p" "$TMP/${NAME}_compat.ptx" | sed 's/^[[:space:]]*//')  <- ${err#*error*: }" >&2
        done
        die "nvcc $("$NVCC" --version | grep -o 'release [0-9.]*') emitted PTX that needs a newer ISA than" \
            "$NW_COMPAT_PTX_VERSION (see above): change the kernel, or raise NW_COMPAT_PTX_VERSION (and the oldest" \
            "supported driver with it)"
    fi
    say "compat ptx: .version $NW_COMPAT_PTX_VERSION assembles for sm_$arch ($(( $(now_ms) - t0 )) ms)"
done

# ---------------------------------------------------------------- fatbin
gencode=()
for arch in $NW_SASS_ARCHS; do gencode+=(-gencode "arch=compute_$arch,code=sm_$arch"); done
gencode+=(-gencode "arch=compute_$NW_PTX_ARCH,code=compute_$NW_PTX_ARCH")
t0=$(now_ms)
# shellcheck disable=SC2086
"$NVCC" --fatbin "${nvcc_flags[@]}" $NW_FATBIN_FLAGS "${gencode[@]}" -o "$TMP/$NAME.fatbin" "$SRC/kernels.cu"
say "fatbin: sm_${NW_SASS_ARCHS// /, sm_} + compute_$NW_PTX_ARCH PTX ($(( $(now_ms) - t0 )) ms)"

# ---------------------------------------------------------------- move into place, the hash last
echo "$HASH" > "$TMP/$NAME.sha256"
for f in "$NAME.fatbin" "$NAME.ptx" "${NAME}_compat.ptx" "$NAME.sha256"; do
    mv -f "$TMP/$f" "$OUT/$f"
    say "wrote ${OUT#"$ROOT"/}/$f ($(wc -c < "$OUT/$f" | tr -d ' ') bytes)"
done
fatbin_bytes=$(wc -c < "$OUT/$NAME.fatbin" | tr -d ' ')
if (( fatbin_bytes > 8 * 1024 * 1024 )); then
    say "WARNING: the fatbin is $fatbin_bytes bytes (over 8 MiB): consider fewer SASS archs"
fi
say "done in $(elapsed); commit the changed files under ${OUT#"$ROOT"/}"
