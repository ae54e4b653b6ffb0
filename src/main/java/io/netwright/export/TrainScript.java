package io.netwright.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code train_ddp.py}: the template {@code resources/export/pytorch/train_ddp.py} with the run's
 * {@link TrainingRecipe} filled in as the {@code RECIPE} dict the script reads.
 */
final class TrainScript {

    static final String PLACEHOLDER = "RECIPE = {}  # @RECIPE@";

    private TrainScript() {
    }

    /** The script for {@code src} trained by {@code r}. */
    static String text(ExportSource src, TrainingRecipe r) {
        String template = PyTorchExporter.resource("train_ddp.py");
        if (!template.contains(PLACEHOLDER)) {
            throw new ExportException("resource /export/pytorch/train_ddp.py has no '" + PLACEHOLDER + "' line — "
                    + "restore it so the recipe can be filled in");
        }
        return template.replace(PLACEHOLDER, recipe(r, PyTorchExporter.lossName(src)));
    }

    /** The {@code RECIPE = {...}} block, one entry a line. */
    static String recipe(TrainingRecipe r, String loss) {
        TrainingRecipe.Augment a = r.augmentation();
        Map<String, Object> aug = new LinkedHashMap<>();
        aug.put("horizontal_flip", a.horizontalFlip());
        aug.put("vertical_flip", a.verticalFlip());
        aug.put("crop_padding", a.cropPadding());
        aug.put("rotation_degrees", a.rotationDegrees());
        aug.put("color_jitter", a.colorJitter());
        aug.put("random_erasing", a.randomErasing());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", r.dataset());
        m.put("batch_size", r.batchSize());
        m.put("epochs", r.epochs());
        m.put("max_steps", r.maxSteps());
        m.put("seed", r.seed());
        m.put("optimizer", r.optimizer());
        m.put("optimizer_options", new TreeMap<>(r.optimizerOptions()));
        m.put("schedule", r.schedule());
        m.put("schedule_options", new TreeMap<>(r.scheduleOptions()));
        m.put("warmup_steps", r.warmupSteps());
        m.put("warmup_start_factor", r.warmupStartFactor());
        m.put("augmentation", aug);
        m.put("validation_fraction", r.validationFraction());
        m.put("clip_norm", r.clipNorm());
        m.put("clip_value", r.clipValue());
        m.put("loss", loss);
        StringBuilder sb = new StringBuilder("RECIPE = {  # the Netwright run's recipe\n");
        m.forEach((k, v) -> sb.append("    ").append(PyLiteral.string(k)).append(": ").append(PyLiteral.of(v))
                .append(",\n"));
        return sb.append('}').toString();
    }

    /** One line for the README: optimizer, schedule, epochs, augmentation. */
    static String summary(TrainingRecipe r, String loss) {
        TrainingRecipe.Augment a = r.augmentation();
        StringBuilder sb = new StringBuilder();
        sb.append(r.optimizer()).append(' ').append(new TreeMap<>(r.optimizerOptions())).append(", schedule ")
                .append(r.schedule());
        if (!r.scheduleOptions().isEmpty()) {
            sb.append(' ').append(new TreeMap<>(r.scheduleOptions()));
        }
        if (r.warmupSteps() > 0) {
            sb.append(" after ").append(r.warmupSteps()).append(" warm-up steps");
        }
        sb.append(", ").append(r.epochs()).append(" epochs, ").append(loss).append(", seed ").append(r.seed());
        if (!a.equals(TrainingRecipe.Augment.NONE)) {
            sb.append(", augmentation ").append(a);
        }
        return sb.toString();
    }
}
