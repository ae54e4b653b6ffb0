package io.netwright.backend.cuda;

import static io.netwright.backend.cuda.CudaKernel.Param.CONV_GEOM;
import static io.netwright.backend.cuda.CudaKernel.Param.F32;
import static io.netwright.backend.cuda.CudaKernel.Param.F64;
import static io.netwright.backend.cuda.CudaKernel.Param.I32;
import static io.netwright.backend.cuda.CudaKernel.Param.I64;
import static io.netwright.backend.cuda.CudaKernel.Param.LAYOUT;
import static io.netwright.backend.cuda.CudaKernel.Param.POOL_GEOM;
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

    // ---------------------------------------------------------------- optim.cu
    static final CudaKernel SGD_STEP = CudaKernel.of("nw_sgd_step", PTR, PTR, PTR, I64, F32, F32, F32, F32, I32);
    static final CudaKernel ADAM_STEP = CudaKernel.of("nw_adam_step", PTR, PTR, PTR, PTR, PTR, I64, F32, F32, F32,
            F32, F32, F32, F32, F32, F32, I32);
    static final CudaKernel RMSPROP_STEP = CudaKernel.of("nw_rmsprop_step", PTR, PTR, PTR, PTR, PTR, I64, F32, F32,
            F32, F32, F32, F32, I32);
    static final CudaKernel ADAGRAD_STEP = CudaKernel.of("nw_adagrad_step", PTR, PTR, PTR, I64, F32, F32, F32, I32);

    // ---------------------------------------------------------------- fill.cu

    static final CudaKernel FILL_F32 = CudaKernel.of("nw_fill_f32", PTR, LAYOUT, I64, F32);
    static final CudaKernel FILL_I64 = CudaKernel.of("nw_fill_i64", PTR, LAYOUT, I64, I64);
    static final CudaKernel FILL_B8 = CudaKernel.of("nw_fill_b8", PTR, LAYOUT, I64, I32);

    // ---------------------------------------------------------------- copy.cu

    static final CudaKernel COPY_F32_F32 = CudaKernel.of("nw_copy_f32_f32", PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel COPY_F32_I64 = CudaKernel.of("nw_copy_f32_i64", PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel COPY_F32_B8 = CudaKernel.of("nw_copy_f32_b8", PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel COPY_I64_F32 = CudaKernel.of("nw_copy_i64_f32", PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel COPY_I64_I64 = CudaKernel.of("nw_copy_i64_i64", PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel COPY_I64_B8 = CudaKernel.of("nw_copy_i64_b8", PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel COPY_B8_F32 = CudaKernel.of("nw_copy_b8_f32", PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel COPY_B8_I64 = CudaKernel.of("nw_copy_b8_i64", PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel COPY_B8_B8 = CudaKernel.of("nw_copy_b8_b8", PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel WHERE_F32 = CudaKernel.of("nw_where_f32",
            PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel WHERE_I64 = CudaKernel.of("nw_where_i64",
            PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel WHERE_B8 = CudaKernel.of("nw_where_b8",
            PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, I64);

    // ---------------------------------------------------------------- unary.cu

    static final CudaKernel UNARY_F32 = CudaKernel.of("nw_unary_f32", I32, PTR, LAYOUT, PTR, LAYOUT, I64, F32, F32);
    static final CudaKernel UNARY_I64 = CudaKernel.of("nw_unary_i64", I32, PTR, LAYOUT, PTR, LAYOUT, I64, F64, F64);
    static final CudaKernel UNARY_F32_B8 = CudaKernel.of("nw_unary_f32_b8", I32, PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel UNARY_I64_B8 = CudaKernel.of("nw_unary_i64_b8", I32, PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel UNARY_B8_B8 = CudaKernel.of("nw_unary_b8_b8", I32, PTR, LAYOUT, PTR, LAYOUT, I64);

    // ---------------------------------------------------------------- binary.cu

    static final CudaKernel BINARY_F32 = CudaKernel.of("nw_binary_f32",
            I32, PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel BINARY_I64 = CudaKernel.of("nw_binary_i64",
            I32, PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, I64, PTR);
    static final CudaKernel COMPARE_F32 = CudaKernel.of("nw_compare_f32",
            I32, PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel COMPARE_I64 = CudaKernel.of("nw_compare_i64",
            I32, PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, I64);
    static final CudaKernel COMPARE_B8 = CudaKernel.of("nw_compare_b8",
            I32, PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, I64);

    // ---------------------------------------------------------------- reduce.cu

    static final CudaKernel REDUCE_F32 = CudaKernel.of("nw_reduce_f32",
            I32, PTR, LAYOUT, LAYOUT, PTR, LAYOUT, I64, I64);
    static final CudaKernel REDUCE_I64 = CudaKernel.of("nw_reduce_i64",
            I32, PTR, LAYOUT, LAYOUT, PTR, LAYOUT, I64, I64);
    static final CudaKernel ARG_F32 = CudaKernel.of("nw_arg_f32", I32, PTR, LAYOUT, LAYOUT, PTR, LAYOUT, I64, I64);
    static final CudaKernel ARG_I64 = CudaKernel.of("nw_arg_i64", I32, PTR, LAYOUT, LAYOUT, PTR, LAYOUT, I64, I64);

    // ---------------------------------------------------------------- matmul.cu

    static final CudaKernel MATMUL_F32 = CudaKernel.of("nw_matmul_f32",
            PTR, PTR, PTR, I32, I32, I32, I64, I64, I64, I64, I64, I64, I64, I64, I64);

    // ---------------------------------------------------------------- conv.cu

    static final CudaKernel IM2COL_F32 = CudaKernel.of("nw_im2col_f32",
            PTR, I64, I64, I64, I64, PTR, I64, I64, I64, CONV_GEOM, I32);
    static final CudaKernel COL2IM_F32 = CudaKernel.of("nw_col2im_f32",
            PTR, I64, I64, I64, PTR, I64, I64, I64, I64, CONV_GEOM, I32);
    static final CudaKernel BIAS_ACT_F32 = CudaKernel.of("nw_bias_act_f32", PTR, PTR, I32, I32, I32, I64, I64);

    // ---------------------------------------------------------------- pool.cu

    static final CudaKernel MAXPOOL_F32 = CudaKernel.of("nw_maxpool_f32",
            PTR, I64, I64, I64, I64, PTR, I64, I64, I64, I64, PTR, I64, I64, I64, I64, POOL_GEOM, I32, I64);
    static final CudaKernel AVGPOOL_F32 = CudaKernel.of("nw_avgpool_f32",
            PTR, I64, I64, I64, I64, PTR, I64, I64, I64, I64, POOL_GEOM, I32, I64);
    static final CudaKernel AVGPOOL_BACKWARD_F32 = CudaKernel.of("nw_avgpool_backward_f32",
            PTR, I64, I64, I64, I64, PTR, I64, I64, I64, I64, POOL_GEOM, I32, I64);
    static final CudaKernel MAXPOOL_BACKWARD_F32 = CudaKernel.of("nw_maxpool_backward_f32",
            PTR, I64, I64, I64, I64, PTR, I64, I64, I64, I64, PTR, I64, I64, I64, I64, POOL_GEOM, I32, I64, PTR);

    // ---------------------------------------------------------------- index.cu

    static final CudaKernel GATHER_F32 = CudaKernel.of("nw_gather_f32",
            PTR, LAYOUT, I64, I64, PTR, LAYOUT, PTR, LAYOUT, I64, PTR);
    static final CudaKernel GATHER_I64 = CudaKernel.of("nw_gather_i64",
            PTR, LAYOUT, I64, I64, PTR, LAYOUT, PTR, LAYOUT, I64, PTR);
    static final CudaKernel GATHER_B8 = CudaKernel.of("nw_gather_b8",
            PTR, LAYOUT, I64, I64, PTR, LAYOUT, PTR, LAYOUT, I64, PTR);
    static final CudaKernel INDEX_CHECK = CudaKernel.of("nw_index_check", PTR, LAYOUT, I64, I64, PTR);
    static final CudaKernel SCATTER_F32 = CudaKernel.of("nw_scatter_f32",
            PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, I64, I64);
    static final CudaKernel SCATTER_I64 = CudaKernel.of("nw_scatter_i64",
            PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, I64, I64);
    static final CudaKernel SCATTER_B8 = CudaKernel.of("nw_scatter_b8",
            PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, I64, I64);
    static final CudaKernel SCATTER_ADD_F32 = CudaKernel.of("nw_scatter_add_f32",
            PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, I64, I64);
    static final CudaKernel SCATTER_ADD_I64 = CudaKernel.of("nw_scatter_add_i64",
            PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, I64, I64);
    static final CudaKernel SCATTER_ADD_B8 = CudaKernel.of("nw_scatter_add_b8",
            PTR, LAYOUT, PTR, LAYOUT, PTR, LAYOUT, I64, I64);

    // ---------------------------------------------------------------- random.cu

    static final CudaKernel UNIFORM_F32 = CudaKernel.of("nw_uniform_f32", PTR, LAYOUT, I64, I64, I64, F64, F64);
    static final CudaKernel NORMAL_F32 = CudaKernel.of("nw_normal_f32", PTR, LAYOUT, I64, I64, I64, F64, F64);
    static final CudaKernel BERNOULLI_F32 = CudaKernel.of("nw_bernoulli_f32", PTR, LAYOUT, I64, I64, I64, F64);
    static final CudaKernel BERNOULLI_I64 = CudaKernel.of("nw_bernoulli_i64", PTR, LAYOUT, I64, I64, I64, F64);
    static final CudaKernel BERNOULLI_B8 = CudaKernel.of("nw_bernoulli_b8", PTR, LAYOUT, I64, I64, I64, F64);

    /** The descriptor named {@code name}. */
    static CudaKernel named(String name) {
        CudaKernel k = ByName.MAP.get(name);
        if (k == null) {
            throw new IllegalArgumentException("no CUDA kernel named " + name);
        }
        return k;
    }

    private static final class ByName {
        static final java.util.Map<String, CudaKernel> MAP = new java.util.HashMap<>();

        static {
            for (CudaKernel k : all()) {
                MAP.put(k.name(), k);
            }
        }
    }

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
