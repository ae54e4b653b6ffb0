package io.netwright.backend;

import io.netwright.backend.cpu.CpuBackend;

/**
 * A test backend that computes with a private {@link CpuBackend} but claims to be another device (by default
 * {@code cuda:7}) and owns its own buffer type: every op unwraps its views and refuses, with
 * {@link IllegalArgumentException}, any view whose buffer belongs to another backend. It lets tests without a GPU
 * catch every place that silently mixes devices, and runs the backend contract against a non-CPU device identity.
 */
public final class FakeDeviceBackend implements Backend, AutoCloseable {

    private final Device device;
    private final CpuBackend cpu;

    /** A fake {@code device} computing on a one-thread pure-Java CPU backend. */
    public FakeDeviceBackend(Device device) {
        this.device = device;
        this.cpu = new CpuBackend(new BackendOptions(1, false));
    }

    /** A buffer of the fake device: a CPU buffer underneath. */
    private final class FakeBuffer implements Buffer {
        private final Buffer inner;

        FakeBuffer(Buffer inner) {
            this.inner = inner;
        }

        @Override
        public Backend backend() {
            return FakeDeviceBackend.this;
        }

        @Override
        public DType dtype() {
            return inner.dtype();
        }

        @Override
        public int length() {
            return inner.length();
        }

        @Override
        public boolean isClosed() {
            return inner.isClosed();
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public String toString() {
            return device + " buffer (" + inner + ")";
        }
    }

    private Buffer unwrap(Buffer b, String op) {
        if (b instanceof FakeBuffer f && f.backend() == this) {
            return f.inner;
        }
        throw new IllegalArgumentException(op + ": " + b + " does not belong to " + device + " (fake backend)");
    }

    private View u(View v, String op) {
        return v == null ? null : new View(unwrap(v.buffer(), op), v.offset(), v.shape(), v.strides());
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    public String description() {
        return "fake " + device + " on " + cpu.description();
    }

    @Override
    public void close() {
        cpu.close();
    }

    @Override
    public Buffer allocate(DType dtype, int length) {
        return new FakeBuffer(cpu.allocate(dtype, length));
    }

    @Override
    public Buffer allocateUninitialized(DType dtype, int length) {
        return new FakeBuffer(cpu.allocateUninitialized(dtype, length));
    }

    @Override
    public void copyIn(float[] src, Buffer dst, int offset) {
        cpu.copyIn(src, unwrap(dst, "copyIn"), offset);
    }

    @Override
    public void copyIn(long[] src, Buffer dst, int offset) {
        cpu.copyIn(src, unwrap(dst, "copyIn"), offset);
    }

    @Override
    public void copyIn(boolean[] src, Buffer dst, int offset) {
        cpu.copyIn(src, unwrap(dst, "copyIn"), offset);
    }

    @Override
    public float[] copyOutFloat(View src) {
        return cpu.copyOutFloat(u(src, "copyOut"));
    }

    @Override
    public long[] copyOutLong(View src) {
        return cpu.copyOutLong(u(src, "copyOut"));
    }

    @Override
    public void synchronize() {
        cpu.synchronize();
    }

    @Override
    public void fill(View out, double value) {
        cpu.fill(u(out, "fill"), value);
    }

    @Override
    public void randomFill(View out, Distribution distribution, long seed, long counter, double a, double b) {
        cpu.randomFill(u(out, "randomFill"), distribution, seed, counter, a, b);
    }

    @Override
    public void copy(View src, View dst) {
        cpu.copy(u(src, "copy"), u(dst, "copy"));
    }

    @Override
    public void unary(UnaryOp op, View x, View out, double a, double b) {
        cpu.unary(op, u(x, "unary"), u(out, "unary"), a, b);
    }

    @Override
    public void binary(BinaryOp op, View x, View y, View out) {
        cpu.binary(op, u(x, "binary"), u(y, "binary"), u(out, "binary"));
    }

    @Override
    public void where(View cond, View x, View y, View out) {
        cpu.where(u(cond, "where"), u(x, "where"), u(y, "where"), u(out, "where"));
    }

    @Override
    public void reduce(ReduceOp op, View x, int[] dims, View out) {
        cpu.reduce(op, u(x, "reduce"), dims, u(out, "reduce"));
    }

    @Override
    public void matmul(View x, View y, View out) {
        cpu.matmul(u(x, "matmul"), u(y, "matmul"), u(out, "matmul"));
    }

    @Override
    public void im2col(View x, View cols, Conv2dGeometry g) {
        cpu.im2col(u(x, "im2col"), u(cols, "im2col"), g);
    }

    @Override
    public void col2im(View cols, View out, Conv2dGeometry g) {
        cpu.col2im(u(cols, "col2im"), u(out, "col2im"), g);
    }

    @Override
    public void maxPool2d(View x, View out, View indices, Pool2dGeometry g) {
        cpu.maxPool2d(u(x, "maxPool2d"), u(out, "maxPool2d"), u(indices, "maxPool2d"), g);
    }

    @Override
    public void maxPool2dBackward(View gradOut, View indices, View gradIn, Pool2dGeometry g) {
        cpu.maxPool2dBackward(u(gradOut, "maxPool2dBackward"), u(indices, "maxPool2dBackward"),
                u(gradIn, "maxPool2dBackward"), g);
    }

    @Override
    public void avgPool2d(View x, View out, Pool2dGeometry g) {
        cpu.avgPool2d(u(x, "avgPool2d"), u(out, "avgPool2d"), g);
    }

    @Override
    public void avgPool2dBackward(View gradOut, View gradIn, Pool2dGeometry g) {
        cpu.avgPool2dBackward(u(gradOut, "avgPool2dBackward"), u(gradIn, "avgPool2dBackward"), g);
    }

    @Override
    public void gather(View src, int dim, View index, View out) {
        cpu.gather(u(src, "gather"), dim, u(index, "gather"), u(out, "gather"));
    }

    @Override
    public void scatter(View src, int dim, View index, View out, boolean accumulate) {
        cpu.scatter(u(src, "scatter"), dim, u(index, "scatter"), u(out, "scatter"), accumulate);
    }

    @Override
    public String toString() {
        return description();
    }
}
