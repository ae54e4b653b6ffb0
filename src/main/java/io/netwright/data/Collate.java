package io.netwright.data;

import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Collate functions: a list of samples → one batch ({@code default_collate} in PyTorch). Inputs of a batch must
 * all have one shape.
 *
 * <ul>
 *   <li>{@link #batch()}: {@link Sample}s of {@link ByteImage} (→ CHW floats in [0, 1], the same values as
 *       {@code ToTensor}), {@link Image}, {@code float[]} or {@link Tensor}, and two-tensor rows of a
 *       {@link TensorDataset} → {@link Batch}. The {@link DataLoader}'s default.</li>
 *   <li>{@link #host()}: the same stacking without a backend → {@link HostBatch}.</li>
 *   <li>{@link #stack()}: rows of tensors → one stacked tensor per position.</li>
 * </ul>
 */
public final class Collate {

    private Collate() {
    }

    /** The default collate: samples → {@link Batch} of float32 inputs {@code [N, ...]} and int64 targets {@code [N]}. */
    public static <T> Function<List<T>, Batch> batch() {
        return Collate::toBatch;
    }

    /** Samples → {@link HostBatch} (host arrays, no tensors; for non-tensor inputs only). */
    public static <T> Function<List<T>, HostBatch> host() {
        return Collate::toHost;
    }

    /** Rows of tensors (as {@link TensorDataset} yields) → one tensor per position, stacked along a new dim 0. */
    public static Function<List<List<Tensor>>, List<Tensor>> stack() {
        return rows -> {
            int width = rows.get(0).size();
            List<Tensor> out = new ArrayList<>(width);
            for (int k = 0; k < width; k++) {
                List<Tensor> column = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i).size() != width) {
                        throw new IllegalArgumentException("collate: sample " + i + " of the batch has "
                                + rows.get(i).size() + " tensors but sample 0 has " + width);
                    }
                    column.add(rows.get(i).get(k));
                }
                out.add(Tensor.stack(column, 0));
            }
            return out;
        };
    }

    private static Batch toBatch(List<?> items) {
        requireNonEmpty(items);
        Object first = items.get(0);
        if (first instanceof List<?> row) {
            if (row.size() != 2) {
                throw new IllegalArgumentException("collate: a Batch needs (inputs, targets) pairs but the samples"
                        + " have " + row.size() + " tensors — use Collate.stack() for other widths");
            }
            @SuppressWarnings("unchecked")
            List<List<Tensor>> rows = (List<List<Tensor>>) items;
            List<Tensor> cols = stack().apply(rows);
            return new Batch(cols.get(0).toFloat(), cols.get(1).toLong());
        }
        if (first instanceof Sample<?> s && s.input() instanceof Tensor) {
            List<Tensor> inputs = new ArrayList<>(items.size());
            long[] targets = new long[items.size()];
            for (int i = 0; i < items.size(); i++) {
                Sample<?> si = sample(items, i);
                if (!(si.input() instanceof Tensor t)) {
                    throw mixed(i, si.input(), s.input());
                }
                inputs.add(t);
                targets[i] = si.label();
            }
            return new Batch(Tensor.stack(inputs, 0).toFloat(), Tensor.ofLongs(targets, targets.length));
        }
        return toHost(items).toBatch();
    }

    private static HostBatch toHost(List<?> items) {
        requireNonEmpty(items);
        int n = items.size();
        Sample<?> s0 = sample(items, 0);
        int[] itemShape = shapeOf(s0.input(), 0);
        int per = 1;
        for (int d : itemShape) {
            per *= d;
        }
        float[] data = new float[Math.multiplyExact(n, per)];
        long[] targets = new long[n];
        for (int i = 0; i < n; i++) {
            Sample<?> s = sample(items, i);
            Object in = s.input();
            int[] shape = shapeOf(in, i);
            if (!Arrays.equals(shape, itemShape)) {
                throw new IllegalArgumentException("collate: sample " + i + " of the batch has shape "
                        + Arrays.toString(shape) + " but sample 0 has " + Arrays.toString(itemShape)
                        + " — add a Resize or CenterCrop transform so all inputs have one size");
            }
            if (in instanceof ByteImage b) {
                b.writeChwFloats(data, i * per);
            } else if (in instanceof Image im) {
                System.arraycopy(im.data(), 0, data, i * per, per);
            } else if (in instanceof float[] f) {
                System.arraycopy(f, 0, data, i * per, per);
            } else {
                throw mixed(i, in, s0.input());
            }
            targets[i] = s.label();
        }
        int[] shape = new int[itemShape.length + 1];
        shape[0] = n;
        System.arraycopy(itemShape, 0, shape, 1, itemShape.length);
        return new HostBatch(data, shape, targets);
    }

    private static int[] shapeOf(Object input, int i) {
        if (input instanceof ByteImage b) {
            return new int[]{b.channels(), b.height(), b.width()};
        }
        if (input instanceof Image im) {
            return im.shape();
        }
        if (input instanceof float[] f) {
            return new int[]{f.length};
        }
        throw new IllegalArgumentException("collate: sample " + i + " has an input of type "
                + input.getClass().getName() + "; the default collate handles ByteImage, Image, float[] and Tensor"
                + " — pass your own collate function to the DataLoader");
    }

    private static Sample<?> sample(List<?> items, int i) {
        Object o = items.get(i);
        if (o instanceof Sample<?> s) {
            return s;
        }
        throw new IllegalArgumentException("collate: item " + i + " of the batch is a "
                + (o == null ? "null" : o.getClass().getName()) + ", not a Sample — pass your own collate function"
                + " to the DataLoader");
    }

    private static IllegalArgumentException mixed(int i, Object got, Object first) {
        return new IllegalArgumentException("collate: sample " + i + " has an input of type "
                + got.getClass().getSimpleName() + " but sample 0 has " + first.getClass().getSimpleName());
    }

    private static void requireNonEmpty(List<?> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("collate: empty batch");
        }
    }
}
