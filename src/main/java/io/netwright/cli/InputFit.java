package io.netwright.cli;

import io.netwright.data.ByteImage;
import io.netwright.data.Image;
import io.netwright.data.Dataset;
import io.netwright.data.Sample;
import io.netwright.data.TransformedDataset;
import io.netwright.data.transforms.Transform;
import io.netwright.graph.InputSpec;
import io.netwright.train.InputImages;
import io.netwright.tensor.Generator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fits samples to a design's input spec, as the data pipeline of PyTorch code would: images are converted to the
 * design's channels (grayscale ↔ RGB), resized to its height × width when they differ, scaled to [0, 1] and
 * normalised with the spec's mean/std; feature vectors are checked for length and normalised the same way.
 * Anything that cannot be fitted (images for a feature-vector input, a wrong feature count) is a {@link CliError}
 * naming both shapes.
 */
final class InputFit {

    private final InputSpec spec;

    /** A fitter for {@code spec}. */
    InputFit(InputSpec spec) {
        this.spec = spec;
    }

    /**
     * {@code raw} with every input fitted to the spec. The first sample is checked up front; conversions that
     * happen (channels, resizing) are reported once through {@code notes}.
     *
     * @param what names the data in messages, e.g. {@code --data fashion-mnist-small}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Dataset<?> apply(Dataset<? extends Sample<?>> raw, String what, Consumer<String> notes) {
        if (raw.size() == 0) {
            throw new CliError(what + ": has no samples");
        }
        Object first = raw.get(0).input();
        if (first instanceof ByteImage b) {
            checkImages(b.channels(), b.height(), b.width(), what, notes);
            return new TransformedDataset<>((Dataset) raw, (Transform<ByteImage, Image>) this::image);
        }
        if (first instanceof float[] f) {
            checkFeatures(f.length, what);
            return new TransformedDataset<>((Dataset) raw, (Transform<float[], float[]>) this::features);
        }
        throw new CliError(what + ": samples of type " + first.getClass().getSimpleName()
                + " cannot be fed to a design — use images or a CSV file");
    }

    /** One decoded image fitted to the spec (channels, size, [0, 1], normalisation). */
    Image image(ByteImage b, Generator rng) {
        try {
            return InputImages.fit(b, spec);
        } catch (IllegalArgumentException e) {
            throw new CliError(e.getMessage(), e);
        }
    }

    /** Checks an image of {@code c×h×w} can be fitted; says what will be converted. */
    void checkImages(int c, int h, int w, String what, Consumer<String> notes) {
        int[] d = spec.dims();
        if (d.length != 3) {
            throw new CliError(what + ": has " + c + "×" + h + "×" + w + " images but the design input is "
                    + SummaryCommand.shapeText(spec.shape()) + " — give the design an image input C×H×W");
        }
        if (d[0] != 1 && d[0] != 3) {
            throw new CliError(what + ": images have 1 or 3 channels but the design input has " + d[0]
                    + " — set the input shape to 1×" + d[1] + "×" + d[2] + " or 3×" + d[1] + "×" + d[2]);
        }
        if (c != d[0]) {
            notes.accept("converting " + (c == 1 ? "grayscale" : "RGB") + " images to " + (d[0] == 1 ? "grayscale"
                    : "RGB") + " for the design input " + SummaryCommand.shapeText(spec.shape()));
        }
        if (h != d[1] || w != d[2]) {
            notes.accept("resizing " + h + "×" + w + " images to " + d[1] + "×" + d[2] + " for the design input");
        }
    }

    private void checkFeatures(int n, String what) {
        int[] d = spec.dims();
        if (d.length != 1 || d[0] != n) {
            throw new CliError(what + ": has " + n + " features per row but the design input is "
                    + SummaryCommand.shapeText(spec.shape()) + " — set the design input shape to [" + n + "]");
        }
    }

    private float[] features(float[] x, Generator rng) {
        if (spec.mean().isEmpty()) {
            return x;
        }
        List<Double> mean = spec.mean();
        List<Double> std = spec.std();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            int k = mean.size() == 1 ? 0 : i;
            out[i] = (float) ((x[i] - mean.get(k)) / std.get(k));
        }
        return out;
    }
}
