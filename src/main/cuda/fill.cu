// fill: sets every element of a strided view to one value. CPU twin: CpuBackend.fill (CpuCopy).
#pragma once

NW_KERNEL void nw_fill_f32(gptr<float> out, NwLayout lo, long long n, float value) {
    NW_FOR(i, n) { out[nw_offset(lo, i)] = value; }
}

NW_KERNEL void nw_fill_i64(gptr<long long> out, NwLayout lo, long long n, long long value) {
    NW_FOR(i, n) { out[nw_offset(lo, i)] = value; }
}

NW_KERNEL void nw_fill_b8(gptr<unsigned char> out, NwLayout lo, long long n, int value) {
    NW_FOR(i, n) { out[nw_offset(lo, i)] = (unsigned char) value; }
}
