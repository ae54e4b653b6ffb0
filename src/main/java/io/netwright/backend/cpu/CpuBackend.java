package io.netwright.backend.cpu;

import io.netwright.backend.Backend;
import io.netwright.backend.BackendOptions;
import io.netwright.backend.BinaryOp;
import io.netwright.backend.Buffer;
import io.netwright.backend.Conv2dGeometry;
import io.netwright.backend.DType;
import io.netwright.backend.Device;
import io.netwright.backend.Distribution;
import io.netwright.backend.OptimizerStep;
import io.netwright.backend.Pool2dGeometry;
import io.netwright.backend.ReduceOp;
import io.netwright.backend.UnaryOp;
import io.netwright.backend.View;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference backend: Java arrays for memory ({@link CpuBuffer}), kernels in small per-family classes, a thread
 * pool owned by this instance, and GEMM through OpenBLAS with a pure-Java fallback. Every op runs synchronously
 * on the calling thread (parallel parts fan out to the pool and are joined before the call returns).
 *
 * <pre>{@code Backend cpu = new CpuBackend(new BackendOptions(4, true));}</pre>
 */
public final class CpuBackend implements Backend, AutoCloseable {

    private final BackendOptions options;
    private final CpuParallel par;
    private final CpuGemm gemm;
    private final CpuConvGemm convGemm;
    private final AtomicLong bufferIds = new AtomicLong();
    /** Idle large arrays kept for reuse: up to an eighth of the heap. */
    private final CpuArrayPool pool = new CpuArrayPool(Runtime.getRuntime().maxMemory() / 8);

    /** A backend with {@code options.effectiveThreads()} workers; OpenBLAS is loaded lazily by the first matmul. */
    public CpuBackend(BackendOptions options) {
        this.options = options;
        this.par = new CpuParallel(options.effectiveThreads());
        this.gemm = new CpuGemm(par, options.nativeBlas());
        this.convGemm = new CpuConvGemm(par);
    }

    /** The options this backend was created with. */
    public BackendOptions options() {
        return options;
    }

    /** Worker threads used by parallel kernels (and given to OpenBLAS). */
    public int threads() {
        return par.threads();
    }

    /** True if matmul uses OpenBLAS (false when disabled or when it failed to load; loads it if not yet tried). */
    public boolean usesNativeBlas() {
        return gemm.usesNative();
    }

    @Override
    public Device device() {
        return Device.cpu();
    }

    @Override
    public String description() {
        String gemmName;
        if (!options.nativeBlas()) {
            gemmName = "pure-Java GEMM";
        } else {
            OpenBlas.Status s = OpenBlas.status();
            gemmName = !s.loaded() ? "pure-Java GEMM, OpenBLAS unavailable"
                    : s.detail() + (CriticalSgemm.available() ? " in place" : " on copies");
        }
        return "cpu (" + gemmName + ", " + threads() + (threads() == 1 ? " thread)" : " threads)");
    }

    /** Stops the worker threads. Buffers stay readable; later parallel work is refused by the pool. */
    @Override
    public void close() {
        par.close();
        pool.clear();
    }

    /** The recycler of large float arrays (see {@link CpuArrayPool}). */
    CpuArrayPool arrayPool() {
        return pool;
    }

    // ---------------------------------------------------------------- memory and copies

    @Override
    public Buffer allocate(DType dtype, int length) {
        return new CpuBuffer(this, dtype, length, bufferIds.incrementAndGet(), true);
    }

    @Override
    public Buffer allocateUninitialized(DType dtype, int length) {
        return new CpuBuffer(this, dtype, length, bufferIds.incrementAndGet(), false);
    }

    @Override
    public void copyIn(float[] src, Buffer dst, int offset) {
        System.arraycopy(src, 0, own(dst, "copyIn").floats(), checkRange(src.length, dst, offset), src.length);
    }

    @Override
    public void copyIn(long[] src, Buffer dst, int offset) {
        System.arraycopy(src, 0, own(dst, "copyIn").longs(), checkRange(src.length, dst, offset), src.length);
    }

    @Override
    public void copyIn(boolean[] src, Buffer dst, int offset) {
        byte[] d = own(dst, "copyIn").bools();
        checkRange(src.length, dst, offset);
        for (int i = 0; i < src.length; i++) {
            d[offset + i] = (byte) (src[i] ? 1 : 0);
        }
    }

    @Override
    public float[] copyOutFloat(View src) {
        return (float[]) CpuCopy.copyOut(par, src, DType.FLOAT32);
    }

    @Override
    public long[] copyOutLong(View src) {
        return (long[]) CpuCopy.copyOut(par, src, DType.INT64);
    }

    @Override
    public void synchronize() {
        // Every op has completed when it returns.
    }

