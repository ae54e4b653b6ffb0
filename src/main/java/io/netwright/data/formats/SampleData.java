package io.netwright.data.formats;

import io.netwright.data.ImageDataset;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the {@code samples/} folder that ships with Netwright and loads its datasets (the class-balanced
 * Fashion-MNIST subset: 3,000 training and 1,000 test images), so demos and tests run without a download.
 *
 * <p>Where it looks, in order: the system property {@code netwright.samples} (which must then point at an existing
 * folder); {@code samples/} in the working directory and its parents; {@code samples/} next to the jar (or
 * {@code target/classes}) this class was loaded from, and that folder's parents.
 *
 * <pre>{@code ImageDataset train = SampleData.fashionMnist(Split.TRAIN);}</pre>
 */
public final class SampleData {

    /** The system property that overrides the search. */
    public static final String PROPERTY = "netwright.samples";

    /** The Fashion-MNIST subset's folder below {@code samples/}. */
    public static final String FASHION_MNIST = "data/fashion-mnist-small";

    private static final int PARENTS = 3;

    private SampleData() {
    }

    /**
     * The {@code samples/} folder.
     *
     * @throws IOException listing every place searched, when none holds it
     */
    public static Path root() throws IOException {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop).toAbsolutePath().normalize();
            if (!Files.isDirectory(p)) {
                throw new IOException("-D" + PROPERTY + "=" + prop + ": no such folder (" + p + ")");
            }
            return p;
        }
        List<Path> candidates = candidates();
        for (Path c : candidates) {
            if (Files.isDirectory(c.resolve("data"))) {
                return c;
            }
        }
        List<String> tried = new ArrayList<>();
        candidates.forEach(c -> tried.add(c.toString()));
        throw new IOException("Netwright's sample data (samples/data) was not found; looked in " + String.join(", ",
                tried) + " — run from the project folder or set -D" + PROPERTY + "=/path/to/samples");
    }

    /** The places searched (without the system property), in order. */
    static List<Path> candidates() {
        Set<Path> out = new LinkedHashSet<>();
        addWithParents(out, Path.of("").toAbsolutePath());
        codeLocation().ifPresent(loc -> addWithParents(out, Files.isDirectory(loc) ? loc : loc.getParent()));
        return List.copyOf(out);
    }

    private static void addWithParents(Set<Path> out, Path start) {
        Path p = start == null ? null : start.normalize();
        for (int i = 0; i <= PARENTS && p != null; i++, p = p.getParent()) {
            out.add(p.resolve("samples"));
        }
    }

    private static Optional<Path> codeLocation() {
        try {
            CodeSource cs = SampleData.class.getProtectionDomain().getCodeSource();
            return cs == null || cs.getLocation() == null ? Optional.empty()
                    : Optional.of(Path.of(cs.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The bundled Fashion-MNIST subset's {@code split} (3,000 train / 1,000 test, 28×28 grayscale). */
    public static ImageDataset fashionMnist(Split split) throws IOException {
        return Mnist.load(root().resolve(FASHION_MNIST), split, Mnist.FASHION_CLASSES, "Fashion-MNIST (small)");
    }
}
