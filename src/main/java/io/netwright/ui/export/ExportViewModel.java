package io.netwright.ui.export;

import io.netwright.graph.Analyzer;
import io.netwright.graph.Design;
import io.netwright.train.RunStore;
import io.netwright.train.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The File ▸ Export… dialog's state: format, opset, the probabilities output, where the weights come from (initial,
 * a run of this design, a file), the output path (suggested next to the design until the user edits it), and the
 * last export's report. Used on the FX thread; the export itself runs in {@link ExportJob} on a worker thread.
 */
public final class ExportViewModel {

    private final Design design;
    private final Path designFile;
    private final Path folder;
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.ONNX);
    private final IntegerProperty opset = new SimpleIntegerProperty(io.netwright.export.OnnxOptions.MAX_OPSET);
    private final BooleanProperty probabilities = new SimpleBooleanProperty();
    private final BooleanProperty check = new SimpleBooleanProperty(true);
    private final ObservableList<WeightsChoice> weightsChoices = FXCollections.observableArrayList();
    private final ObjectProperty<WeightsChoice> weights = new SimpleObjectProperty<>();
    private final StringProperty output = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private boolean suggested = true;

    /**
     * The dialog for {@code design} (saved as {@code designFile}, null when unsaved); {@code runs} lists the runs
     * whose weights can be exported (those of a design with the same name), newest first.
     */
    public ExportViewModel(Design design, Path designFile, RunStore runs, Path fallbackFolder) {
        this.design = design;
        this.designFile = designFile;
        this.folder = designFile != null && designFile.toAbsolutePath().getParent() != null
                ? designFile.toAbsolutePath().getParent() : fallbackFolder;
        weightsChoices.addAll(runChoices(runs, design.metadata().name()));
        weightsChoices.add(new WeightsChoice.Initial());
        weights.set(weightsChoices.get(0));
        output.set(suggestion());
        output.addListener((o, a, b) -> suggested = b.equals(suggestion()));
        format.addListener((o, a, b) -> {
            if (suggested) {
                output.set(suggestion());
                suggested = true;
            }
        });
    }

    private static List<WeightsChoice> runChoices(RunStore runs, String designName) {
        List<WeightsChoice> l = new ArrayList<>();
        if (runs == null) {
            return l;
        }
        try {
            runs.list().stream().filter(r -> designName.equals(r.design()))
                    .filter(r -> Files.isDirectory(r.dir().resolve("checkpoints")))
                    .sorted(Comparator.comparing(RunSummary::started, Comparator.nullsLast(Comparator.reverseOrder())))
                    .forEach(r -> l.add(new WeightsChoice.Run(r)));
        } catch (IOException e) {
            // no run store yet: only the initial weights and files are offered
        }
        return l;
    }

    /** The suggested output: the design's name made file-safe plus the format's ending, beside the design. */
    public String suggestion() {
        String base = design.metadata().name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "_")
                .replaceAll("^_+|_+$", "");
        return folder.resolve((base.isEmpty() ? "model" : base) + format.get().suffix()).toString();
    }

    /** Adds a weights file as a choice and selects it. */
    public void addWeightsFile(Path file) {
        WeightsChoice.File f = new WeightsChoice.File(file);
        weightsChoices.add(f);
        weights.set(f);
    }

    /** What stops an export now (no output, an invalid design without a run), or empty when it can go. */
    public Optional<String> problem() {
        if (output.get() == null || output.get().isBlank()) {
            return Optional.of("Choose where to write the export.");
        }
        if (!(weights.get() instanceof WeightsChoice.Run) && new Analyzer().analyze(design).hasErrors()) {
            return Optional.of("The design has errors — fix them on the Design tab, or export a run's weights.");
        }
        return Optional.empty();
    }

    /** Whether the output exists (the dialog then asks before replacing it). */
    public boolean outputExists() {
        return !output.get().isBlank() && Files.exists(Path.of(output.get()));
    }

    /** The request for the form's current values. */
    public ExportRequest request(boolean force) {
        return new ExportRequest(design, designFile, weights.get(), format.get(), opset.get(), probabilities.get(),
                Path.of(output.get()), force, check.get(), 8);
    }

    /** Marks an export as started. */
    public void started() {
        running.set(true);
        status.set("Exporting…");
        report.set("");
    }

    /** Shows {@code o}'s result. */
    public void finish(ExportOutcome o) {
        running.set(false);
        report.set(o.text());
        status.set(!o.ok() ? "Export failed" : o.report() == null ? "Exported (not checked)"
                : !o.report().checked() ? "Exported — not checked" : o.report().passed() ? "Exported — check passed"
                        : "Exported — check FAILED");
    }

    /** The output format. */
    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    /** The ONNX opset (13 to 17). */
    public IntegerProperty opsetProperty() {
        return opset;
    }

    /** Whether to add the probabilities output. */
    public BooleanProperty probabilitiesProperty() {
        return probabilities;
    }

    /** Whether to run the export check. */
    public BooleanProperty checkProperty() {
        return check;
    }

    /** The weights choices: runs of this design (newest first), the initial weights, files added. */
    public ObservableList<WeightsChoice> weightsChoices() {
        return weightsChoices;
    }

    /** The chosen weights. */
    public ObjectProperty<WeightsChoice> weightsProperty() {
        return weights;
    }

    /** The output file or folder. */
    public StringProperty outputProperty() {
        return output;
    }

    /** Whether an export is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last export's report text. */
    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** One line on the last export ({@code Exported — check passed}). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
