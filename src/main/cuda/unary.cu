// unary: elementwise ops of one input on strided views, switched on the op code (UnaryOp's ordinal; the switch is
// uniform across a launch). CPU twin: CpuUnary (and CpuMath for erf/tanh/pow): the float ops compute in double
// where the CPU does, so both devices round alike.
#pragma once

// Op codes: io.netwright.backend.UnaryOp ordinals, in declaration order.
#define NW_U_NEG 0
#define NW_U_ABS 1
#define NW_U_EXP 2
#define NW_U_LOG 3
#define NW_U_SQRT 4
#define NW_U_SIN 5
#define NW_U_COS 6
#define NW_U_TANH 7
#define NW_U_SIGMOID 8
#define NW_U_RELU 9
#define NW_U_SIGN 10
#define NW_U_RECIPROCAL 11
#define NW_U_FLOOR 12
#define NW_U_CEIL 13
#define NW_U_ROUND 14
#define NW_U_ERF 15
#define NW_U_ADD_SCALAR 16
#define NW_U_MUL_SCALAR 17
#define NW_U_POW_SCALAR 18
#define NW_U_RPOW_SCALAR 19
#define NW_U_CLAMP 20
#define NW_U_LEAKY_RELU 21
#define NW_U_LOGICAL_NOT 22
#define NW_U_ISNAN 23
#define NW_U_ISFINITE 24

/** CpuMath.erf: a Taylor series below 0.5 and the Numerical Recipes Chebyshev fit of erfc above, in double. */
NW_DEVICE double nw_erf(double x) {
    if (x != x) return x;
    double z = fabs(x);
    if (z < 0.5) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 12; n++) {
            term *= -x2 / n;
            sum += term / (2 * n + 1);
        }
        return 1.1283791670955126 * sum;
    }
    double t = 1.0 / (1.0 + 0.5 * z);
    double erfc = t * exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
    double r = 1.0 - erfc;
    return x < 0 ? -r : r;
}

/** CpuMath.tanh: a short series near 0, 1 - 2/(e^(2|x|)+1) in double, and +-1 beyond 9.1. */
NW_DEVICE float nw_tanh(float x) {
    float ax = fabsf(x);
    if (ax < 1e-3f) {
        double d = x;
        double d2 = d * d;
        return (float) (d * (1 - d2 * (1.0 / 3 - d2 * (2.0 / 15))));
    }
    if (!(ax < 9.1f)) {
        return ax != ax ? x : (x < 0 ? -1.0f : 1.0f);
    }
    double t = 1.0 - 2.0 / (exp(2.0 * ax) + 1.0);
    return (float) (x < 0 ? -t : t);
}

/** CpuUnary.sigmoid: the logistic function without overflow. */
NW_DEVICE float nw_sigmoid(float v) {
    if (v >= 0.0f) {
        return (float) (1.0 / (1.0 + exp(-(double) v)));
    }
    double e = exp((double) v);
    return (float) (e / (1.0 + e));
}

/** CpuMath.pow: C99 pow, with pow(1, y) == 1 and pow(-1, +-inf) == 1 made explicit. */
NW_DEVICE double nw_pow(double x, double y) {
    if (x == 1.0 || (x == -1.0 && isinf(y))) return 1.0;
    return pow(x, y);
}

NW_DEVICE float nw_unary_f32_op(int op, float x, float a, float b) {
    switch (op) {
        case NW_U_NEG: return -x;
        case NW_U_ABS: return fabsf(x);
        case NW_U_EXP: return (float) exp((double) x);
        case NW_U_LOG: return (float) log((double) x);
        case NW_U_SQRT: return (float) sqrt((double) x);
        case NW_U_SIN: return (float) sin((double) x);
        case NW_U_COS: return (float) cos((double) x);
        case NW_U_TANH: return nw_tanh(x);
        case NW_U_SIGMOID: return nw_sigmoid(x);
        case NW_U_RELU: return nw_fmax(x, 0.0f);
        case NW_U_SIGN: return x > 0.0f ? 1.0f : x < 0.0f ? -1.0f : 0.0f;
        case NW_U_RECIPROCAL: return 1.0f / x;
        case NW_U_FLOOR: return (float) floor((double) x);
        case NW_U_CEIL: return (float) ceil((double) x);
        case NW_U_ROUND: return (float) rint((double) x);
        case NW_U_ERF: return (float) nw_erf((double) x);
        case NW_U_ADD_SCALAR: return x + a;
        case NW_U_MUL_SCALAR: return x * a;
        case NW_U_POW_SCALAR: return (float) nw_pow((double) x, (double) a);
        case NW_U_RPOW_SCALAR: return (float) nw_pow((double) a, (double) x);
        case NW_U_CLAMP: {
            float lo = a != a ? -INFINITY : a;
            float hi = b != b ? INFINITY : b;
            return nw_fmin(nw_fmax(x, lo), hi);
        }
        case NW_U_LEAKY_RELU:
            if (isfinite(a)) return nw_fmax(x, 0.0f) + a * nw_fmin(x, 0.0f);
            return x > 0.0f ? x : a * x;
        default: return NAN;
    }
}

