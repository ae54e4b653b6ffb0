package io.netwright.backend.cuda;

import java.util.List;

/**
 * The launch descriptor of one of our kernels: its {@code extern "C"} name in {@code src/main/cuda/} and the kinds
 * of its parameters, in order. A launch is checked against this list before it reaches the driver, and a build
 * test checks the list against the {@code .entry} and {@code .param} lines of the compiled PTX, so a Java call
 * can never pass a wrong argument list to a kernel.
 *
 * @param name   the kernel's entry name, e.g. {@code "nw_fill_f32"}
 * @param params the parameter kinds in declaration order
 */
public record CudaKernel(String name, List<Param> params) {

    /** Validates and copies. */
    public CudaKernel {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("CudaKernel: bad kernel name '" + name + "'");
        }
        params = List.copyOf(params);
    }

    /** A descriptor from its name and parameter kinds. */
    public static CudaKernel of(String name, Param... params) {
        return new CudaKernel(name, List.of(params));
    }

    /** Kinds of kernel parameters, with the PTX parameter each becomes. */
    public enum Param {
        /** A device pointer ({@code gptr<T>}): PTX {@code .param .u64}. */
        PTR(".u64", 8),
        /** {@code int}: PTX {@code .param .u32}. */
        I32(".u32", 4),
        /** {@code long long}: PTX {@code .param .u64}. */
        I64(".u64", 8),
        /** {@code float}: PTX {@code .param .f32}. */
        F32(".f32", 4),
        /** {@code double}: PTX {@code .param .f64}. */
        F64(".f64", 8),
        /** The {@code NwLayout} struct by value (1 + 2 * 8 ints): PTX {@code .param .align 4 .b8 name[68]}. */
        LAYOUT(".align 4 .b8[68]", 68),
        /** The {@code NwConvGeom} struct by value (13 ints): PTX {@code .param .align 4 .b8 name[52]}. */
        CONV_GEOM(".align 4 .b8[52]", 52),
        /** The {@code NwPoolGeom} struct by value (14 ints): PTX {@code .param .align 4 .b8 name[56]}. */
        POOL_GEOM(".align 4 .b8[56]", 56);

        private final String ptx;
        private final int bytes;

        Param(String ptx, int bytes) {
            this.ptx = ptx;
            this.bytes = bytes;
        }

        /** How the parameter appears in PTX, normalised: {@code .u64}, {@code .f32}, {@code .align 4 .b8[68]}. */
        public String ptx() {
            return ptx;
        }

        /** Size in bytes of the value passed. */
        public int bytes() {
            return bytes;
        }
    }
}
