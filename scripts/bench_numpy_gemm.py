#!/usr/bin/env python3
"""NumPy float32 GEMM throughput at the sizes GemmBench measures, in GemmBench's line format.

Usage: bench_numpy_gemm.py [--sizes 256,512,1024]
Protocol (same as io.netwright.cli.bench.GemmBench): warm up for >= 3 calls and 0.3 s, then time >= 5 calls
and up to 1 s (at most 100); report best and median GFLOP/s with 2*n^3 flops per product.
"""
import argparse
import ctypes
import os
import time

import numpy as np


def blas_name():
    """The BLAS NumPy really uses: the loaded library (Debian switches libblas.so.3 through alternatives, so the
    build-time name says little) and, for OpenBLAS, its runtime configuration (version and chosen core)."""
    np.matmul(np.ones((64, 64), np.float32), np.ones((64, 64), np.float32))  # make sure the BLAS is loaded
    paths = set()
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                if "blas" in os.path.basename(path).lower() and path.startswith("/"):
                    paths.add(os.path.realpath(path))
    except OSError:
        pass
    described = []
    for path in sorted(paths):
        text = path
        try:
            lib = ctypes.CDLL(path)
            for fn in ("openblas_get_config", "scipy_openblas_get_config64_", "openblas_get_config64_"):
                if hasattr(lib, fn):
                    getattr(lib, fn).restype = ctypes.c_char_p
                    text += " (" + getattr(lib, fn)().decode().strip() + ")"
                    break
        except OSError:
            pass
        described.append(text)
    return "; ".join(described) if described else "unknown"


def measure(n, min_reps=5, seconds=1.0):
    rng = np.random.default_rng(1)
    a = rng.uniform(-1, 1, (n, n)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, n)).astype(np.float32)
    out = np.empty((n, n), dtype=np.float32)
    start = time.perf_counter()
    i = 0
    while i < 3 or time.perf_counter() - start < 0.3:
        np.matmul(a, b, out=out)
        i += 1
    times = []
    start = time.perf_counter()
    while len(times) < min_reps or (time.perf_counter() - start < seconds and len(times) < 100):
        t0 = time.perf_counter()
        np.matmul(a, b, out=out)
        times.append(time.perf_counter() - t0)
    times.sort()
    flops = 2.0 * n ** 3
    return flops / times[0] / 1e9, flops / times[len(times) // 2] / 1e9, times[0] * 1e3, len(times)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="256,512,1024")
    args = p.parse_args()
    print("# numpy %s, BLAS: %s" % (np.__version__, blas_name()))
    for n in (int(s) for s in args.sizes.split(",")):
        best, median, best_ms, reps = measure(n)
        print("gemm impl=numpy n=%d best_gflops=%.2f median_gflops=%.2f best_ms=%.3f reps=%d"
              % (n, best, median, best_ms, reps))


if __name__ == "__main__":
    main()
