// binary: elementwise ops of two inputs on strided views (broadcast inputs have 0 strides), switched on the op
// code (BinaryOp's ordinal). CPU twin: CpuBinary. Float MAXIMUM/MINIMUM follow Java's Math.max/min (NaN wins,
// +0 > -0); REMAINDER takes the divisor's sign (Python/PyTorch).
#pragma once

// Op codes: io.netwright.backend.BinaryOp ordinals, in declaration order.
#define NW_B_ADD 0
#define NW_B_SUB 1
#define NW_B_MUL 2
#define NW_B_DIV 3
#define NW_B_POW 4
#define NW_B_MAXIMUM 5
#define NW_B_MINIMUM 6
#define NW_B_REMAINDER 7
#define NW_B_THRESHOLD_BACKWARD 8
#define NW_B_EQ 9
#define NW_B_NE 10
#define NW_B_GT 11
#define NW_B_GE 12
#define NW_B_LT 13
#define NW_B_LE 14
#define NW_B_LOGICAL_AND 15
#define NW_B_LOGICAL_OR 16

/** Status codes a kernel may leave in the backend's status word (0 = fine). */
#define NW_STATUS_DIV_ZERO 1
#define NW_STATUS_INDEX 2

NW_DEVICE float nw_binary_f32_op(int op, float x, float y) {
    switch (op) {
        case NW_B_ADD: return x + y;
        case NW_B_SUB: return x - y;
        case NW_B_MUL: return x * y;
        case NW_B_DIV: return x / y;
        case NW_B_POW: return (float) nw_pow((double) x, (double) y);
        case NW_B_MAXIMUM: return nw_fmax(x, y);
        case NW_B_MINIMUM: return nw_fmin(x, y);
        case NW_B_REMAINDER: {
            float m = fmodf(x, y);
            if (m != 0.0f && ((m < 0.0f) != (y < 0.0f))) m += y;
            return m;
        }
        case NW_B_THRESHOLD_BACKWARD: return y > 0.0f ? x : 0.0f;
        default: return NAN;
    }
}

NW_DEVICE long long nw_binary_i64_op(int op, long long x, long long y, gptr<long long> status) {
    switch (op) {
        case NW_B_ADD: return (long long) ((unsigned long long) x + (unsigned long long) y);
        case NW_B_SUB: return (long long) ((unsigned long long) x - (unsigned long long) y);
        case NW_B_MUL: return (long long) ((unsigned long long) x * (unsigned long long) y);
        case NW_B_POW: return nw_powi(x, y);
        case NW_B_MAXIMUM: return x > y ? x : y;
        case NW_B_MINIMUM: return x < y ? x : y;
        case NW_B_REMAINDER: {
            if (y == 0) {
                status[0] = NW_STATUS_DIV_ZERO;
                status[1] = x;
                return 0;
            }
            if (y == -1) return 0;  // also avoids the overflow trap of LLONG_MIN % -1
            long long r = x % y;
            if (r != 0 && ((r ^ y) < 0)) r += y;
            return r;
        }
        default: return 0;
    }
}

/** Comparisons and logical ops on values read as double (float and integer inputs alike). */
template <class T>
NW_DEVICE unsigned char nw_compare_op(int op, T x, T y) {
    switch (op) {
        case NW_B_EQ: return x == y;
        case NW_B_NE: return x != y;
        case NW_B_GT: return x > y;
        case NW_B_GE: return x >= y;
        case NW_B_LT: return x < y;
        case NW_B_LE: return x <= y;
        case NW_B_LOGICAL_AND: case NW_B_MUL: case NW_B_MINIMUM: return x != 0 && y != 0;
        case NW_B_LOGICAL_OR: case NW_B_ADD: case NW_B_MAXIMUM: return x != 0 || y != 0;
        default: return 0;
    }
}

NW_KERNEL void nw_binary_f32(int op, gptr<const float> x, NwLayout lx, gptr<const float> y, NwLayout ly, gptr<float> out, NwLayout lo, long long n) {
    NW_FOR(i, n) { out[nw_offset(lo, i)] = nw_binary_f32_op(op, x[nw_offset(lx, i)], y[nw_offset(ly, i)]); }
}

NW_KERNEL void nw_binary_i64(int op, gptr<const long long> x, NwLayout lx, gptr<const long long> y, NwLayout ly, gptr<long long> out, NwLayout lo, long long n, gptr<long long> status) {
    NW_FOR(i, n) {
        out[nw_offset(lo, i)] = nw_binary_i64_op(op, x[nw_offset(lx, i)], y[nw_offset(ly, i)], status);
    }
}

NW_KERNEL void nw_compare_f32(int op, gptr<const float> x, NwLayout lx, gptr<const float> y, NwLayout ly, gptr<unsigned char> out, NwLayout lo, long long n) {
    NW_FOR(i, n) { out[nw_offset(lo, i)] = nw_compare_op<float>(op, x[nw_offset(lx, i)], y[nw_offset(ly, i)]); }
}

NW_KERNEL void nw_compare_i64(int op, gptr<const long long> x, NwLayout lx, gptr<const long long> y, NwLayout ly, gptr<unsigned char> out, NwLayout lo, long long n) {
    NW_FOR(i, n) {
        out[nw_offset(lo, i)] = nw_compare_op<long long>(op, x[nw_offset(lx, i)], y[nw_offset(ly, i)]);
    }
}

NW_KERNEL void nw_compare_b8(int op, gptr<const unsigned char> x, NwLayout lx, gptr<const unsigned char> y, NwLayout ly, gptr<unsigned char> out, NwLayout lo, long long n) {
    NW_FOR(i, n) {
        out[nw_offset(lo, i)] = nw_compare_op<int>(op, x[nw_offset(lx, i)], y[nw_offset(ly, i)]);
    }
}
