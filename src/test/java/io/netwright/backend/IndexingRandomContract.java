package io.netwright.backend;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@code gather}, {@code scatter} (plain and accumulating) and {@code randomFill}: every dim and dtype
 * on scrambled views, out-of-range and negative indices refused with {@link IndexOutOfBoundsException} on both
 * backends, and counter-based random numbers that equal the reference's exactly (UNIFORM, BERNOULLI) or within
 * {@link #NORMAL_RNG} (NORMAL), whatever the view's strides.
 */
public abstract class IndexingRandomContract extends BackendContract {

    private static final int[] SRC = {4, 5, 6};

    /** Index values in {@code [0, size)}; with {@code distinct}, a permutation prefix along {@code dim}. */
    private static Operand indices(int[] shape, int dim, int size, boolean distinct, long seed) {
        Layout l = Layout.scrambled(seed, shape);
        double[] p = new double[l.length()];
        Random r = new Random(seed);
        int[] idx = new int[shape.length];
        for (int i = 0; i < numel(shape); i++) {
            int pos = l.offset();
            int rem = i;
            for (int d = shape.length - 1; d >= 0; d--) {
                idx[d] = rem % shape[d];
                rem /= shape[d];
                pos += idx[d] * l.strides()[d];
            }
            // Distinct along dim: a rotation by a per-line amount keeps every line a permutation prefix.
            p[pos] = distinct ? (idx[dim] + (idx[(dim + 1) % shape.length] * 7 + 3)) % size : r.nextInt(size);
        }
        return new Operand(DType.INT64, l, p);
    }

    @Test
    void gatherMatchesReferenceForEveryDimAndDtype() {
        for (DType t : DType.values()) {
            for (int dim = 0; dim < SRC.length; dim++) {
                int[] shape = SRC.clone();
                shape[dim] = 7;
                Operand src = random(t, Layout.scrambled(2, SRC), 3);
                int d = dim;
                check("gather " + t + " dim " + dim, EXACT, (b, v) -> b.gather(v[0], d, v[1], v[2]), src,
                        indices(shape, dim, SRC[dim], false, dim), output(t, Layout.transposedLast2(shape)));
            }
        }
    }

    @Test
    void scatterMatchesReferenceWithAndWithoutAccumulation() {
        for (DType t : DType.values()) {
            for (int dim = 0; dim < SRC.length; dim++) {
                int[] shape = SRC.clone();
                shape[dim] = Math.min(3, SRC[dim]);
                int d = dim;
                Operand out = random(t, Layout.scrambled(5, SRC), 8);
                check("scatter " + t + " dim " + dim, EXACT, (b, v) -> b.scatter(v[0], d, v[1], v[2], false),
                        random(t, Layout.scrambled(1, shape), 3), indices(shape, dim, SRC[dim], true, dim), out);
                if (t != DType.BOOL) {
                    int[] many = SRC.clone();
                    many[dim] = 9;
                    check("scatter add " + t + " dim " + dim, t == DType.FLOAT32 ? ACCUMULATE : EXACT,
                            (b, v) -> b.scatter(v[0], d, v[1], v[2], true), random(t, Layout.scrambled(1, many), 3),
                            indices(many, dim, SRC[dim], false, dim + 10), out);
                }
            }
        }
    }

    @Test
    void scatterAddOfManyDuplicatesIntoFewSlotsMatchesReference() {
        int[] shape = {2, 20_000};
        Layout l = Layout.contiguous(shape);
        double[] p = new double[l.length()];
        for (int i = 0; i < p.length; i++) {
            p[i] = i % 3;
        }
        check("scatter add hot slots", ACCUMULATE, (b, v) -> b.scatter(v[0], 1, v[1], v[2], true),
                random(DType.FLOAT32, l, 1), new Operand(DType.INT64, l, p), output(DType.FLOAT32,
                        Layout.contiguous(2, 3)));
    }

    @Test
    void outOfRangeIndicesAreRefusedWithIndexOutOfBoundsLikeTheReference() {
        for (long bad : new long[]{5, -1, 1L << 40}) {
            Layout il = Layout.contiguous(2, 3);
            Operand idx = of(DType.INT64, il, 0, 1, bad, 2, 0, 1);
            RuntimeException e = check("gather index " + bad, EXACT, (b, v) -> b.gather(v[0], 1, v[1], v[2]),
                    random(DType.FLOAT32, Layout.contiguous(2, 5), 1), idx, output(DType.FLOAT32, il));
            assertInstanceOf(IndexOutOfBoundsException.class, e);
            for (boolean acc : new boolean[]{false, true}) {
                e = check("scatter index " + bad, EXACT, (b, v) -> b.scatter(v[0], 1, v[1], v[2], acc),
                        random(DType.FLOAT32, il, 1), idx, output(DType.FLOAT32, Layout.contiguous(2, 5)));
                assertInstanceOf(IndexOutOfBoundsException.class, e);
            }
        }
    }

    // ---------------------------------------------------------------- randomFill

    @Test
    void randomFillEqualsTheReferenceOnStridedViews() {
        long[][] seeds = {{0, 0}, {42, 7}, {-3, 1L << 40}, {Long.MAX_VALUE, 123_456_789}};
        Layout[] layouts = {Layout.contiguous(100_003), Layout.scrambled(3, 7, 1, 9, 11),
            Layout.stepped(3, 2, 513, 65), Layout.transposedLast2(37, 41), Layout.contiguous()};
        for (long[] s : seeds) {
            for (Layout l : layouts) {
                check("uniform " + s[0] + "/" + s[1] + " " + l, EXACT,
                        (b, v) -> b.randomFill(v[0], Distribution.UNIFORM, s[0], s[1], -2, 3),
                        output(DType.FLOAT32, l));
                check("normal " + s[0] + "/" + s[1] + " " + l, NORMAL_RNG,
                        (b, v) -> b.randomFill(v[0], Distribution.NORMAL, s[0], s[1], 0.5, 2),
                        output(DType.FLOAT32, l));
                for (DType t : DType.values()) {
                    for (double p : new double[]{0, 0.3, 1}) {
                        check("bernoulli " + t + " p=" + p + " " + l, EXACT,
                                (b, v) -> b.randomFill(v[0], Distribution.BERNOULLI, s[0], s[1], p, 0),
                                output(t, l));
                    }
                }
            }
        }
    }

    @Test
    void invalidRandomFillParametersAreRefusedLikeTheReference() {
        Layout l = Layout.contiguous(4);
        check("uniform INT64", EXACT, (b, v) -> b.randomFill(v[0], Distribution.UNIFORM, 1, 0, 0, 1),
                output(DType.INT64, l));
        check("normal std -1", EXACT, (b, v) -> b.randomFill(v[0], Distribution.NORMAL, 1, 0, 0, -1),
                output(DType.FLOAT32, l));
        check("bernoulli p 1.5", EXACT, (b, v) -> b.randomFill(v[0], Distribution.BERNOULLI, 1, 0, 1.5, 0),
                output(DType.FLOAT32, l));
    }
}
