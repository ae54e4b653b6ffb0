package io.netwright.tensor;

import io.netwright.backend.Backend;
import io.netwright.backend.DType;
import io.netwright.backend.Devices;
import io.netwright.backend.Distribution;
import java.util.Arrays;

/** Tensor creation: from host arrays, constant fills, ranges and random draws. */
final class Creation {

    private Creation() {
    }

    static Backend backendFor(TensorOptions o) {
        return Devices.backendFor(o.device());
    }

    private static int[] checkData(String op, int length, int[] shape) {
        int n = Shape.numel(shape);
        if (n != length) {
            throw new IllegalArgumentException(op + ": shape " + Arrays.toString(shape) + " needs " + n
                    + " elements but " + length + " were given");
        }
        return shape.clone();
    }

    static Tensor fromFloats(float[] data, int[] shape, TensorOptions o) {
        int[] s = checkData("Tensor.of", data.length, shape);
        Backend b = backendFor(o);
        Tensor t = Tensor.allocate(b, o.dtype(), s);
        if (o.dtype() == DType.FLOAT32) {
            b.copyIn(data, t.v().buffer(), 0);
        } else {
            Tensor f = Tensor.allocate(b, DType.FLOAT32, s);
            b.copyIn(data, f.v().buffer(), 0);
            b.copy(f.v(), t.v());
        }
        return o.requiresGrad() ? t.requiresGrad_(true) : t;
    }

    static Tensor fromLongs(long[] data, int[] shape, TensorOptions o) {
        return fromLongs(data, shape, backendFor(o));
    }

    /**
     * INT64 data on backend {@code b}: helpers that build a tensor for an input pass the input's backend, so the
     * result lands on the same device (and the same backend instance) as the input.
     */
    static Tensor fromLongs(long[] data, int[] shape, Backend b) {
        int[] s = checkData("Tensor.ofLongs", data.length, shape);
        Tensor t = Tensor.allocate(b, DType.INT64, s);
        b.copyIn(data, t.v().buffer(), 0);
        return t;
    }

    static Tensor fromBools(boolean[] data, int[] shape, TensorOptions o) {
        int[] s = checkData("Tensor.ofBools", data.length, shape);
        Backend b = backendFor(o);
        Tensor t = Tensor.allocate(b, DType.BOOL, s);
        b.copyIn(data, t.v().buffer(), 0);
        return t;
    }

