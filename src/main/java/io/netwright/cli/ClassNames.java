package io.netwright.cli;

import io.netwright.data.formats.Cifar;
import io.netwright.data.formats.ColorMode;
import io.netwright.data.formats.Mnist;
import io.netwright.graph.Design;
import io.netwright.train.DataSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The class names to show for a model's outputs: those stored in the weights' metadata (what the weights were
 * trained on), else those of the design's dataset binding, else the indices {@code 0..n-1}. A list whose length
 * does not match the output is not used.
 */
final class ClassNames {

    private ClassNames() {
    }

    /**
     * Names for {@code count} outputs.
     *
     * @param designFile the design's file: a dataset path in it is relative to its folder (null: as given)
     * @param notes receives a sentence when a source of names was tried and failed
     */
    static List<String> of(Design design, java.nio.file.Path designFile, Map<String, String> weightsMeta, int count,
            Consumer<String> notes) {
        Optional<List<String>> fromWeights = WeightsArgs.classes(weightsMeta);
        if (fromWeights.isPresent() && fromWeights.get().size() == count) {
            return fromWeights.get();
        }
        String binding = design.input().dataset();
        Optional<List<String>> known = known(binding);
        if (known.isPresent() && known.get().size() == count) {
            return known.get();
        }
        if (!binding.isEmpty() && known.isEmpty()) {
            int[] dims = design.input().dims();
            ColorMode mode = dims.length == 3 && dims[0] == 1 ? ColorMode.GRAYSCALE : ColorMode.RGB;
            try {
                List<String> names = DataSpec.resolve(DataSpec.inDesignFolder(binding, designFile), mode).classes();
                if (names.size() == count) {
                    return names;
                }
            } catch (IOException | RuntimeException e) {
                notes.accept("class names: the design's dataset '" + binding + "' cannot be opened ("
                        + ShortErrors.oneLine(ShortErrors.message(e)) + "); showing class indices");
            }
        }
        List<String> indices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            indices.add(Integer.toString(i));
        }
        return indices;
    }

    /** The classes of datasets known by name (designs bind to {@code cifar10} without it being on disk). */
    static Optional<List<String>> known(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "fashion-mnist-small", "fashion-mnist", "fashion_mnist", "fashionmnist" ->
                    Optional.of(Mnist.FASHION_CLASSES);
            case "mnist" -> Optional.of(Mnist.DIGIT_CLASSES);
            case "shapes10" -> Optional.of(io.netwright.data.formats.Shapes.ALL_CLASSES);
            case "cifar10", "cifar-10" -> Optional.of(Cifar.CIFAR10_CLASSES);
            case "cifar100", "cifar-100" -> Optional.of(Cifar.CIFAR100_FINE_CLASSES);
            default -> Optional.empty();
        };
    }
}
