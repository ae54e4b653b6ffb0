// random: counter-based random fills. The element at row-major position i of the view uses counter c + i, so the
// numbers are the same on every device and for any launch shape. CPU twin and definition: CounterRng / CpuRandom
// (SplitMix64 of a key derived from the seed; uniform floats from the top 24 bits; Box-Muller normals in double).
#pragma once

#define NW_GOLDEN 0x9E3779B97F4A7C15ULL

NW_DEVICE unsigned long long nw_mix64(unsigned long long z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

NW_DEVICE unsigned long long nw_bits(unsigned long long seed, unsigned long long c) {
    return nw_mix64(nw_mix64(seed + NW_GOLDEN) + (c + 1) * NW_GOLDEN);
}

NW_DEVICE float nw_uniform(unsigned long long seed, unsigned long long c) {
    return (float) (nw_bits(seed, c) >> 40) * 5.9604644775390625e-8f;  // 2^-24
}

NW_DEVICE double nw_normal(unsigned long long seed, unsigned long long c) {
    double u1 = ((double) (nw_bits(seed, 2 * c) >> 11) + 1.0) * 1.1102230246251565e-16;  // 2^-53
    double u2 = (double) (nw_bits(seed, 2 * c + 1) >> 11) * 1.1102230246251565e-16;
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

NW_KERNEL void nw_uniform_f32(gptr<float> out, NwLayout lo, long long n, long long seed, long long counter, double a, double b) {
    double span = b - a;
    float hi = (float) b;
    NW_FOR(i, n) {
        float u = nw_uniform((unsigned long long) seed, (unsigned long long) (counter + i));
        float v = (float) (a + span * (double) u);
        out[nw_offset(lo, i)] = (v >= hi && span > 0) ? nextafterf(hi, -INFINITY) : v;
    }
}

NW_KERNEL void nw_normal_f32(gptr<float> out, NwLayout lo, long long n, long long seed, long long counter, double a, double b) {
    NW_FOR(i, n) {
        out[nw_offset(lo, i)] = (float) (a + b * nw_normal((unsigned long long) seed, (unsigned long long) (counter + i)));
    }
}

NW_KERNEL void nw_bernoulli_f32(gptr<float> out, NwLayout lo, long long n, long long seed, long long counter, double p) {
    NW_FOR(i, n) {
        out[nw_offset(lo, i)] = nw_uniform((unsigned long long) seed, (unsigned long long) (counter + i)) < p ? 1.0f : 0.0f;
    }
}

NW_KERNEL void nw_bernoulli_i64(gptr<long long> out, NwLayout lo, long long n, long long seed, long long counter, double p) {
    NW_FOR(i, n) {
        out[nw_offset(lo, i)] = nw_uniform((unsigned long long) seed, (unsigned long long) (counter + i)) < p ? 1 : 0;
    }
}

NW_KERNEL void nw_bernoulli_b8(gptr<unsigned char> out, NwLayout lo, long long n, long long seed, long long counter, double p) {
    NW_FOR(i, n) {
        out[nw_offset(lo, i)] = nw_uniform((unsigned long long) seed, (unsigned long long) (counter + i)) < p ? 1 : 0;
    }
}
