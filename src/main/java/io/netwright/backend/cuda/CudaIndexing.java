package io.netwright.backend.cuda;

import io.netwright.backend.DType;
import io.netwright.backend.View;

import java.util.Arrays;

/**
 * gather and scatter along one dim (index.cu). Bad indices are found on the device and reported through the
 * backend's status words as the CPU's {@link IndexOutOfBoundsException}; a scatter checks every index before it
 * writes, so a bad index leaves the output untouched (CpuIndexing's rules and messages).
 */
final class CudaIndexing {

    private final CudaBackend b;

    CudaIndexing(CudaBackend backend) {
        this.b = backend;
    }

    void gather(View src, int dim, View index, View out) {
        check("gather", src, dim, index, out, index);
        CudaChecks.sameShape("gather", index, out);
        b.buffer(src);
        b.buffer(index);
        b.buffer(out);
        if (index.numel() == 0) {
            return;
        }
        int[] srcStrides = src.strides().clone();
        srcStrides[dim] = 0;
        Layouts l = Layouts.of("gather", index.shape(), srcStrides, index.strides(), out.strides());
        long n = l.numel();
        int size = src.shape()[dim];
        CudaLaunch.of(b, Kernels.named("nw_gather_" + CudaChecks.suffix(src.dtype())))
                .ptr(src).layout(l.layout(0)).i64(src.strides()[dim]).i64(size)
                .ptr(index).layout(l.layout(1)).ptr(out).layout(l.layout(2)).i64(n).address(b.resetStatus())
                .run1d(n, "gather of shape " + Arrays.toString(index.shape()));
        long[] s = b.readStatus();
        if (s[0] != 0) {
            throw outOfRange("gather", s[1], dim, size);
        }
    }

    void scatter(View src, int dim, View index, View out, boolean accumulate) {
        String op = accumulate ? "scatter_add" : "scatter";
        check(op, out, dim, index, src, index);
        CudaChecks.sameShape(op, index, src);
        b.buffer(src);
        b.buffer(index);
        b.buffer(out);
        if (index.numel() == 0) {
            return;
        }
        int size = out.shape()[dim];
        Layouts li = Layouts.of(op, index.shape(), index);
        CudaLaunch.of(b, Kernels.INDEX_CHECK).ptr(index).layout(li.layout(0)).i64(size).i64(li.numel())
                .address(b.resetStatus()).run1d(li.numel(), op + " index check");
        long[] s = b.readStatus();
        if (s[0] != 0) {
            throw outOfRange(op, s[1], dim, size);
        }
        int[] outStrides = out.strides().clone();
        outStrides[dim] = 0;
        Layouts l = Layouts.of(op, index.shape(), src.strides(), index.strides(), outStrides);
        long n = l.numel();
        String kernel = (accumulate ? "nw_scatter_add_" : "nw_scatter_") + CudaChecks.suffix(out.dtype());
        CudaLaunch k = CudaLaunch.of(b, Kernels.named(kernel)).ptr(src).layout(l.layout(0)).ptr(index)
                .layout(l.layout(1)).ptr(out).layout(l.layout(2)).i64(out.strides()[dim]).i64(n);
        String shape = op + " of shape " + Arrays.toString(index.shape());
        if (accumulate) {
            k.run1d(n, shape);
        } else {
            k.run(1, 1, 1, 1, shape);
        }
    }

    private static IndexOutOfBoundsException outOfRange(String op, long v, int dim, int size) {
        return new IndexOutOfBoundsException(op + ": index " + v + " is out of range for dim " + dim + " of size "
                + size);
    }

    private static void check(String op, View data, int dim, View index, View other, View shapeOf) {
        if (dim < 0 || dim >= data.rank()) {
            throw new IllegalArgumentException(op + ": dim " + dim + " is out of range for rank " + data.rank());
        }
        CudaChecks.dtype(op + " index", index, DType.INT64);
        CudaChecks.dtype(op + " " + (op.equals("gather") ? "output" : "source"), other, data.dtype());
        if (index.rank() != data.rank()) {
            throw new IllegalArgumentException(op + ": index rank " + index.rank() + " differs from rank "
                    + data.rank());
        }
        for (int d = 0; d < data.rank(); d++) {
            if (d != dim && shapeOf.shape()[d] > data.shape()[d]) {
                throw new IllegalArgumentException(op + ": index shape " + Arrays.toString(index.shape())
                        + " exceeds " + Arrays.toString(data.shape()) + " in dim " + d);
            }
        }
    }
}
