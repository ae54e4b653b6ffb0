package io.netwright.ui.app;

import io.netwright.export.ExportException;
import io.netwright.export.OnnxImportException;
import io.netwright.ui.canvas.GraphCanvas;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * The File menu's work with its dialogs: asks about unsaved changes before anything replaces the design, picks
 * files, reports failures in words the user can act on, and exports the graph as a PNG.
 */
public final class DocumentActions {

    private final StudioViewModel vm;
    private final StudioDialogs dialogs;
    private final GraphCanvas canvas;
    private Window window;

    DocumentActions(StudioViewModel vm, StudioDialogs dialogs, GraphCanvas canvas) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.canvas = canvas;
    }

    void setWindow(Window w) {
        window = w;
    }

    /** Asks to save unsaved changes; false when the user cancelled (or the save failed). */
    public boolean confirmDiscard() {
        if (!vm.isDirty()) {
            return true;
        }
        String name = vm.fileProperty().get() == null ? vm.editor().documentDesign().metadata().name()
                : vm.fileProperty().get().getFileName().toString();
        return switch (dialogs.askSaveChanges(window, name)) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** File ▸ New ▸ Blank design. */
    public void newBlank() {
        if (confirmDiscard()) {
            vm.newBlank();
        }
    }

    /** File ▸ New ▸ a sample. */
    public void newFromTemplate(Path template) {
        if (confirmDiscard()) {
            try {
                report(template, vm.newFromTemplate(template));
            } catch (IOException e) {
                dialogs.showError(window, "Cannot open template", e.getMessage());
            }
        }
    }

    /** File ▸ Open. */
    public void open() {
        if (confirmDiscard()) {
            dialogs.chooseOpen(window).ifPresent(this::openFile);
        }
    }

    /**
     * File ▸ Import ONNX…: the model opens as an untitled design; the status line says where its weights were
     * written; a model that cannot be imported is explained in an error dialog listing every unsupported node.
     */
    public void importOnnx() {
        if (!confirmDiscard()) {
            return;
        }
        dialogs.chooseOnnx(window).ifPresent(p -> {
            try {
                StudioViewModel.Imported imp = vm.importOnnx(p);
                long layers = imp.result().design().nodes().size() - 2L;
                vm.editor().tell("Imported " + p.getFileName() + ": " + layers + " layers, "
                        + imp.result().parameterCount() + " parameters; weights saved to " + imp.weights());
            } catch (OnnxImportException e) {
                String report = e.report().map(r -> "\n\n" + String.join("\n", r.lines())).orElse("");
                dialogs.showError(window, "Cannot import " + p.getFileName(), e.getMessage() + report);
            } catch (IOException | ExportException e) {
                dialogs.showError(window, "Cannot import " + p.getFileName(), e.getMessage());
            }
        });
    }

    /** File ▸ Open Recent ▸ a file. */
    public void openRecent(Path p) {
        if (confirmDiscard()) {
            openFile(p);
        }
    }

    private void openFile(Path p) {
        try {
            report(p, vm.open(p));
        } catch (IOException e) {
            dialogs.showError(window, "Cannot open " + p.getFileName(), e.getMessage());
        }
    }

    private void report(Path p, List<String> problems) {
        // always say something: a message about the previous file must not stay under this one
        vm.editor().tell(problems.isEmpty() ? "Opened " + p.getFileName()
                : p.getFileName() + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                        + " — see the Problems list");
    }

    /** File ▸ Save; Save As for an untitled design. */
    public boolean save() {
        if (vm.needsFileForSave()) {
            return saveAs();
        }
        try {
            vm.save();
            vm.editor().tell("Saved " + vm.fileProperty().get().getFileName());
            return true;
        } catch (IOException e) {
            dialogs.showError(window, "Cannot save", e.getMessage());
            return false;
        }
    }

    /** File ▸ Save As. */
    public boolean saveAs() {
        Optional<Path> p = dialogs.chooseSave(window, suggestedName("json"), "json");
        if (p.isEmpty()) {
            return false;
        }
        try {
            vm.saveAs(p.get());
            vm.editor().tell("Saved " + p.get().getFileName());
            return true;
        } catch (IOException e) {
            dialogs.showError(window, "Cannot save " + p.get().getFileName(), e.getMessage());
            return false;
        }
    }

    /**
     * The name the save dialog offers: the design's file for a design already saved, else its name with
     * {@code .nwd.json} (the extension the desktop opens in the studio) or {@code .png}.
     */
    private String suggestedName(String ext) {
        Path f = vm.fileProperty().get();
        if (f != null && ext.equals("json")) {
            return f.getFileName().toString();
        }
        String base = f != null ? f.getFileName().toString().replaceFirst("(\\.nwd)?\\.json$", "")
                : vm.editor().documentDesign().metadata().name().toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return (base.isEmpty() ? "design" : base) + (ext.equals("json") ? ".nwd.json" : "." + ext);
    }

    /** File ▸ Export Image: the whole graph as a PNG at twice the screen resolution. */
    public void exportImage() {
        dialogs.chooseSave(window, suggestedName("png"), "png").ifPresent(p -> {
            try {
                writePng(p);
                vm.editor().tell("Exported " + p.getFileName());
            } catch (IOException e) {
                dialogs.showError(window, "Cannot export " + p.getFileName(), e.getMessage());
            }
        });
    }

    /** Writes the graph picture to {@code p}. */
    public void writePng(Path p) throws IOException {
        BufferedImage img = SwingFXUtils.fromFXImage(canvas.snapshotDesign(2), null);
        if (!ImageIO.write(img, "png", p.toFile())) {
            throw new IOException("no PNG writer available in this Java runtime");
        }
    }

    /** File ▸ Close. */
    public void close() {
        if (confirmDiscard()) {
            vm.close();
        }
    }
}