    // ---------------------------------------------------------------- primitive ops

    @Override
    public void fill(View out, double value) {
        CpuCopy.fill(par, out, value);
    }

    @Override
    public void randomFill(View out, Distribution distribution, long seed, long counter, double a, double b) {
        CpuRandom.fill(par, out, distribution, seed, counter, a, b);
    }

    @Override
    public void copy(View src, View dst) {
        CpuCopy.copy(par, src, dst);
    }

    @Override
    public void unary(UnaryOp op, View x, View out, double a, double b) {
        CpuUnary.run(par, op, x, out, a, b);
    }

    @Override
    public void binary(BinaryOp op, View x, View y, View out) {
        if (gemm.usesNative() && NativeOps.handlesThresholdBackward(op, x, y, out)) {
            NativeOps.thresholdBackward(par, x, y, out);
            return;
        }
        CpuBinary.run(par, op, x, y, out);
    }

    @Override
    public void where(View cond, View x, View y, View out) {
        CpuCopy.where(par, cond, x, y, out);
    }

    @Override
    public void reduce(ReduceOp op, View x, int[] dims, View out) {
        if (gemm.usesNative() && DirectConv.handlesChannelSums(op, x, dims, out)) {
            convGemm.channelSums(x, out);
            return;
        }
        CpuReduce.run(par, op, x, dims, out);
    }

    @Override
    public void matmul(View x, View y, View out) {
        gemm.matmul(x, y, out);
    }

    @Override
    public void im2col(View x, View cols, Conv2dGeometry g) {
        CpuConv.im2col(par, x, cols, g);
    }

    @Override
    public void col2im(View cols, View out, Conv2dGeometry g) {
        CpuConv.col2im(par, cols, out, g);
    }

    @Override
    public boolean conv2d(View x, View weight, View out, Conv2dGeometry g, int groups) {
        if (!gemm.usesNative()) {
            return false;
        }
        convGemm.forward(x, weight, out, g, groups);
        return true;
    }

    @Override
    public boolean conv2dFused(View x, View weight, View bias, View out, Conv2dGeometry g, int groups,
                               boolean relu) {
        return gemm.usesNative() && convGemm.forwardFused(x, weight, bias, out, g, groups, relu);
    }

    @Override
    public boolean conv2dBackwardInput(View gradOut, View weight, View gradIn, Conv2dGeometry g, int groups) {
        if (!gemm.usesNative()) {
            return false;
        }
        convGemm.backwardInput(gradOut, weight, gradIn, g, groups);
        return true;
    }

    @Override
    public boolean conv2dBackwardWeight(View x, View gradOut, View gradWeight, Conv2dGeometry g, int groups) {
        if (!gemm.usesNative()) {
            return false;
        }
        convGemm.backwardWeight(x, gradOut, gradWeight, g, groups);
        return true;
    }

    @Override
    public boolean optimizerStep(OptimizerStep step, View param, View grad, View[] state) {
        CpuOptimizer.run(par, step, param, grad, state);
        return true;
    }

    @Override
    public void maxPool2d(View x, View out, View indices, Pool2dGeometry g) {
        CpuPool.maxPool2d(par, x, out, indices, g, gemm.usesNative());
    }

    @Override
    public void maxPool2dBackward(View gradOut, View indices, View gradIn, Pool2dGeometry g) {
        CpuPool.maxPool2dBackward(par, gradOut, indices, gradIn, g);
    }

    @Override
    public void avgPool2d(View x, View out, Pool2dGeometry g) {
        CpuPool.avgPool2d(par, x, out, g);
    }

    @Override
    public void avgPool2dBackward(View gradOut, View gradIn, Pool2dGeometry g) {
        CpuPool.avgPool2dBackward(par, gradOut, gradIn, g);
    }

    @Override
    public void gather(View src, int dim, View index, View out) {
        CpuIndexing.gather(par, src, dim, index, out);
    }

    @Override
    public void scatter(View src, int dim, View index, View out, boolean accumulate) {
        CpuIndexing.scatter(par, src, dim, index, out, accumulate);
    }

    // ---------------------------------------------------------------- helpers

    private CpuBuffer own(Buffer b, String op) {
        if (b instanceof CpuBuffer cb && cb.backend() == this) {
            return cb;
        }
        throw new IllegalArgumentException(op + ": " + b + " does not belong to this CPU backend");
    }

    private static int checkRange(int n, Buffer dst, int offset) {
        if (offset < 0 || (long) offset + n > dst.length()) {
            throw new IndexOutOfBoundsException("copyIn: " + n + " elements at offset " + offset
                    + " do not fit " + dst);
        }
        return offset;
    }

    @Override
    public String toString() {
        return description();
    }
}
