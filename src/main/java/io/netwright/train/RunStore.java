package io.netwright.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The runs under one root folder (by default {@code ~/.netwright/runs}): names new run folders, lists past runs
 * with their config summary and final figures, and loads any run's history.
 *
 * <pre>{@code
 * RunStore store = new RunStore(RunStore.defaultRoot());
 * Trainer.create(config, store.newRunDir(config)).start();
 * for (RunSummary r : store.list()) System.out.println(r.id() + " " + r.state() + " " + r.metric("val_accuracy"));
 * RunHistory h = store.history(store.list().get(0).id());
 * }</pre>
 */
public final class RunStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Path root;

    /** The runs under {@code root} (created when the first run is). */
    public RunStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** {@code ~/.netwright/runs}. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".netwright", "runs");
    }

    /** The root folder. */
    public Path root() {
        return root;
    }

    /**
     * A fresh folder path for a run of {@code config}: {@code yyyyMMdd-HHmmss-design-name}, with {@code -2},
     * {@code -3}, ... appended if taken. The folder itself is created by the trainer.
     */
    public Path newRunDir(TrainingConfig config) throws IOException {
        Files.createDirectories(root);
        String base = STAMP.format(Instant.now()) + "-" + slug(config.design().metadata().name());
        Path p = root.resolve(base);
        for (int i = 2; Files.exists(p); i++) {
            p = root.resolve(base + "-" + i);
        }
        return p;
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 40) {
            s = s.substring(0, 40).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "run" : s;
    }

    /** Every run under the root, newest first. Folders that are not runs are skipped. */
    public List<RunSummary> list() throws IOException {
        List<RunSummary> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(p -> Files.isRegularFile(p.resolve(RunFolder.CONFIG))).toList();
        }
        for (Path d : dirs) {
            out.add(summary(d));
        }
        out.sort(Comparator.comparing(RunSummary::started).reversed().thenComparing(RunSummary::id));
        return out;
    }

    /** The listing entry of the run in {@code dir}. */
    public RunSummary summary(Path dir) throws IOException {
        RunFolder f = RunFolder.open(dir);
        TrainingConfig c = f.readConfig();
        var status = f.readStatus();
        Instant mtime = Files.getLastModifiedTime(dir.resolve(RunFolder.CONFIG)).toInstant();
        return new RunSummary(f.id(), dir, c.design().metadata().name(), c.dataSpec(), c.optimizer().summary(),
                c.schedule().summary(), c.batchSize(), c.epochs(), c.seed(),
                status.map(RunStatus::state).orElse("unknown"), status.map(RunStatus::started).orElse(mtime),
                status.map(RunStatus::updated).orElse(mtime), status.map(RunStatus::epoch).orElse(0),
                status.map(RunStatus::step).orElse(0L), status.map(RunStatus::metrics).orElse(Map.of()),
                status.map(RunStatus::message).orElse(""), c.device(), notes(f));
    }

    /** The run's notes; a damaged notes file shows as none rather than hiding the run from the list. */
    private static RunNotes notes(RunFolder f) {
        try {
            return f.readNotes();
        } catch (IOException e) {
            return new RunNotes("(notes.json cannot be read: " + e.getMessage() + ")", java.util.List.of());
        }
    }

    /** The folder deleted runs are moved to: {@code trash/} next to the runs root. */
    public Path trash() {
        Path parent = root.toAbsolutePath().getParent();
        return (parent == null ? root.toAbsolutePath() : parent).resolve("trash");
    }

    /**
     * Renames the run in {@code dir} to {@code name} (a folder name: letters, digits, {@code . _ -}); returns the new
     * folder. Refused while a trainer writes the run.
     *
     * @throws IOException naming the run and the fix when the name is not allowed or taken
     */
    public Path rename(Path dir, String name) throws IOException {
        RunFolder f = RunFolder.open(dir);
        String n = name == null ? "" : name.strip();
        if (!n.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IOException("'" + n + "' cannot name a run: use 1 to 100 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        requireIdle(f, "renamed");
        Path target = dir.toAbsolutePath().resolveSibling(n);
        if (Files.exists(target)) {
            throw new IOException("a run called " + n + " already exists in " + target.getParent()
                    + " — choose another name");
        }
        Files.move(dir, target);
        return target;
    }

    /**
     * Moves the run in {@code dir} to {@link #trash()} (where it can be taken back from by hand); returns where it
     * went. Refused while a trainer writes the run.
     */
    public Path moveToTrash(Path dir) throws IOException {
        RunFolder f = RunFolder.open(dir);
        requireIdle(f, "moved to the trash");
        Files.createDirectories(trash());
        Path target = trash().resolve(f.id());
        for (int i = 2; Files.exists(target); i++) {
            target = trash().resolve(f.id() + "-" + i);
        }
        try {
            Files.move(dir, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            throw new IOException(dir + ": the trash " + trash() + " is on another file system — move the folder "
                    + "by hand", e);
        }
        return target;
    }

    private static void requireIdle(RunFolder f, String what) throws IOException {
        if (f.isLive()) {
            throw new IOException(f.dir() + ": the run is training and cannot be " + what + " — stop it first");
        }
    }

    /** The history of run {@code id} (a folder name under the root). */
    public RunHistory history(String id) throws IOException {
        Path dir = root.resolve(id);
        if (!Files.isRegularFile(dir.resolve(RunFolder.CONFIG))) {
            throw new IOException("no run '" + id + "' in " + root + " — list the runs to see their ids");
        }
        return history(dir);
    }

    /** The history of the run in {@code dir} (which need not be under the root). */
    public static RunHistory history(Path dir) throws IOException {
        RunFolder f = RunFolder.open(dir);
        List<MetricRow> rows = f.readMetrics();
        return new RunHistory(new RunStore(dir.toAbsolutePath().getParent()).summary(dir), f.readConfig(),
                rows.stream().filter(MetricRow::isStep).toList(),
                rows.stream().filter(r -> !r.isStep()).toList(), f.readEvents(), f.readEvaluation());
    }
}
