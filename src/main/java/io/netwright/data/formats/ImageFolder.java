package io.netwright.data.formats;

import io.netwright.data.ByteImage;
import io.netwright.data.Dataset;
import io.netwright.data.LabeledDataset;
import io.netwright.data.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Images in one folder per class, like torchvision's {@code ImageFolder}: {@code root/cat/001.png},
 * {@code root/dog/xyz.jpg}, ... Class names are the sub-folder names in sorted order (label = position); files are
 * found recursively below each class folder, in sorted order, by extension ({@link #EXTENSIONS}, any case). Names
 * starting with a dot are skipped.
 *
 * <p>Images are decoded on {@link #get} (so a {@code DataLoader}'s workers decode in parallel) or all at once with
 * {@link #preload()}. Sizes may differ between files: add {@code Resize}/{@code CenterCrop} before batching.
 *
 * <pre>{@code ImageFolder pets = ImageFolder.open(Path.of("pets/train"), ColorMode.RGB);}</pre>
 */
public final class ImageFolder implements LabeledDataset<ByteImage> {

    /** File extensions treated as images. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    private final Path root;
    private final ColorMode mode;
    private final List<String> classes;
    private final List<Path> files;
    private final int[] labels;
    private final ByteImage[] cache;

    private ImageFolder(Path root, ColorMode mode, List<String> classes, List<Path> files, int[] labels,
            ByteImage[] cache) {
        this.root = root;
        this.mode = mode;
        this.classes = classes;
        this.files = files;
        this.labels = labels;
        this.cache = cache;
    }

    /**
     * Scans {@code root} (decoding nothing yet).
     *
     * @throws IOException if {@code root} has no class folder or a class folder has no image
     */
    public static ImageFolder open(Path root, ColorMode mode) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a folder — expected one sub-folder of images per class");
        }
        List<Path> classDirs;
        try (Stream<Path> s = Files.list(root)) {
            classDirs = s.filter(Files::isDirectory).filter(p -> !hidden(p)).sorted().toList();
        }
        if (classDirs.isEmpty()) {
            throw new IOException(root + ": couldn't find any class folder — expected one sub-folder of images per"
                    + " class, e.g. " + root.resolve("cat") + "/001.png");
        }
        List<String> classes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (int c = 0; c < classDirs.size(); c++) {
            Path dir = classDirs.get(c);
            classes.add(dir.getFileName().toString());
            List<Path> found;
            try (Stream<Path> s = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                found = s.filter(Files::isRegularFile).filter(ImageFolder::isImage)
                        .filter(p -> !hiddenBelow(dir, p))
                        .sorted().toList();
            }
            if (found.isEmpty()) {
                empty.add(dir.getFileName().toString());
            }
            for (Path p : found) {
                files.add(p);
                labels.add(c);
            }
        }
        if (!empty.isEmpty()) {
            throw new IOException(root + ": found no valid file for the classes " + String.join(", ", empty)
                    + ". Supported extensions are: " + String.join(", ", EXTENSIONS.stream().sorted().toList()));
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        return new ImageFolder(root, mode, List.copyOf(classes), List.copyOf(files), y, null);
    }

    /**
     * Decodes every image now and keeps them in memory (later {@code get}s only copy).
     *
     * @throws IOException naming the first file that cannot be decoded
     */
    public ImageFolder preload() throws IOException {
        if (cache != null) {
            return this;
        }
        ByteImage[] images = new ByteImage[files.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = ImageFiles.read(files.get(i), mode);
        }
        return new ImageFolder(root, mode, classes, files, labels, images);
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static boolean hiddenBelow(Path dir, Path p) {
        for (Path part : dir.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The folder scanned. */
    public Path root() {
        return root;
    }

    /** The colour mode images are decoded to. */
    public ColorMode mode() {
        return mode;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    /** Every image file, in sample order. */
    public List<Path> files() {
        return files;
    }

    /** The file of sample {@code index}. */
    public Path path(int index) {
        return files.get(Dataset.checkIndex(index, files.size()));
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public int label(int index) {
        return labels[Dataset.checkIndex(index, labels.length)];
    }

    /**
     * Sample {@code index}, decoded from its file (or copied from the preloaded image).
     *
     * @throws UncheckedIOException wrapping a {@link io.netwright.data.CorruptDataException} that names the file
     */
    @Override
    public Sample<ByteImage> get(int index) {
        Dataset.checkIndex(index, files.size());
        if (cache != null) {
            ByteImage b = cache[index];
            return new Sample<>(new ByteImage(b.channels(), b.height(), b.width(), b.data().clone()), labels[index]);
        }
        try {
            return new Sample<>(ImageFiles.read(files.get(index), mode), labels[index]);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ImageFolder(" + root + ", " + files.size() + " images, " + classes.size() + " classes, " + mode
                + (cache != null ? ", preloaded" : "") + ")";
    }
}
