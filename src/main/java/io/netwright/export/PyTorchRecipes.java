package io.netwright.export;

import io.netwright.data.formats.SampleData;
import io.netwright.train.Augmentation;
import io.netwright.train.DataSpec;
import io.netwright.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The PyTorch export's training recipe of a run: its {@link TrainingConfig} mapped to the plain
 * {@link TrainingRecipe} that train_ddp.py is written from.
 *
 * <pre>{@code PyTorchExporter.export(src, PyTorchRecipes.from(run.config()), out, force);}</pre>
 */
public final class PyTorchRecipes {

    private PyTorchRecipes() {
    }

    /**
     * The recipe of {@code config}: its dataset (a bundled sample as the absolute path of its folder when found, so
     * the script runs from anywhere), batch size, epochs, step limit, seed, optimizer and schedule with their
     * options, augmentation, validation fraction and clipping.
     */
    public static TrainingRecipe from(TrainingConfig config) {
        Augmentation a = config.augmentation();
        var s = config.schedule();
        return new TrainingRecipe(dataset(config.dataSpec()), config.batchSize(), config.epochs(), config.maxSteps(),
                config.seed(), config.optimizer().name(), config.optimizer().options(), s.type(), s.options(),
                s.warmupSteps(), s.warmupStartFactor(),
                new TrainingRecipe.Augment(a.horizontalFlip(), a.verticalFlip(), a.cropPadding(), a.rotationDegrees(),
                        a.colorJitter(), a.randomErasing()),
                config.data().validationFraction(), config.clipping().maxNorm(), config.clipping().maxValue());
    }

    /** A bundled sample's folder when it can be found, else the SPEC as given. */
    static String dataset(String spec) {
        String s = spec == null ? "" : spec.trim();
        if (!DataSpec.BUNDLED.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        try {
            Path dir = SampleData.root().resolve("data").resolve(s.toLowerCase(Locale.ROOT));
            return Files.isDirectory(dir) ? dir.toAbsolutePath().normalize().toString() : s;
        } catch (IOException e) {
            return s; // the script looks for bundled samples itself and says to pass --data
        }
    }
}
