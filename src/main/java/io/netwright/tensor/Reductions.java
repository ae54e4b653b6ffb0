package io.netwright.tensor;

import io.netwright.backend.DType;
import io.netwright.backend.ReduceOp;
import java.util.Arrays;

/** Reductions (sum, mean, prod, max/min, arg, var), softmax family, and their gradient rules. */
final class Reductions {

    private Reductions() {
    }

    // ================================================================ helpers

    /** Sorted, de-duplicated, non-negative dims; {@code null} means all dims. */
    static int[] normDims(String op, int[] dims, int rank) {
        if (dims == null) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[dims.length];
        boolean[] seen = new boolean[Math.max(rank, 1)];
        for (int i = 0; i < dims.length; i++) {
            int d = Shape.normalize(dims[i], rank, op);
            if (seen[d]) {
                throw new IllegalArgumentException(op + ": dim " + d + " appears multiple times in the list of dims");
            }
            seen[d] = true;
            out[i] = d;
        }
        Arrays.sort(out);
        return rank == 0 ? new int[0] : out;
    }

    static int[] keptShape(int[] shape, int[] dims) {
        int[] k = shape.clone();
        for (int d : dims) {
            k[d] = 1;
        }
        return k;
    }

    static int[] droppedShape(int[] shape, int[] dims) {
        int[] out = new int[shape.length - dims.length];
        int j = 0;
        outer:
        for (int i = 0; i < shape.length; i++) {
            for (int d : dims) {
                if (d == i) {
                    continue outer;
                }
            }
            out[j++] = shape[i];
        }
        return out;
    }

    private static int count(int[] shape, int[] dims) {
        int n = 1;
        for (int d : dims) {
            n *= shape[d];
        }
        return n;
    }

    /** Runs a backend reduction; the result keeps the reduced dims with size 1. */
    private static Tensor raw(ReduceOp op, Tensor x, int[] dims, DType outType) {
        Tensor out = x.newEmpty(outType, keptShape(x.shapeRef(), dims));
        x.backend().reduce(op, x.v(), dims, out.v());
        return out;
    }

    /** Shapes a keep-dim result as requested. */
    private static Tensor finish(Tensor kept, int[] inShape, int[] dims, boolean keepdim) {
        return keepdim ? kept : kept.view(droppedShape(inShape, dims));
    }

    /** Expands a (possibly dropped-dim) gradient back over the reduced dims of {@code inShape}. */
    static Tensor expandGrad(Tensor g, int[] inShape, int[] dims) {
        return g.reshape(keptShape(inShape, dims)).expand(inShape);
    }

    // ================================================================ sum, mean, prod

    static Tensor sum(Tensor x, int[] dimsIn, boolean keepdim) {
        int[] dims = normDims("sum", dimsIn, x.dim());
        DType outType = x.dtype().isFloating() ? DType.FLOAT32 : DType.INT64;
        if (dims.length == 0) {
            Tensor c = x.to(outType).clone();
            return c;
        }
        Tensor out = finish(raw(ReduceOp.SUM, x, dims, outType), x.shapeRef(), dims, keepdim);
        int[] in = x.shapeRef();
        return Autograd.record("sum", out, g -> new Tensor[]{expandGrad(g, in, dims)}, x);
    }

