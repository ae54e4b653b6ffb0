package io.netwright.data;

import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Tensors that share their first dimension, sample {@code i} being row {@code i} of each (like
 * {@code torch.utils.data.TensorDataset}). {@link Collate#stack()} stacks the rows back; with two tensors (inputs,
 * int64 labels) the default collate gives a {@link Batch}.
 *
 * <pre>{@code var ds = new TensorDataset(x, y); List<Tensor> row = ds.get(3);   // [x[3], y[3]]}</pre>
 */
public final class TensorDataset implements Dataset<List<Tensor>> {

    private final List<Tensor> tensors;

    /** The dataset of the rows of {@code tensors} (at least one; all with the same size of dim 0). */
    public TensorDataset(Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("TensorDataset: at least one tensor is required");
        }
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i].dim() == 0 || tensors[i].size(0) != tensors[0].size(0)) {
                throw new IllegalArgumentException("TensorDataset: size mismatch between tensors: tensor " + i
                        + " has shape " + tensors[i].shape() + " but tensor 0 has " + tensors[0].shape()
                        + " — all need the same first dimension");
            }
        }
        this.tensors = List.of(tensors);
    }

    /** The tensors, in order. */
    public List<Tensor> tensors() {
        return tensors;
    }

    @Override
    public int size() {
        return tensors.get(0).size(0);
    }

    /** Row {@code index} of every tensor (views). */
    @Override
    public List<Tensor> get(int index) {
        Dataset.checkIndex(index, size());
        List<Tensor> row = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) {
            row.add(t.select(0, index));
        }
        return row;
    }
}
