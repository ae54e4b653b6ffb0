package io.netwright.backend.cuda;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;

import io.netwright.backend.View;

import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUresult;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one kernel launch: arguments are added in declaration order and checked against the kernel's
 * {@link CudaKernel} descriptor as they are added, so a wrong argument list fails in Java naming the kernel and the
 * parameter instead of corrupting the launch. A failed launch names the kernel and the shape it ran on.
 *
 * <pre>{@code CudaLaunch.of(backend, Kernels.FILL_F32).ptr(out).layout(l).i64(n).f32(v).run1d(n, "shape [2, 3]");}</pre>
 */
final class CudaLaunch {

    /** Threads per block of the elementwise kernels ({@code NW_THREADS}). */
    static final int THREADS = 256;
    /** Upper bound of blocks of a grid-stride launch. */
    private static final int MAX_BLOCKS = 8192;

    private final CudaBackend backend;
    private final CudaKernel kernel;
    private final List<NativePointerObject> args = new ArrayList<>();

    private CudaLaunch(CudaBackend backend, CudaKernel kernel) {
        this.backend = backend;
        this.kernel = kernel;
    }

    /** A launch of {@code kernel} on {@code backend}'s device. */
    static CudaLaunch of(CudaBackend backend, CudaKernel kernel) {
        return new CudaLaunch(backend, kernel);
    }

    private void expect(CudaKernel.Param kind) {
        int i = args.size();
        if (i >= kernel.params().size() || kernel.params().get(i) != kind) {
            throw new IllegalStateException("kernel " + kernel.name() + ": argument " + i + " is " + kind
                    + " but the kernel takes " + (i < kernel.params().size() ? kernel.params().get(i)
                    : "only " + kernel.params().size() + " arguments") + " — fix the launch or Kernels." );
        }
    }

    /** The device address of a view's first element. */
    CudaLaunch ptr(View v) {
        return address(backend.buffer(v).address(v.offset()));
    }

    /** A raw device address. */
    CudaLaunch address(long address) {
        expect(CudaKernel.Param.PTR);
        args.add(Pointer.to(new long[] {address}));
        return this;
    }

    /** An {@code int}. */
    CudaLaunch i32(int v) {
        expect(CudaKernel.Param.I32);
        args.add(Pointer.to(new int[] {v}));
        return this;
    }

    /** A {@code long long}. */
    CudaLaunch i64(long v) {
        expect(CudaKernel.Param.I64);
        args.add(Pointer.to(new long[] {v}));
        return this;
    }

    /** A {@code float}. */
    CudaLaunch f32(float v) {
        expect(CudaKernel.Param.F32);
        args.add(Pointer.to(new float[] {v}));
        return this;
    }

    /** A {@code double}. */
    CudaLaunch f64(double v) {
        expect(CudaKernel.Param.F64);
        args.add(Pointer.to(new double[] {v}));
        return this;
    }

    /** An {@code NwLayout} (17 ints, see {@link Layouts}). */
    CudaLaunch layout(int[] l) {
        return struct(CudaKernel.Param.LAYOUT, l);
    }

    /** A struct of ints passed by value. */
    CudaLaunch struct(CudaKernel.Param kind, int[] ints) {
        expect(kind);
        if (ints.length * 4 != kind.bytes()) {
            throw new IllegalStateException("kernel " + kernel.name() + ": " + kind + " needs " + kind.bytes()
                    + " bytes, got " + ints.length * 4);
        }
        args.add(Pointer.to(ints.clone()));
        return this;
    }

    /** Runs a grid-stride kernel over {@code n} elements with {@link #THREADS} threads per block. */
    void run1d(long n, String shape) {
        long blocks = Math.max(1, Math.min(MAX_BLOCKS, (n + THREADS - 1) / THREADS));
        run((int) blocks, 1, 1, THREADS, shape);
    }

    /** Runs with an explicit grid and a 1-D block. */
    void run(int gx, int gy, int gz, int threads, String shape) {
        if (args.size() != kernel.params().size()) {
            throw new IllegalStateException("kernel " + kernel.name() + " takes " + kernel.params().size()
                    + " arguments, the launch passed " + args.size());
        }
        Pointer params = Pointer.to(args.toArray(new NativePointerObject[0]));
        int r = cuLaunchKernel(backend.context().function(kernel), gx, gy, gz, threads, 1, 1, 0, null, params,
                null);
        backend.countLaunch();
        if (r != CUresult.CUDA_SUCCESS) {
            String what = "kernel " + kernel.name() + " on " + shape + " (grid " + gx + "x" + gy + "x" + gz
                    + ", block " + threads + ") failed: " + CudaDriver.error(r);
            if (r == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
                throw new CudaOutOfMemoryException(what + " — use a smaller batch size");
            }
            throw new CudaException(what);
        }
    }
}
