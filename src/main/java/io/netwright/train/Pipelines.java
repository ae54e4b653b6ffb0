package io.netwright.train;

import io.netwright.data.ByteImage;
import io.netwright.data.Dataset;
import io.netwright.data.Image;
import io.netwright.data.Sample;
import io.netwright.data.TransformedDataset;
import io.netwright.data.transforms.ColorJitter;
import io.netwright.data.transforms.Compose;
import io.netwright.data.transforms.ImageTransform;
import io.netwright.data.transforms.Normalize;
import io.netwright.data.transforms.Padding;
import io.netwright.data.transforms.PaddingMode;
import io.netwright.data.transforms.RandomCrop;
import io.netwright.data.transforms.RandomErasing;
import io.netwright.data.transforms.RandomHorizontalFlip;
import io.netwright.data.transforms.RandomRotation;
import io.netwright.data.transforms.RandomVerticalFlip;
import io.netwright.data.transforms.Resize;
import io.netwright.data.transforms.ToTensor;
import io.netwright.data.transforms.Transform;
import io.netwright.graph.InputSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The transforms between raw samples and the network: images become CHW floats ({@code ToTensor}), are resized
 * to the design's input when their size differs, augmented (training only) and normalised with the design's
 * mean/std; feature vectors are normalised. Mismatches that cannot be fixed (channel counts, feature counts) fail
 * naming both sides.
 */
public final class Pipelines {

    /**
     * The model-ready datasets and what was adapted on the way.
     *
     * @param train      training split with augmentation
     * @param validation validation split, or null
     * @param test       test split, or null
     * @param warnings   adaptations worth telling the user about (resizing, augmentation ignored)
     */
    record Prepared(Dataset<Sample<Object>> train, Dataset<Sample<Object>> validation,
            Dataset<Sample<Object>> test, List<String> warnings) {
    }

    private Pipelines() {
    }

    static Prepared prepare(TrainingData data, InputSpec input, Augmentation aug) {
        List<String> warnings = new ArrayList<>();
        Object first = data.train().get(0).input();
        Transform<Object, Object> trainT = transform(first, input, aug, warnings);
        Transform<Object, Object> evalT = transform(first, input, Augmentation.none(), new ArrayList<>());
        return new Prepared(apply(data.train(), trainT), apply(data.validation(), evalT), apply(data.test(), evalT),
                List.copyOf(warnings));
    }

    /** The evaluation view (no augmentation) of any raw split with the same input kind. */
    static Dataset<Sample<Object>> evaluationView(Dataset<? extends Sample<?>> raw, InputSpec input) {
        Object first = raw.get(0).input();
        return apply(raw, transform(first, input, Augmentation.none(), new ArrayList<>()));
    }

    @SuppressWarnings("unchecked")
    /**
     * The random transforms {@code aug} switches on before normalisation, in the order training applies them, for
     * images of {@code channels × height × width}: padded crop, flips, rotation, colour jitter (saturation only on
     * colour images). The studio's augmentation preview draws from the same list.
     */
    public static List<ImageTransform> augmentation(Augmentation aug, int channels, int height, int width) {
        List<ImageTransform> out = new ArrayList<>();
        if (aug.cropPadding() > 0) {
            out.add(new RandomCrop(height, width, Padding.of(aug.cropPadding()), false, new double[]{0},
                    PaddingMode.CONSTANT));
        }
        if (aug.horizontalFlip()) {
            out.add(new RandomHorizontalFlip());
        }
        if (aug.verticalFlip()) {
            out.add(new RandomVerticalFlip());
        }
        if (aug.rotationDegrees() > 0) {
            out.add(new RandomRotation(aug.rotationDegrees()));
        }
        if (aug.colorJitter() > 0) {
            double j = aug.colorJitter();
            out.add(new ColorJitter(j, j, channels == 3 ? j : 0));
        }
        return out;
    }

