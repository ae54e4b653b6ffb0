package io.netwright.backend.cuda;

import io.netwright.backend.BinaryOp;
import io.netwright.backend.DType;
import io.netwright.backend.Distribution;
import io.netwright.backend.UnaryOp;
import io.netwright.backend.View;

import java.util.Arrays;

/**
 * fill, randomFill, copy/cast, unary, binary and where: one grid-stride kernel launch each over coalesced layouts
 * ({@link Layouts}). Argument rules and messages are the CPU backend's (CpuCopy, CpuRandom, CpuUnary, CpuBinary).
 */
final class CudaElementwise {

    private final CudaBackend b;

    CudaElementwise(CudaBackend backend) {
        this.b = backend;
    }

    private static String shape(View v) {
        return "shape " + Arrays.toString(v.shape());
    }

    void fill(View out, double value) {
        b.buffer(out);
        Layouts l = Layouts.of("fill", out.shape(), out);
        long n = l.numel();
        if (out.numel() == 0) {
            return;
        }
        CudaLaunch k = switch (out.dtype()) {
            case FLOAT32 -> CudaLaunch.of(b, Kernels.FILL_F32).ptr(out).layout(l.layout(0)).i64(n)
                    .f32((float) value);
            case INT64 -> CudaLaunch.of(b, Kernels.FILL_I64).ptr(out).layout(l.layout(0)).i64(n).i64((long) value);
            case BOOL -> CudaLaunch.of(b, Kernels.FILL_B8).ptr(out).layout(l.layout(0)).i64(n).i32(value != 0 ? 1 : 0);
        };
        k.run1d(n, shape(out));
    }

    void randomFill(View out, Distribution dist, long seed, long counter, double a, double bb) {
        b.buffer(out);
        if (dist != Distribution.BERNOULLI && out.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("randomFill " + dist + ": output must be FLOAT32, got "
                    + out.dtype() + " — fill a FLOAT32 view and cast");
        }
        if (dist == Distribution.NORMAL && !(bb >= 0)) {
            throw new IllegalArgumentException("randomFill NORMAL: std must be >= 0, got " + bb);
        }
        if (dist == Distribution.BERNOULLI && !(a >= 0 && a <= 1)) {
            throw new IllegalArgumentException("randomFill BERNOULLI: p must be in [0, 1], got " + a);
        }
        if (out.numel() == 0) {
            return;
        }
        // The counter follows the row-major position in the view, so the layout must not be coalesced differently
        // from row-major order: merging dims keeps row-major order, dropping size-1 dims too.
        Layouts l = Layouts.of("randomFill", out.shape(), out);
        long n = l.numel();
        CudaLaunch k = switch (dist) {
            case UNIFORM -> CudaLaunch.of(b, Kernels.UNIFORM_F32).ptr(out).layout(l.layout(0)).i64(n).i64(seed)
                    .i64(counter).f64(a).f64(bb);
            case NORMAL -> CudaLaunch.of(b, Kernels.NORMAL_F32).ptr(out).layout(l.layout(0)).i64(n).i64(seed)
                    .i64(counter).f64(a).f64(bb);
            case BERNOULLI -> CudaLaunch.of(b, Kernels.named("nw_bernoulli_" + CudaChecks.suffix(out.dtype())))
                    .ptr(out).layout(l.layout(0)).i64(n).i64(seed).i64(counter).f64(a);
        };
        k.run1d(n, shape(out));
    }

    void copy(View src, View dst) {
        CudaChecks.sameShape("copy", src, dst);
        b.buffer(src);
        b.buffer(dst);
        if (src.numel() == 0) {
            return;
        }
        Layouts l = Layouts.of("copy", src.shape(), src, dst);
        long n = l.numel();
        CudaKernel k = Kernels.named("nw_copy_" + CudaChecks.suffix(src.dtype()) + "_"
                + CudaChecks.suffix(dst.dtype()));
        CudaLaunch.of(b, k).ptr(src).layout(l.layout(0)).ptr(dst).layout(l.layout(1)).i64(n).run1d(n, shape(src));
    }

    void unary(UnaryOp op, View x, View out, double a, double bb) {
        CudaChecks.sameShape("unary " + op, x, out);
        DType in = x.dtype();
        CudaChecks.dtype("unary " + op + " output", out, op.returnsBool() ? DType.BOOL : in);
        b.buffer(x);
        b.buffer(out);
        CudaKernel kernel;
        if (op.returnsBool()) {
            kernel = switch (in) {
                case FLOAT32 -> Kernels.UNARY_F32_B8;
                case INT64 -> Kernels.UNARY_I64_B8;
                case BOOL -> Kernels.UNARY_B8_B8;
            };
        } else {
            kernel = switch (in) {
                case FLOAT32 -> {
                    checkFloatOp(op);
                    yield Kernels.UNARY_F32;
                }
                case INT64 -> {
                    checkLongOp(op, a);
                    yield Kernels.UNARY_I64;
                }
                case BOOL -> throw new IllegalArgumentException("unary " + op
                        + ": BOOL input is not supported (only LOGICAL_NOT, ISNAN, ISFINITE) — cast first");
            };
        }
        if (x.numel() == 0) {
            return;
        }
        Layouts l = Layouts.of("unary " + op, x.shape(), x, out);
        long n = l.numel();
        CudaLaunch k = CudaLaunch.of(b, kernel).i32(op.ordinal()).ptr(x).layout(l.layout(0)).ptr(out)
                .layout(l.layout(1)).i64(n);
        if (kernel == Kernels.UNARY_F32) {
            k.f32((float) a).f32((float) bb);
        } else if (kernel == Kernels.UNARY_I64) {
            k.f64(a).f64(bb);
        }
        k.run1d(n, "unary " + op + " " + shape(x));
    }