    static Tensor mean(Tensor x, int[] dimsIn, boolean keepdim) {
        if (!x.dtype().isFloating()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be a floating "
                    + "point dtype, but got " + x.dtype().torchName() + " — call .toFloat() first");
        }
        int[] dims = normDims("mean", dimsIn, x.dim());
        return sum(x, dims, keepdim).div(count(x.shapeRef(), dims));
    }

    static Tensor prod(Tensor x, int[] dimsIn, boolean keepdim) {
        int[] dims = normDims("prod", dimsIn, x.dim());
        DType outType = x.dtype().isFloating() ? DType.FLOAT32 : DType.INT64;
        Tensor kept = raw(ReduceOp.PROD, x, dims, outType);
        Tensor out = finish(kept, x.shapeRef(), dims, keepdim);
        int[] in = x.shapeRef();
        return Autograd.record("prod", out, g -> {
            // d prod / dx_i = product of the others; handle zeros without dividing by them.
            Tensor isZero = x.eq(0.0);
            Tensor zeros = raw(ReduceOp.SUM, isZero, dims, DType.INT64).expand(in);
            Tensor one = Creation.scalarLike(x, 1);
            Tensor prodNonZero = raw(ReduceOp.PROD, Tensor.where(isZero, one, x), dims, DType.FLOAT32).expand(in);
            Tensor ge = expandGrad(g, in, dims);
            Tensor noZero = kept.expand(in).div(x);
            Tensor zero = Creation.scalarLike(x, 0);
            Tensor grad = Tensor.where(zeros.eq(0.0), noZero,
                    Tensor.where(zeros.eq(1.0).logicalAnd(isZero), prodNonZero, zero));
            return new Tensor[]{ge.mul(grad)};
        }, x);
    }

    // ================================================================ max / min

    static Tensor extreme(Tensor x, boolean max) {
        if (x.numel() == 0) {
            throw new IllegalArgumentException((max ? "max" : "min") + "(): Expected reduction dim to be specified "
                    + "for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        }
        return amax(x, null, false, max);
    }

    static Tensor amax(Tensor x, int[] dimsIn, boolean keepdim, boolean max) {
        String name = max ? "amax" : "amin";
        int[] dims = normDims(name, dimsIn, x.dim());
        Tensor kept = raw(max ? ReduceOp.MAX : ReduceOp.MIN, x, dims, x.dtype());
        Tensor out = finish(kept, x.shapeRef(), dims, keepdim);
        int[] in = x.shapeRef();
        return Autograd.record(name, out, g -> {
            // Ties share the gradient evenly, as PyTorch does.
            Tensor mask = x.eq(kept).toFloat();
            Tensor n = mask.sum(dims, true);
            return new Tensor[]{expandGrad(g, in, dims).mul(mask).div(n)};
        }, x);
    }

    static ValuesIndices extremeDim(Tensor x, int dimIn, boolean keepdim, boolean max) {
        String name = max ? "max" : "min";
        int dim = Shape.normalize(dimIn, x.dim(), name);
        int[] dims = x.dim() == 0 ? new int[0] : new int[]{dim};
        if (x.dim() > 0 && x.size(dim) == 0) {
            throw new IllegalArgumentException(name + "(): Expected reduction dim " + dim + " to have non-zero size.");
        }
        Tensor keptV = raw(max ? ReduceOp.MAX : ReduceOp.MIN, x, dims, x.dtype());
        Tensor keptI = dims.length == 0 ? Tensor.allocate(x.backend(), DType.INT64, new int[0])
                : raw(max ? ReduceOp.ARGMAX : ReduceOp.ARGMIN, x, dims, DType.INT64);
        Tensor values = finish(keptV, x.shapeRef(), dims, keepdim);
        Tensor indices = finish(keptI, x.shapeRef(), dims, keepdim);
        int[] in = x.shapeRef();
        Autograd.record(name, values, g -> {
            Tensor gk = g.reshape(keptShape(in, dims)).contiguous();
            Tensor out = Tensor.allocate(x.backend(), DType.FLOAT32, in);
            if (dims.length == 0) {
                return new Tensor[]{gk};
            }
            x.backend().scatter(gk.v(), dim, keptI.v(), out.v(), false);
            return new Tensor[]{out};
        }, x);
        return new ValuesIndices(values, indices);
    }

    static Tensor arg(Tensor x, int dimIn, boolean keepdim, boolean max) {
        String name = max ? "argmax" : "argmin";
        if (x.dim() == 0) {
            return Tensor.allocate(x.backend(), DType.INT64, new int[0]);
        }
        int dim = Shape.normalize(dimIn, x.dim(), name);
        if (x.size(dim) == 0) {
            throw new IllegalArgumentException(name + "(): Expected reduction dim " + dim + " to have non-zero size.");
        }
        int[] dims = {dim};
        return finish(raw(max ? ReduceOp.ARGMAX : ReduceOp.ARGMIN, x, dims, DType.INT64), x.shapeRef(), dims,
                keepdim);
    }

    // ================================================================ statistics

    static Tensor var(Tensor x, int[] dimsIn, int correction, boolean keepdim) {
        int[] dims = normDims("var", dimsIn, x.dim());
        if (correction < 0) {
            throw new IllegalArgumentException("var: correction must be >= 0, got " + correction);
        }
        Tensor xf = x.toFloat();
        Tensor centred = xf.sub(xf.mean(dims, true));
        double denom = Math.max(0, count(x.shapeRef(), dims) - correction);
        return centred.mul(centred).sum(dims, keepdim).div(denom);
    }

    static Tensor logsumexp(Tensor x, int dimIn, boolean keepdim) {
        int dim = Shape.normalize(dimIn, x.dim(), "logsumexp");
        Tensor m;
        try (var g = NoGrad.enter()) {
            Tensor raw = x.amax(new int[]{dim}, true);
            m = Tensor.where(raw.isfinite(), raw, Creation.scalarLike(raw, 0));
        }
        Tensor r = x.sub(m).exp().sum(dim, true).log().add(m);
        return keepdim ? r : r.squeeze(dim);
    }

    // ================================================================ softmax family

    static Tensor softmax(Tensor x, int dimIn) {
        int dim = Shape.normalize(dimIn, x.dim(), "softmax");
        Tensor out;
        try (var g = NoGrad.enter()) {
            Tensor xf = x.toFloat();
            Tensor e = xf.sub(xf.amax(new int[]{dim}, true)).exp();
            out = e.div(e.sum(dim, true));
        }
        Tensor result = out;
        return Autograd.record("softmax", result, g -> {
            Tensor dot = g.mul(result).sum(dim, true);
            return new Tensor[]{result.mul(g.sub(dot))};
        }, x);
    }

    static Tensor logSoftmax(Tensor x, int dimIn) {
        int dim = Shape.normalize(dimIn, x.dim(), "log_softmax");
        Tensor out;
        try (var g = NoGrad.enter()) {
            Tensor xf = x.toFloat();
            Tensor shifted = xf.sub(xf.amax(new int[]{dim}, true));
            out = shifted.sub(shifted.exp().sum(dim, true).log());
        }
        Tensor result = out;
        return Autograd.record("log_softmax", result, g ->
                new Tensor[]{g.sub(result.exp().mul(g.sum(dim, true)))}, x);
    }

    // ================================================================ boolean

    static boolean all(Tensor x) {
        for (float f : x.toFloatArray()) {
            if (f == 0) {
                return false;
            }
        }
        return true;
    }

    static boolean any(Tensor x) {
        for (float f : x.toFloatArray()) {
            if (f != 0) {
                return true;
            }
        }
        return false;
    }
}