    /** Random erasing, when {@code aug} switches it on; training applies it after normalisation. */
    public static java.util.Optional<ImageTransform> erasing(Augmentation aug) {
        return aug.randomErasing() > 0 ? java.util.Optional.of(new RandomErasing(aug.randomErasing(),
                new double[]{0.02, 0.33}, new double[]{0.3, 3.3}, new double[]{0})) : java.util.Optional.empty();
    }

    private static Dataset<Sample<Object>> apply(Dataset<? extends Sample<?>> raw, Transform<Object, Object> t) {
        if (raw == null) {
            return null;
        }
        return new TransformedDataset<Object, Object>((Dataset<Sample<Object>>) (Dataset<?>) raw, t);
    }

    @SuppressWarnings("unchecked")
    private static Transform<Object, Object> transform(Object first, InputSpec input, Augmentation aug,
            List<String> warnings) {
        int[] dims = input.dims();
        if (first instanceof float[] f) {
            if (dims.length != 1 || dims[0] != f.length) {
                throw new IllegalArgumentException("the data has " + f.length + " features per sample but the "
                        + "design input is " + input.shape() + " — set the input shape to [" + f.length + "]");
            }
            if (aug.enabled()) {
                warnings.add("augmentation is for images and is ignored for feature vectors");
            }
            Transform<float[], float[]> norm = features(input);
            return (Transform<Object, Object>) (Transform<?, ?>) norm;
        }
        Transform<Object, Image> toImage;
        int c;
        int h;
        int w;
        if (first instanceof ByteImage b) {
            Transform<ByteImage, Image> tt = new ToTensor();
            toImage = (Transform<Object, Image>) (Transform<?, ?>) tt;
            c = b.channels();
            h = b.height();
            w = b.width();
        } else if (first instanceof Image im) {
            toImage = (x, rng) -> (Image) x;
            c = im.channels();
            h = im.height();
            w = im.width();
        } else {
            throw new IllegalArgumentException("samples of type " + first.getClass().getSimpleName() + " cannot be "
                    + "trained on: the trainer takes ByteImage, Image or float[] inputs");
        }
        if (dims.length != 3) {
            throw new IllegalArgumentException("the data has " + c + "x" + h + "x" + w + " images but the design "
                    + "input is " + input.shape() + " — set the input shape to [" + c + ", " + h + ", " + w + "]");
        }
        if (c != dims[0]) {
            throw new IllegalArgumentException("the data has " + c + "-channel images but the design input has "
                    + dims[0] + " channels — set the input shape to [" + c + ", " + dims[1] + ", " + dims[2] + "]");
        }
        List<ImageTransform> rest = new ArrayList<>();
        if (h != dims[1] || w != dims[2]) {
            warnings.add("images are " + h + "x" + w + " but the design input is " + dims[1] + "x" + dims[2]
                    + ": resizing every image");
            rest.add(new Resize(dims[1], dims[2]));
        }
        rest.addAll(augmentation(aug, c, dims[1], dims[2]));
        if (!input.mean().isEmpty()) {
            rest.add(new Normalize(perChannel(input.mean(), c), perChannel(input.std(), c)));
        }
        erasing(aug).ifPresent(rest::add);
        Compose<Object> compose = Compose.of(toImage, rest);
        return (Transform<Object, Object>) (Transform<?, ?>) compose;
    }

    private static double[] perChannel(List<Double> values, int channels) {
        double[] out = new double[channels];
        for (int i = 0; i < channels; i++) {
            out[i] = values.size() == 1 ? values.get(0) : values.get(i);
        }
        return out;
    }

    private static Transform<float[], float[]> features(InputSpec input) {
        if (input.mean().isEmpty()) {
            return (x, rng) -> x;
        }
        int n = input.dims()[0];
        double[] mean = perChannel(input.mean(), n);
        double[] std = perChannel(input.std(), n);
        return new Transform<>() {
            @Override
            public float[] apply(float[] x, io.netwright.tensor.Generator rng) {
                float[] out = new float[x.length];
                for (int i = 0; i < x.length; i++) {
                    out[i] = (float) ((x[i] - mean[i]) / std[i]);
                }
                return out;
            }

            @Override
            public String toString() {
                return "NormalizeFeatures(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
            }
        };
    }
}