    private static void checkFloatOp(UnaryOp op) {
        if (op == UnaryOp.LOGICAL_NOT || op == UnaryOp.ISNAN || op == UnaryOp.ISFINITE) {
            throw new IllegalArgumentException("unary " + op + ": not a FLOAT32 -> FLOAT32 op");
        }
    }

    private static void checkLongOp(UnaryOp op, double a) {
        switch (op) {
            case NEG, ABS, SIGN, RELU, FLOOR, CEIL, ROUND, ADD_SCALAR, MUL_SCALAR, CLAMP -> { }
            case POW_SCALAR -> {
                if (a < 0 || a != Math.rint(a)) {
                    throw new IllegalArgumentException("unary POW_SCALAR: INT64 input needs a non-negative integer "
                            + "exponent, got " + a + " — cast to FLOAT32 first");
                }
            }
            default -> throw new IllegalArgumentException("unary " + op
                    + ": INT64 input is not supported — cast to FLOAT32 first");
        }
    }

    void binary(BinaryOp op, View x, View y, View out) {
        String name = "binary " + op;
        CudaChecks.sameShape(name, x, out);
        CudaChecks.sameShape(name, y, out);
        DType in = x.dtype();
        CudaChecks.dtype(name + " second input", y, in);
        CudaChecks.dtype(name + " output", out, op.returnsBool() ? DType.BOOL : in);
        b.buffer(x);
        b.buffer(y);
        b.buffer(out);
        CudaKernel kernel;
        switch (in) {
            case FLOAT32 -> kernel = op.returnsBool() ? Kernels.COMPARE_F32 : Kernels.BINARY_F32;
            case INT64 -> {
                if (op == BinaryOp.DIV) {
                    throw new IllegalArgumentException("binary DIV: INT64 inputs are not supported (true division)"
                            + " — cast to FLOAT32 first");
                }
                if (op == BinaryOp.THRESHOLD_BACKWARD) {
                    throw new IllegalArgumentException("binary " + op + ": not an INT64 -> INT64 op");
                }
                kernel = op.returnsBool() ? Kernels.COMPARE_I64 : Kernels.BINARY_I64;
            }
            default -> {
                if (!op.returnsBool() && op != BinaryOp.ADD && op != BinaryOp.MUL && op != BinaryOp.MAXIMUM
                        && op != BinaryOp.MINIMUM) {
                    throw new IllegalArgumentException(name + ": BOOL inputs are not supported — cast first");
                }
                kernel = Kernels.COMPARE_B8;
            }
        }
        if (out.numel() == 0) {
            return;
        }
        Layouts l = Layouts.of(name, out.shape(), x, y, out);
        long n = l.numel();
        CudaLaunch k = CudaLaunch.of(b, kernel).i32(op.ordinal()).ptr(x).layout(l.layout(0)).ptr(y)
                .layout(l.layout(1)).ptr(out).layout(l.layout(2)).i64(n);
        boolean checked = kernel == Kernels.BINARY_I64;
        if (checked) {
            k.address(b.resetStatus());
        }
        k.run1d(n, name + " " + shape(out));
        if (checked && op == BinaryOp.REMAINDER && b.readStatus()[0] != 0) {
            throw new ArithmeticException("binary REMAINDER: integer division by zero");
        }
    }

    void where(View cond, View x, View y, View out) {
        CudaChecks.sameShape("where", cond, out);
        CudaChecks.sameShape("where", x, out);
        CudaChecks.sameShape("where", y, out);
        CudaChecks.dtype("where condition", cond, DType.BOOL);
        CudaChecks.dtype("where second input", y, x.dtype());
        CudaChecks.dtype("where output", out, x.dtype());
        b.buffer(cond);
        b.buffer(x);
        b.buffer(y);
        b.buffer(out);
        if (out.numel() == 0) {
            return;
        }
        Layouts l = Layouts.of("where", out.shape(), cond, x, y, out);
        long n = l.numel();
        CudaLaunch.of(b, Kernels.named("nw_where_" + CudaChecks.suffix(x.dtype()))).ptr(cond).layout(l.layout(0))
                .ptr(x).layout(l.layout(1)).ptr(y).layout(l.layout(2)).ptr(out).layout(l.layout(3)).i64(n)
                .run1d(n, "where " + shape(out));
    }
}
