package io.netwright.tensor;

import io.netwright.backend.BinaryOp;
import io.netwright.backend.DType;
import io.netwright.backend.UnaryOp;
import io.netwright.backend.View;

/**
 * Elementwise ops: type promotion, broadcasting, device checks, and their gradient rules (each rule sits next to
 * the forward it belongs to and is registered through {@link Autograd#record}).
 */
final class Elementwise {

    private Elementwise() {
    }

    // ================================================================ helpers

    static void checkSameDevice(String op, Tensor a, Tensor b) {
        if (!a.device().equals(b.device())) {
            throw new IllegalArgumentException(op + ": expected all tensors to be on the same device, but found "
                    + a.device() + " and " + b.device() + " — move one with .to(device)");
        }
    }

    /** A backend view of {@code t} broadcast to {@code shape} (0 strides for broadcast dims). */
    static View broadcastView(Tensor t, int[] shape) {
        int[] ts = t.shapeRef();
        int[] st = t.stridesRef();
        int[] strides = new int[shape.length];
        int lead = shape.length - ts.length;
        for (int i = 0; i < shape.length; i++) {
            int j = i - lead;
            strides[i] = j < 0 || ts[j] == 1 ? 0 : st[j];
        }
        View v = t.v();
        return new View(v.buffer(), v.offset(), shape, strides);
    }

