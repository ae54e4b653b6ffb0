package io.netwright.data.transforms;

import io.netwright.data.Image;
import io.netwright.tensor.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several transforms applied in order, like {@code torchvision.transforms.Compose}. The first step may change the
 * type (typically {@link ToTensor}: {@code ByteImage → Image}); the rest are image-to-image. All steps draw from
 * the same per-sample generator, one after the other.
 *
 * <pre>{@code
 * var train = Compose.of(new ToTensor(), new RandomCrop(32, 4), new RandomHorizontalFlip(),
 *         new Normalize(new double[]{0.4914, 0.4822, 0.4465}, new double[]{0.247, 0.243, 0.261}));
 * }</pre>
 *
 * @param <I> the input type of the first step
 */
public final class Compose<I> implements Transform<I, Image> {

    private final Transform<I, Image> first;
    private final List<ImageTransform> rest;

    private Compose(Transform<I, Image> first, List<ImageTransform> rest) {
        this.first = Objects.requireNonNull(first, "first");
        this.rest = List.copyOf(rest);
    }

    /** {@code first} followed by each of {@code rest}. */
    public static <I> Compose<I> of(Transform<I, Image> first, ImageTransform... rest) {
        return new Compose<>(first, List.of(rest));
    }

    /** {@code first} followed by each of {@code rest}. */
    public static <I> Compose<I> of(Transform<I, Image> first, List<? extends ImageTransform> rest) {
        return new Compose<>(first, new ArrayList<>(rest));
    }

    /** The steps after the first. */
    public List<ImageTransform> rest() {
        return rest;
    }

    @Override
    public Image apply(I input, Generator rng) {
        Image x = first.apply(input, rng);
        for (ImageTransform t : rest) {
            x = t.apply(x, rng);
        }
        return x;
    }

    /** torchvision's form: {@code Compose(\n    ToTensor()\n    Normalize(...)\n)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Compose(\n    ").append(first);
        for (ImageTransform t : rest) {
            sb.append("\n    ").append(t);
        }
        return sb.append("\n)").toString();
    }
}
