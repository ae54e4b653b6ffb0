package io.netwright.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;

/**
 * Constant folding: ONNX nodes whose inputs are all constant (and {@code Shape} of a dynamic value, whose shape is
 * static apart from the batch size) are evaluated while importing, so that shape-only subgraphs such as PyTorch's
 * {@code x.view(x.size(0), -1)} (Shape → Gather → Unsqueeze → Concat → Reshape) leave a constant shape behind.
 */
final class OnnxFold {

    private static final Set<String> OPS = Set.of("Constant", "Shape", "Gather", "Unsqueeze", "Squeeze", "Concat",
            "Slice", "Cast", "Reshape", "Transpose", "Add", "Sub", "Mul", "Div", "Pow", "Sqrt", "Neg", "Reciprocal",
            "ConstantOfShape", "Identity", "Flatten", "Floor", "Ceil", "Size", "Range", "Expand");

    private OnnxFold() {
    }

    /** Folds {@code n} when it can be: its output becomes a constant. Returns whether it did. */
    static boolean tryFold(OnnxImportNode n) {
        String op = n.op();
        if (!OPS.contains(op) || !n.proto().getDomain().isEmpty() && !n.proto().getDomain().equals("ai.onnx")) {
            return false;
        }
        boolean shapeOfDynamic = (op.equals("Shape") || op.equals("Size")) && n.isDynamic(0);
        if (!shapeOfDynamic) {
            for (int i = 0; i < n.proto().getInputCount(); i++) {
                if (n.has(i) && !n.isConst(i)) {
                    return false;
                }
            }
        }
        OnnxConst c = fold(n, shapeOfDynamic);
        if (!c.integer() && c.hasBatch()) {
            throw n.refuse("it computes with the batch size, which Netwright leaves free");
        }
        n.graph().putConst(n.out(), c);
        return true;
    }

    private static OnnxConst fold(OnnxImportNode n, boolean dynamicShape) {
        OnnxImportGraph g = n.graph();
        return switch (n.op()) {
            case "Constant" -> constant(n);
            case "Shape" -> shape(n, dynamicShape ? dims(g.shape(n.in(0))) : dims(g.constant(n.in(0)).dims()));
            case "Size" -> {
                if (dynamicShape) {
                    throw n.refuse("the element count depends on the batch size");
                }
                yield new OnnxConst(new int[0], new double[] {g.constant(n.in(0)).numel()}, true);
            }
            case "Gather" -> gather(g.constant(n.in(0)), g.constant(n.in(1)), (int) n.integer("axis", 0));
            case "Unsqueeze" -> unsqueeze(n, c(n, 0));
            case "Squeeze" -> squeeze(n, c(n, 0));
            case "Concat" -> concat(n);
            case "Slice" -> slice(n, c(n, 0));
            case "Cast" -> cast(n, c(n, 0));
            case "Reshape" -> c(n, 0).reshaped(OnnxShapes.resolve(n, c(n, 0).dims(), c(n, 1).longs(), true));
            case "Flatten" -> flatten(n, c(n, 0));
            case "Transpose" -> transpose(c(n, 0), n.ints("perm"));
            case "Add" -> binary(n, Double::sum);
            case "Sub" -> binary(n, (a, b) -> a - b);
            case "Mul" -> binary(n, (a, b) -> a * b);
            case "Div" -> binary(n, c(n, 0).integer() && c(n, 1).integer() ? (a, b) -> (double) (long) (a / b)
                    : (a, b) -> a / b);
            case "Pow" -> binary(n, Math::pow);
            case "Sqrt" -> unary(c(n, 0), Math::sqrt);
            case "Neg" -> unary(c(n, 0), a -> -a);
            case "Reciprocal" -> unary(c(n, 0), a -> 1 / a);
            case "Floor" -> unary(c(n, 0), Math::floor);
            case "Ceil" -> unary(c(n, 0), Math::ceil);
            case "Identity" -> c(n, 0);
            case "ConstantOfShape" -> constantOfShape(n);
            case "Range" -> range(n);
            case "Expand" -> binary(c(n, 0), new OnnxConst(shapeOf(n, c(n, 1)), new double[OnnxConst.numel(
                    shapeOf(n, c(n, 1)))], true), (a, b) -> a);
            default -> throw new AssertionError(n.op());
        };
    }

