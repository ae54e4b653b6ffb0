package io.netwright.cli;

import io.netwright.graph.Design;
import io.netwright.graph.InputSpec;
import io.netwright.train.NumberText;
import io.netwright.train.TrainingConfig;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of {@code train}'s run options, taken from {@link TrainingConfig#of}: the same defaults the studio's
 * run form starts from, so a design trained from the command line and from the studio gets the same settings. An
 * option left out keeps the value of the {@code --config} file, or this default without one. On/off flags
 * ({@code --hflip}, {@code --keep-best}) get none here: picocli would read a negatable flag whose default is true
 * backwards; which form was given decides (see {@link RunFormArgs}).
 */
final class TrainDefaults implements CommandLine.IDefaultValueProvider {

    /** The shared defaults (the design does not change them). */
    static final TrainingConfig DEFAULTS = TrainingConfig.of(Design.empty("defaults", InputSpec.of(1)));

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec o)) {
            return null;
        }
        TrainingConfig d = DEFAULTS;
        return switch (o.longestName()) {
            case "--epochs" -> Integer.toString(d.epochs());
            case "--batch" -> Integer.toString(d.batchSize());
            case "--max-steps" -> Long.toString(d.maxSteps());
            case "--optimizer" -> d.optimizer().name().toLowerCase(Locale.ROOT);
            case "--lr" -> num(d.optimizer().lr());
            case "--momentum" -> num(((Number) d.optimizer().options().getOrDefault("momentum", 0.0)).doubleValue());
            case "--weight-decay" -> num(((Number) d.optimizer().options().getOrDefault("weight_decay", 0.0))
                    .doubleValue());
            case "--seed" -> Long.toString(d.seed());
            case "--device" -> d.device();
            case "--validation" -> num(d.data().validationFraction());
            case "--test" -> num(d.data().testFraction());
            case "--workers" -> Integer.toString(d.data().workers());
            case "--schedule" -> d.schedule().type();
            case "--warmup" -> Integer.toString(d.schedule().warmupSteps());
            case "--crop" -> Integer.toString(d.augmentation().cropPadding());
            case "--rotation" -> num(d.augmentation().rotationDegrees());
            case "--color-jitter" -> num(d.augmentation().colorJitter());
            case "--random-erasing" -> num(d.augmentation().randomErasing());
            case "--early-stopping" -> Integer.toString(d.earlyStopping().patience());
            case "--early-stopping-metric" -> d.earlyStopping().metric().key();
            case "--checkpoint-epochs" -> Integer.toString(d.checkpoint().everyEpochs());
            case "--checkpoint-steps" -> Integer.toString(d.checkpoint().everySteps());
            case "--best-metric" -> d.checkpoint().bestMetric().key();
            default -> null;
        };
    }

    private static String num(double v) {
        return NumberText.compact(v);
    }
}
