package io.netwright.backend.cuda;

import static io.netwright.backend.cuda.CudaKernel.Param.F32;
import static io.netwright.backend.cuda.CudaKernel.Param.I32;
import static io.netwright.backend.cuda.CudaKernel.Param.I64;
import static io.netwright.backend.cuda.CudaKernel.Param.LAYOUT;
import static io.netwright.backend.cuda.CudaKernel.Param.PTR;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The launch descriptors of every kernel in {@code src/main/cuda/}, one constant per {@code NW_KERNEL}. The build
 * test {@code KernelImageTest} checks this list against the compiled PTX: the same names, the same parameters.
 */
final class Kernels {

    private Kernels() {
    }

    // ---------------------------------------------------------------- fill.cu

    static final CudaKernel FILL_F32 = CudaKernel.of("nw_fill_f32", PTR, LAYOUT, I64, F32);
    static final CudaKernel FILL_I64 = CudaKernel.of("nw_fill_i64", PTR, LAYOUT, I64, I64);
    static final CudaKernel FILL_B8 = CudaKernel.of("nw_fill_b8", PTR, LAYOUT, I64, I32);

    /** Every descriptor declared in this class. */
    static List<CudaKernel> all() {
        List<CudaKernel> out = new ArrayList<>();
        for (Field f : Kernels.class.getDeclaredFields()) {
            if (f.getType() == CudaKernel.class && Modifier.isStatic(f.getModifiers())) {
                try {
                    out.add((CudaKernel) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}
