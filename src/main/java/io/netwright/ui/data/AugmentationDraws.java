package io.netwright.ui.data;

import io.netwright.data.Draws;
import io.netwright.data.Image;
import io.netwright.data.transforms.ImageTransform;
import io.netwright.tensor.Generator;
import io.netwright.train.Augmentation;
import io.netwright.train.Pipelines;
import java.util.ArrayList;
import java.util.List;

/**
 * Random draws of a training {@link Augmentation} on one sample, for the Data tab's preview: the same transforms,
 * in the same order, as the trainer applies (crop, flips, rotation, colour jitter, erasing), without normalisation
 * so the result can be shown. Draw {@code i} of seed {@code s} always gives the same picture; a re-roll is a new
 * seed.
 */
public final class AugmentationDraws {

    private AugmentationDraws() {
    }

    /** The transforms {@code aug} switches on for images of {@code channels × height × width}, in trainer order. */
    public static List<ImageTransform> transforms(Augmentation aug, int channels, int height, int width) {
        List<ImageTransform> out = new ArrayList<>(Pipelines.augmentation(aug, channels, height,
                width));
        Pipelines.erasing(aug).ifPresent(out::add);
        return out;
    }

    /**
     * {@code count} draws of {@code aug} on {@code input} (a {@code ByteImage} or {@code Image}), draw {@code i}
     * from a generator seeded with {@code (seed, i)}.
     *
     * @throws IllegalArgumentException for a feature vector, which has nothing to augment
     */
    public static List<Image> draw(Object input, Augmentation aug, long seed, int count) {
        if (!SampleImages.isImage(input)) {
            throw new IllegalArgumentException("augmentation applies to images; this sample is a "
                    + input.getClass().getSimpleName() + " (feature vector) — open an image dataset to preview it");
        }
        Image base = SampleImages.toImage(input);
        List<ImageTransform> steps = transforms(aug, base.channels(), base.height(), base.width());
        List<Image> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Generator g = new Generator(Draws.mix(seed, i));
            Image x = base.copy(); // some transforms work in place
            for (ImageTransform t : steps) {
                x = t.apply(x, g);
            }
            out.add(x);
        }
        return out;
    }
}
