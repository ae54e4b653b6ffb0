package io.netwright.train;

import com.google.gson.JsonObject;
import io.netwright.graph.DesignFiles;
import io.netwright.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import io.netwright.files.InputFiles;
import io.netwright.io.CheckpointIO;
import io.netwright.files.JsonInput;
import io.netwright.files.ReadGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folder of one run:
 *
 * <pre>
 * RUN_DIR/
 *   config.json        the TrainingConfig (design embedded)
 *   design.json        the design snapshot, as a design file
 *   run.json           status: state, times, progress, latest figures
 *   metrics.csv        one row per logged step and per epoch
 *   events.jsonl       one JSON object per event (append-only, also across resumes)
 *   checkpoints/last   the latest checkpoint (resume from here)
 *   checkpoints/best   the checkpoint with the best tracked metric
 *   checkpoints/start  the weights the run began with (what a run that diverges early rolls back to)
 *   evaluation.json    the final evaluation
 * </pre>
 *
 * Small files are replaced atomically; the two logs are appended to and flushed at least every logged step.
 */
public final class RunFolder {

    /** File names inside a run folder. */
    public static final String CONFIG = "config.json";
    /** The design snapshot. */
    public static final String DESIGN = "design.json";
    /** The status file. */
    public static final String STATUS = "run.json";
    /** The metrics log. */
    public static final String METRICS = "metrics.csv";
    /** The event log. */
    public static final String EVENTS = "events.jsonl";
    /** The evaluation results. */
    public static final String EVALUATION = "evaluation.json";
    /** The checkpoints folder. */
    public static final String CHECKPOINTS = "checkpoints";
    /** The user's notes and tags ({@link RunNotes}). */
    public static final String NOTES = "notes.json";

    private static final String DAMAGED = "the run folder is damaged; start a new run or restore the file";

    private final Path dir;
    private BufferedWriter metrics;
    private BufferedWriter events;
    /** Held while a trainer writes this folder; the OS drops it when the process dies, even by kill -9. */
    private java.nio.channels.FileChannel lockChannel;
    private java.nio.channels.FileLock lock;

    private Path key() {
        return dir.toAbsolutePath().normalize();
    }

    /** The state a run is shown in when run.json says running or paused but no trainer holds the folder. */
    public static final String INTERRUPTED = "interrupted";

    /** The lock file a live trainer holds. */
    static final String LOCK = ".lock";

    /**
     * The run folders a trainer in this JVM holds. Their lock files are never opened a second time here: closing
     * any channel on a file releases every lock the process holds on it (POSIX record locks).
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates the folder of a new run and writes its config and design snapshot.
     *
     * @throws IOException if {@code dir} already holds a run
     */
    public static RunFolder create(Path dir, TrainingConfig config) throws IOException {
        if (Files.exists(dir.resolve(CONFIG))) {
            throw new IOException(dir + " already holds a run (" + CONFIG + " exists) — pick a new folder, or resume "
                    + "it with Trainer.resumeRun");
        }
        Files.createDirectories(dir.resolve(CHECKPOINTS));
        AtomicFiles.writeString(dir.resolve(CONFIG), config.toJson());
        DesignFiles.write(dir.resolve(DESIGN), config.design());
        Files.writeString(dir.resolve(METRICS), MetricRow.HEADER + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(EVENTS), "", StandardCharsets.UTF_8);
        return new RunFolder(dir);
    }