/** CpuMath.powi: exponentiation by squaring, wrapping; negative exponents as PyTorch's integer pow. */
NW_DEVICE long long nw_powi(long long base, long long e) {
    if (e < 0) {
        if (base == 1) return 1;
        if (base == -1) return (e & 1) == 0 ? 1 : -1;
        return 0;
    }
    unsigned long long result = 1;
    unsigned long long bb = (unsigned long long) base;
    while (e > 0) {
        if (e & 1) result *= bb;
        bb *= bb;
        e >>= 1;
    }
    return (long long) result;
}

/** Java's (long) cast of a double: NaN gives 0, out-of-range values saturate. */
NW_DEVICE long long nw_d2l(double v) {
    if (v != v) return 0;
    if (v >= 9.2233720368547758e18) return 0x7fffffffffffffffLL;
    if (v <= -9.2233720368547758e18) return (long long) 0x8000000000000000ULL;
    return (long long) v;
}

NW_DEVICE long long nw_unary_i64_op(int op, long long x, double a, double b) {
    switch (op) {
        case NW_U_NEG: return (long long) (0ULL - (unsigned long long) x);
        case NW_U_ABS: return x < 0 ? (long long) (0ULL - (unsigned long long) x) : x;
        case NW_U_SIGN: return x > 0 ? 1 : x < 0 ? -1 : 0;
        case NW_U_RELU: return x > 0 ? x : 0;
        case NW_U_FLOOR: case NW_U_CEIL: case NW_U_ROUND: return x;
        case NW_U_ADD_SCALAR: return (long long) ((unsigned long long) x + (unsigned long long) nw_d2l(a));
        case NW_U_MUL_SCALAR: return (long long) ((unsigned long long) x * (unsigned long long) nw_d2l(a));
        case NW_U_CLAMP: {
            long long lo = a != a ? (long long) 0x8000000000000000ULL : nw_d2l(ceil(a));
            long long hi = b != b ? 0x7fffffffffffffffLL : nw_d2l(floor(b));
            long long v = x > lo ? x : lo;
            return v < hi ? v : hi;
        }
        case NW_U_POW_SCALAR: return nw_powi(x, nw_d2l(a));
        default: return 0;
    }
}

NW_KERNEL void nw_unary_f32(int op, gptr<const float> x, NwLayout lx, gptr<float> out, NwLayout lo, long long n, float a, float b) {
    NW_FOR(i, n) { out[nw_offset(lo, i)] = nw_unary_f32_op(op, x[nw_offset(lx, i)], a, b); }
}

NW_KERNEL void nw_unary_i64(int op, gptr<const long long> x, NwLayout lx, gptr<long long> out, NwLayout lo, long long n, double a, double b) {
    NW_FOR(i, n) { out[nw_offset(lo, i)] = nw_unary_i64_op(op, x[nw_offset(lx, i)], a, b); }
}

NW_KERNEL void nw_unary_f32_b8(int op, gptr<const float> x, NwLayout lx, gptr<unsigned char> out, NwLayout lo, long long n) {
    NW_FOR(i, n) {
        float v = x[nw_offset(lx, i)];
        unsigned char r = op == NW_U_ISNAN ? (v != v) : op == NW_U_ISFINITE ? (isfinite(v) ? 1 : 0) : (v == 0.0f);
        out[nw_offset(lo, i)] = r;
    }
}

NW_KERNEL void nw_unary_i64_b8(int op, gptr<const long long> x, NwLayout lx, gptr<unsigned char> out, NwLayout lo, long long n) {
    NW_FOR(i, n) {
        unsigned char r = op == NW_U_ISNAN ? 0 : op == NW_U_ISFINITE ? 1 : (x[nw_offset(lx, i)] == 0);
        out[nw_offset(lo, i)] = r;
    }
}

NW_KERNEL void nw_unary_b8_b8(int op, gptr<const unsigned char> x, NwLayout lx, gptr<unsigned char> out, NwLayout lo, long long n) {
    NW_FOR(i, n) {
        unsigned char r = op == NW_U_ISNAN ? 0 : op == NW_U_ISFINITE ? 1 : (x[nw_offset(lx, i)] == 0);
        out[nw_offset(lo, i)] = r;
    }
}
