package io.netwright.backend;

/**
 * The whole contract a compute backend implements: memory, explicit copies in and out, and a small closed set of
 * primitive ops on strided {@link View}s. Everything {@code Tensor} offers is composed from these.
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>Ops may run asynchronously; they take effect in call order. {@link #copyOut} and {@link #synchronize()}
 *       wait for all earlier work.</li>
 *   <li>Output views never alias input views unless stated (the frontend guarantees it; in-place frontend ops
 *       pass the same view as input and output only to elementwise ops, which must allow exact aliasing).</li>
 *   <li>Views of one call all belong to this backend; shapes have been checked by the frontend. A backend may
 *       still throw {@link IllegalArgumentException} for an inconsistent call, naming the op.</li>
 *   <li>Index inputs (gather/scatter) are INT64 and out-of-range indices throw {@link IndexOutOfBoundsException}
 *       naming the op, the index and the valid range.</li>
 * </ul>
 * The CPU backend is the reference: it defines the semantics of every op, and a shared contract test suite runs
 * against every available backend.
 */
public interface Backend {

    /** The device this backend computes on. */
    Device device();

    /** Short name, e.g. {@code "cpu (OpenBLAS 0.3.31, 2 threads)"}. */
    String description();

    /**
     * Bytes the device has free for new tensors now (a GPU's {@code cuMemGetInfo}), for memory estimates; 0 when
     * unknown, as for the CPU, whose tensors live on the JVM heap.
     */
    default long freeMemoryBytes() {
        return 0;
    }

    // ---------------------------------------------------------------- memory and copies

    /** Allocates {@code length} elements of {@code dtype}, zero-filled. */
    Buffer allocate(DType dtype, int length);

    /**
     * Allocates {@code length} elements whose content is unspecified, for outputs an op overwrites entirely (PyTorch's
     * {@code empty}); saves the zero-fill of recycled memory. The default zero-fills.
     */
    default Buffer allocateUninitialized(DType dtype, int length) {
        return allocate(dtype, length);
    }

    /** Copies host floats into a FLOAT32 buffer at element {@code offset}. */
    void copyIn(float[] src, Buffer dst, int offset);

    /** Copies host longs into an INT64 buffer at element {@code offset}. */
    void copyIn(long[] src, Buffer dst, int offset);

    /** Copies host booleans into a BOOL buffer at element {@code offset}. */
    void copyIn(boolean[] src, Buffer dst, int offset);

    /**
     * Copies a view out to the host in row-major order, converting to float (BOOL → 0/1). Waits for pending work.
     */
    float[] copyOutFloat(View src);

    /** Copies a view out to the host in row-major order, converting to long (FLOAT32 truncates toward zero). */
    long[] copyOutLong(View src);

    /** Waits until all submitted work is done. */
    void synchronize();

    // ---------------------------------------------------------------- primitive ops

    /** Sets every element of {@code out} to {@code value} (converted to the view's dtype). */
    void fill(View out, double value);

    /**
     * Fills {@code out} with random numbers from a counter-based generator: the element at row-major position
     * {@code i} of the view depends only on {@code (seed, counter + i)}, so results are the same on every backend
     * and whatever the thread count. See {@link Distribution} for {@code a}, {@code b}.
     */
    void randomFill(View out, Distribution distribution, long seed, long counter, double a, double b);

    /** Copies {@code src} into {@code dst} (same shape), converting the dtype if they differ. */
    void copy(View src, View dst);

    /** {@code out = op(x; a, b)} elementwise; {@code x} and {@code out} have the same shape. */
    void unary(UnaryOp op, View x, View out, double a, double b);

    /** {@code out = op(x, y)} elementwise; all three views have the same shape. */
    void binary(BinaryOp op, View x, View y, View out);

    /** {@code out = cond ? x : y} elementwise; {@code cond} is BOOL; all views have the same shape. */
    void where(View cond, View x, View y, View out);

    /**
     * Reduces {@code x} over {@code dims} into {@code out}, which has {@code x}'s rank with size 1 in each reduced
     * dim. ARGMAX/ARGMIN take exactly one dim.
     */
    void reduce(ReduceOp op, View x, int[] dims, View out);

    /**
     * Batched matrix product {@code out[b] = x[b] @ y[b]} for 3-D views {@code x: [B,M,K]}, {@code y: [B,K,N]},
     * {@code out: [B,M,N]} (FLOAT32). Any strides, including 0 batch strides (broadcast) and transposed layouts.
     */
    void matmul(View x, View y, View out);

    /**
     * Unfolds image patches: {@code x: [N, C, H, W]} into {@code cols: [N, C*kH*kW, outH*outW]} (any strides),
     * row {@code (c*kH + i)*kW + j}, column {@code oh*outW + ow}; padding reads as 0.
     */
    void im2col(View x, View cols, Conv2dGeometry g);

    /** The adjoint of {@link #im2col}: adds each column entry back into {@code out: [N, C, H, W]}. */
    void col2im(View cols, View out, Conv2dGeometry g);

