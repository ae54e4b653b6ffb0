package io.netwright.backend.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemsetD8;

import io.netwright.backend.Backend;
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

import jcuda.Pointer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The GPU backend: device memory from a caching allocator, copies through a pinned host staging buffer, and every
 * primitive as one of our kernels ({@code src/main/cuda/}, loaded from the ahead-of-time image). All work is queued
 * on one stream in call order; {@link #copyOutFloat}, {@link #copyOutLong} and {@link #synchronize} wait for it.
 * Calls are serialised (one op at a time per device), so the trainer and the studio may share the backend.
 *
 * <p>The CPU backend defines every op; the shared contract suite checks this one against it.
 */
public final class CudaBackend implements Backend {

    /** Host copies up to this size go through the pinned staging buffer; larger ones copy directly. */
    private static final long STAGING_MAX = 64L << 20;

    private final Device device;
    private final CudaContext context;
    private final CudaAllocator allocator;
    private final CudaElementwise elementwise = new CudaElementwise(this);
    private final CudaOptimizer optimizer = new CudaOptimizer(this);
    private final CudaReduce reduce = new CudaReduce(this);
    private final CudaLinalg linalg = new CudaLinalg(this);
    private final CudaConv conv = new CudaConv(this);
    private final CudaPool pool = new CudaPool(this);
    private final CudaIndexing indexing = new CudaIndexing(this);
    private final AtomicLong launches = new AtomicLong();
    private Pointer staging;
    private long stagingBytes;
    private CudaBuffer status;

    CudaBackend(Device device, CudaContext context) {
        this.device = device;
        this.context = context;
        this.allocator = new CudaAllocator(device.toString());
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    public String description() {
        return device + " (" + context.name() + ", " + context.image() + ")";
    }

    CudaContext context() {
        return context;
    }

    CudaAllocator allocator() {
        return allocator;
    }

    /** Kernel launches so far (to measure launches per training step). */
    public long launches() {
        return launches.get();
    }

    void countLaunch() {
        launches.incrementAndGet();
    }

    /** Bytes held by live tensors on this device. */
    public long memoryInUse() {
        return allocator.liveBytes();
    }

    @Override
    public long freeMemoryBytes() {
        try {
            return memoryInfo()[0];
        } catch (CudaException e) {
            return 0;
        }
    }

    /** {@code {free, total}} device memory in bytes ({@code cuMemGetInfo}). */
    public synchronized long[] memoryInfo() {
        context.makeCurrent();
        return context.memoryInfo();
    }

    /** The live buffer behind a view of this backend, with the view checked against it. */
    CudaBuffer buffer(View v) {
        return CudaChecks.buffer(this, v);
    }

    // ---------------------------------------------------------------- memory and copies

    @Override
    public synchronized Buffer allocate(DType dtype, int length) {
        CudaBuffer b = allocateUninitialized(dtype, length);
        CudaDriver.check(cuMemsetD8(b.pointer(0), (byte) 0, (long) length * dtype.byteSize()),
                "cuMemsetD8 (zero-fill of " + length + " " + dtype + ")");
        return b;
    }

    @Override
    public synchronized CudaBuffer allocateUninitialized(DType dtype, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("allocate: negative length " + length);
        }
        context.makeCurrent();
        long bytes = (long) length * dtype.byteSize();
        CudaAllocator.Block block = allocator.allocate(bytes, "a " + dtype + " tensor of " + length + " elements");
        return new CudaBuffer(this, dtype, length, block);
    }

    @Override
    public synchronized void copyIn(float[] src, Buffer dst, int offset) {
        CudaBuffer b = target(dst, DType.FLOAT32, offset, src.length, "copyIn(float[])");
        long bytes = (long) src.length * 4;
        if (bytes == 0) {
            return;
        }
        if (bytes <= STAGING_MAX) {
            ByteBuffer s = staging(bytes);
            s.asFloatBuffer().put(src);
            CudaDriver.check(cuMemcpyHtoD(b.pointer(offset), staging, bytes), "cuMemcpyHtoD");
        } else {
            CudaDriver.check(cuMemcpyHtoD(b.pointer(offset), Pointer.to(src), bytes), "cuMemcpyHtoD");
        }
    }

    @Override
    public synchronized void copyIn(long[] src, Buffer dst, int offset) {
        CudaBuffer b = target(dst, DType.INT64, offset, src.length, "copyIn(long[])");
        long bytes = (long) src.length * 8;
        if (bytes == 0) {
            return;
        }
        if (bytes <= STAGING_MAX) {
            ByteBuffer s = staging(bytes);
            s.asLongBuffer().put(src);
            CudaDriver.check(cuMemcpyHtoD(b.pointer(offset), staging, bytes), "cuMemcpyHtoD");
        } else {
            CudaDriver.check(cuMemcpyHtoD(b.pointer(offset), Pointer.to(src), bytes), "cuMemcpyHtoD");
        }
    }

    @Override
    public synchronized void copyIn(boolean[] src, Buffer dst, int offset) {
        CudaBuffer b = target(dst, DType.BOOL, offset, src.length, "copyIn(boolean[])");
        if (src.length == 0) {
            return;
        }
        byte[] bytes = new byte[src.length];
        for (int i = 0; i < src.length; i++) {
            bytes[i] = (byte) (src[i] ? 1 : 0);
        }
        CudaDriver.check(cuMemcpyHtoD(b.pointer(offset), Pointer.to(bytes), bytes.length), "cuMemcpyHtoD");
    }

    private CudaBuffer target(Buffer dst, DType dtype, int offset, int n, String op) {
        context.makeCurrent();
        if (!(dst instanceof CudaBuffer b) || b.backend() != this) {
            throw new IllegalArgumentException(op + ": " + dst + " is not a buffer of " + device);
        }
        if (b.isClosed()) {
            throw new IllegalStateException(b + " is closed — it was used after close()");
        }
        if (b.dtype() != dtype) {
            throw new IllegalArgumentException(op + ": buffer must be " + dtype + ", got " + b.dtype());
        }
        if (offset < 0 || (long) offset + n > b.length()) {
            throw new IndexOutOfBoundsException(op + ": " + n + " elements at offset " + offset + " do not fit "
                    + b + " (length " + b.length() + ")");
        }
        return b;
    }

    private ByteBuffer staging(long bytes) {
        if (staging == null || stagingBytes < bytes) {
            if (staging != null) {
                cuMemFreeHost(staging);
            }
            long size = Math.max(bytes, 1L << 20);
            Pointer p = new Pointer();
            CudaDriver.check(cuMemAllocHost(p, size), "cuMemAllocHost(" + size + ") (pinned staging buffer)");
            staging = p;
            stagingBytes = size;
        }
        return staging.getByteBuffer(0, bytes).order(ByteOrder.nativeOrder());
    }

    @Override
    public synchronized float[] copyOutFloat(View src) {
        float[] out = new float[src.numel()];
        copyOut(src, DType.FLOAT32, Pointer.to(out), s -> s.asFloatBuffer().get(out));
        return out;
    }

    @Override
    public synchronized long[] copyOutLong(View src) {
        long[] out = new long[src.numel()];
        copyOut(src, DType.INT64, Pointer.to(out), s -> s.asLongBuffer().get(out));
        return out;
    }

    /**
     * Copies {@code src}, converted to a contiguous {@code dtype} view on the device when it is not one, to the host:
     * through the pinned staging buffer (then {@code fromStaging} reads it) or, for large views, straight into
     * {@code direct}.
     */
    private void copyOut(View src, DType dtype, Pointer direct, java.util.function.Consumer<ByteBuffer> fromStaging) {
        context.makeCurrent();
        buffer(src);
        int n = src.numel();
        if (n == 0) {
            return;
        }
        View c = contiguousOf(src, dtype);
        try {
            long bytes = (long) n * dtype.byteSize();
            CudaBuffer b = buffer(c);
            if (bytes <= STAGING_MAX) {
                ByteBuffer s = staging(bytes);
                CudaDriver.check(cuMemcpyDtoH(staging, b.pointer(c.offset()), bytes), "cuMemcpyDtoH");
                fromStaging.accept(s);
            } else {
                CudaDriver.check(cuMemcpyDtoH(direct, b.pointer(c.offset()), bytes), "cuMemcpyDtoH");
            }
        } finally {
            if (c.buffer() != src.buffer()) {
                c.buffer().close();
            }
        }
    }

    /** {@code src} itself when it is contiguous of {@code dtype}, else a fresh contiguous converted copy. */
    private View contiguousOf(View src, DType dtype) {
        if (src.dtype() == dtype && src.isContiguous()) {
            return src;
        }
        CudaBuffer tmp = allocateUninitialized(dtype, src.numel());
        View c = new View(tmp, 0, src.shape().clone(), View.contiguousStrides(src.shape()));
        elementwise.copy(src, c);
        return c;
    }

    @Override
    public synchronized void synchronize() {
        context.makeCurrent();
        CudaDriver.check(cuCtxSynchronize(), "cuCtxSynchronize");
    }

    // ---------------------------------------------------------------- the status words

    /** Zeroes the 4 status words kernels report index and division errors in, and returns their address. */
    long resetStatus() {
        if (status == null) {
            status = allocateUninitialized(DType.INT64, 4);
        }
        CudaDriver.check(cuMemsetD8(status.pointer(0), (byte) 0, 32), "cuMemsetD8 (status words)");
        return status.address(0);
    }

    /** The status words after the kernels that used them ({@code {code, value, 0, 0}}); waits for the stream. */
    long[] readStatus() {
        long[] s = new long[4];
        CudaDriver.check(cuMemcpyDtoH(Pointer.to(s), status.pointer(0), 32), "cuMemcpyDtoH (status words)");
        return s;
    }

    // ---------------------------------------------------------------- primitive ops

    @Override
    public synchronized void fill(View out, double value) {
        context.makeCurrent();
        elementwise.fill(out, value);
    }

    @Override
    public synchronized void randomFill(View out, Distribution distribution, long seed, long counter, double a,
                                        double b) {
        context.makeCurrent();
        elementwise.randomFill(out, distribution, seed, counter, a, b);
    }

    @Override
    public synchronized void copy(View src, View dst) {
        context.makeCurrent();
        elementwise.copy(src, dst);
    }

    @Override
    public synchronized void unary(UnaryOp op, View x, View out, double a, double b) {
        context.makeCurrent();
        elementwise.unary(op, x, out, a, b);
    }

    @Override
    public synchronized void binary(BinaryOp op, View x, View y, View out) {
        context.makeCurrent();
        elementwise.binary(op, x, y, out);
    }

    @Override
    public synchronized void where(View cond, View x, View y, View out) {
        context.makeCurrent();
        elementwise.where(cond, x, y, out);
    }

    @Override
    public synchronized void reduce(ReduceOp op, View x, int[] dims, View out) {
        context.makeCurrent();
        reduce.reduce(op, x, dims, out);
    }

    @Override
    public synchronized void matmul(View x, View y, View out) {
        context.makeCurrent();
        linalg.matmul(x, y, out);
    }

    @Override
    public synchronized void im2col(View x, View cols, Conv2dGeometry g) {
        context.makeCurrent();
        linalg.im2col(x, cols, g);
    }

    @Override
    public synchronized void col2im(View cols, View out, Conv2dGeometry g) {
        context.makeCurrent();
        linalg.col2im(cols, out, g);
    }

    @Override
    public synchronized boolean optimizerStep(OptimizerStep step, View param, View grad, View[] state) {
        context.makeCurrent();
        optimizer.step(step, param, grad, state);
        return true;
    }

    @Override
    public synchronized void maxPool2d(View x, View out, View indices, Pool2dGeometry g) {
        context.makeCurrent();
        pool.maxPool2d(x, out, indices, g);
    }

    @Override
    public synchronized void maxPool2dBackward(View gradOut, View indices, View gradIn, Pool2dGeometry g) {
        context.makeCurrent();
        pool.maxPool2dBackward(gradOut, indices, gradIn, g);
    }

    @Override
    public synchronized void avgPool2d(View x, View out, Pool2dGeometry g) {
        context.makeCurrent();
        pool.avgPool2d(x, out, g);
    }

    @Override
    public synchronized void avgPool2dBackward(View gradOut, View gradIn, Pool2dGeometry g) {
        context.makeCurrent();
        pool.avgPool2dBackward(gradOut, gradIn, g);
    }

    @Override
    public synchronized void gather(View src, int dim, View index, View out) {
        context.makeCurrent();
        indexing.gather(src, dim, index, out);
    }

    @Override
    public synchronized void scatter(View src, int dim, View index, View out, boolean accumulate) {
        context.makeCurrent();
        indexing.scatter(src, dim, index, out, accumulate);
    }

    CudaLinalg linalg() {
        return linalg;
    }

    @Override
    public synchronized boolean conv2d(View x, View weight, View out, Conv2dGeometry g, int groups) {
        context.makeCurrent();
        return conv.forward(x, weight, null, out, g, groups, false);
    }

    @Override
    public synchronized boolean conv2dFused(View x, View weight, View bias, View out, Conv2dGeometry g, int groups,
                                            boolean relu) {
        context.makeCurrent();
        return conv.forward(x, weight, bias, out, g, groups, relu);
    }

    @Override
    public synchronized boolean conv2dBackwardInput(View gradOut, View weight, View gradIn, Conv2dGeometry g,
                                                    int groups) {
        context.makeCurrent();
        return conv.backwardInput(gradOut, weight, gradIn, g, groups);
    }

    @Override
    public synchronized boolean conv2dBackwardWeight(View x, View gradOut, View gradWeight, Conv2dGeometry g,
                                                     int groups) {
        context.makeCurrent();
        return conv.backwardWeight(x, gradOut, gradWeight, g, groups);
    }

    CudaElementwise elementwise() {
        return elementwise;
    }
}