    private static OnnxConst c(OnnxImportNode n, int i) {
        return n.graph().constant(n.in(i));
    }

    private static double[] dims(int[] d) {
        double[] v = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            v[i] = d[i] < 0 ? OnnxConst.BATCH : d[i];
        }
        return v;
    }

    private static int[] shapeOf(OnnxImportNode n, OnnxConst c) {
        if (c.hasBatch()) {
            throw n.refuse("the shape it makes includes the batch size");
        }
        return Arrays.stream(c.longs()).mapToInt(Math::toIntExact).toArray();
    }

    // ---------------------------------------------------------------- ops

    private static OnnxConst constant(OnnxImportNode n) {
        if (n.tensor("value") != null) {
            return OnnxConst.of(n.tensor("value"));
        }
        if (n.hasAttr("value_float")) {
            return new OnnxConst(new int[0], new double[] {n.number("value_float", 0)}, false);
        }
        if (n.hasAttr("value_int")) {
            return new OnnxConst(new int[0], new double[] {n.integer("value_int", 0)}, true);
        }
        if (n.ints("value_ints") != null) {
            return OnnxConst.ints(Arrays.stream(n.ints("value_ints")).asDoubleStream().toArray());
        }
        if (n.floats("value_floats") != null) {
            float[] f = n.floats("value_floats");
            double[] v = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                v[i] = f[i];
            }
            return new OnnxConst(new int[] {v.length}, v, false);
        }
        throw n.refuse("a Constant without a numeric value (sparse or string values are not supported)");
    }

    private static OnnxConst shape(OnnxImportNode n, double[] dims) {
        int r = dims.length;
        int start = (int) n.integer("start", 0);
        int end = (int) n.integer("end", r);
        start = Math.max(0, Math.min(r, start < 0 ? start + r : start));
        end = Math.max(0, Math.min(r, end < 0 ? end + r : end));
        return OnnxConst.ints(Arrays.copyOfRange(dims, start, Math.max(start, end)));
    }

    static OnnxConst gather(OnnxConst data, OnnxConst idx, int axis) {
        int r = data.rank();
        axis = axis < 0 ? axis + r : axis;
        int[] d = data.dims();
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= d[i];
        }
        int inner = 1;
        for (int i = axis + 1; i < r; i++) {
            inner *= d[i];
        }
        long[] ix = idx.longs();
        double[] out = new double[outer * ix.length * inner];
        int o = 0;
        for (int a = 0; a < outer; a++) {
            for (long k : ix) {
                long kk = k < 0 ? k + d[axis] : k;
                System.arraycopy(data.values(), (int) ((a * (long) d[axis] + kk) * inner), out, o, inner);
                o += inner;
            }
        }
        int[] dims = new int[r - 1 + idx.rank()];
        int p = 0;
        for (int i = 0; i < axis; i++) {
            dims[p++] = d[i];
        }
        for (int x : idx.dims()) {
            dims[p++] = x;
        }
        for (int i = axis + 1; i < r; i++) {
            dims[p++] = d[i];
        }
        return new OnnxConst(dims, out, data.integer());
    }

    private static int[] axes(OnnxImportNode n, int input, int rank) {
        int[] a = n.opset() >= 13 && n.has(input) ? shapeOf(n, c(n, input)) : n.ints("axes");
        if (a == null) {
            return null;
        }
        int[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] < 0 ? out[i] + rank : out[i];
        }
        Arrays.sort(out);
        return out;
    }

    private static OnnxConst unsqueeze(OnnxImportNode n, OnnxConst x) {
        int[] probe = n.opset() >= 13 ? shapeOf(n, c(n, 1)) : n.ints("axes");
        int rank = x.rank() + probe.length;
        int[] axes = axes(n, 1, rank);
        List<Integer> dims = new ArrayList<>();
        int src = 0;
        for (int i = 0; i < rank; i++) {
            dims.add(Arrays.binarySearch(axes, i) >= 0 ? 1 : x.dims()[src++]);
        }
        return x.reshaped(dims.stream().mapToInt(Integer::intValue).toArray());
    }

    private static OnnxConst squeeze(OnnxImportNode n, OnnxConst x) {
        int[] axes = axes(n, 1, x.rank());
        List<Integer> dims = new ArrayList<>();
        for (int i = 0; i < x.rank(); i++) {
            boolean drop = axes == null ? x.dims()[i] == 1 : Arrays.binarySearch(axes, i) >= 0;
            if (!drop) {
                dims.add(x.dims()[i]);
            }
        }
        return x.reshaped(dims.stream().mapToInt(Integer::intValue).toArray());
    }

    private static OnnxConst concat(OnnxImportNode n) {
        List<OnnxConst> parts = new ArrayList<>();
        for (int i = 0; i < n.proto().getInputCount(); i++) {
            if (n.has(i) && c(n, i).numel() > 0 || n.has(i) && parts.isEmpty() && i == n.proto().getInputCount() - 1) {
                parts.add(c(n, i));
            }
        }
        OnnxConst first = parts.get(0);
        int r = first.rank();
        int axis = (int) n.integer("axis", 0);
        axis = axis < 0 ? axis + r : axis;
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= first.dims()[i];
        }
        int total = 0;
        for (OnnxConst p : parts) {
            total += p.dims()[axis];
        }
        int inner = 1;
        for (int i = axis + 1; i < r; i++) {
            inner *= first.dims()[i];
        }
        double[] out = new double[outer * total * inner];
        int o = 0;
        for (int a = 0; a < outer; a++) {
            for (OnnxConst p : parts) {
                int len = p.dims()[axis] * inner;
                System.arraycopy(p.values(), a * len, out, o, len);
                o += len;
            }
        }
        int[] dims = first.dims();
        dims[axis] = total;
        boolean integer = parts.stream().allMatch(OnnxConst::integer);
        return new OnnxConst(dims, out, integer);
    }

    private static OnnxConst slice(OnnxImportNode n, OnnxConst x) {
        int r = x.rank();
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps = null;
        if (n.opset() < 10) {
            starts = Arrays.stream(n.ints("starts")).asLongStream().toArray();
            ends = Arrays.stream(n.ints("ends")).asLongStream().toArray();
            axes = n.ints("axes") == null ? null : Arrays.stream(n.ints("axes")).asLongStream().toArray();
        } else {
            starts = c(n, 1).longs();
            ends = c(n, 2).longs();
            axes = n.has(3) ? c(n, 3).longs() : null;
            steps = n.has(4) ? c(n, 4).longs() : null;
        }
        int[] start = new int[r];
        int[] step = new int[r];
        int[] count = x.dims();
        Arrays.fill(step, 1);
        for (int i = 0; i < starts.length; i++) {
            int ax = (int) (axes == null ? i : axes[i] < 0 ? axes[i] + r : axes[i]);
            long dim = x.dims()[ax];
            long st = steps == null ? 1 : steps[i];
            long s = starts[i] < 0 ? starts[i] + dim : starts[i];
            long e = ends[i] < 0 ? ends[i] + dim : ends[i];
            if (st > 0) {
                s = Math.max(0, Math.min(dim, s));
                e = Math.max(0, Math.min(dim, e));
                count[ax] = (int) Math.max(0, (e - s + st - 1) / st);
            } else {
                s = Math.max(-1, Math.min(dim - 1, s));
                e = Math.max(-1, Math.min(dim - 1, e));
                count[ax] = (int) Math.max(0, (s - e + (-st) - 1) / (-st));
            }
            start[ax] = (int) s;
            step[ax] = (int) st;
        }
        double[] out = new double[OnnxConst.numel(count)];
        int[] strides = strides(x.dims());
        int[] idx = new int[r];
        for (int o = 0; o < out.length; o++) {
            int src = 0;
            for (int d = 0; d < r; d++) {
                src += (start[d] + idx[d] * step[d]) * strides[d];
            }
            out[o] = x.values()[src];
            for (int d = r - 1; d >= 0; d--) {
                if (++idx[d] < count[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return new OnnxConst(count, out, x.integer());
    }

    private static OnnxConst cast(OnnxImportNode n, OnnxConst x) {
        int to = (int) n.integer("to", 1);
        boolean floating = to == 1 || to == 10 || to == 11 || to == 16;
        if (floating) {
            return new OnnxConst(x.dims(), x.values(), false);
        }
        return unaryInt(x, to == 9 ? a -> a != 0 ? 1 : 0 : a -> a < 0 ? Math.ceil(a) : Math.floor(a));
    }

    private static OnnxConst flatten(OnnxImportNode n, OnnxConst x) {
        int axis = (int) n.integer("axis", 1);
        axis = axis < 0 ? axis + x.rank() : axis;
        int a = 1;
        for (int i = 0; i < axis; i++) {
            a *= x.dims()[i];
        }
        return x.reshaped(a, x.numel() / Math.max(1, a));
    }

    static OnnxConst transpose(OnnxConst x, int[] perm) {
        int r = x.rank();
        if (perm == null) {
            perm = new int[r];
            for (int i = 0; i < r; i++) {
                perm[i] = r - 1 - i;
            }
        }
        int[] dims = new int[r];
        for (int i = 0; i < r; i++) {
            dims[i] = x.dims()[perm[i]];
        }
        int[] src = strides(x.dims());
        double[] out = new double[x.numel()];
        int[] idx = new int[r];
        for (int o = 0; o < out.length; o++) {
            int s = 0;
            for (int d = 0; d < r; d++) {
                s += idx[d] * src[perm[d]];
            }
            out[o] = x.values()[s];
            for (int d = r - 1; d >= 0; d--) {
                if (++idx[d] < dims[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return new OnnxConst(dims, out, x.integer());
    }

    private static OnnxConst binary(OnnxImportNode n, DoubleBinaryOperator f) {
        return binary(c(n, 0), c(n, 1), f);
    }

    /** {@code f} elementwise with NumPy broadcasting. */
    static OnnxConst binary(OnnxConst a, OnnxConst b, DoubleBinaryOperator f) {
        int r = Math.max(a.rank(), b.rank());
        int[] dims = new int[r];
        int[] da = pad(a.dims(), r);
        int[] db = pad(b.dims(), r);
        for (int i = 0; i < r; i++) {
            if (da[i] != db[i] && da[i] != 1 && db[i] != 1) {
                throw new IllegalArgumentException("shapes " + Arrays.toString(a.dims()) + " and "
                        + Arrays.toString(b.dims()) + " do not broadcast");
            }
            dims[i] = da[i] == 1 ? db[i] : da[i];
        }
        int[] sa = strides(da);
        int[] sb = strides(db);
        double[] out = new double[OnnxConst.numel(dims)];
        int[] idx = new int[r];
        for (int o = 0; o < out.length; o++) {
            int ia = 0;
            int ib = 0;
            for (int d = 0; d < r; d++) {
                ia += da[d] == 1 ? 0 : idx[d] * sa[d];
                ib += db[d] == 1 ? 0 : idx[d] * sb[d];
            }
            out[o] = f.applyAsDouble(a.values()[ia], b.values()[ib]);
            for (int d = r - 1; d >= 0; d--) {
                if (++idx[d] < dims[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return new OnnxConst(dims, out, a.integer() && b.integer());
    }

    private static OnnxConst unary(OnnxConst x, java.util.function.DoubleUnaryOperator f) {
        double[] out = new double[x.numel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(x.values()[i]);
        }
        return new OnnxConst(x.dims(), out, x.integer());
    }

    private static OnnxConst unaryInt(OnnxConst x, java.util.function.DoubleUnaryOperator f) {
        OnnxConst u = unary(x, f);
        return new OnnxConst(u.dims(), u.values(), true);
    }

    private static OnnxConst constantOfShape(OnnxImportNode n) {
        int[] dims = shapeOf(n, c(n, 0));
        OnnxConst v = n.tensor("value") == null ? new OnnxConst(new int[0], new double[] {0}, false)
                : OnnxConst.of(n.tensor("value"));
        double[] out = new double[OnnxConst.numel(dims)];
        Arrays.fill(out, v.values()[0]);
        return new OnnxConst(dims, out, v.integer());
    }

    private static OnnxConst range(OnnxImportNode n) {
        double start = c(n, 0).scalar();
        double limit = c(n, 1).scalar();
        double delta = c(n, 2).scalar();
        int count = (int) Math.max(0, Math.ceil((limit - start) / delta));
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = start + i * delta;
        }
        return new OnnxConst(new int[] {count}, v, c(n, 0).integer());
    }

    private static int[] pad(int[] d, int r) {
        int[] out = new int[r];
        Arrays.fill(out, 1);
        System.arraycopy(d, 0, out, r - d.length, d.length);
        return out;
    }

    private static int[] strides(int[] dims) {
        int[] s = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }
}
