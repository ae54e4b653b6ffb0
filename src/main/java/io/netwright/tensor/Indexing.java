package io.netwright.tensor;

import io.netwright.backend.Backend;
import io.netwright.backend.DType;
import io.netwright.backend.View;
import java.util.Arrays;

/**
 * Indexing: NumPy-style index strings, integer and boolean-mask indexing, {@code index_select}, {@code gather},
 * {@code scatter}/{@code scatter_add}, masked fill/select, {@code nonzero}, {@code sort} and {@code topk}, with their
 * gradient rules (each next to its forward, registered through {@link Autograd#record}).
 *
 * <p>Everything is built on the backend's {@code gather}/{@code scatter} primitives. Index tensors are copied to the
 * host once to check their range (so errors are PyTorch's, raised at the call, not asynchronously on a device);
 * {@code nonzero}, mask positions and the sort order are computed on the host for the same reason. That costs one
 * device synchronisation per call, which is acceptable for indexing but not meant for inner training loops on a
 * GPU.
 */
final class Indexing {

    private Indexing() {
    }

    // ================================================================ index strings and integer positions

    /** {@code x[spec]} for a NumPy-style spec (see {@link IndexSpec}); always a view. */
    static Tensor index(Tensor t, String spec) {
        IndexSpec s = IndexSpec.parse(spec);
        int consumed = s.consumedDims();
        if (consumed > t.dim()) {
            throw new IllegalArgumentException("index: too many indices for tensor of dimension " + t.dim()
                    + " ('" + spec + "' indexes " + consumed + " dims)");
        }
        Tensor out = t;
        int d = 0;
        int original = 0;
        for (IndexSpec.Item item : s.items()) {
            if (item instanceof IndexSpec.Int i) {
                out = out.select(d, checkPosition("index", i.index(), original, out.size(d)));
                original++;
            } else if (item instanceof IndexSpec.Slice sl) {
                out = out.slice(d, sl.start() == null ? 0 : sl.start(),
                        sl.stop() == null ? Integer.MAX_VALUE : sl.stop(), sl.step());
                d++;
                original++;
            } else if (item instanceof IndexSpec.NewAxis) {
                out = out.unsqueeze(d);
                d++;
            } else {
                d += t.dim() - consumed;
                original += t.dim() - consumed;
            }
        }
        return out == t ? alias(t) : out;
    }

    /** The sub-tensor at leading integer positions (a view). */
    static Tensor get(Tensor t, int[] idx) {
        if (idx.length > t.dim()) {
            throw new IllegalArgumentException("get: too many indices for tensor of dimension " + t.dim() + " (got "
                    + idx.length + " indices " + Arrays.toString(idx) + ")");
        }
        Tensor out = t;
        for (int i = 0; i < idx.length; i++) {
            out = out.select(0, checkPosition("get", idx[i], i, out.size(0)));
        }
        return out == t ? alias(t) : out;
    }

    /** A new view of all of {@code t} (what {@code x[...]} returns), gradient passed through. */
    private static Tensor alias(Tensor t) {
        return Autograd.record("alias", t.viewOf(t.sizes(), t.strides(), t.storageOffset()),
                g -> new Tensor[]{g}, t);
    }

