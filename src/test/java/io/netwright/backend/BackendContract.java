package io.netwright.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netwright.backend.cpu.CpuBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of the shared backend contract suite: every test builds the same operands on the backend under test
 * ({@link #backend()}) and on a CPU reference, runs the same primitive op on both and compares the <em>whole</em>
 * output buffers (so writes outside an output view are caught too), or checks that both refuse the call with the
 * same kind of exception. The op families live in subclasses ({@link ElementwiseContract}, {@link ReduceContract},
 * {@link MatmulContract}, {@link ConvPoolContract}, {@link IndexingRandomContract}, {@link BufferContract}); each
 * backend's test class runs them all as nested classes.
 *
 * <p>Operands are described by a {@link Layout} (shape, strides, offset, buffer length) and their physical buffer
 * content, so broadcast (0-stride), transposed, sliced and stepped views hold identical bytes on both backends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendContract {

    // ---------------------------------------------------------------- tolerances (the one place they are stated)

    /** Integer and bool results, movement ops, fills, comparisons, min/max, RNG UNIFORM/BERNOULLI:
     * bit-equal. */
    protected static final Tol EXACT = new Tol(0, 0, false, "exact");
    /** Float elementwise arithmetic (+, -, *, /, clamp, relu ...): 1e-6 relative (of max(1, |expected|)). */
    protected static final Tol ELEMENTWISE = new Tol(1e-6, 0, false, "elementwise 1e-6");
    /** Transcendentals (exp, log, tanh, erf, pow, sigmoid, sin ...): 2e-6 relative plus 1 ulp. */
    protected static final Tol TRANSCENDENTAL = new Tol(2e-6, 1, false, "transcendental 2e-6 + 1 ulp");
    /** NORMAL random fills (a log, a sqrt and a cosine per pair): 1e-6 relative plus 1 ulp. */
    protected static final Tol NORMAL_RNG = new Tol(1e-6, 1, false, "normal RNG 1e-6 + 1 ulp");
    /**
     * Reductions, matmul, convolutions, pooling backward: 1e-5 relative to the magnitude of the output (the larger
     * of |expected| and the largest |expected| in that buffer), since summation order differs between backends.
     */
    protected static final Tol ACCUMULATE = new Tol(1e-5, 1, true, "accumulate 1e-5 of magnitude");

    /**
     * A comparison rule: {@code |a - e| <= rel * scale + ulps * ulp(e)}; NaN matches NaN, infinities match exactly.
     *
     * @param rel  relative bound
     * @param ulps extra units in the last place allowed
     * @param ofMagnitude scale by the largest |expected| of the buffer, not by the element's own |expected|
     * @param name what the test reports
     */
    protected record Tol(double rel, int ulps, boolean ofMagnitude, String name) {
    }

    private final CpuBackend reference = new CpuBackend(BackendOptions.defaults());

    /** The backend under test. */
    protected abstract Backend backend();

    /** The CPU reference every result is compared with. */
    protected final Backend reference() {
        return reference;
    }

    private int accepted;
    private int refused;

    @BeforeEach
    final void resetCounts() {
        accepted = 0;
        refused = 0;
    }

    /**
     * Guards against a vacuous suite: a test whose name does not say it checks refusals must have had at least one
     * call the reference accepted (a mistake in a layout would otherwise make both backends refuse everything).
     */
    @AfterEach
    final void requireAcceptedCalls(TestInfo info) {
        String name = info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("");
        if (accepted + refused > 0 && !name.contains("Refuse") && !name.contains("Refused")) {
            assertTrue(accepted > 0, name + ": the reference refused all " + refused + " calls");
        }
    }

    /** How many compared calls the reference accepted in the current test. */
    protected final int accepted() {
        return accepted;
    }

    @AfterAll
    final void closeReference() {
        reference.close();
    }

    // ---------------------------------------------------------------- layouts

    /**
     * Where a view's elements sit in its buffer.
     *
     * @param shape   view shape
     * @param strides view strides (0 broadcasts)
     * @param offset  element offset of index 0
     * @param length  buffer length to allocate (at least one past the furthest element)
     */
    protected record Layout(int[] shape, int[] strides, int offset, int length) {

        /** Row-major, offset 0, no spare slots. */
        public static Layout contiguous(int... shape) {
            return new Layout(shape, View.contiguousStrides(shape), 0, Math.max(numel(shape), 1));
        }

        /**
         * The awkward layout: dims stored in a shuffled order, one spare slot after each innermost run and an offset
         * of 3, so the view is non-contiguous, sliced and offset at once.
         */
        public static Layout scrambled(long seed, int... shape) {
            int rank = shape.length;
            Random r = new Random(seed);
            List<Integer> perm = new ArrayList<>();
            for (int i = 0; i < rank; i++) {
                perm.add(i);
            }
            java.util.Collections.shuffle(perm, r);
            int[] strides = new int[rank];
            int s = 1;
            for (int i = rank - 1; i >= 0; i--) {
                int d = perm.get(i);
                strides[d] = s;
                s *= shape[d] + (i == rank - 1 ? 1 : 0);
            }
            return new Layout(shape, strides, 3, 3 + Math.max(s, 1) + 2);
        }

        /** The transpose of a contiguous {@code [.., b, a]} buffer seen as {@code [.., a, b]} (last two dims swapped). */
        public static Layout transposedLast2(int... shape) {
            int r = shape.length;
            int[] stored = shape.clone();
            stored[r - 1] = shape[r - 2];
            stored[r - 2] = shape[r - 1];
            int[] cs = View.contiguousStrides(stored);
            int[] strides = cs.clone();
            strides[r - 1] = cs[r - 2];
            strides[r - 2] = cs[r - 1];
            return new Layout(shape, strides, 0, Math.max(numel(shape), 1));
        }

        /** Every {@code step}-th element of a row-major buffer, starting at {@code offset} (a stepped slice). */
        public static Layout stepped(int step, int offset, int... shape) {
            int[] strides = View.contiguousStrides(shape);
            for (int i = 0; i < strides.length; i++) {
                strides[i] *= step;
            }
            return new Layout(shape, strides, offset, offset + Math.max(numel(shape), 1) * step);
        }

        /** {@code shape} with the given dims broadcast (stride 0) over a contiguous buffer of the other dims. */
        public static Layout broadcast(int[] shape, int... broadcastDims) {
            int[] stored = shape.clone();
            for (int d : broadcastDims) {
                stored[d] = 1;
            }
            int[] strides = View.contiguousStrides(stored);
            for (int d : broadcastDims) {
                strides[d] = 0;
            }
            return new Layout(shape, strides, 1, 1 + numel(stored) + 1);
        }

        @Override
        public String toString() {
            return "shape=" + Arrays.toString(shape) + " strides=" + Arrays.toString(strides) + " offset=" + offset;
        }
    }

    /**
     * One operand: its dtype, layout and the physical content of its whole buffer (as doubles; bool as 0/1).
     *
     * @param dtype    element type
     * @param layout   where the view sits
     * @param physical content of every buffer slot
     */
    protected record Operand(DType dtype, Layout layout, double[] physical) {

        /** The view of this operand on {@code b}, in a freshly allocated buffer. */
        public View on(Backend b) {
            Buffer buf = b.allocate(dtype, layout.length());
            switch (dtype) {
                case FLOAT32 -> {
                    float[] f = new float[physical.length];
                    for (int i = 0; i < f.length; i++) {
                        f[i] = (float) physical[i];
                    }
                    b.copyIn(f, buf, 0);
                }
                case INT64 -> {
                    long[] l = new long[physical.length];
                    for (int i = 0; i < l.length; i++) {
                        l[i] = (long) physical[i];
                    }
                    b.copyIn(l, buf, 0);
                }
                case BOOL -> {
                    boolean[] z = new boolean[physical.length];
                    for (int i = 0; i < z.length; i++) {
                        z[i] = physical[i] != 0;
                    }
                    b.copyIn(z, buf, 0);
                }
            }
            return new View(buf, layout.offset(), layout.shape().clone(), layout.strides().clone());
        }
    }

    /** Random content: FLOAT32 gaussian*2 (with the given specials mixed in), INT64 in [-9, 9], BOOL 0/1. */
    protected static Operand random(DType t, Layout l, long seed, double... specials) {
        Random r = new Random(seed);
        double[] p = new double[l.length()];
        for (int i = 0; i < p.length; i++) {
            p[i] = switch (t) {
                case FLOAT32 -> (float) (r.nextGaussian() * 2);
                case INT64 -> r.nextInt(19) - 9;
                case BOOL -> r.nextBoolean() ? 1 : 0;
            };
            if (specials.length > 0 && r.nextInt(4) == 0) {
                p[i] = specials[r.nextInt(specials.length)];
            }
        }
        return new Operand(t, l, p);
    }

    /** An operand whose every slot holds {@code values} repeated. */
    protected static Operand of(DType t, Layout l, double... values) {
        double[] p = new double[l.length()];
        for (int i = 0; i < p.length; i++) {
            p[i] = values[i % values.length];
        }
        return new Operand(t, l, p);
    }

    /** An output operand pre-filled with a recognisable garbage value (-7) so untouched slots are checked too. */
    protected static Operand output(DType t, Layout l) {
        return of(t, l, t == DType.BOOL ? 1 : -7);
    }

    // ---------------------------------------------------------------- the differential runner

    /** An op run on one backend with the views of its operands, in the order they were given. */
    @FunctionalInterface
    protected interface Op {
        void run(Backend b, View[] v);
    }

    /**
     * Runs {@code op} on the reference and on the backend under test with fresh copies of {@code operands}; if the
     * reference throws, the backend must throw the same exception class; otherwise the buffers of the operands at
     * {@code outputs} (indices into {@code operands}) must agree within {@code tol}. Returns the reference's outcome
     * (null when it succeeded) so a test can also assert what the reference did.
     */
    protected RuntimeException check(String what, Tol tol, int[] outputs, Op op, Operand... operands) {
        View[] ref = views(reference, operands);
        View[] dut = views(backend(), operands);
        RuntimeException refError = attempt(reference, op, ref);
        RuntimeException dutError = attempt(backend(), op, dut);
        if (refError != null) {
            if (dutError == null) {
                fail(what + ": the CPU reference refuses this call (" + refError + ") but " + backend().description()
                        + " accepted it");
            }
            if (!refError.getClass().isInstance(dutError)) {
                fail(what + ": the CPU reference throws " + refError.getClass().getSimpleName() + " but "
                        + backend().description() + " threw " + dutError, dutError);
            }
            release(ref, dut);
            refused++;
            return refError;
        }
        if (dutError != null) {
            fail(what + ": " + backend().description() + " threw but the CPU reference did not", dutError);
        }
        for (int o : outputs) {
            assertBuffers(what + " (output " + o + ", " + operands[o].layout() + ")", tol, ref[o], dut[o]);
        }
        release(ref, dut);
        accepted++;
        return null;
    }

    /** {@link #check} with the last operand as the only output. */
    protected RuntimeException check(String what, Tol tol, Op op, Operand... operands) {
        return check(what, tol, new int[]{operands.length - 1}, op, operands);
    }

    private static View[] views(Backend b, Operand[] operands) {
        View[] v = new View[operands.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = operands[i] == null ? null : operands[i].on(b);
        }
        return v;
    }

    private static RuntimeException attempt(Backend b, Op op, View[] v) {
        try {
            op.run(b, v);
            b.synchronize();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void release(View[] a, View[] b) {
        for (View[] vs : List.of(a, b)) {
            for (View v : vs) {
                if (v != null) {
                    v.buffer().close();
                }
            }
        }
    }

    /** Compares two whole buffers slot by slot (the view's dtype decides exact or tolerant comparison). */
    protected static void assertBuffers(String what, Tol tol, View expected, View actual) {
        Buffer eb = expected.buffer();
        Buffer ab = actual.buffer();
        assertEquals(eb.length(), ab.length(), what + ": buffer length");
        if (eb.dtype() != DType.FLOAT32) {
            long[] e = eb.backend().copyOutLong(View.contiguous(eb, eb.length()));
            long[] a = ab.backend().copyOutLong(View.contiguous(ab, ab.length()));
            for (int i = 0; i < e.length; i++) {
                if (e[i] != a[i]) {
                    fail(what + ": slot " + i + " expected " + e[i] + " but was " + a[i] + " (exact, " + eb.dtype()
                            + ")");
                }
            }
            return;
        }
        assertFloats(what, tol, eb.backend().copyOutFloat(View.contiguous(eb, eb.length())),
                ab.backend().copyOutFloat(View.contiguous(ab, ab.length())));
    }

    /** Compares float arrays under {@code tol}. */
    protected static void assertFloats(String what, Tol tol, float[] e, float[] a) {
        assertEquals(e.length, a.length, what + ": length");
        double magnitude = 0;
        for (float v : e) {
            if (Float.isFinite(v)) {
                magnitude = Math.max(magnitude, Math.abs(v));
            }
        }
        for (int i = 0; i < e.length; i++) {
            if (Float.isNaN(e[i]) && Float.isNaN(a[i]) || e[i] == a[i]) {
                continue;
            }
            double scale = tol.ofMagnitude() ? Math.max(1, Math.max(Math.abs(e[i]), magnitude))
                    : Math.max(1, Math.abs(e[i]));
            double bound = tol.rel() * scale + tol.ulps() * Math.ulp(e[i]);
            if (!Float.isFinite(e[i]) || !(Math.abs(e[i] - a[i]) <= bound)) {
                fail(what + ": slot " + i + " expected " + e[i] + " but was " + a[i] + " (" + tol.name() + ")");
            }
        }
    }

    // ---------------------------------------------------------------- small helpers

    /** Product of the sizes. */
    protected static int numel(int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The layouts every elementwise-style test sweeps for {@code shape}. */
    protected static List<Layout> layouts(int... shape) {
        List<Layout> out = new ArrayList<>();
        out.add(Layout.contiguous(shape));
        out.add(Layout.scrambled(shape.length * 31L + 1, shape));
        if (shape.length >= 2) {
            out.add(Layout.transposedLast2(shape));
        }
        out.add(Layout.stepped(2, 1, shape));
        return out;
    }
}