    /**
     * Optional fused convolution without bias: {@code out: [N, OC, OH, OW]} (overwritten) from {@code x: [N, C, H, W]}
     * and {@code weight: [OC, C/groups, kH, kW]}; {@code g.channels()} is C. Returns false when this backend has no
     * fused kernel, and the caller composes {@link #im2col} and {@link #matmul} instead. A backend that returns true
     * here or from {@link #conv2dFused} must also return true from {@link #conv2dBackwardInput} and
     * {@link #conv2dBackwardWeight} for the same tensors, geometry and groups: the caller records the fused backward.
     */
    default boolean conv2d(View x, View weight, View out, Conv2dGeometry g, int groups) {
        return false;
    }

    /**
     * Optional fused convolution with bias and activation: as {@link #conv2d}, with {@code bias: [OC]} (or null)
     * added to every output position and, if {@code relu}, {@code max(v, 0)} applied (NaN stays NaN, -0 becomes 0,
     * as the RELU unary op), all in the same pass. Returns false (nothing written) when this backend does not fuse
     * them; the caller then uses {@link #conv2d} and adds the bias and activation itself.
     */
    default boolean conv2dFused(View x, View weight, View bias, View out, Conv2dGeometry g, int groups,
                                boolean relu) {
        return false;
    }

    /** Optional fused input gradient of {@link #conv2d}: overwrites {@code gradIn: [N, C, H, W]}; false if absent. */
    default boolean conv2dBackwardInput(View gradOut, View weight, View gradIn, Conv2dGeometry g, int groups) {
        return false;
    }

    /** Optional fused weight gradient of {@link #conv2d}: overwrites {@code gradWeight}; false if absent. */
    default boolean conv2dBackwardWeight(View x, View gradOut, View gradWeight, Conv2dGeometry g, int groups) {
        return false;
    }

    /**
     * Optional fused optimizer update of one parameter in one pass (one kernel launch on a GPU): updates
     * {@code param} and {@code state} in place from {@code grad} as {@code step} documents. All views are FLOAT32,
     * contiguous and of the same element count, {@code state.length == step.stateCount()}, none aliases another
     * (the frontend guarantees it). Returns false (nothing written) when this backend has no fused kernel; the
     * optimizer then composes the update from elementwise ops, with the same float32 result.
     */
    default boolean optimizerStep(OptimizerStep step, View param, View grad, View[] state) {
        return false;
    }

    /**
     * Max pooling of {@code x: [N, C, H, W]} into {@code out: [N, C, outH, outW]}; {@code indices} (INT64, same
     * shape as out) receive the flat position {@code h*W + w} of each maximum within its plane, as PyTorch returns.
     */
    void maxPool2d(View x, View out, View indices, Pool2dGeometry g);

    /**
     * Gradient of {@link #maxPool2d}: overwrites {@code gradIn: [N, C, H, W]} with zeros plus {@code gradOut} added at
     * the plane positions {@code indices} name. The default zero-fills and scatters (adding); it needs
     * {@code gradOut}, {@code indices} and {@code gradIn} contiguous, which the frontend guarantees.
     */
    default void maxPool2dBackward(View gradOut, View indices, View gradIn, Pool2dGeometry g) {
        int[] s = gradOut.shape();
        int[] flat = {s[0], s[1], s[2] * s[3]};
        int[] in = gradIn.shape();
        fill(gradIn, 0.0);
        scatter(new View(gradOut.buffer(), gradOut.offset(), flat, View.contiguousStrides(flat)), 2,
                new View(indices.buffer(), indices.offset(), flat, View.contiguousStrides(flat)),
                new View(gradIn.buffer(), gradIn.offset(), new int[]{in[0], in[1], in[2] * in[3]},
                        View.contiguousStrides(new int[]{in[0], in[1], in[2] * in[3]})), true);
    }

    /** Average pooling of {@code x: [N, C, H, W]} into {@code out: [N, C, outH, outW]}. */
    void avgPool2d(View x, View out, Pool2dGeometry g);

    /** Gradient of {@link #avgPool2d}: spreads {@code gradOut} over the windows, adding into {@code gradIn}. */
    void avgPool2dBackward(View gradOut, View gradIn, Pool2dGeometry g);

    /**
     * {@code out[..i..] = src[.. index[..i..] ..]} along {@code dim} (PyTorch {@code gather}); {@code index} and
     * {@code out} have the same shape, {@code src} agrees with them in every dim but {@code dim}.
     */
    void gather(View src, int dim, View index, View out);

    /**
     * {@code out[.. index[..i..] ..] = src[..i..]} along {@code dim} (PyTorch {@code scatter_}), or {@code +=}
     * when {@code accumulate} (PyTorch {@code scatter_add_}); {@code index} and {@code src} have the same shape.
     */
    void scatter(View src, int dim, View index, View out, boolean accumulate);
}
