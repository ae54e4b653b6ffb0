package io.netwright.train;

/**
 * Random augmentation of training images (validation and test images are never augmented). Each sample's numbers
 * come from (seed, epoch, index), so a run's augmentation is reproducible and resumes exactly. Ignored, with a
 * warning, for non-image data.
 *
 * @param horizontalFlip  flip left-right with probability 0.5
 * @param verticalFlip    flip upside down with probability 0.5
 * @param cropPadding     pad by this many pixels (zeros) and crop back to the input size at a random place (0: off)
 * @param rotationDegrees rotate by a random angle in [-d, d] (0: off)
 * @param colorJitter     brightness, contrast and saturation jitter factor (0: off)
 * @param randomErasing   probability of erasing a random rectangle (0: off)
 */
public record Augmentation(boolean horizontalFlip, boolean verticalFlip, int cropPadding, double rotationDegrees,
        double colorJitter, double randomErasing) {

    /** Checks the ranges. */
    public Augmentation {
        if (cropPadding < 0) {
            throw new IllegalArgumentException("augmentation: crop_padding must be >= 0, got " + cropPadding);
        }
        if (!(rotationDegrees >= 0 && rotationDegrees <= 180)) {
            throw new IllegalArgumentException("augmentation: rotation_degrees must be in [0, 180], got "
                    + rotationDegrees);
        }
        if (!(colorJitter >= 0 && colorJitter < 1)) {
            throw new IllegalArgumentException("augmentation: color_jitter must be in [0, 1), got " + colorJitter);
        }
        if (!(randomErasing >= 0 && randomErasing <= 1)) {
            throw new IllegalArgumentException("augmentation: random_erasing must be a probability in [0, 1], got "
                    + randomErasing);
        }
    }

    /** No augmentation. */
    public static Augmentation none() {
        return new Augmentation(false, false, 0, 0, 0, 0);
    }

    /** The usual CIFAR recipe: horizontal flip and a 4-pixel padded random crop. */
    public static Augmentation flipAndCrop() {
        return new Augmentation(true, false, 4, 0, 0, 0);
    }

    /** Whether anything is switched on. */
    public boolean enabled() {
        return horizontalFlip || verticalFlip || cropPadding > 0 || rotationDegrees > 0 || colorJitter > 0
                || randomErasing > 0;
    }
}
