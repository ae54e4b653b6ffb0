// copy and where: strided copy with dtype conversion, and the elementwise select.
// CPU twins: CpuCopy.copy (PyTorch casts: float to int truncates toward zero, NaN gives 0; anything to bool is
// != 0; bool to number is 0/1) and CpuCopy.where.
#pragma once

NW_DEVICE float nw_to_f32(float v) { return v; }
NW_DEVICE float nw_to_f32(long long v) { return (float) v; }
NW_DEVICE float nw_to_f32(unsigned char v) { return v != 0 ? 1.0f : 0.0f; }
NW_DEVICE long long nw_to_i64(float v) {
    // Java's (long) cast: NaN -> 0, saturating at the long range (the CPU twin casts the same way).
    if (v != v) return 0;
    if (v >= 9.2233720368547758e18f) return 0x7fffffffffffffffLL;
    if (v <= -9.2233720368547758e18f) return (long long) 0x8000000000000000ULL;
    return (long long) v;
}
NW_DEVICE long long nw_to_i64(long long v) { return v; }
NW_DEVICE long long nw_to_i64(unsigned char v) { return v != 0 ? 1 : 0; }
NW_DEVICE unsigned char nw_to_b8(float v) { return v != 0.0f ? 1 : 0; }
NW_DEVICE unsigned char nw_to_b8(long long v) { return v != 0 ? 1 : 0; }
NW_DEVICE unsigned char nw_to_b8(unsigned char v) { return v != 0 ? 1 : 0; }

template <class S, class D, D (*CONV)(S)>
NW_DEVICE void nw_copy_body(gptr<const S> src, const NwLayout& ls, gptr<D> dst, const NwLayout& ld, long long n) {
    NW_FOR(i, n) { dst[nw_offset(ld, i)] = CONV(src[nw_offset(ls, i)]); }
}

NW_KERNEL void nw_copy_f32_f32(gptr<const float> src, NwLayout ls, gptr<float> dst, NwLayout ld, long long n) {
    nw_copy_body<float, float, nw_to_f32>(src, ls, dst, ld, n);
}

NW_KERNEL void nw_copy_f32_i64(gptr<const float> src, NwLayout ls, gptr<long long> dst, NwLayout ld, long long n) {
    nw_copy_body<float, long long, nw_to_i64>(src, ls, dst, ld, n);
}

NW_KERNEL void nw_copy_f32_b8(gptr<const float> src, NwLayout ls, gptr<unsigned char> dst, NwLayout ld, long long n) {
    nw_copy_body<float, unsigned char, nw_to_b8>(src, ls, dst, ld, n);
}

NW_KERNEL void nw_copy_i64_f32(gptr<const long long> src, NwLayout ls, gptr<float> dst, NwLayout ld, long long n) {
    nw_copy_body<long long, float, nw_to_f32>(src, ls, dst, ld, n);
}

NW_KERNEL void nw_copy_i64_i64(gptr<const long long> src, NwLayout ls, gptr<long long> dst, NwLayout ld, long long n) {
    nw_copy_body<long long, long long, nw_to_i64>(src, ls, dst, ld, n);
}

NW_KERNEL void nw_copy_i64_b8(gptr<const long long> src, NwLayout ls, gptr<unsigned char> dst, NwLayout ld, long long n) {
    nw_copy_body<long long, unsigned char, nw_to_b8>(src, ls, dst, ld, n);
}

NW_KERNEL void nw_copy_b8_f32(gptr<const unsigned char> src, NwLayout ls, gptr<float> dst, NwLayout ld, long long n) {
    nw_copy_body<unsigned char, float, nw_to_f32>(src, ls, dst, ld, n);
}

NW_KERNEL void nw_copy_b8_i64(gptr<const unsigned char> src, NwLayout ls, gptr<long long> dst, NwLayout ld, long long n) {
    nw_copy_body<unsigned char, long long, nw_to_i64>(src, ls, dst, ld, n);
}

NW_KERNEL void nw_copy_b8_b8(gptr<const unsigned char> src, NwLayout ls, gptr<unsigned char> dst, NwLayout ld, long long n) {
    nw_copy_body<unsigned char, unsigned char, nw_to_b8>(src, ls, dst, ld, n);
}

template <class T>
NW_DEVICE void nw_where_body(gptr<const unsigned char> c, const NwLayout& lc, gptr<const T> x, const NwLayout& lx,
                             gptr<const T> y, const NwLayout& ly, gptr<T> out, const NwLayout& lo, long long n) {
    NW_FOR(i, n) { out[nw_offset(lo, i)] = c[nw_offset(lc, i)] != 0 ? x[nw_offset(lx, i)] : y[nw_offset(ly, i)]; }
}

NW_KERNEL void nw_where_f32(gptr<const unsigned char> c, NwLayout lc, gptr<const float> x, NwLayout lx, gptr<const float> y, NwLayout ly, gptr<float> out, NwLayout lo, long long n) {
    nw_where_body<float>(c, lc, x, lx, y, ly, out, lo, n);
}

NW_KERNEL void nw_where_i64(gptr<const unsigned char> c, NwLayout lc, gptr<const long long> x, NwLayout lx, gptr<const long long> y, NwLayout ly, gptr<long long> out, NwLayout lo, long long n) {
    nw_where_body<long long>(c, lc, x, lx, y, ly, out, lo, n);
}

NW_KERNEL void nw_where_b8(gptr<const unsigned char> c, NwLayout lc, gptr<const unsigned char> x, NwLayout lx, gptr<const unsigned char> y, NwLayout ly, gptr<unsigned char> out, NwLayout lo, long long n) {
    nw_where_body<unsigned char>(c, lc, x, lx, y, ly, out, lo, n);
}
