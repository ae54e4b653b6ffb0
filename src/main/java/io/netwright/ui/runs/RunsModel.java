package io.netwright.ui.runs;

import io.netwright.train.MetricRow;
import io.netwright.train.RunFolder;
import io.netwright.train.RunFolder;
import io.netwright.train.RunNotes;
import io.netwright.train.RunStore;
import io.netwright.train.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The Runs tab's state: every run of a {@link RunStore}, the rows shown (the current design's runs, or all), and
 * the epoch curves of runs, read from their {@code metrics.csv} on demand and kept. Disk is read off the FX thread
 * with {@link Task}s; results and failures arrive on the FX thread. FX thread only.
 */
public final class RunsModel {

    private final RunStore store;
    private final ObservableList<RunRow> all = FXCollections.observableArrayList();
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final StringProperty designName = new SimpleStringProperty(this, "designName", "");
    private final BooleanProperty thisDesignOnly = new SimpleBooleanProperty(this, "thisDesignOnly", true);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Map<String, List<MetricRow>> epochs = new HashMap<>();
    private int refreshes;

    /** The runs of {@code store}; call {@link #refresh()} to read them. */
    public RunsModel(RunStore store) {
        this.store = Objects.requireNonNull(store, "store");
        designName.addListener((o, a, b) -> filter());
        thisDesignOnly.addListener((o, a, b) -> filter());
    }

    /** Reads the store's listing again in the background; {@code then} runs on the FX thread once it is shown. */
    public Task<List<RunRow>> refresh(Runnable then) {
        int gen = ++refreshes;
        return background("netwright-runs-list", () -> {
            List<RunRow> out = new ArrayList<>();
            for (RunSummary s : store.list()) {
                out.add(RunRow.of(s));
            }
            return out;
        }, list -> {
            if (gen != refreshes) {
                return;
            }
            Map<String, RunRow> before = new HashMap<>();
            all.forEach(r -> before.put(r.id(), r));
            for (RunRow r : list) {
                if (!r.equals(before.get(r.id())) || r.state().equals("running")) {
                    epochs.remove(r.id()); // it changed (or may have) since its curve was read: read it again
                }
            }
            all.setAll(list);
            filter();
            then.run();
        }, "Cannot list the runs in " + store.root());
    }

    /**
     * The epoch rows of {@code runs}, read in the background where not read before; {@code then} gets them, by run
     * id in the given order, on the FX thread.
     */
    public void curves(List<RunRow> runs, Consumer<Map<String, List<MetricRow>>> then) {
        List<RunRow> missing = runs.stream().filter(r -> !epochs.containsKey(r.id())).toList();
        Runnable deliver = () -> {
            Map<String, List<MetricRow>> out = new LinkedHashMap<>();
            runs.forEach(r -> out.put(r.id(), epochs.getOrDefault(r.id(), List.of())));
            then.accept(out);
        };
        if (missing.isEmpty()) {
            deliver.run();
            return;
        }
        background("netwright-runs-curves", () -> {
            Map<String, List<MetricRow>> read = new HashMap<>();
            for (RunRow r : missing) {
                read.put(r.id(), RunFolder.open(r.dir()).readMetrics().stream().filter(m -> !m.isStep()).toList());
            }
            return read;
        }, read -> {
            epochs.putAll(read);
            deliver.run();
        }, "Cannot read the curves");
    }

    // ================================================================ managing runs

    /** Renames the run of {@code row} to {@code name} in the background, then lists the runs again. */
    public Task<Path> rename(RunRow row, String name, Runnable then) {
        return background("netwright-runs-rename", () -> store.rename(row.dir(), name), p -> {
            message.set("Renamed " + row.id() + " to " + p.getFileName());
            refresh(then);
        }, "Cannot rename " + row.id());
    }

    /** Saves the notes and tags of {@code row}'s run in the background, then lists the runs again. */
    public Task<RunNotes> saveNotes(RunRow row, RunNotes notes, Runnable then) {
        return background("netwright-runs-notes", () -> {
            RunFolder.open(row.dir()).writeNotes(notes);
            return notes;
        }, n -> {
            message.set("Saved the notes of " + row.id());
            refresh(then);
        }, "Cannot save the notes of " + row.id());
    }

    /** Moves {@code row}'s run to the trash in the background, then lists the runs again. */
    public Task<Path> moveToTrash(RunRow row, Runnable then) {
        return background("netwright-runs-trash", () -> store.moveToTrash(row.dir()), p -> {
            message.set("Moved " + row.id() + " to " + p + " (move it back to restore it)");
            refresh(then);
        }, "Cannot move " + row.id() + " to the trash");
    }

    private <T> Task<T> background(String name, Callable<T> work, Consumer<T> done, String failure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> message.set(failure + ": " + describe(task.getException())));
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    private static String describe(Throwable e) {
        Throwable c = e instanceof UncheckedIOException u ? u.getCause() : e;
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }

    private void filter() {
        String name = designName.get();
        List<RunRow> shown = thisDesignOnly.get() ? all.stream().filter(r -> r.isOf(name)).toList() : all;
        rows.setAll(shown);
        message.set(all.isEmpty() ? "No runs yet in " + store.root() + " — train the design (Train tab) to make one"
                : String.format(Locale.ROOT, "%d of %d runs shown%s", shown.size(), all.size(),
                        thisDesignOnly.get() ? " (runs of \"" + RunRow.baseName(name) + "\")" : ""));
    }

    /** The run folder's design snapshot. */
    public static Path designFile(RunRow r) {
        return r.dir().resolve(RunFolder.DESIGN);
    }

    /** Whether run {@code r} has the checkpoint {@code kind} ({@code best} or {@code last}). */
    public static boolean hasCheckpoint(RunRow r, String kind) {
        try {
            return java.nio.file.Files.isDirectory(RunFolder.open(r.dir()).checkpoint(kind));
        } catch (IOException e) {
            return false;
        }
    }

    // ================================================================ properties

    /** The store. */
    public RunStore store() {
        return store;
    }

    /** The rows shown, newest first. */
    public ObservableList<RunRow> rows() {
        return rows;
    }

    /** The name of the design whose runs are shown. */
    public StringProperty designNameProperty() {
        return designName;
    }

    /** Whether only the design's runs are shown (else all). */
    public BooleanProperty thisDesignOnlyProperty() {
        return thisDesignOnly;
    }

    /** How many runs are shown, or why they could not be read. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Tells the user something (shown in the tab's status line). */
    void tell(String text) {
        message.set(text);
    }
}