    /**
     * Opens an existing run folder, first repairing what a killed process left: a checkpoint caught mid-swap is
     * put back from the newest complete copy, and temporary files of interrupted writes are removed
     * ({@link CheckpointIO#recover}).
     *
     * @throws IOException if it has no {@code config.json}
     */
    public static RunFolder open(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new IOException(dir + ": not a run folder (" + CONFIG + " is missing)");
        }
        RunFolder f = new RunFolder(dir);
        if (Files.isWritable(dir) && !f.isLive()) {
            f.repair(); // never while a trainer writes it: its in-flight files would look like leftovers
        }
        return f;
    }

    private void repair() throws IOException {
        Path checkpoints = dir.resolve(CHECKPOINTS);
        if (Files.isDirectory(checkpoints)) {
            try (var s = Files.list(checkpoints)) {
                java.util.Set<String> kinds = new java.util.TreeSet<>();
                s.map(p -> p.getFileName().toString()).forEach(n -> kinds.add(n.startsWith(".")
                        ? n.substring(1).replaceFirst("\\.(new|old)-.*$", "") : n));
                for (String kind : kinds) {
                    if (!kind.endsWith(".tmp")) {
                        CheckpointIO.recover(checkpoints.resolve(kind));
                    }
                }
            }
        }
        try (var s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".")
                    && p.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** The run id: the folder's name. */
    public String id() {
        return dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    }

    /** The checkpoint folder {@code last} or {@code best}. */
    public Path checkpoint(String kind) {
        return dir.resolve(CHECKPOINTS).resolve(kind);
    }

    /** The run's configuration. */
    public TrainingConfig readConfig() throws IOException {
        Path p = dir.resolve(CONFIG);
        String text = InputFiles.readUtf8(p, InputFiles.TEXT_LIMIT, "run config (config.json)");
        return ReadGuard.read(p, "run config", DAMAGED, () -> TrainingConfig.fromJson(text));
    }

    /** Replaces {@code config.json} (a resumed run whose config was changed). */
    void writeConfig(TrainingConfig config) throws IOException {
        AtomicFiles.writeString(dir.resolve(CONFIG), config.toJson());
    }

    /** The run's status, if {@code run.json} exists. */
    public Optional<RunStatus> readStatus() throws IOException {
        Path p = dir.resolve(STATUS);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        String text = InputFiles.readUtf8(p, InputFiles.TEXT_LIMIT, "run status (run.json)");
        RunStatus st = ReadGuard.read(p, "run status", DAMAGED, () -> RunStatus.fromJson(text));
        if ((st.state().equals("running") || st.state().equals("paused")) && !isLive()) {
            st = new RunStatus(INTERRUPTED, st.started(), st.updated(), st.epoch(), st.step(), st.metrics(),
                    "the process training it ended without stopping it (killed, crashed or the machine went down) "
                            + "— resume it from checkpoints/last");
        }
        return Optional.of(st);
    }

    /** The user's notes and tags ({@link RunNotes#EMPTY} when there are none). */
    public RunNotes readNotes() throws IOException {
        Path p = dir.resolve(NOTES);
        if (!Files.exists(p)) {
            return RunNotes.EMPTY;
        }
        var o = JsonInput.readObject(p, "run notes (notes.json)");
        return ReadGuard.read(p, "run notes", "delete the file to start the notes afresh",
                () -> RunNotes.fromJson(io.netwright.files.JsonFields.of(p, o)));
    }

    /** Replaces the notes and tags (atomically). */
    public void writeNotes(RunNotes notes) throws IOException {
        AtomicFiles.writeString(dir.resolve(NOTES), notes.toJson());
    }

    void writeStatus(RunStatus status) throws IOException {
        AtomicFiles.writeString(dir.resolve(STATUS), status.toJson());
    }

    /** The final evaluation, if the run got that far. */
    public Optional<Evaluation> readEvaluation() throws IOException {
        Path p = dir.resolve(EVALUATION);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        String text = InputFiles.readUtf8(p, InputFiles.TEXT_LIMIT, "evaluation (evaluation.json)");
        return Optional.of(ReadGuard.read(p, "evaluation", "run eval again to rewrite it",
                () -> Evaluation.fromJson(text)));
    }

    void writeEvaluation(Evaluation e) throws IOException {
        AtomicFiles.writeString(dir.resolve(EVALUATION), e.toJson());
    }

    /** Every row of {@code metrics.csv}, in file order. */
    public List<MetricRow> readMetrics() throws IOException {
        Path p = dir.resolve(METRICS);
        if (!Files.isRegularFile(p)) {
            return new ArrayList<>();
        }
        String text = InputFiles.readUtf8(p, Long.MAX_VALUE, "metrics log (metrics.csv)");
        return ReadGuard.read(p, "metrics log", DAMAGED, () -> metrics(p, text));
    }

    private static List<MetricRow> metrics(Path p, String text) throws IOException {
        List<MetricRow> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line = r.readLine();
            if (line == null) {
                return out;
            }
            boolean v1;
            try {
                v1 = MetricRow.isV1(line, p + ": line 1");
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    out.add(MetricRow.parse(line, v1, p + ": line " + n));
                }
            }
        }
        return out;
    }

    /** Every line of {@code events.jsonl} as JSON, in file order (a torn last line from a crash is skipped). */
    public List<JsonObject> readEvents() throws IOException {
        List<JsonObject> out = new ArrayList<>();
        Path p = dir.resolve(EVENTS);
        if (!Files.isRegularFile(p)) {
            return out;
        }
        List<String> lines = InputFiles.readUtf8(p, Long.MAX_VALUE, "event log (events.jsonl)").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(JsonInput.object(p + ": line " + (i + 1), line));
            } catch (IOException e) {
                if (i < lines.size() - 1) {
                    throw e;
                }
            }
        }
        return out;
    }

    // ================================================================ logs (training thread only)

    /** Opens the logs for appending. */
    void openLogs() throws IOException {
        if (lock == null) {
            lockChannel = java.nio.channels.FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            if (HELD.contains(key())) {
                lockChannel.close();
                lockChannel = null;
                throw new IOException(dir + ": another trainer in this process is training this run — stop it first");
            }
            lock = lockChannel.tryLock();
            if (lock == null) {
                lockChannel.close();
                lockChannel = null;
                throw new IOException(dir + ": another process is training this run — wait for it to end or stop "
                        + "it first");
            }
            HELD.add(key());
        }
        metrics = Files.newBufferedWriter(dir.resolve(METRICS), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        events = Files.newBufferedWriter(dir.resolve(EVENTS), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    boolean logsOpen() {
        return metrics != null;
    }

    void appendMetrics(MetricRow row) {
        try {
            metrics.write(row.toCsv());
            metrics.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(METRICS) + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    void appendEvent(String line) {
        try {
            events.write(line);
            events.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(EVENTS) + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    void flush() {
        try {
            metrics.flush();
            events.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write the logs (" + e.getMessage() + ")", e);
        }
    }

    void closeLogs() throws IOException {
        if (metrics != null) {
            metrics.close();
            events.close();
            metrics = null;
            events = null;
        }
    }

    /** Closes the logs and lets go of the folder: the trainer is done with it. */
    void release() throws IOException {
        closeLogs();
        if (lock != null) {
            lock.release();
            lockChannel.close();
            lock = null;
            lockChannel = null;
            HELD.remove(key());
        }
    }

    /**
     * Whether a trainer (in this or another process) is writing this folder now. A run whose {@code run.json} says
     * running or paused while no trainer holds it was interrupted (killed, or the machine went down).
     */
    public boolean isLive() {
        if (HELD.contains(key())) {
            return true; // held in this JVM: do not touch the file (see HELD)
        }
        Path p = dir.resolve(LOCK);
        if (!Files.exists(p)) {
            return false;
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p, StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true; // held by a trainer in this JVM
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Drops the metric rows a resumed run will write again: steps after {@code step} and epochs from
     * {@code epochsDone} on (they were logged after the checkpoint, before an interruption).
     */
    void truncateMetrics(long step, int epochsDone) throws IOException {
        List<MetricRow> keep = new ArrayList<>();
        for (MetricRow r : readMetrics()) {
            if (r.isStep() ? r.step() <= step : r.epoch() < epochsDone) {
                keep.add(r);
            }
        }
        StringBuilder sb = new StringBuilder(MetricRow.HEADER).append('\n');
        keep.forEach(r -> sb.append(r.toCsv()).append('\n'));
        AtomicFiles.writeString(dir.resolve(METRICS), sb.toString());
    }
}