    static Tensor fromRows(float[][] rows) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        float[] flat = new float[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("Tensor.of: row " + i + " has " + rows[i].length
                        + " elements but row 0 has " + c + " — all rows must have the same length");
            }
            System.arraycopy(rows[i], 0, flat, i * c, c);
        }
        return fromFloats(flat, new int[]{r, c}, TensorOptions.DEFAULT);
    }

    static Tensor full(int[] shape, double value, TensorOptions o) {
        Tensor t = Tensor.allocate(backendFor(o), o.dtype(), shape);
        if (value != 0) {
            t.backend().fill(t.v(), value);
        }
        return o.requiresGrad() ? t.requiresGrad_(true) : t;
    }

    static Tensor fullLike(Tensor like, double value) {
        Tensor t = Tensor.allocate(like.backend(), like.dtype(), like.shapeRef());
        if (value != 0) {
            t.backend().fill(t.v(), value);
        }
        return t;
    }

    static Tensor onesLike(Tensor like) {
        return fullLike(like, 1);
    }

    /** A 0-d tensor holding {@code value} with {@code like}'s dtype and device (float if value is fractional). */
    static Tensor scalarLike(Tensor like, double value) {
        DType d = like.dtype();
        if (d != DType.FLOAT32 && value != Math.rint(value)) {
            d = DType.FLOAT32;
        }
        if (d == DType.BOOL && value != 0 && value != 1) {
            d = DType.INT64;
        }
        Tensor t = Tensor.allocate(like.backend(), d, new int[0]);
        t.backend().fill(t.v(), value);
        return t;
    }

    static Tensor arangeLong(long start, long end, long step) {
        if (step == 0) {
            throw new IllegalArgumentException("arange: step must be nonzero");
        }
        long n = Math.max(0, (end - start + step + (step > 0 ? -1 : 1)) / step);
        long[] data = new long[Math.toIntExact(n)];
        for (int i = 0; i < data.length; i++) {
            data[i] = start + i * step;
        }
        return fromLongs(data, new int[]{data.length}, TensorOptions.DEFAULT);
    }

    static Tensor arangeFloat(double start, double end, double step) {
        if (step == 0 || Double.isNaN(step)) {
            throw new IllegalArgumentException("arange: step must be nonzero");
        }
        int n = (int) Math.max(0, Math.ceil((end - start) / step));
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = (float) (start + i * step);
        }
        return fromFloats(data, new int[]{n}, TensorOptions.DEFAULT);
    }

    static Tensor linspace(double start, double end, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("linspace: number of steps must be non-negative, got " + steps);
        }
        float[] data = new float[steps];
        double step = steps > 1 ? (end - start) / (steps - 1) : 0;
        // PyTorch fills the first half from start and the second half from end for symmetry.
        int half = steps / 2;
        for (int i = 0; i < steps; i++) {
            data[i] = (float) (i < half ? start + step * i : end - step * (steps - 1 - i));
        }
        return fromFloats(data, new int[]{steps}, TensorOptions.DEFAULT);
    }

    static Tensor eye(int n, int m) {
        if (n < 0 || m < 0) {
            throw new IllegalArgumentException("eye: sizes must be non-negative, got " + n + "x" + m);
        }
        float[] data = new float[n * m];
        for (int i = 0; i < Math.min(n, m); i++) {
            data[i * m + i] = 1;
        }
        return fromFloats(data, new int[]{n, m}, TensorOptions.DEFAULT);
    }

    static Tensor random(Generator g, int[] shape, Distribution dist, double a, double b, TensorOptions o) {
        Tensor t = Tensor.allocate(backendFor(o), o.dtype(), shape);
        return randomFill_(t, g, dist, a, b);
    }

    /** FLOAT32 random numbers on the backend of {@code like} (same device as the tensor they are combined with). */
    static Tensor randomLike(Generator g, int[] shape, Distribution dist, double a, double b, Tensor like) {
        return randomFill_(Tensor.allocate(like.backend(), DType.FLOAT32, shape), g, dist, a, b);
    }

    /** FLOAT32 host data on the backend of {@code like}. */
    static Tensor floatsLike(float[] data, int[] shape, Tensor like) {
        int[] s = checkData("Tensor.of", data.length, shape);
        Tensor t = Tensor.allocate(like.backend(), DType.FLOAT32, s);
        like.backend().copyIn(data, t.v().buffer(), 0);
        return t;
    }

    static Tensor randomFill_(Tensor t, Generator g, Distribution dist, double a, double b) {
        if (dist == Distribution.BERNOULLI && (a < 0 || a > 1)) {
            throw new IllegalArgumentException("bernoulli_: p must be in [0, 1], got " + a);
        }
        if (dist == Distribution.NORMAL && b < 0) {
            throw new IllegalArgumentException("normal_: std must be >= 0, got " + b);
        }
        if (dist == Distribution.UNIFORM && !(a <= b)) {
            throw new IllegalArgumentException("uniform_: expects from <= to, got from=" + a + " to=" + b);
        }
        long n = t.numel();
        // Normal draws use counters 2(c+i) and 2(c+i)+1, so they reserve an even-aligned block of 2n.
        long counter = dist == Distribution.NORMAL ? g.reserveEven(2 * n) / 2 : g.reserve(n);
        t.backend().randomFill(t.v(), dist, g.seed(), counter, a, b);
        return t;
    }

    static Tensor randint(Generator g, long low, long high, int[] shape) {
        if (low >= high) {
            throw new IllegalArgumentException("randint: low must be < high, got low=" + low + " high=" + high);
        }
        Tensor u = random(g, shape, Distribution.UNIFORM, 0, 1, TensorOptions.DEFAULT);
        try (var ng = NoGrad.enter()) {
            Tensor scaled = u.mul((double) (high - low)).floor().add((double) low);
            // Guard the float rounding edge (u close to 1) so values stay < high.
            return scaled.clamp(low, high - 1).to(DType.INT64);
        }
    }

    static Tensor randperm(Generator g, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("randperm: n must be non-negative, got " + n);
        }
        long[] p = new long[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) (g.nextDouble() * (i + 1));
            long tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return fromLongs(p, new int[]{n}, TensorOptions.DEFAULT);
    }
}
