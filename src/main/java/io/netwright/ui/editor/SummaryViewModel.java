package io.netwright.ui.editor;

import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.MemoryEstimate;
import io.netwright.graph.OptimizerKind;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The summary bar: parameters (trainable / total), MACs per sample, the training-memory estimate for the chosen
 * batch size, optimizer and device, and the error/warning counts. Recomputed whenever the analysis or a choice
 * changes.
 */
public final class SummaryViewModel {

    /** A device the memory estimate is checked against; 0 bytes for "no limit known". */
    public record DeviceChoice(String name, long bytes) {
        @Override
        public String toString() {
            return bytes > 0 ? name + " (" + MemoryEstimate.format(bytes) + ")" : name;
        }
    }

    private final EditorViewModel editor;
    /** The run settings the estimate starts from: the shared training defaults, as the Train tab's form. */
    private static final io.netwright.train.TrainingConfig DEFAULTS = io.netwright.train.TrainingConfig.of(
            io.netwright.graph.Design.empty("defaults", io.netwright.graph.InputSpec.of(1)));

    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", DEFAULTS.batchSize());
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer",
            DEFAULTS.optimizer().memoryKind());
    private final ObjectProperty<DeviceChoice> device = new SimpleObjectProperty<>(this, "device");
    private final ReadOnlyStringWrapper params = new ReadOnlyStringWrapper(this, "params", "");
    private final ReadOnlyStringWrapper macs = new ReadOnlyStringWrapper(this, "macs", "");
    private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper(this, "memory", "");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyStringWrapper memoryWarning = new ReadOnlyStringWrapper(this, "memoryWarning", "");

    /** A summary of {@code editor}'s analysis. */
    public SummaryViewModel(EditorViewModel editor) {
        this.editor = editor;
        device.set(devices().get(0));
        editor.analysisProperty().addListener((o, a, b) -> update());
        batchSize.addListener((o, a, b) -> update());
        optimizer.addListener((o, a, b) -> update());
        device.addListener((o, a, b) -> update());
        update();
    }

    /**
     * The devices offered: the CPU with the JVM's memory limit (the engine's tensors live on the heap), each GPU
     * found with its free memory now ({@code cuMemGetInfo}), and two GPU sizes for planning.
     */
    public static List<DeviceChoice> devices() {
        List<DeviceChoice> l = new java.util.ArrayList<>();
        l.add(new DeviceChoice("CPU", Runtime.getRuntime().maxMemory()));
        for (io.netwright.backend.DeviceInfo info : io.netwright.backend.Devices.available()) {
            if (info.kind() != io.netwright.backend.Device.Kind.CUDA || !info.available()) {
                continue;
            }
            for (int i = 0; i < info.devices(); i++) {
                try {
                    io.netwright.backend.Backend b = io.netwright.backend.Devices.backendFor(
                            io.netwright.backend.Device.cuda(i));
                    long free = b.freeMemoryBytes();
                    l.add(new DeviceChoice(b.description() + (free > 0 ? ", free" : ""), free));
                } catch (RuntimeException e) {
                    // a GPU that cannot be opened is not offered; the Train tab's device box says why
                }
            }
        }
        l.add(new DeviceChoice("GPU 8 GiB (planning)", 8L << 30));
        l.add(new DeviceChoice("GPU 24 GiB (planning)", 24L << 30));
        return List.copyOf(l);
    }

    private void update() {
        DesignAnalysis a = editor.analysis().analysis();
        params.set(Numbers.grouped(a.trainableParams()) + " trainable / " + Numbers.grouped(a.totalParams()));
        macs.set(Numbers.short_(a.macs()));
        int batch = Math.max(1, batchSize.get());
        DeviceChoice dev = device.get();
        MemoryEstimate m = a.memory(batch, optimizer.get(), dev == null ? 0 : dev.bytes());
        memory.set("≈ " + MemoryEstimate.format(m.totalBytes()));
        memoryWarning.set(m.warning() == null ? "" : m.warning().text());
        int errors = a.errors().size();
        int warnings = a.warnings().size();
        problems.set(errors == 0 && warnings == 0 ? "No problems" : errors + " error" + (errors == 1 ? "" : "s")
                + ", " + warnings + " warning" + (warnings == 1 ? "" : "s"));
    }

    /** Batch size for the memory estimate. */
    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    /** Optimizer for the memory estimate. */
    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return optimizer;
    }

    /** Device the memory estimate is compared against. */
    public ObjectProperty<DeviceChoice> deviceProperty() {
        return device;
    }

    /** {@code 61,706 trainable / 61,706}. */
    public ReadOnlyStringProperty paramsProperty() {
        return params.getReadOnlyProperty();
    }

    /** MACs per sample, {@code 416.5 K}. */
    public ReadOnlyStringProperty macsProperty() {
        return macs.getReadOnlyProperty();
    }

    /** Training memory, {@code ≈ 12.3 MiB}. */
    public ReadOnlyStringProperty memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    /** The warning when the estimate exceeds the device, else "". */
    public ReadOnlyStringProperty memoryWarningProperty() {
        return memoryWarning.getReadOnlyProperty();
    }

    /** {@code 1 error, 2 warnings} or {@code No problems}. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }
}
