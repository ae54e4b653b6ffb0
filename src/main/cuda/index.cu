// index: gather and scatter along one dim (PyTorch gather, scatter_, scatter_add_). The loop runs over the index
// shape; the data operand's layout has stride 0 along dim and the index value times its real stride along dim is
// added. An index outside [0, size) leaves NW_STATUS_INDEX and the value in the backend's status words, which the
// Java side turns into an IndexOutOfBoundsException. CPU twin: CpuIndexing — scatter validates every index before
// writing, and a plain scatter writes in row-major order (the last write wins), which the single-thread kernel here
// keeps; scatter_add adds with atomics.
#pragma once

template <class T>
NW_DEVICE void nw_gather_body(gptr<const T> src, const NwLayout& ls, long long dimStride, long long size,
                              gptr<const long long> index, const NwLayout& li, gptr<T> out, const NwLayout& lo,
                              long long n, gptr<long long> status) {
    NW_FOR(i, n) {
        long long k = index[nw_offset(li, i)];
        if (k < 0 || k >= size) {
            status[0] = NW_STATUS_INDEX;
            status[1] = k;
            continue;
        }
        out[nw_offset(lo, i)] = src[nw_offset(ls, i) + k * dimStride];
    }
}

NW_KERNEL void nw_gather_f32(gptr<const float> src, NwLayout ls, long long dimStride, long long size, gptr<const long long> index, NwLayout li, gptr<float> out, NwLayout lo, long long n, gptr<long long> status) {
    nw_gather_body<float>(src, ls, dimStride, size, index, li, out, lo, n, status);
}

NW_KERNEL void nw_gather_i64(gptr<const long long> src, NwLayout ls, long long dimStride, long long size, gptr<const long long> index, NwLayout li, gptr<long long> out, NwLayout lo, long long n, gptr<long long> status) {
    nw_gather_body<long long>(src, ls, dimStride, size, index, li, out, lo, n, status);
}

NW_KERNEL void nw_gather_b8(gptr<const unsigned char> src, NwLayout ls, long long dimStride, long long size, gptr<const long long> index, NwLayout li, gptr<unsigned char> out, NwLayout lo, long long n, gptr<long long> status) {
    nw_gather_body<unsigned char>(src, ls, dimStride, size, index, li, out, lo, n, status);
}

/** Checks every index against [0, size) before a scatter writes anything. */
NW_KERNEL void nw_index_check(gptr<const long long> index, NwLayout li, long long size, long long n, gptr<long long> status) {
    NW_FOR(i, n) {
        long long k = index[nw_offset(li, i)];
        if (k < 0 || k >= size) {
            status[0] = NW_STATUS_INDEX;
            status[1] = k;
        }
    }
}

/** Plain scatter, one thread in row-major order so duplicate indices resolve as on the CPU (last write wins). */
template <class T>
NW_DEVICE void nw_scatter_body(gptr<const T> src, const NwLayout& ls, gptr<const long long> index, const NwLayout& li,
                               gptr<T> out, const NwLayout& lo, long long dimStride, long long n) {
    if (blockIdx.x != 0 || threadIdx.x != 0) return;
    for (long long i = 0; i < n; i++) {
        out[nw_offset(lo, i) + index[nw_offset(li, i)] * dimStride] = src[nw_offset(ls, i)];
    }
}

NW_KERNEL void nw_scatter_f32(gptr<const float> src, NwLayout ls, gptr<const long long> index, NwLayout li, gptr<float> out, NwLayout lo, long long dimStride, long long n) {
    nw_scatter_body<float>(src, ls, index, li, out, lo, dimStride, n);
}

NW_KERNEL void nw_scatter_i64(gptr<const long long> src, NwLayout ls, gptr<const long long> index, NwLayout li, gptr<long long> out, NwLayout lo, long long dimStride, long long n) {
    nw_scatter_body<long long>(src, ls, index, li, out, lo, dimStride, n);
}

NW_KERNEL void nw_scatter_b8(gptr<const unsigned char> src, NwLayout ls, gptr<const long long> index, NwLayout li, gptr<unsigned char> out, NwLayout lo, long long dimStride, long long n) {
    nw_scatter_body<unsigned char>(src, ls, index, li, out, lo, dimStride, n);
}

NW_KERNEL void nw_scatter_add_f32(gptr<const float> src, NwLayout ls, gptr<const long long> index, NwLayout li, gptr<float> out, NwLayout lo, long long dimStride, long long n) {
    NW_FOR(i, n) {
        atomicAdd(&out[nw_offset(lo, i) + index[nw_offset(li, i)] * dimStride], src[nw_offset(ls, i)]);
    }
}

NW_KERNEL void nw_scatter_add_i64(gptr<const long long> src, NwLayout ls, gptr<const long long> index, NwLayout li, gptr<long long> out, NwLayout lo, long long dimStride, long long n) {
    NW_FOR(i, n) {
        unsigned long long v = (unsigned long long) src[nw_offset(ls, i)];
        atomicAdd((unsigned long long*) &out[nw_offset(lo, i) + index[nw_offset(li, i)] * dimStride], v);
    }
}

/** scatter_add of BOOL is a logical or: writers only ever store 1, so concurrent writes agree. */
NW_KERNEL void nw_scatter_add_b8(gptr<const unsigned char> src, NwLayout ls, gptr<const long long> index, NwLayout li, gptr<unsigned char> out, NwLayout lo, long long dimStride, long long n) {
    NW_FOR(i, n) {
        if (src[nw_offset(ls, i)] != 0) {
            out[nw_offset(lo, i) + index[nw_offset(li, i)] * dimStride] = 1;
        }
    }
}
