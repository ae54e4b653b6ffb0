package io.netwright.data;

import io.netwright.data.transforms.Transform;
import java.util.List;
import java.util.Objects;

/**
 * A labelled dataset whose inputs pass through a {@link Transform} when fetched (torchvision's
 * {@code transform=} argument). Random transforms draw from the sample's {@link SampleContext#generator()}, so
 * each sample's augmentation depends only on (loader seed, epoch, index).
 *
 * <pre>{@code
 * var train = new TransformedDataset<>(cifar, Compose.of(new ToTensor(), new RandomCrop(32, 4),
 *         new RandomHorizontalFlip(), new Normalize(mean, std)));
 * }</pre>
 *
 * @param <I> the input type of the underlying dataset
 * @param <O> the input type after the transform
 */
public final class TransformedDataset<I, O> implements LabeledDataset<O> {

    private final Dataset<Sample<I>> dataset;
    private final Transform<? super I, ? extends O> transform;

    /** {@code dataset} with {@code transform} applied to each input. */
    public TransformedDataset(Dataset<Sample<I>> dataset, Transform<? super I, ? extends O> transform) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.transform = Objects.requireNonNull(transform, "transform");
    }

    /** The underlying dataset. */
    public Dataset<Sample<I>> dataset() {
        return dataset;
    }

    /** The transform. */
    public Transform<? super I, ? extends O> transform() {
        return transform;
    }

    /** The underlying dataset's classes, or an empty list if it does not know them. */
    @Override
    public List<String> classes() {
        return dataset instanceof LabeledDataset<?> l ? l.classes() : List.of();
    }

    @Override
    public int label(int index) {
        return dataset instanceof LabeledDataset<?> l ? l.label(index) : dataset.get(index).label();
    }

    @Override
    public int size() {
        return dataset.size();
    }

    /** Sample {@code index} transformed with the generator of {@link SampleContext#standalone(int)}. */
    @Override
    public Sample<O> get(int index) {
        return get(index, SampleContext.standalone(index));
    }

    @Override
    public Sample<O> get(int index, SampleContext context) {
        // The inner dataset gets a re-seeded context so a nested transform draws different numbers than this one.
        Sample<I> s = dataset.get(index, new SampleContext(Draws.mix(context.seed(), 0x7F), context.epoch(),
                context.index()));
        return s.withInput(transform.apply(s.input(), context.generator()));
    }

    @Override
    public String toString() {
        return "TransformedDataset(" + dataset + ", " + transform + ")";
    }
}