    /** Sums {@code g} down to {@code shape}: the reverse of broadcasting. */
    static Tensor sumToShape(Tensor g, int[] shape) {
        int[] gs = g.shapeRef();
        if (java.util.Arrays.equals(gs, shape)) {
            return g;
        }
        int lead = gs.length - shape.length;
        int count = 0;
        int[] dims = new int[gs.length];
        for (int i = 0; i < gs.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && gs[i] != 1)) {
                dims[count++] = i;
            }
        }
        Tensor s = count == 0 ? g : Reductions.sum(g, java.util.Arrays.copyOf(dims, count), true);
        return s.reshape(shape);
    }

    static Tensor cast(Tensor t, DType dtype) {
        Tensor out = t.newEmpty(dtype, t.shapeRef());
        t.backend().copy(t.v(), out.v());
        if (dtype.isFloating() && t.dtype().isFloating()) {
            Autograd.record("to", out, g -> new Tensor[]{g}, t);
        }
        return out;
    }

    // ================================================================ binary

    static Tensor binary(String name, BinaryOp op, Tensor a, Tensor b) {
        checkSameDevice(name, a, b);
        DType common = DType.promote(a.dtype(), b.dtype());
        if ((op == BinaryOp.DIV || op == BinaryOp.POW && common == DType.BOOL) && !common.isFloating()) {
            common = DType.FLOAT32;
        }
        if (op == BinaryOp.LOGICAL_AND || op == BinaryOp.LOGICAL_OR) {
            common = DType.BOOL;
        }
        if (common == DType.BOOL && !op.returnsBool() && op != BinaryOp.MAXIMUM && op != BinaryOp.MINIMUM) {
            common = DType.INT64;
        }
        Tensor x = a.to(common);
        Tensor y = b.to(common);
        int[] shape = Shape.broadcast(name, x.shapeRef(), y.shapeRef());
        Tensor out = x.newEmpty(op.returnsBool() ? DType.BOOL : common, shape);
        x.backend().binary(op, broadcastView(x, shape), broadcastView(y, shape), out.v());
        if (op.returnsBool() || !common.isFloating()) {
            return out;
        }
        int[] xs = x.shapeRef();
        int[] ys = y.shapeRef();
        GradFn fn = switch (op) {
            case ADD -> g -> new Tensor[]{sumToShape(g, xs), sumToShape(g, ys)};
            case SUB -> g -> new Tensor[]{sumToShape(g, xs), sumToShape(g.neg(), ys)};
            case MUL -> g -> new Tensor[]{
                    x.requiresGrad() ? sumToShape(g.mul(y), xs) : null,
                    y.requiresGrad() ? sumToShape(g.mul(x), ys) : null};
            case DIV -> g -> new Tensor[]{
                    x.requiresGrad() ? sumToShape(g.div(y), xs) : null,
                    y.requiresGrad() ? sumToShape(g.neg().mul(out).div(y), ys) : null};
            case POW -> g -> new Tensor[]{
                    x.requiresGrad() ? sumToShape(g.mul(y).mul(x.pow(y.sub(1.0))), xs) : null,
                    y.requiresGrad() ? sumToShape(g.mul(out).mul(x.log()), ys) : null};
            case MAXIMUM, MINIMUM -> g -> {
                Tensor tie = x.eq(y);
                Tensor xWins = op == BinaryOp.MAXIMUM ? x.gt(y) : x.lt(y);
                Tensor half = g.mul(0.5);
                Tensor zero = Creation.scalarLike(g, 0);
                Tensor gx = where(tie, half, where(xWins, g, zero));
                Tensor gy = where(tie, half, where(xWins, zero, g));
                return new Tensor[]{sumToShape(gx, xs), sumToShape(gy, ys)};
            };
            case REMAINDER -> g -> new Tensor[]{sumToShape(g, xs),
                    sumToShape(g.neg().mul(x.div(y).floor()), ys)};
            default -> null;
        };
        return fn == null ? out : Autograd.record(name, out, fn, x, y);
    }

    static Tensor where(Tensor cond, Tensor a, Tensor b) {
        checkSameDevice("where", a, b);
        checkSameDevice("where", cond, a);
        DType common = DType.promote(a.dtype(), b.dtype());
        Tensor x = a.to(common);
        Tensor y = b.to(common);
        Tensor c = cond.toBool();
        int[] shape = Shape.broadcast("where", Shape.broadcast("where", c.shapeRef(), x.shapeRef()), y.shapeRef());
        Tensor out = x.newEmpty(common, shape);
        x.backend().where(broadcastView(c, shape), broadcastView(x, shape), broadcastView(y, shape), out.v());
        int[] xs = x.shapeRef();
        int[] ys = y.shapeRef();
        return Autograd.record("where", out, g -> {
            Tensor zero = Creation.scalarLike(g, 0);
            return new Tensor[]{sumToShape(where(c, g, zero), xs), sumToShape(where(c, zero, g), ys)};
        }, x, y);
    }

    // ================================================================ unary

    static Tensor unary(String name, UnaryOp op, Tensor x, double a, double b) {
        if (!x.dtype().isFloating() && !op.returnsBool() && op != UnaryOp.NEG && op != UnaryOp.ABS
                && op != UnaryOp.SIGN && op != UnaryOp.RELU && op != UnaryOp.ADD_SCALAR && op != UnaryOp.MUL_SCALAR
                && op != UnaryOp.CLAMP && op != UnaryOp.LOGICAL_NOT) {
            x = x.to(DType.FLOAT32);
        }
        Tensor in = x;
        Tensor out = in.newEmpty(op.returnsBool() ? DType.BOOL : in.dtype(), in.shapeRef());
        in.backend().unary(op, in.v(), out.v(), a, b);
        if (op.returnsBool() || !in.dtype().isFloating()) {
            return out;
        }
        GradFn fn = switch (op) {
            case NEG -> g -> new Tensor[]{g.neg()};
            case ABS -> g -> new Tensor[]{g.mul(in.sign())};
            case EXP -> g -> new Tensor[]{g.mul(out)};
            case LOG -> g -> new Tensor[]{g.div(in)};
            case SQRT -> g -> new Tensor[]{g.div(out.mul(2.0))};
            case SIN -> g -> new Tensor[]{g.mul(in.cos())};
            case COS -> g -> new Tensor[]{g.mul(in.sin()).neg()};
            case TANH -> g -> new Tensor[]{g.mul(out.mul(out).rsub(1.0))};
            case SIGMOID -> g -> new Tensor[]{g.mul(out.mul(out.rsub(1.0)))};
            case RELU -> g -> new Tensor[]{binary("threshold_backward", BinaryOp.THRESHOLD_BACKWARD, g, out)};
            case LEAKY_RELU -> g -> new Tensor[]{g.mul(where(in.gt(0.0), Creation.scalarLike(g, 1),
                    Creation.scalarLike(g, a)))};
            case RECIPROCAL -> g -> new Tensor[]{g.mul(out.mul(out)).neg()};
            case ERF -> g -> new Tensor[]{g.mul(in.mul(in).neg().exp().mul(2.0 / Math.sqrt(Math.PI)))};
            case ADD_SCALAR -> g -> new Tensor[]{g};
            case MUL_SCALAR -> g -> new Tensor[]{g.mul(a)};
            case POW_SCALAR -> g -> new Tensor[]{a == 0 ? Tensor.zerosLike(g) : g.mul(in.pow(a - 1).mul(a))};
            case RPOW_SCALAR -> g -> new Tensor[]{g.mul(out).mul(Math.log(a))};
            case CLAMP -> g -> {
                Tensor keep = Creation.fullLike(in, 1).toBool();
                if (!Double.isNaN(a)) {
                    keep = keep.logicalAnd(in.ge(a));
                }
                if (!Double.isNaN(b)) {
                    keep = keep.logicalAnd(in.le(b));
                }
                return new Tensor[]{g.mul(keep)};
            };
            case SIGN, FLOOR, CEIL, ROUND -> g -> new Tensor[]{Tensor.zerosLike(g)};
            default -> throw new IllegalStateException("no gradient rule for " + op);
        };
        return Autograd.record(name, out, fn, in);
    }

    static Tensor addScalar(Tensor x, double s) {
        if (!x.dtype().isFloating() && s != Math.rint(s)) {
            x = x.to(DType.FLOAT32);
        }
        if (x.dtype() == DType.BOOL) {
            x = x.to(DType.INT64);
        }
        return unary("add", UnaryOp.ADD_SCALAR, x, s, 0);
    }

    static Tensor mulScalar(Tensor x, double s) {
        if (!x.dtype().isFloating() && s != Math.rint(s)) {
            x = x.to(DType.FLOAT32);
        }
        if (x.dtype() == DType.BOOL) {
            x = x.to(DType.INT64);
        }
        return unary("mul", UnaryOp.MUL_SCALAR, x, s, 0);
    }

    static Tensor powScalar(Tensor x, double e) {
        if (e == 1) {
            return unary("pow", UnaryOp.MUL_SCALAR, x.toFloatIfInt(), 1, 0);
        }
        return unary("pow", UnaryOp.POW_SCALAR, x, e, 0);
    }

    static Tensor rpowScalar(Tensor x, double base) {
        return unary("pow", UnaryOp.RPOW_SCALAR, x, base, 0);
    }

    static Tensor clamp(Tensor x, double min, double max) {
        if (!Double.isNaN(min) && !Double.isNaN(max) && min > max) {
            // PyTorch sets every element to max in this case; we follow it.
            return unary("clamp", UnaryOp.CLAMP, x, max, max);
        }
        return unary("clamp", UnaryOp.CLAMP, x, min, max);
    }

    static boolean allclose(Tensor a, Tensor b, double rtol, double atol) {
        try (var g = NoGrad.enter()) {
            Tensor x = a.toFloat();
            Tensor y = b.toFloat();
            Shape.broadcast("allclose", x.shapeRef(), y.shapeRef());
            return x.sub(y).abs().le(y.abs().mul(rtol).add(atol)).all();
        }
    }

    // ================================================================ in place

    static void checkInPlace(String name, Tensor self) {
        if (NoGrad.isGradEnabled() && self.requiresGrad()) {
            throw new IllegalStateException(name + ": a tensor that requires grad is being used in an in-place "
                    + "operation; use the out-of-place op, or wrap the update in NoGrad.enter()");
        }
    }

    /** A view of {@code src} broadcast to {@code self}'s shape and cast to its dtype, safe to read while writing. */
    private static View sourceFor(String name, Tensor self, Tensor src) {
        checkSameDevice(name, self, src);
        int[] shape = Shape.broadcast(name, self.shapeRef(), src.shapeRef());
        if (!java.util.Arrays.equals(shape, self.shapeRef())) {
            throw new IllegalArgumentException(name + ": output with shape " + self.shape()
                    + " doesn't match the broadcast shape " + java.util.Arrays.toString(shape));
        }
        Tensor s = src.to(self.dtype());
        if (s.sharesStorage(self) && !s.v().equals(self.v())) {
            s = s.contiguousCopy();
        }
        return broadcastView(s, shape);
    }

    static Tensor inPlace(String name, BinaryOp op, Tensor self, Tensor other) {
        checkInPlace(name, self);
        self.backend().binary(op, self.v(), sourceFor(name, self, other), self.v());
        return self;
    }

    static Tensor unaryInPlace(String name, UnaryOp op, Tensor self, double a, double b) {
        checkInPlace(name, self);
        self.backend().unary(op, self.v(), self.v(), a, b);
        return self;
    }

    static Tensor fill_(Tensor self, double value) {
        checkInPlace("fill_", self);
        self.backend().fill(self.v(), value);
        return self;
    }

    static Tensor copy_(Tensor self, Tensor src) {
        checkInPlace("copy_", self);
        if (src.backend() != self.backend()) {
            src = src.to(self.backend()); // copy_ takes a source on any device, as PyTorch's does
        }
        self.backend().copy(sourceFor("copy_", self, src), self.v());
        return self;
    }
}
