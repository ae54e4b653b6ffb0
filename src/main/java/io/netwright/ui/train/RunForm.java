package io.netwright.ui.train;

import io.netwright.optim.Optimizers;
import io.netwright.train.DataSpec;
import io.netwright.train.Metric;
import io.netwright.train.ScheduleConfig;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The run configuration form: one row per setting, each control with the id {@code cfg-<key>} and, below it, a
 * message label ({@code cfg-<key>-error}) that names what is wrong. {@link #values()} reads it,
 * {@link #show(RunFormValues)} fills it, {@link #showErrors(Map)} places the messages; every edit publishes the new
 * values so the tab can re-check them as the user types.
 */
final class RunForm extends GridPane {

    private final ComboBox<String> dataset = new ComboBox<>();
    private final TextField validation = field();
    private final TextField test = field();
    private final TextField batch = field();
    private final TextField epochs = field();
    private final TextField maxSteps = field();
    private final ChoiceBox<String> optimizer = new ChoiceBox<>();
    private final TextField lr = field();
    private final TextField optimizerOptions = field();
    private final ChoiceBox<String> schedule = new ChoiceBox<>();
    private final TextField scheduleOptions = field();
    private final TextField warmup = field();
    private final CheckBox hflip = new CheckBox("flip ↔");
    private final CheckBox vflip = new CheckBox("flip ↕");
    private final TextField crop = field();
    private final TextField rotation = field();
    private final TextField jitter = field();
    private final TextField erasing = field();
    private final TextField seed = field();
    private final ChoiceBox<String> device = new ChoiceBox<>();
    private final TextField ckptEpochs = field();
    private final TextField ckptSteps = field();
    private final CheckBox keepBest = new CheckBox("keep best by");
    private final ChoiceBox<String> bestMetric = new ChoiceBox<>();
    private final Map<String, Label> errors = new HashMap<>();
    private final ReadOnlyObjectWrapper<RunFormValues> edited = new ReadOnlyObjectWrapper<>(this, "edited");
    private boolean filling;
    private int row;

    /** Adds {@code cuda:N} for every GPU found; returns what was found, or why there is none. */
    private static String cudaDevices(java.util.List<String> items) {
        StringBuilder found = new StringBuilder();
        for (io.netwright.backend.DeviceInfo info : io.netwright.backend.Devices.available()) {
            if (info.kind() != io.netwright.backend.Device.Kind.CUDA) {
                continue;
            }
            if (info.available()) {
                for (int i = 0; i < info.devices(); i++) {
                    items.add("cuda:" + i);
                }
            }
            found.append(found.length() == 0 ? "" : "; ").append(info.available() ? info.detail()
                    : "no GPU: " + info.detail());
        }
        return found.length() == 0 ? "no GPU backend" : found.toString();
    }

    RunForm() {
        setHgap(6);
        setVgap(2);
        setPadding(new Insets(8));
        getStyleClass().add("run-form");
        getColumnConstraints().addAll(new ColumnConstraints(95), grow());
        dataset.setEditable(true);
        dataset.getItems().addAll(DataSpec.BUNDLED);
        dataset.setMaxWidth(Double.MAX_VALUE);
        optimizer.getItems().addAll(Optimizers.NAMES);
        schedule.getItems().addAll(ScheduleConfig.TYPES);
        device.getItems().addAll("cpu", "auto");
        String gpus = cudaDevices(device.getItems());
        bestMetric.getItems().addAll(Arrays.stream(Metric.values()).map(Metric::key).toList());

        section("Data");
        row(RunFormValues.DATASET, "Dataset", dataset, "A bundled sample, a folder (IDX, CIFAR, CSV, image folders) "
                + "or a CSV file");
        row(RunFormValues.VALIDATION, "Validation", validation, "Fraction of the training data held out for "
                + "validation");
        row(RunFormValues.TEST, "Test", test, "Fraction held out for testing when the dataset has no test part");
        section("Length");
        row(RunFormValues.BATCH, "Batch size", batch, "Samples per step");
        row(RunFormValues.EPOCHS, "Epochs", epochs, "Passes over the training data");
        row(RunFormValues.MAX_STEPS, "Max steps", maxSteps, "Stop after this many steps (0: no limit)");
        section("Optimizer");
        row(RunFormValues.OPTIMIZER, "Optimizer", optimizer, "The optimizer (PyTorch names)");
        row(RunFormValues.LR, "Learning rate", lr, "The base learning rate");
        row(RunFormValues.OPTIMIZER_OPTIONS, "Options", optimizerOptions, "name=value, ... e.g. momentum=0.9, "
                + "weight_decay=5e-4, betas=[0.9, 0.999]");
        row(RunFormValues.SCHEDULE, "LR schedule", schedule, "How the learning rate changes over the run");
        row(RunFormValues.SCHEDULE_OPTIONS, "Sched. options", scheduleOptions, "e.g. step_size=2, gamma=0.5");
        row(RunFormValues.WARMUP, "Warm-up", warmup, "Linear warm-up steps before the schedule (0: none)");
        section("Augmentation");
        HBox flips = new HBox(8, hflip, vflip);
        row(RunFormValues.AUGMENTATION, "Flips", flips, "Random flips of training images");
        row(null, "Crop padding", crop, "Pad by this many pixels and crop back at random (0: off)");
        row(null, "Rotation °", rotation, "Random rotation in [-d, d] degrees (0: off)");
        row(null, "Color jitter", jitter, "Brightness/contrast/saturation jitter in [0, 1) (0: off)");
        row(null, "Erasing", erasing, "Probability of erasing a random rectangle (0: off)");
        section("Run");
        row(RunFormValues.SEED, "Seed", seed, "Fixes weights, split, order, augmentation and dropout");
        row(RunFormValues.DEVICE, "Device", device, "Where to train: cpu, auto (a GPU when one works) or a GPU — "
                + gpus);
        row(RunFormValues.CHECKPOINT, "Checkpoint", new HBox(4, new Label("every"), ckptEpochs, new Label("epochs /"),
                ckptSteps, new Label("steps")), "Write checkpoints/last every N epochs and/or steps (0: not by that)");
        row(null, "", new HBox(4, keepBest, bestMetric), "Write checkpoints/best when this metric improves");
        ckptEpochs.setPrefColumnCount(3);
        ckptSteps.setPrefColumnCount(4);
        row(RunFormValues.DESIGN, "", new Label(""), null);

        ids();
        for (Control c : List.<Control>of(validation, test, batch, epochs, maxSteps, lr, optimizerOptions,
                scheduleOptions, warmup, crop, rotation, jitter, erasing, seed, ckptEpochs, ckptSteps)) {
            ((TextField) c).textProperty().addListener((o, a, b) -> changed());
        }
        dataset.valueProperty().addListener((o, a, b) -> changed());
        dataset.getEditor().textProperty().addListener((o, a, b) -> changed());
        for (ChoiceBox<String> c : List.of(optimizer, schedule, device, bestMetric)) {
            c.valueProperty().addListener((o, a, b) -> changed());
        }
        for (CheckBox c : List.of(hflip, vflip, keepBest)) {
            c.selectedProperty().addListener((o, a, b) -> changed());
        }
    }

    private void ids() {
        dataset.setId("cfg-dataset");
        validation.setId("cfg-validation");
        test.setId("cfg-test");
        batch.setId("cfg-batch");
        epochs.setId("cfg-epochs");
        maxSteps.setId("cfg-max-steps");
        optimizer.setId("cfg-optimizer");
        lr.setId("cfg-lr");
        optimizerOptions.setId("cfg-optimizer-options");
        schedule.setId("cfg-schedule");
        scheduleOptions.setId("cfg-schedule-options");
        warmup.setId("cfg-warmup");
        hflip.setId("cfg-hflip");
        vflip.setId("cfg-vflip");
        crop.setId("cfg-crop");
        rotation.setId("cfg-rotation");
        jitter.setId("cfg-jitter");
        erasing.setId("cfg-erasing");
        seed.setId("cfg-seed");
        device.setId("cfg-device");
        ckptEpochs.setId("cfg-ckpt-epochs");
        ckptSteps.setId("cfg-ckpt-steps");
        keepBest.setId("cfg-keep-best");
        bestMetric.setId("cfg-best-metric");
    }

    private static TextField field() {
        TextField t = new TextField();
        t.setPrefColumnCount(8);
        return t;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setFillWidth(true);
        return c;
    }

    private void section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("form-section");
        l.setPadding(new Insets(row == 0 ? 0 : 8, 0, 2, 0));
        l.setStyle("-fx-font-weight: bold");
        add(l, 0, row++, 2, 1);
    }

    private void row(String key, String label, javafx.scene.Node control, String tip) {
        Label name = new Label(label);
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // names are shown whole, never "Sched. opti…"
        if (control instanceof HBox box) {
            for (javafx.scene.Node n : box.getChildren()) {
                if (n instanceof javafx.scene.control.Labeled l) {
                    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                }
            }
        }
        add(name, 0, row);
        add(control, 1, row++);
        if (tip != null && control instanceof Control c) {
            c.setTooltip(new Tooltip(tip));
        } else if (tip != null) {
            name.setTooltip(new Tooltip(tip));
        }
        if (key != null) {
            Label err = new Label();
            err.setId("cfg-" + key + "-error");
            err.getStyleClass().add("field-error");
            err.setStyle("-fx-text-fill: #c62828; -fx-font-size: 0.9em");
            err.setWrapText(true);
            err.setMaxWidth(260);
            err.setManaged(false);
            err.setVisible(false);
            add(err, 1, row++);
            errors.put(key, err);
        }
    }

    private void changed() {
        if (!filling) {
            edited.set(values());
        }
    }

    /** The values as shown. */
    RunFormValues values() {
        String data = dataset.isEditable() && dataset.getEditor().getText() != null ? dataset.getEditor().getText()
                : dataset.getValue();
        return new RunFormValues(data, validation.getText(), test.getText(), batch.getText(), epochs.getText(),
                maxSteps.getText(), optimizer.getValue(), lr.getText(), optimizerOptions.getText(),
                schedule.getValue(), scheduleOptions.getText(), warmup.getText(), hflip.isSelected(),
                vflip.isSelected(), crop.getText(), rotation.getText(), jitter.getText(), erasing.getText(),
                seed.getText(), device.getValue(), ckptEpochs.getText(), ckptSteps.getText(), keepBest.isSelected(),
                bestMetric.getValue());
    }

    /** Fills the form with {@code v} (without publishing an edit). */
    void show(RunFormValues v) {
        filling = true;
        try {
            dataset.setValue(v.dataset());
            dataset.getEditor().setText(v.dataset());
            validation.setText(v.validation());
            test.setText(v.test());
            batch.setText(v.batch());
            epochs.setText(v.epochs());
            maxSteps.setText(v.maxSteps());
            optimizer.setValue(v.optimizer());
            lr.setText(v.lr());
            optimizerOptions.setText(v.optimizerOptions());
            schedule.setValue(v.schedule());
            scheduleOptions.setText(v.scheduleOptions());
            warmup.setText(v.warmup());
            hflip.setSelected(v.hflip());
            vflip.setSelected(v.vflip());
            crop.setText(v.crop());
            rotation.setText(v.rotation());
            jitter.setText(v.jitter());
            erasing.setText(v.erasing());
            seed.setText(v.seed());
            device.setValue(v.device());
            ckptEpochs.setText(v.ckptEpochs());
            ckptSteps.setText(v.ckptSteps());
            keepBest.setSelected(v.keepBest());
            bestMetric.setValue(v.bestMetric());
        } finally {
            filling = false;
        }
        showErrors(Map.of());
    }

    /** Shows each message under its field and clears the others. */
    void showErrors(Map<String, String> messages) {
        errors.forEach((key, label) -> {
            String m = messages.get(key);
            label.setText(m == null ? "" : m);
            label.setVisible(m != null);
            label.setManaged(m != null);
        });
    }

    /** The message shown for {@code key} ("" when none). */
    String error(String key) {
        Label l = errors.get(key);
        return l == null ? "" : l.getText();
    }

    /** The latest values edited by the user. */
    ReadOnlyObjectProperty<RunFormValues> editedProperty() {
        return edited.getReadOnlyProperty();
    }
}
