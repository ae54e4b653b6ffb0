package io.netwright.graph;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a design takes as input: the shape of one sample without the batch dimension ({@code [C, H, W]} for images,
 * {@code [F]} for feature vectors, {@code [C, L]} for sequences), the dataset it is bound to (a bundled sample
 * name, a folder or a file; empty when unbound), and the per-channel normalisation applied before the first layer
 * ({@code (x - mean) / std}; both empty for none, else one value per channel or one for all).
 *
 * <pre>{@code InputSpec.image(1, 28, 28).withDataset("fashion-mnist-small").withNormalization(List.of(0.286), List.of(0.353))}</pre>
 *
 * @param extras unknown fields (name → raw JSON text), preserved on save
 */
public record InputSpec(List<Integer> shape, String dataset, List<Double> mean, List<Double> std,
        Map<String, String> extras) {

    /** Validates the shape (1 to 3 positive sizes) and the normalisation (matching lengths, std > 0). */
    public InputSpec {
        shape = List.copyOf(Objects.requireNonNull(shape, "shape"));
        if (shape.isEmpty() || shape.size() > 3) {
            throw new IllegalArgumentException("input shape must have 1 to 3 dims ([C, H, W], [C, L] or [F]), got "
                    + shape);
        }
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("input shape " + shape + " must have positive sizes");
            }
        }
        dataset = Checks.text(dataset);
        mean = List.copyOf(mean == null ? List.of() : mean);
        std = List.copyOf(std == null ? List.of() : std);
        if (mean.size() != std.size()) {
            throw new IllegalArgumentException("input normalisation: mean has " + mean.size() + " values but std has "
                    + std.size());
        }
        if (!mean.isEmpty() && mean.size() != 1 && mean.size() != shape.get(0)) {
            throw new IllegalArgumentException("input normalisation: " + mean.size() + " mean/std values for "
                    + shape.get(0) + " channels — give one value per channel or one for all");
        }
        for (int i = 0; i < mean.size(); i++) {
            if (!Double.isFinite(mean.get(i)) || !(std.get(i) > 0) || !Double.isFinite(std.get(i))) {
                throw new IllegalArgumentException("input normalisation: mean must be finite and std positive, got "
                        + "mean=" + mean.get(i) + " std=" + std.get(i));
            }
        }
        extras = Checks.orderedCopy(extras, "input field");
    }

    /** An unbound, unnormalised image input {@code C×H×W}. */
    public static InputSpec image(int channels, int height, int width) {
        return new InputSpec(List.of(channels, height, width), "", List.of(), List.of(), Map.of());
    }

    /** An unbound input of the given shape. */
    public static InputSpec of(int... dims) {
        return new InputSpec(java.util.Arrays.stream(dims).boxed().toList(), "", List.of(), List.of(), Map.of());
    }

    /** The number of channels (the first dim). */
    public int channels() {
        return shape.get(0);
    }

    /** The shape as an array. */
    public int[] dims() {
        int[] d = new int[shape.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = shape.get(i);
        }
        return d;
    }

    /** This spec with another shape (normalisation is dropped if it no longer fits). */
    public InputSpec withShape(List<Integer> newShape) {
        boolean fits = mean.size() <= 1 || !newShape.isEmpty() && newShape.get(0) == mean.size();
        return new InputSpec(newShape, dataset, fits ? mean : List.of(), fits ? std : List.of(), extras);
    }

    /** This spec bound to another dataset (empty for none). */
    public InputSpec withDataset(String newDataset) {
        return new InputSpec(shape, newDataset, mean, std, extras);
    }

    /** This spec with another normalisation. */
    public InputSpec withNormalization(List<Double> newMean, List<Double> newStd) {
        return new InputSpec(shape, dataset, newMean, newStd, extras);
    }
}
