package io.netwright.backend.cpu;

import io.netwright.backend.DType;
import io.netwright.backend.Distribution;
import io.netwright.backend.View;

/**
 * {@code randomFill} with {@link CounterRng}: the element at row-major position {@code i} uses counter
 * {@code counter + i}, so chunks can run on any thread and the output never depends on the thread count.
 */
final class CpuRandom {

    private CpuRandom() {
    }

    static void fill(CpuParallel par, View out, Distribution dist, long seed, long counter, double a, double b) {
        Object od = CpuChecks.data(out);
        if (dist != Distribution.BERNOULLI && out.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("randomFill " + dist + ": output must be FLOAT32, got "
                    + out.dtype() + " — fill a FLOAT32 view and cast");
        }
        if (dist == Distribution.NORMAL && !(b >= 0)) {
            throw new IllegalArgumentException("randomFill NORMAL: std must be >= 0, got " + b);
        }
        if (dist == Distribution.BERNOULLI && !(a >= 0 && a <= 1)) {
            throw new IllegalArgumentException("randomFill BERNOULLI: p must be in [0, 1], got " + a);
        }
        StridedLoop loop = StridedLoop.of(out.shape(), out);
        // Random values cost a few ns each: parallelise earlier than plain elementwise work.
        loop.run(par, CpuParallel.GRAIN / 4, (off, st, n, pos) -> {
            long c = counter + pos;
            int oi = off[0];
            int os = st[0];
            switch (dist) {
                case UNIFORM -> {
                    float[] o = (float[]) od;
                    double span = b - a;
                    float hi = (float) b;
                    for (int k = 0; k < n; k++, oi += os) {
                        float v = (float) (a + span * CounterRng.uniform(seed, c + k));
                        o[oi] = v >= hi && span > 0 ? Math.nextDown(hi) : v;
                    }
                }
                case NORMAL -> {
                    float[] o = (float[]) od;
                    for (int k = 0; k < n; k++, oi += os) {
                        o[oi] = (float) (a + b * CounterRng.normal(seed, c + k));
                    }
                }
                case BERNOULLI -> bernoulli(od, oi, os, n, seed, c, a);
            }
        });
    }

    private static void bernoulli(Object od, int oi, int os, int n, long seed, long c, double p) {
        if (od instanceof float[] o) {
            for (int k = 0; k < n; k++, oi += os) {
                o[oi] = CounterRng.uniform(seed, c + k) < p ? 1f : 0f;
            }
        } else if (od instanceof long[] o) {
            for (int k = 0; k < n; k++, oi += os) {
                o[oi] = CounterRng.uniform(seed, c + k) < p ? 1L : 0L;
            }
        } else {
            byte[] o = (byte[]) od;
            for (int k = 0; k < n; k++, oi += os) {
                o[oi] = (byte) (CounterRng.uniform(seed, c + k) < p ? 1 : 0);
            }
        }
    }
}
