// Netwright CUDA kernels: the shared prelude every kernel file includes.
//
// The same sources compile two ways:
//  - for the GPU by nvcc (scripts/build-cuda-kernels.sh): NW_KERNEL is extern "C" __global__ and gptr<T> is T*;
//  - for the host (src/test/cuda-host/, the test-only libcuda.so.1 that runs the CUDA backend without a GPU):
//    nw_emu.h supplies threadIdx/blockIdx/blockDim/gridDim, __shared__, __syncthreads (a real barrier across the
//    block's threads), atomics, and gptr<T> as a checked pointer that verifies every access against the
//    allocation it points into.
//
// Rules for kernel code, so that both builds work:
//  - every kernel is `NW_KERNEL void name(...)`, one line up to the opening parenthesis;
//  - global memory only through gptr<T> parameters, used as p[i], p + i, *p or &p[i] (for atomics);
//  - shared memory as fixed-size `__shared__` arrays declared in the kernel body (no dynamic shared memory);
//  - no warp intrinsics; block-level reductions use shared memory and __syncthreads;
//  - scalar parameters are int, long long, float, double or the NwLayout struct below, passed by value.
#pragma once

#if defined(__CUDACC__)
#define NW_KERNEL extern "C" __global__
#define NW_DEVICE __device__ __forceinline__
template <class T> using gptr = T*;
#else
#include "nw_emu.h"
#endif

/** The most dimensions a strided operand may have after the Java side has merged contiguous dims. */
#define NW_MAX_RANK 8

/** A strided view of one operand: element i (row-major over shape) is at offset(i) from its base pointer. */
struct NwLayout {
    int rank;
    int shape[NW_MAX_RANK];
    int stride[NW_MAX_RANK];
};

/** Element offset of row-major position i in layout l. */
NW_DEVICE long long nw_offset(const NwLayout& l, long long i) {
    if (l.rank == 1) {
        return i * l.stride[0];
    }
    long long off = 0;
    for (int d = l.rank - 1; d >= 0; d--) {
        int n = l.shape[d];
        long long q = i / n;
        off += (i - q * n) * (long long) l.stride[d];
        i = q;
    }
    return off;
}

/** Grid-stride loop over n elements. */
#define NW_FOR(i, n) \
    for (long long i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < (n); \
         i += (long long) blockDim.x * gridDim.x)

/** Element type codes, as io.netwright.backend.DType's ordinal. */
#define NW_F32 0
#define NW_I64 1
#define NW_B8 2

/** Java's Math.max for floats: NaN-propagating, and +0 is larger than -0 (fmaxf does neither). */
NW_DEVICE float nw_fmax(float a, float b) {
    if (a != a) return a;
    if (b != b) return b;
    if (a == b) return __int_as_float(__float_as_int(a) & __float_as_int(b));
    return a > b ? a : b;
}

/** Java's Math.min for floats: NaN-propagating, and -0 is smaller than +0. */
NW_DEVICE float nw_fmin(float a, float b) {
    if (a != a) return a;
    if (b != b) return b;
    if (a == b) return __int_as_float(__float_as_int(a) | __float_as_int(b));
    return a < b ? a : b;
}

/** Threads per block of the elementwise kernels; the Java side launches with the same number. */
#define NW_THREADS 256
