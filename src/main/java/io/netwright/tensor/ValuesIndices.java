package io.netwright.tensor;

/**
 * The pair returned by {@code max(dim)}, {@code min(dim)}, {@code topk} and {@code sort}, like PyTorch's
 * {@code torch.return_types}.
 *
 * @param values  the selected values
 * @param indices their int64 positions along the reduced dim
 */
public record ValuesIndices(Tensor values, Tensor indices) {
}
