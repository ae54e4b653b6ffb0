package io.netwright.ui.app;

import io.netwright.data.formats.SampleData;
import io.netwright.export.OnnxImport;
import io.netwright.export.OnnxImporter;
import io.netwright.graph.Design;
import io.netwright.graph.DesignFiles;
import io.netwright.graph.InputSpec;
import io.netwright.graph.Metadata;
import io.netwright.graph.Node;
import io.netwright.ui.editor.AutoLayout;
import io.netwright.ui.editor.EditorViewModel;
import io.netwright.ui.editor.Flow;
import io.netwright.ui.editor.PaletteViewModel;
import io.netwright.ui.editor.SummaryViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The studio's document: which file is open, whether it has unsaved changes, the window title, New / Open / Save /
 * Save As / Close, recent files, templates (the sample designs) and the autosave recovery file. Dialogs are the
 * view's business: this class takes the paths the user chose and throws what went wrong.
 */
public final class StudioViewModel {

    /** The sample the studio starts on. */
    public static final String START_DESIGN = "lenet5.json";

    private final EditorViewModel editor = new EditorViewModel();
    private final SummaryViewModel summary = new SummaryViewModel(editor);
    private final PaletteViewModel palette = new PaletteViewModel(editor);
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<Design> saved = new ReadOnlyObjectWrapper<>(this, "saved");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final BooleanBinding dirty;
    private final StringBinding title;
    private final RecentFiles recent;
    private final Recovery recovery;
    private final StudioHome home;

    /** A studio keeping its files in {@code home}, showing a blank design. */
    public StudioViewModel(StudioHome home) {
        this.home = home;
        this.recent = new RecentFiles(home);
        this.recovery = new Recovery(home);
        saved.set(editor.design());
        dirty = Bindings.createBooleanBinding(() -> !editor.documentDesign().equals(saved.get()),
                editor.designProperty(), saved);
        title = Bindings.createStringBinding(this::computeTitle, dirty, file, editor.designProperty());
    }

    // ================================================================ state

    /** The editor. */
    public EditorViewModel editor() {
        return editor;
    }

    /** The summary bar's model. */
    public SummaryViewModel summary() {
        return summary;
    }

    /** The palette's model. */
    public PaletteViewModel palette() {
        return palette;
    }

    /** The open file, or null for an untitled design. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** Whether the design differs from the file (undoing back to the saved state clears it). */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    /** Whether there are unsaved changes. */
    public boolean isDirty() {
        return dirty.get();
    }

    /** {@code ● lenet5.json — LeNet-5 — Netwright Studio}: the dot marks unsaved changes. */
    public StringBinding titleProperty() {
        return title;
    }

    /** The colour theme. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Recently used files. */
    public RecentFiles recent() {
        return recent;
    }

    /** The autosave recovery file. */
    public Recovery recovery() {
        return recovery;
    }

    /** The studio's own folder. */
    public StudioHome home() {
        return home;
    }

    private String computeTitle() {
        Design d = editor.documentDesign();
        Path f = file.get();
        String name = f == null ? "Untitled" : f.getFileName().toString();
        return (dirty.get() ? "● " : "") + name + " — " + d.metadata().name() + " — Netwright Studio";
    }

    // ================================================================ documents

    /** A blank design: an Input bound to the bundled dataset and an Output, nothing between. */
    public static Design blankDesign() {
        InputSpec in = InputSpec.image(1, 28, 28).withDataset("fashion-mnist-small")
                .withNormalization(List.of(0.286), List.of(0.353));
        Design d = Design.empty("Untitled", in);
        return d.withGraph(List.of(new Node("input", "Input", Map.of(), 80, 40),
                new Node("output", "Output", Map.of(), 80, 400)), List.of());
    }

    /** Starts a new untitled blank design. */
    public void newBlank() {
        show(blankDesign(), null);
    }