    private static int checkPosition(String op, int index, int dim, int size) {
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException(op + ": index " + index + " is out of bounds for dimension " + dim
                    + " with size " + size);
        }
        return index < 0 ? index + size : index;
    }

    /** {@code x[idx]}: a bool mask over the leading dims, or int64 positions along dim 0 (any shape). */
    static Tensor indexTensor(Tensor t, Tensor idx) {
        Elementwise.checkSameDevice("index", t, idx);
        int[] ts = t.shapeRef();
        int[] is = idx.shapeRef();
        if (idx.dtype() == DType.BOOL) {
            if (is.length > ts.length) {
                throw new IllegalArgumentException("index: too many indices for tensor of dimension " + ts.length
                        + " (the mask has " + is.length + " dims)");
            }
            for (int d = 0; d < is.length; d++) {
                if (is[d] != ts[d]) {
                    throw new IllegalArgumentException("index: The shape of the mask " + idx.shape() + " at index "
                            + d + " does not match the shape of the indexed tensor " + t.shape() + " at index " + d);
                }
            }
            long[] pos = truePositions(idx.backend(), idx.v());
            int[] rest = Arrays.copyOfRange(ts, is.length, ts.length);
            Tensor rows = t.reshape(prepend(Shape.numel(is), rest));
            return rows.indexSelect(0, longsLike(t, pos, new int[]{pos.length}));
        }
        if (idx.dtype() != DType.INT64) {
            throw new IllegalArgumentException("index: tensors used as indices must be long or bool tensors, got "
                    + idx.dtype().torchName() + " — convert with .toLong()");
        }
        if (ts.length == 0) {
            throw new IllegalArgumentException("index: too many indices for tensor of dimension 0");
        }
        // Advanced indexing accepts negative positions (index_select does not): wrap them here.
        long[] pos = checkedIndices("index", idx, 0, ts[0], true);
        Tensor flat = t.indexSelect(0, longsLike(t, pos, new int[]{pos.length}));
        int[] rest = Arrays.copyOfRange(ts, 1, ts.length);
        int[] shape = Arrays.copyOf(is, is.length + rest.length);
        System.arraycopy(rest, 0, shape, is.length, rest.length);
        return flat.reshape(shape);
    }

    // ================================================================ index_select, gather, scatter

    /** Rows of {@code dim} picked by a 0-d or 1-D int64 {@code idx}; backward scatter-adds into zeros. */
    static Tensor indexSelect(Tensor t, int dimIn, Tensor idx) {
        Elementwise.checkSameDevice("index_select", t, idx);
        requireLong("index_select", idx);
        if (idx.dim() > 1) {
            throw new IllegalArgumentException("index_select(): Index is supposed to be a vector, got shape "
                    + idx.shape() + " — flatten it with reshape(-1)");
        }
        if (t.dim() == 0) {
            throw new IllegalArgumentException("index_select(): self is a 0-d tensor — reshape(1) it first");
        }
        int dim = Shape.normalize(dimIn, t.dim(), "index_select");
        checkedIndices("index_select", idx, dim, t.size(dim), false);
        int[] outShape = t.sizes();
        outShape[dim] = idx.numel();
        Tensor out = rawGather(t, dim, spreadIndex(idx, outShape, dim));
        int[] in = t.shapeRef();
        return Autograd.record("index_select", out, g -> new Tensor[]{
            scatterIntoZeros(g, dim, spreadIndex(idx, outShape, dim), in)}, t);
    }

    /** A vector index as a view of {@code shape}: 0 strides everywhere but along {@code dim}. */
    private static View spreadIndex(Tensor idx, int[] shape, int dim) {
        View iv = idx.v();
        int[] strides = new int[shape.length];
        strides[dim] = idx.dim() == 0 ? 0 : iv.strides()[0];
        return new View(iv.buffer(), iv.offset(), shape, strides);
    }

    /** PyTorch {@code gather}: {@code out[..i..] = t[.. idx[..i..] ..]} along {@code dim}; out has idx's shape. */
    static Tensor gather(Tensor t, int dimIn, Tensor idx) {
        Elementwise.checkSameDevice("gather", t, idx);
        requireLong("gather", idx);
        if (t.dim() == 0 || idx.dim() == 0) {
            // PyTorch treats 0-d tensors as 1-D here.
            return gather(t.reshape(lift(t)), dimIn, idx.reshape(lift(idx))).reshape(idx.shapeRef());
        }
        int dim = Shape.normalize(dimIn, t.dim(), "gather");
        if (idx.dim() != t.dim()) {
            throw new IllegalArgumentException("gather(): Index tensor must have the same number of dimensions as "
                    + "input tensor: index " + idx.shape() + ", input " + t.shape());
        }
        for (int d = 0; d < t.dim(); d++) {
            if (d != dim && idx.size(d) > t.size(d)) {
                throw new IllegalArgumentException("gather(): Size does not match at dimension " + d
                        + " expected index " + idx.shape() + " to be no larger than self " + t.shape()
                        + " apart from dimension " + dim);
            }
        }
        checkedIndices("gather", idx, dim, t.size(dim), false);
        Tensor out = rawGather(t, dim, idx.v());
        int[] in = t.shapeRef();
        return Autograd.record("gather", out, g -> new Tensor[]{scatterIntoZeros(g, dim, idx.v(), in)}, t);
    }

    /**
     * Out-of-place {@code scatter} ({@code acc=false}) or {@code scatter_add} ({@code acc=true}): a copy of {@code t}
     * with {@code src[..i..]} written (or added) at {@code t[.. idx[..i..] ..]} along {@code dim}.
     */
    static Tensor scatter(Tensor t, int dimIn, Tensor idx, Tensor src, boolean acc) {
        String op = acc ? "scatter_add" : "scatter";
        Elementwise.checkSameDevice(op, t, idx);
        Elementwise.checkSameDevice(op, t, src);
        requireLong(op, idx);
        if (src.dtype() != t.dtype()) {
            throw new IllegalArgumentException(op + "(): Expected self.dtype to be equal to src.dtype, got "
                    + t.dtype().torchName() + " and " + src.dtype().torchName() + " — convert src with .to(dtype)");
        }
        if (t.dim() == 0 || idx.dim() == 0 || src.dim() == 0) {
            Tensor r = scatter(t.reshape(lift(t)), dimIn, idx.reshape(lift(idx)), src.reshape(lift(src)), acc);
            return r.reshape(t.shapeRef());
        }
        int dim = Shape.normalize(dimIn, t.dim(), op);
        if (idx.dim() != t.dim() || src.dim() != t.dim()) {
            throw new IllegalArgumentException(op + "(): Index tensor must have the same number of dimensions as "
                    + "self and src: index " + idx.shape() + ", self " + t.shape() + ", src " + src.shape());
        }
        for (int d = 0; d < t.dim(); d++) {
            if (idx.size(d) > src.size(d) || d != dim && idx.size(d) > t.size(d)) {
                throw new IllegalArgumentException(op + "(): Expected index " + idx.shape()
                        + " to be smaller than self " + t.shape() + " apart from dimension " + dim
                        + " and to be smaller size than src " + src.shape() + " (dimension " + d + ")");
            }
        }
        checkedIndices(op, idx, dim, t.size(dim), false);
        int[] is = idx.shapeRef();
        Tensor out = t.newEmpty(t.dtype(), t.shapeRef());
        Backend b = t.backend();
        b.copy(t.v(), out.v());
        if (idx.numel() > 0) {
            b.scatter(window(src.v(), is, -1), dim, idx.v(), window(out.v(), is, dim), acc);
        }
        int[] ss = src.shapeRef();
        return Autograd.record(op, out, g -> {
            Tensor gSelf = g;
            if (!acc && t.requiresGrad() && idx.numel() > 0) {
                // Overwritten positions receive nothing: scatter zeros into a copy of g.
                gSelf = g.contiguousCopy();
                Tensor zeros = Tensor.allocate(g.backend(), g.dtype(), is);
                g.backend().scatter(zeros.v(), dim, idx.v(), window(gSelf.v(), is, dim), false);
            }
            Tensor gSrc = null;
            if (src.requiresGrad()) {
                gSrc = Tensor.allocate(g.backend(), g.dtype(), ss);
                if (idx.numel() > 0) {
                    g.backend().gather(window(g.v(), is, dim), dim, idx.v(), window(gSrc.v(), is, -1));
                }
            }
            return new Tensor[]{gSelf, gSrc};
        }, t, src);
    }

    /** {@code backend.gather} into a new tensor of the index view's shape. */
    private static Tensor rawGather(Tensor src, int dim, View index) {
        Tensor out = Tensor.allocate(src.backend(), src.dtype(), index.shape());
        if (out.numel() > 0) {
            src.backend().gather(window(src.v(), index.shape(), dim), dim, index, out.v());
        }
        return out;
    }

    /** Zeros of {@code shape} with {@code g} (index-shaped) added at {@code index} along {@code dim}. */
    private static Tensor scatterIntoZeros(Tensor g, int dim, View index, int[] shape) {
        Tensor z = Tensor.allocate(g.backend(), g.dtype(), shape);
        if (g.numel() > 0) {
            g.backend().scatter(g.v(), dim, index, window(z.v(), index.shape(), dim), true);
        }
        return z;
    }

    /**
     * The leading window of {@code v} with {@code shape}'s sizes in every dim but {@code keep} (-1: none kept), so
     * a view agrees with an index in all dims the primitives require.
     */
    private static View window(View v, int[] shape, int keep) {
        int[] s = shape.clone();
        if (keep >= 0) {
            s[keep] = v.shape()[keep];
        }
        return new View(v.buffer(), v.offset(), s, v.strides());
    }

    private static int[] lift(Tensor t) {
        return t.dim() == 0 ? new int[]{1} : t.shapeRef();
    }

    private static void requireLong(String op, Tensor idx) {
        if (idx.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + "(): Expected dtype int64 for index, got "
                    + idx.dtype().torchName() + " — convert with .toLong()");
        }
    }

    /**
     * The index values on the host, each checked to lie in {@code [0, size)} (or {@code [-size, size)} when
     * {@code allowNegative}, returned wrapped to non-negative).
     */
    private static long[] checkedIndices(String op, Tensor idx, int dim, int size, boolean allowNegative) {
        long[] v = idx.toLongArray();
        for (int i = 0; i < v.length; i++) {
            long x = v[i];
            if (x >= size || x < (allowNegative ? -size : 0)) {
                String hint = x < 0 && x >= -size ? " (" + op + " does not accept negative indices; add the size"
                        + " first)" : "";
                throw new IndexOutOfBoundsException(op + ": index " + x + " is out of bounds for dimension " + dim
                        + " with size " + size + hint);
            }
            if (x < 0) {
                v[i] = x + size;
            }
        }
        return v;
    }

    // ================================================================ masks and nonzero

    /** A copy of {@code t} (broadcast with {@code mask}) with {@code value} where the mask is true. */
    static Tensor maskedFill(Tensor t, Tensor mask, double value) {
        requireBoolMask("masked_fill", t, mask);
        int[] shape = Shape.broadcast("masked_fill", t.shapeRef(), mask.shapeRef());
        Tensor out = t.newEmpty(t.dtype(), shape);
        t.backend().where(Elementwise.broadcastView(mask, shape), Elementwise.broadcastView(scalarOf(t, value), shape),
                Elementwise.broadcastView(t, shape), out.v());
        int[] in = t.shapeRef();
        return Autograd.record("masked_fill", out, g -> new Tensor[]{
            Elementwise.sumToShape(Tensor.where(mask, Creation.scalarLike(g, 0), g), in)}, t);
    }

    /** Sets {@code t} to {@code value} where {@code mask} (broadcast to t's shape) is true, in place. */
    static Tensor maskedFill_(Tensor t, Tensor mask, double value) {
        Elementwise.checkInPlace("masked_fill_", t);
        requireBoolMask("masked_fill_", t, mask);
        int[] shape = Shape.broadcast("masked_fill_", t.shapeRef(), mask.shapeRef());
        if (!Arrays.equals(shape, t.shapeRef())) {
            throw new IllegalArgumentException("masked_fill_: mask of shape " + mask.shape() + " is not broadcastable"
                    + " to self of shape " + t.shape() + " — use the out-of-place maskedFill");
        }
        Tensor m = mask.sharesStorage(t) && !mask.v().equals(t.v()) ? mask.contiguousCopy() : mask;
        t.backend().where(Elementwise.broadcastView(m, shape), Elementwise.broadcastView(scalarOf(t, value), shape),
                t.v(), t.v());
        return t;
    }

    /** The elements of {@code t} (broadcast with {@code mask}) where the mask is true, as a 1-D copy. */
    static Tensor maskedSelect(Tensor t, Tensor mask) {
        requireBoolMask("masked_select", t, mask);
        int[] shape = Shape.broadcast("masked_select", t.shapeRef(), mask.shapeRef());
        long[] pos = truePositions(mask.backend(), Elementwise.broadcastView(mask, shape));
        return t.expand(shape).reshape(-1).indexSelect(0, longsLike(t, pos, new int[]{pos.length}));
    }

    /** Positions of the non-zero elements, int64 {@code [count, dim]} in row-major order. */
    static Tensor nonzero(Tensor t) {
        long[] flat = truePositions(t.backend(), t.v());
        int[] s = t.shapeRef();
        int r = s.length;
        long[] out = new long[flat.length * r];
        for (int i = 0; i < flat.length; i++) {
            long p = flat[i];
            for (int d = r - 1; d >= 0; d--) {
                out[i * r + d] = p % s[d];
                p /= s[d];
            }
        }
        return longsLike(t, out, new int[]{flat.length, r});
    }

    private static void requireBoolMask(String op, Tensor t, Tensor mask) {
        Elementwise.checkSameDevice(op, t, mask);
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException(op + " only supports boolean masks, but got mask with dtype "
                    + mask.dtype().torchName() + " — build one with a comparison such as x.gt(0), or call .toBool()");
        }
    }

    /** Row-major positions where a view is non-zero (NaN counts as non-zero). */
    private static long[] truePositions(Backend b, View v) {
        long[] pos = new long[v.numel()];
        int n = 0;
        if (v.dtype() == DType.INT64) {
            long[] data = b.copyOutLong(v);
            for (int i = 0; i < data.length; i++) {
                if (data[i] != 0) {
                    pos[n++] = i;
                }
            }
        } else {
            float[] data = b.copyOutFloat(v);
            for (int i = 0; i < data.length; i++) {
                if (data[i] != 0) {
                    pos[n++] = i;
                }
            }
        }
        return Arrays.copyOf(pos, n);
    }

    /** A 0-d tensor of {@code like}'s dtype and device holding {@code value} (converted like PyTorch's fill). */
    private static Tensor scalarOf(Tensor like, double value) {
        Tensor s = Tensor.allocate(like.backend(), like.dtype(), new int[0]);
        like.backend().fill(s.v(), value);
        return s;
    }

    /** An int64 tensor on {@code like}'s device. */
    static Tensor longsLike(Tensor like, long[] data, int[] shape) {
        Tensor out = Tensor.allocate(like.backend(), DType.INT64, shape);
        if (data.length > 0) {
            like.backend().copyIn(data, out.v().buffer(), 0);
        }
        return out;
    }

    private static int[] prepend(int first, int[] rest) {
        int[] s = new int[rest.length + 1];
        s[0] = first;
        System.arraycopy(rest, 0, s, 1, rest.length);
        return s;
    }

    // ================================================================ sort and topk

    /** Stable sort along {@code dim}; NaN sorts as the largest value, as in PyTorch. */
    static ValuesIndices sort(Tensor t, int dimIn, boolean descending) {
        return ordered("sort", t, dimIn, -1, descending);
    }

    /** The {@code k} largest (or smallest) values along {@code dim}, sorted, with their indices. */
    static ValuesIndices topk(Tensor t, int k, int dimIn, boolean largest) {
        return ordered("topk", t, dimIn, k, largest);
    }

    /**
     * The first {@code k} (all when -1) elements of each line along {@code dim} in sorted order. The order is found
     * on the host (a stable sort of each line, exact for int64); values are then gathered on the device, so the
     * result is correct for any strides and the backward rule is a scatter of the gradient into zeros.
     */
    private static ValuesIndices ordered(String op, Tensor t, int dimIn, int k, boolean descending) {
        if (t.dim() == 0) {
            int dim0 = Shape.normalize(dimIn, 0, op);
            ValuesIndices r = ordered(op, t.reshape(1), dim0, k, descending);
            return new ValuesIndices(r.values().reshape(), r.indices().reshape());
        }
        int dim = Shape.normalize(dimIn, t.dim(), op);
        int[] s = t.shapeRef();
        int n = s[dim];
        int kk = k < 0 ? n : k;
        if (kk > n) {
            throw new IllegalArgumentException(op + "(): selected index k out of range: k=" + k + " but dimension "
                    + dim + " of " + t.shape() + " has size " + n);
        }
        int outer = Shape.numel(Arrays.copyOf(s, dim));
        int inner = Shape.numel(Arrays.copyOfRange(s, dim + 1, s.length));
        LineOrder order = lineOrder(t, descending);
        long[] idx = new long[outer * kk * inner];
        Integer[] line = new Integer[n];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * n * inner + in;
                for (int i = 0; i < n; i++) {
                    line[i] = i;
                }
                Arrays.sort(line, (a, b) -> order.compare(base + a * inner, base + b * inner));
                for (int i = 0; i < kk; i++) {
                    idx[o * kk * inner + i * inner + in] = line[i];
                }
            }
        }
        int[] outShape = s.clone();
        outShape[dim] = kk;
        Tensor indices = longsLike(t, idx, outShape);
        Tensor values = rawGather(t, dim, indices.v());
        int[] inShape = t.shapeRef();
        Autograd.record(op, values, g -> new Tensor[]{scatterIntoZeros(g, dim, indices.v(), inShape)}, t);
        return new ValuesIndices(values, indices);
    }

    /** Compares two row-major positions of a tensor's data in the requested direction (NaN largest). */
    private interface LineOrder {
        int compare(int i, int j);
    }

    private static LineOrder lineOrder(Tensor t, boolean descending) {
        if (t.dtype() == DType.INT64) {
            long[] d = t.toLongArray();
            return descending ? (i, j) -> Long.compare(d[j], d[i]) : (i, j) -> Long.compare(d[i], d[j]);
        }
        float[] d = t.toFloatArray();
        return descending ? (i, j) -> compareNanLargest(d[j], d[i]) : (i, j) -> compareNanLargest(d[i], d[j]);
    }

    /** Numeric order with NaN above everything and -0.0 equal to 0.0 (unlike {@link Float#compare}). */
    private static int compareNanLargest(float a, float b) {
        boolean na = Float.isNaN(a);
        boolean nb = Float.isNaN(b);
        if (na || nb) {
            return na == nb ? 0 : na ? 1 : -1;
        }
        return a < b ? -1 : a > b ? 1 : 0;
    }
}
