package io.netwright.ui.data;

import io.netwright.data.LabeledDataset;
import io.netwright.train.Augmentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The Data tab's state: the open dataset, the split and class shown, the indices that pass the filter (what the
 * grid shows), the selected sample, the augmentation being previewed and its seed. Datasets are opened off the FX
 * thread with a {@link Task}; a failure leaves the previous dataset in place and says what went wrong. FX thread
 * only.
 */
public final class DataViewModel {

    /** The class filter's value for "every class". */
    public static final int ALL_CLASSES = -1;

    private final ReadOnlyObjectWrapper<DataSource> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final StringProperty split = new SimpleStringProperty(this, "split", "train");
    private final IntegerProperty classFilter = new SimpleIntegerProperty(this, "classFilter", ALL_CLASSES);
    private final ObservableList<Integer> indices = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ObjectProperty<Augmentation> augmentation = new SimpleObjectProperty<>(this, "augmentation",
            new Augmentation(true, false, 2, 10, 0.2, 0));
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private int generation;

    /** An empty model; open a dataset with {@link #open(String)}. */
    public DataViewModel() {
        split.addListener((o, a, b) -> refilter());
        classFilter.addListener((o, a, b) -> refilter());
    }

    // ================================================================ loading

    /**
     * Opens {@code spec} in the background (see {@link DataSource#open(String)}); returns the task, already
     * started on a daemon thread. A later call supersedes an earlier one that has not finished.
     */
    public Task<DataSource> open(String spec) {
        return open(spec, () -> {
            try {
                return DataSource.open(spec);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Opens what {@code loader} returns, in the background; {@code spec} names it in messages. */
    Task<DataSource> open(String spec, Supplier<DataSource> loader) {
        int gen = ++generation;
        loading.set(true);
        message.set("Opening " + spec + "…");
        long t0 = System.nanoTime();
        Task<DataSource> task = new Task<>() {
            @Override
            protected DataSource call() {
                return loader.get();
            }
        };
        task.setOnSucceeded(e -> {
            if (gen == generation) {
                loading.set(false);
                show(task.getValue());
                message.set(String.format(java.util.Locale.ROOT, "%s: %,d images in %d ms", task.getValue().name(),
                        task.getValue().totalSize(), (System.nanoTime() - t0) / 1_000_000));
            }
        });
        task.setOnFailed(e -> {
            if (gen == generation) {
                loading.set(false);
                message.set(failure(spec, task.getException()));
            }
        });
        Thread t = new Thread(task, "netwright-data-open");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** A failure as a message: the SPEC, then the cause's own words (which name the file and the fix). */
    static String failure(String spec, Throwable e) {
        Throwable c = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        String text = c == null ? "unknown error" : c.getMessage() == null ? c.toString() : c.getMessage();
        return "Cannot open " + spec + ": " + text;
    }

    /** Shows {@code s} (FX thread): its first split, every class, nothing selected. */
    public void show(DataSource s) {
        source.set(Objects.requireNonNull(s, "source"));
        classFilter.set(ALL_CLASSES);
        selected.set(-1);
        if (s.splitNames().contains(split.get())) {
            refilter();
        } else {
            split.set(s.splitNames().get(0));
        }
    }

    // ================================================================ filtering

    private void refilter() {
        DataSource s = source.get();
        if (s == null || !s.splitNames().contains(split.get())) {
            indices.clear();
            return;
        }
        LabeledDataset<?> ds = s.split(split.get()).dataset();
        int cls = classFilter.get();
        List<Integer> out = new ArrayList<>(cls == ALL_CLASSES ? ds.size() : ds.size() / Math.max(1,
                s.classes().size()) + 16);
        for (int i = 0; i < ds.size(); i++) {
            if (cls == ALL_CLASSES || ds.label(i) == cls) {
                out.add(i);
            }
        }
        indices.setAll(out);
        if (selected.get() >= 0 && !(selected.get() < ds.size() && (cls == ALL_CLASSES
                || ds.label(selected.get()) == cls))) {
            selected.set(-1);
        }
    }

    /** The dataset of the split shown, or null before one is open. */
    public LabeledDataset<?> dataset() {
        DataSource s = source.get();
        return s == null || !s.splitNames().contains(split.get()) ? null : s.split(split.get()).dataset();
    }

    /** The label's class name, or {@code #label} when the source has fewer names. */
    public String className(int label) {
        DataSource s = source.get();
        return s != null && label < s.classes().size() ? s.classes().get(label) : "#" + label;
    }

    /** Draws the preview again with a new seed. */
    public void reroll() {
        seed.set(seed.get() + 1);
    }

    // ================================================================ properties

    /** The open dataset (null before the first one is). */
    public ReadOnlyObjectProperty<DataSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The split shown ({@code train}, {@code validation}, {@code test}). */
    public StringProperty splitProperty() {
        return split;
    }

    /** The class shown, or {@link #ALL_CLASSES}. */
    public IntegerProperty classFilterProperty() {
        return classFilter;
    }

    /** Indices (into the split) of the samples that pass the filter, in order: the grid's items. */
    public ObservableList<Integer> indices() {
        return indices;
    }

    /** The selected sample's index in the split, or -1. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** What happened last: the dataset opened (size, time) or why it could not be. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether a dataset is being opened. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The augmentation previewed. */
    public ObjectProperty<Augmentation> augmentationProperty() {
        return augmentation;
    }

    private javafx.beans.value.ObservableValue<Augmentation> runSettings;
    private final javafx.beans.property.BooleanProperty followingRunSettings =
            new javafx.beans.property.SimpleBooleanProperty(false);

    /**
     * Whether the preview shows the next run's augmentation ({@link #followRunSettings}); its controls are then
     * read-only, so the preview never shows what training would not do.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty followingRunSettingsProperty() {
        return followingRunSettings;
    }

    /** Previews the augmentation of {@code settings} (the Train tab's) from now on. */
    public void followRunSettings(javafx.beans.value.ObservableValue<Augmentation> settings) {
        runSettings = settings; // held: a binding listens to its sources weakly and would be collected
        followingRunSettings.set(true);
        if (settings.getValue() != null) {
            augmentation.set(settings.getValue());
        }
        settings.addListener((o, a, b) -> {
            if (b != null) {
                augmentation.set(b);
            }
        });
    }

    /** The preview's seed. */
    public LongProperty seedProperty() {
        return seed;
    }
}
