package io.netwright.tensor;

import io.netwright.backend.Backend;
import io.netwright.backend.DType;
import io.netwright.backend.View;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Views and shape changes (reshape, permute, expand, slice, ...), joins and splits, and their gradients. */
final class ShapeOps {

    private ShapeOps() {
    }

    // ================================================================ view / reshape

    /** Resolves one -1 in {@code shape} against {@code numel}, or throws naming the shapes. */
    static int[] inferShape(String op, int[] inShape, int[] shape) {
        int numel = Shape.numel(inShape);
        int[] out = shape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException(op + ": only one dimension can be inferred (-1), got "
                            + Arrays.toString(shape));
                }
                infer = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException(op + ": invalid shape dimension " + out[i] + " in "
                        + Arrays.toString(shape));
            } else {
                known *= out[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || numel % known != 0) {
                throw new IllegalArgumentException(op + ": shape " + Arrays.toString(shape)
                        + " is invalid for input of size " + numel);
            }
            out[infer] = (int) (numel / known);
        } else if (known != numel) {
            throw new IllegalArgumentException(op + ": shape " + Arrays.toString(shape)
                    + " is invalid for input of size " + numel + " (shape " + Arrays.toString(inShape) + ")");
        }
        return out;
    }

    /** Strides that present {@code oldShape/oldStride} as {@code newShape} without copying, or null (PyTorch's rule). */
    static int[] viewStrides(int[] oldShape, int[] oldStride, int[] newShape) {
        int[] newStride = new int[newShape.length];
        if (Shape.numel(oldShape) == 0 || oldShape.length == 0) {
            return View.contiguousStrides(newShape);
        }
        int viewD = newShape.length - 1;
        long chunkBase = oldStride[oldStride.length - 1];
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
            tensorNumel *= oldShape[tensorD];
            if (tensorD == 0 || (oldShape[tensorD - 1] != 1 && oldStride[tensorD - 1] != tensorNumel * chunkBase)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStride[viewD] = (int) (viewNumel * chunkBase);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) {
                    return null;
                }
                if (tensorD > 0) {
                    chunkBase = oldStride[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStride : null;
    }

    static Tensor view(Tensor x, int[] shape) {
        int[] s = inferShape("view", x.shapeRef(), shape);
        int[] st = viewStrides(x.shapeRef(), x.stridesRef(), s);
        if (st == null) {
            throw new IllegalArgumentException("view: size " + Arrays.toString(s) + " is not compatible with input "
                    + x.shape() + " strides " + Arrays.toString(x.stridesRef()) + " (at least one dimension spans"
                    + " across two contiguous subspaces) — use reshape() instead");
        }
        int[] in = x.shapeRef();
        return Autograd.record("view", x.viewOf(s, st, x.storageOffset()), g -> new Tensor[]{g.reshape(in)}, x);
    }

    static Tensor reshape(Tensor x, int[] shape) {
        int[] s = inferShape("reshape", x.shapeRef(), shape);
        if (Arrays.equals(s, x.shapeRef())) {
            return x;
        }
        int[] st = viewStrides(x.shapeRef(), x.stridesRef(), s);
        return st != null ? view(x, s) : view(contiguousCopy(x), s);
    }

    static Tensor flatten(Tensor x, int startIn, int endIn) {
        if (x.dim() == 0) {
            return x.reshape(1);
        }
        int start = Shape.normalize(startIn, x.dim(), "flatten");
        int end = Shape.normalize(endIn, x.dim(), "flatten");
        if (start > end) {
            throw new IllegalArgumentException("flatten() has invalid args: start_dim " + start
                    + " cannot come after end_dim " + end);
        }
        int[] in = x.shapeRef();
        int[] out = new int[in.length - (end - start)];
        int j = 0;
        for (int i = 0; i < in.length; i++) {
            if (i <= start || i > end) {
                out[j++] = in[i];
            } else {
                out[j - 1] *= in[i];
            }
        }
        return reshape(x, out);
    }

    // ================================================================ permutations

    static Tensor permute(Tensor x, int[] dimsIn) {
        int n = x.dim();
        if (dimsIn.length != n) {
            throw new IllegalArgumentException("permute(sparse_coo): number of dimensions in the tensor input does not"
                    .replace("(sparse_coo)", "") + " match the length of the desired ordering of dimensions i.e. input.dim() = "
                    + n + " is not equal to len(dims) = " + dimsIn.length);
        }
        int[] dims = new int[n];
        boolean[] seen = new boolean[n];
        int[] shape = new int[n];
        int[] strides = new int[n];
        int[] inverse = new int[n];
        for (int i = 0; i < n; i++) {
            int d = Shape.normalize(dimsIn[i], n, "permute");
            if (seen[d]) {
                throw new IllegalArgumentException("permute: repeated dim " + d + " in " + Arrays.toString(dimsIn));
            }
            seen[d] = true;
            dims[i] = d;
            shape[i] = x.shapeRef()[d];
            strides[i] = x.stridesRef()[d];
            inverse[d] = i;
        }
        return Autograd.record("permute", x.viewOf(shape, strides, x.storageOffset()),
                g -> new Tensor[]{g.permute(inverse)}, x);
    }

    static Tensor transpose(Tensor x, int d0In, int d1In) {
        int n = x.dim();
        if (n == 0) {
            return x;
        }
        int d0 = Shape.normalize(d0In, n, "transpose");
        int d1 = Shape.normalize(d1In, n, "transpose");
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        order[d0] = d1;
        order[d1] = d0;
        return permute(x, order);
    }

    static Tensor t(Tensor x) {
        if (x.dim() > 2) {
            throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is " + x.dim()
                    + "D — use transpose(d0, d1) or permute");
        }
        return x.dim() < 2 ? x : transpose(x, 0, 1);
    }

    // ================================================================ squeeze / unsqueeze / expand

    static Tensor squeeze(Tensor x, Integer dimIn) {
        int[] in = x.shapeRef();
        List<Integer> shape = new ArrayList<>();
        List<Integer> strides = new ArrayList<>();
        int only = dimIn == null ? -1 : Shape.normalize(dimIn, x.dim(), "squeeze");
        for (int i = 0; i < in.length; i++) {
            boolean drop = in[i] == 1 && (dimIn == null || i == only);
            if (!drop) {
                shape.add(in[i]);
                strides.add(x.stridesRef()[i]);
            }
        }
        return Autograd.record("squeeze", x.viewOf(toInts(shape), toInts(strides), x.storageOffset()),
                g -> new Tensor[]{g.reshape(in)}, x);
    }

    static Tensor unsqueeze(Tensor x, int dimIn) {
        int n = x.dim();
        int d = Shape.normalize(dimIn, n + 1, "unsqueeze");
        int[] shape = new int[n + 1];
        int[] strides = new int[n + 1];
        for (int i = 0, j = 0; i <= n; i++) {
            if (i == d) {
                shape[i] = 1;
                strides[i] = j < n ? x.stridesRef()[j] * x.shapeRef()[j] : 1;
            } else {
                shape[i] = x.shapeRef()[j];
                strides[i] = x.stridesRef()[j];
                j++;
            }
        }
        int[] in = x.shapeRef();
        return Autograd.record("unsqueeze", x.viewOf(shape, strides, x.storageOffset()),
                g -> new Tensor[]{g.reshape(in)}, x);
    }

    static Tensor expand(Tensor x, int[] sizes) {
        int[] in = x.shapeRef();
        if (sizes.length < in.length) {
            throw new IllegalArgumentException("expand: the number of sizes provided (" + sizes.length
                    + ") must be greater or equal to the number of dimensions in the tensor (" + in.length + ")");
        }
        int lead = sizes.length - in.length;
        int[] shape = new int[sizes.length];
        int[] strides = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            int j = i - lead;
            if (j < 0) {
                if (sizes[i] < 0) {
                    throw new IllegalArgumentException("expand: -1 is not allowed in a leading, non-existing"
                            + " dimension " + i);
                }
                shape[i] = sizes[i];
                strides[i] = 0;
            } else if (sizes[i] == -1 || sizes[i] == in[j]) {
                shape[i] = in[j];
                strides[i] = x.stridesRef()[j];
            } else if (in[j] == 1) {
                shape[i] = sizes[i];
                strides[i] = 0;
            } else {
                throw new IllegalArgumentException("expand: the expanded size of the tensor (" + sizes[i]
                        + ") must match the existing size (" + in[j] + ") at non-singleton dimension " + i
                        + ".  Target sizes: " + Arrays.toString(sizes) + ".  Tensor sizes: " + Arrays.toString(in));
            }
        }
        if (Arrays.equals(shape, in)) {
            return x;
        }
        return Autograd.record("expand", x.viewOf(shape, strides, x.storageOffset()),
                g -> new Tensor[]{Elementwise.sumToShape(g, in)}, x);
    }

    static Tensor repeat(Tensor x, int[] repeats) {
        if (repeats.length < x.dim()) {
            throw new IllegalArgumentException("repeat: number of repeat dims (" + repeats.length
                    + ") can not be smaller than number of dimensions of tensor (" + x.dim() + ")");
        }
        int n = repeats.length;
        int[] padded = new int[n];
        Arrays.fill(padded, 1);
        System.arraycopy(x.shapeRef(), 0, padded, n - x.dim(), x.dim());
        // [s0, s1, ...] -> [1, s0, 1, s1, ...] -> expand [r0, s0, r1, s1, ...] -> [r0*s0, r1*s1, ...]
        int[] inter = new int[2 * n];
        int[] target = new int[2 * n];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            inter[2 * i] = 1;
            inter[2 * i + 1] = padded[i];
            target[2 * i] = repeats[i];
            target[2 * i + 1] = padded[i];
            out[i] = repeats[i] * padded[i];
        }
        return x.reshape(inter).expand(target).contiguous().view(out);
    }

    // ================================================================ copies

    static Tensor contiguousCopy(Tensor x) {
        Tensor out = x.newEmpty(x.dtype(), x.shapeRef());
        x.backend().copy(x.v(), out.v());
        return Autograd.record("clone", out, g -> new Tensor[]{g}, x);
    }

    static Tensor cloneTensor(Tensor x) {
        return contiguousCopy(x);
    }

    static Tensor toBackend(Tensor x, Backend target) {
        Tensor out = Tensor.allocate(target, x.dtype(), x.shapeRef());
        switch (x.dtype()) {
            case FLOAT32 -> target.copyIn(x.toFloatArray(), out.v().buffer(), 0);
            case INT64 -> target.copyIn(x.toLongArray(), out.v().buffer(), 0);
            case BOOL -> target.copyIn(x.toBooleanArray(), out.v().buffer(), 0);
            default -> throw new IllegalStateException("unknown dtype " + x.dtype());
        }
        var from = x.device();
        return Autograd.record("to_copy", out, g -> new Tensor[]{g.to(from)}, x);
    }

    // ================================================================ slicing

    static Tensor select(Tensor x, int dimIn, int indexIn) {
        int dim = Shape.normalize(dimIn, x.dim(), "select");
        int size = x.shapeRef()[dim];
        if (indexIn < -size || indexIn >= size) {
            throw new IndexOutOfBoundsException("select(): index " + indexIn + " out of range for tensor of size "
                    + x.shape() + " at dimension " + dim);
        }
        int index = indexIn < 0 ? indexIn + size : indexIn;
        int[] shape = Reductions.droppedShape(x.shapeRef(), new int[]{dim});
        int[] strides = Reductions.droppedShape(x.stridesRef(), new int[]{dim});
        Tensor out = x.viewOf(shape, strides, x.storageOffset() + index * x.stridesRef()[dim]);
        int[] in = x.shapeRef();
        return Autograd.record("select", out, g -> new Tensor[]{
            scatterIntoZeros(g, in, z -> z.select(dim, index))}, x);
    }

    static Tensor slice(Tensor x, int dimIn, int startIn, int endIn, int step) {
        int dim = Shape.normalize(dimIn, x.dim(), "slice");
        if (step <= 0) {
            throw new IllegalArgumentException("slice: step must be positive, got " + step);
        }
        int size = x.shapeRef()[dim];
        int start = clampIndex(startIn, size);
        int end = Math.max(start, clampIndex(endIn, size));
        int len = (end - start + step - 1) / step;
        int[] shape = x.shapeRef().clone();
        int[] strides = x.stridesRef().clone();
        shape[dim] = len;
        strides[dim] = strides[dim] * step;
        Tensor out = x.viewOf(shape, strides, x.storageOffset() + (len == 0 ? 0 : start * x.stridesRef()[dim]));
        int[] in = x.shapeRef();
        return Autograd.record("slice", out, g -> new Tensor[]{
            scatterIntoZeros(g, in, z -> z.slice(dim, start, end, step))}, x);
    }

    private static int clampIndex(int i, int size) {
        int j = i < 0 ? i + size : i;
        return Math.max(0, Math.min(size, j));
    }

    static Tensor diagonal(Tensor x, int offset, int d1In, int d2In) {
        int n = x.dim();
        int d1 = Shape.normalize(d1In, n, "diagonal");
        int d2 = Shape.normalize(d2In, n, "diagonal");
        if (d1 == d2) {
            throw new IllegalArgumentException("diagonal dimensions cannot be identical " + d1In + ", " + d2In);
        }
        int[] in = x.shapeRef();
        int[] st = x.stridesRef();
        int len = offset >= 0 ? Math.max(0, Math.min(in[d1], in[d2] - offset))
                : Math.max(0, Math.min(in[d1] + offset, in[d2]));
        int start = len == 0 ? 0 : offset >= 0 ? offset * st[d2] : -offset * st[d1];
        int[] shape = new int[n - 1];
        int[] strides = new int[n - 1];
        for (int i = 0, j = 0; i < n; i++) {
            if (i != d1 && i != d2) {
                shape[j] = in[i];
                strides[j++] = st[i];
            }
        }
        shape[n - 2] = len;
        strides[n - 2] = st[d1] + st[d2];
        Tensor out = x.viewOf(shape, strides, x.storageOffset() + start);
        return Autograd.record("diagonal", out, g -> new Tensor[]{
            scatterIntoZeros(g, in, z -> z.diagonal(offset, d1, d2))}, x);
    }

    /** A zero tensor of {@code shape} with {@code g} copied into the view that {@code where} picks. */
    private static Tensor scatterIntoZeros(Tensor g, int[] shape, java.util.function.UnaryOperator<Tensor> where) {
        Tensor z = Tensor.allocate(g.backend(), g.dtype(), shape);
        Tensor target = where.apply(z);
        g.backend().copy(g.v(), target.v());
        return z;
    }

    static Tensor flip(Tensor x, int[] dims) {
        Tensor out = x;
        for (int d : Reductions.normDims("flip", dims, x.dim())) {
            int size = x.shapeRef()[d];
            out = out.indexSelect(d, Tensor.arange(size - 1, -1, -1).to(x.device()));
        }
        return out == x ? x.clone() : out;
    }

    // ================================================================ joins and splits

    static Tensor cat(List<Tensor> tensors, int dimIn) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("cat: expected a non-empty list of Tensors");
        }
        Tensor first = tensors.get(0);
        int rank = first.dim();
        if (rank == 0) {
            throw new IllegalArgumentException("cat: zero-dimensional tensor (at position 0) cannot be concatenated"
                    + " — unsqueeze it or use stack");
        }
        int dim = Shape.normalize(dimIn, rank, "cat");
        DType dtype = first.dtype();
        int total = 0;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            Elementwise.checkSameDevice("cat", first, t);
            dtype = DType.promote(dtype, t.dtype());
            if (t.dim() != rank) {
                throw new IllegalArgumentException("cat: Tensors must have same number of dimensions: got " + rank
                        + " and " + t.dim() + " (tensor " + i + ")");
            }
            for (int d = 0; d < rank; d++) {
                if (d != dim && t.shapeRef()[d] != first.shapeRef()[d]) {
                    throw new IllegalArgumentException("cat: Sizes of tensors must match except in dimension " + dim
                            + ". Expected size " + first.shapeRef()[d] + " but got size " + t.shapeRef()[d]
                            + " for tensor number " + i + " in the list.");
                }
            }
            total += t.shapeRef()[dim];
        }
        int[] shape = first.shapeRef().clone();
        shape[dim] = total;
        Tensor out = first.newEmpty(dtype, shape);
        int[] starts = new int[tensors.size()];
        int pos = 0;
        try (var g = NoGrad.enter()) {
            for (int i = 0; i < tensors.size(); i++) {
                Tensor t = tensors.get(i);
                starts[i] = pos;
                int len = t.shapeRef()[dim];
                if (len > 0) {
                    Tensor target = out.slice(dim, pos, pos + len, 1);
                    out.backend().copy(t.to(dtype).v(), target.v());
                }
                pos += len;
            }
        }
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        return Autograd.record("cat", out, g -> {
            Tensor[] grads = new Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                int len = inputs[i].shapeRef()[dim];
                grads[i] = g.slice(dim, starts[i], starts[i] + len, 1);
            }
            return grads;
        }, inputs);
    }

    static Tensor stack(List<Tensor> tensors, int dimIn) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("stack expects a non-empty TensorList");
        }
        int[] s0 = tensors.get(0).shapeRef();
        int dim = Shape.normalize(dimIn, s0.length + 1, "stack");
        List<Tensor> parts = new ArrayList<>();
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (!Arrays.equals(t.shapeRef(), s0)) {
                throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                        + Arrays.toString(s0) + " at entry 0 and " + t.shape() + " at entry " + i);
            }
            parts.add(t.unsqueeze(dim));
        }
        return cat(parts, dim);
    }

    static List<Tensor> split(Tensor x, int size, int dimIn) {
        int dim = Shape.normalize(dimIn, x.dim(), "split");
        if (size <= 0) {
            throw new IllegalArgumentException("split: split_size must be positive, got " + size);
        }
        List<Tensor> out = new ArrayList<>();
        int n = x.shapeRef()[dim];
        for (int s = 0; s < n; s += size) {
            out.add(x.slice(dim, s, Math.min(n, s + size), 1));
        }
        if (out.isEmpty()) {
            out.add(x);
        }
        return out;
    }

    static List<Tensor> splitSizes(Tensor x, int[] sizes, int dimIn) {
        int dim = Shape.normalize(dimIn, x.dim(), "split");
        int sum = Arrays.stream(sizes).sum();
        if (sum != x.shapeRef()[dim]) {
            throw new IllegalArgumentException("split_with_sizes expects split_sizes to sum exactly to "
                    + x.shapeRef()[dim] + " (input tensor's size at dimension " + dim + "), but got split_sizes="
                    + Arrays.toString(sizes));
        }
        List<Tensor> out = new ArrayList<>();
        int pos = 0;
        for (int s : sizes) {
            out.add(x.slice(dim, pos, pos + s, 1));
            pos += s;
        }
        return out;
    }

    static List<Tensor> chunk(Tensor x, int chunks, int dimIn) {
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks);
        }
        int dim = Shape.normalize(dimIn, x.dim(), "chunk");
        int n = x.shapeRef()[dim];
        int size = Math.max(1, (n + chunks - 1) / chunks);
        return split(x, size, dim);
    }

    static List<Tensor> unbind(Tensor x, int dimIn) {
        int dim = Shape.normalize(dimIn, x.dim(), "unbind");
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < x.shapeRef()[dim]; i++) {
            out.add(x.select(dim, i));
        }
        return out;
    }

    private static int[] toInts(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
