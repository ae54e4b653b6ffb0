package io.netwright.ui.data;

import io.netwright.data.Draws;
import io.netwright.data.Image;
import io.netwright.data.transforms.ColorJitter;
import io.netwright.data.transforms.ImageTransform;
import io.netwright.data.transforms.Padding;
import io.netwright.data.transforms.PaddingMode;
import io.netwright.data.transforms.RandomCrop;
import io.netwright.data.transforms.RandomErasing;
import io.netwright.data.transforms.RandomHorizontalFlip;
import io.netwright.data.transforms.RandomRotation;
import io.netwright.data.transforms.RandomVerticalFlip;
import io.netwright.tensor.Generator;
import io.netwright.train.Augmentation;
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
        if (aug.randomErasing() > 0) {
            out.add(new RandomErasing(aug.randomErasing(), new double[]{0.02, 0.33}, new double[]{0.3, 3.3},
                    new double[]{0}));
        }
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