    /** Starts a new untitled design copied from {@code template} (a sample design). */
    public List<String> newFromTemplate(Path template) throws IOException {
        DesignFiles.Loaded l = DesignFiles.load(template);
        Design d = l.design();
        show(d.withMetadata(d.metadata().withName(d.metadata().name() + " (copy)")), null);
        return l.problems();
    }

    /** An imported ONNX model shown as an untitled design, and where its weights were written. */
    public record Imported(OnnxImport result, Path weights) {
    }

    /**
     * Imports the ONNX model {@code model} as a new untitled, unsaved design laid out top-down, and writes its
     * weights next to the model ({@code <model>.safetensors}, or {@code <model>-2.safetensors}... so that no file
     * is overwritten).
     *
     * @throws io.netwright.export.OnnxImportException when the model cannot be imported (with the report)
     */
    public Imported importOnnx(Path model) throws IOException {
        OnnxImport imp = OnnxImporter.read(model, false);
        String stem = model.getFileName().toString().replaceFirst("\\.onnx$", "");
        Path weights = model.resolveSibling(stem + ".safetensors");
        for (int i = 2; Files.exists(weights); i++) {
            weights = model.resolveSibling(stem + "-" + i + ".safetensors");
        }
        imp.writeWeights(weights, false);
        Design d = AutoLayout.apply(imp.design(), Flow.TOP_DOWN);
        editor.load(d);
        file.set(null);
        saved.set(blankDesign()); // unsaved until the user saves it
        return new Imported(imp, weights);
    }

    /** Opens {@code path}; returns the catalogue problems found (they are also shown on the canvas). */
    public List<String> open(Path path) throws IOException {
        DesignFiles.Loaded l = DesignFiles.load(path);
        show(l.design(), path.toAbsolutePath().normalize());
        recent.add(path);
        return l.problems();
    }

    /** Shows a design restored from the recovery file, marked as unsaved. */
    public void restore(Recovery.Recovered r) {
        Design original = null;
        if (r.source() != null && Files.isRegularFile(r.source())) {
            try {
                original = DesignFiles.load(r.source()).design();
            } catch (IOException e) {
                original = null;
            }
        }
        editor.load(r.design());
        file.set(r.source());
        saved.set(original == null ? blankDesign() : original);
    }

    private void show(Design d, Path path) {
        editor.load(d);
        file.set(path);
        saved.set(d);
    }

    /** Closes the design (the caller has asked about unsaved changes) and shows a blank one. */
    public void close() {
        recovery.discard();
        newBlank();
    }

    /** Whether Save needs a file name first (untitled design). */
    public boolean needsFileForSave() {
        return file.get() == null;
    }

    /** Saves to the open file. */
    public void save() throws IOException {
        if (file.get() == null) {
            throw new IllegalStateException("an untitled design is saved with saveAs");
        }
        saveAs(file.get());
    }

    /** Saves to {@code path} (atomically) and makes it the open file. */
    public void saveAs(Path path) throws IOException {
        Design d = editor.documentDesign();
        DesignFiles.write(path, d);
        file.set(path.toAbsolutePath().normalize());
        saved.set(d);
        recent.add(path);
        recovery.discard();
    }

    /** Writes the recovery file when there are unsaved changes; returns whether it wrote. */
    public boolean autosave() throws IOException {
        if (!isDirty()) {
            return false;
        }
        recovery.save(editor.documentDesign(), file.get());
        return true;
    }

    // ================================================================ samples

    /** The sample designs ({@code samples/designs/*.json}), by file name; empty when the samples are not found. */
    public static List<Path> templates() {
        try {
            Path dir = SampleData.root().resolve("designs");
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Shows the start design, LeNet-5 bound to the bundled Fashion-MNIST subset, as an untitled design: the
     * samples stay as shipped, and Save asks where to put the user's copy.
     */
    public void openStartDesign() {
        for (Path p : templates()) {
            if (p.getFileName().toString().equals(START_DESIGN)) {
                try {
                    show(DesignFiles.load(p).design(), null);
                    return;
                } catch (IOException e) {
                    editor.tell("Could not open " + p + ": " + e.getMessage());
                }
            }
        }
        newBlank();
    }
}
