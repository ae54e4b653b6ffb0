package io.netwright.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.Design;
import io.netwright.graph.DesignFiles;
import io.netwright.graph.Edge;
import io.netwright.train.Augmentation;
import io.netwright.train.OptimizerConfig;
import io.netwright.train.OptionText;
import io.netwright.train.ScheduleConfig;
import io.netwright.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run form's checks and the per-design memory, without a display. */
class RunFormValuesTest {

    static Design lenet() throws IOException {
        return DesignFiles.read(Path.of("samples/designs/lenet5.json"));
    }

    private static RunFormValues edit(RunFormValues v, String field, String value) {
        return switch (field) {
            case "batch" -> new RunFormValues(v.dataset(), v.validation(), v.test(), value, v.epochs(), v.maxSteps(),
                    v.optimizer(), v.lr(), v.optimizerOptions(), v.schedule(), v.scheduleOptions(), v.warmup(),
                    v.hflip(), v.vflip(), v.crop(), v.rotation(), v.jitter(), v.erasing(), v.seed(), v.device(),
                    v.ckptEpochs(), v.ckptSteps(), v.keepBest(), v.bestMetric());
            case "lr" -> new RunFormValues(v.dataset(), v.validation(), v.test(), v.batch(), v.epochs(), v.maxSteps(),
                    v.optimizer(), value, v.optimizerOptions(), v.schedule(), v.scheduleOptions(), v.warmup(),
                    v.hflip(), v.vflip(), v.crop(), v.rotation(), v.jitter(), v.erasing(), v.seed(), v.device(),
                    v.ckptEpochs(), v.ckptSteps(), v.keepBest(), v.bestMetric());
            case "options" -> new RunFormValues(v.dataset(), v.validation(), v.test(), v.batch(), v.epochs(),
                    v.maxSteps(), v.optimizer(), v.lr(), value, v.schedule(), v.scheduleOptions(), v.warmup(),
                    v.hflip(), v.vflip(), v.crop(), v.rotation(), v.jitter(), v.erasing(), v.seed(), v.device(),
                    v.ckptEpochs(), v.ckptSteps(), v.keepBest(), v.bestMetric());
            case "fractions" -> new RunFormValues(v.dataset(), value, value, v.batch(), v.epochs(), v.maxSteps(),
                    v.optimizer(), v.lr(), v.optimizerOptions(), v.schedule(), v.scheduleOptions(), v.warmup(),
                    v.hflip(), v.vflip(), v.crop(), v.rotation(), v.jitter(), v.erasing(), v.seed(), v.device(),
                    v.ckptEpochs(), v.ckptSteps(), v.keepBest(), v.bestMetric());
            case "rotation" -> new RunFormValues(v.dataset(), v.validation(), v.test(), v.batch(), v.epochs(),
                    v.maxSteps(), v.optimizer(), v.lr(), v.optimizerOptions(), v.schedule(), v.scheduleOptions(),
                    v.warmup(), v.hflip(), v.vflip(), v.crop(), value, v.jitter(), v.erasing(), v.seed(), v.device(),
                    v.ckptEpochs(), v.ckptSteps(), v.keepBest(), v.bestMetric());
            case "schedule" -> new RunFormValues(v.dataset(), v.validation(), v.test(), v.batch(), v.epochs(),
                    v.maxSteps(), v.optimizer(), v.lr(), v.optimizerOptions(), "step", value, v.warmup(), v.hflip(),
                    v.vflip(), v.crop(), v.rotation(), v.jitter(), v.erasing(), v.seed(), v.device(), v.ckptEpochs(),
                    v.ckptSteps(), v.keepBest(), v.bestMetric());
            default -> throw new IllegalArgumentException(field);
        };
    }

    @Test
    void aConfigRoundTripsThroughTheForm() throws IOException {
        Design d = lenet();
        TrainingConfig c = TrainingConfig.of(d).withBatchSize(32).withEpochs(3).withMaxSteps(500)
                .withOptimizer(new OptimizerConfig("Adam", Map.of("lr", 0.002, "betas", List.of(0.8, 0.99),
                        "weight_decay", 1e-4)))
                .withSchedule(ScheduleConfig.of("step", Map.of("step_size", 2, "gamma", 0.5)).withWarmup(10, 0.1))
                .withAugmentation(new Augmentation(true, false, 2, 10, 0, 0.25)).withSeed(7);
        RunFormValues v = RunFormValues.of(c);
        assertEquals("betas=[0.8, 0.99], weight_decay=0.0001", v.optimizerOptions());
        assertEquals("fashion-mnist-small", v.dataset());
        RunFormValues.Result r = v.toConfig(d, TrainingConfig.of(d));
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(c.withData(c.data().withSpec("fashion-mnist-small")), r.config());
    }

    @Test
    void wrongFieldsGetAMessageEach() throws IOException {
        Design d = lenet();
        RunFormValues v = RunFormValues.of(TrainingConfig.of(d));
        Map<String, String> e = edit(v, "batch", "0").toConfig(d, TrainingConfig.of(d)).errors();
        assertEquals(Map.of(RunFormValues.BATCH, "must be between 1 and 1000000"), e);
        e = edit(v, "batch", "lots").toConfig(d, TrainingConfig.of(d)).errors();
        assertEquals("'lots' is not a whole number", e.get(RunFormValues.BATCH));
        e = edit(v, "lr", "-1").toConfig(d, TrainingConfig.of(d)).errors();
        assertTrue(e.get(RunFormValues.LR).contains("above 0"), e.toString());
        e = edit(v, "options", "momentum").toConfig(d, TrainingConfig.of(d)).errors();
        assertTrue(e.get(RunFormValues.OPTIMIZER_OPTIONS).contains("name=value"), e.toString());
        e = edit(v, "options", "momentum=0.9, warp=3").toConfig(d, TrainingConfig.of(d)).errors();
        assertTrue(e.get(RunFormValues.OPTIMIZER_OPTIONS).contains("warp"), "the optimizer names the option: " + e);
        e = edit(v, "fractions", "0.5").toConfig(d, TrainingConfig.of(d)).errors();
        assertTrue(e.get(RunFormValues.TEST).contains("below 1"), e.toString());
        e = edit(v, "rotation", "400").toConfig(d, TrainingConfig.of(d)).errors();
        assertTrue(e.get(RunFormValues.AUGMENTATION).contains("rotation_degrees"), e.toString());
        e = edit(v, "schedule", "step_size=2, speed=3").toConfig(d, TrainingConfig.of(d)).errors();
        assertTrue(e.get(RunFormValues.SCHEDULE_OPTIONS).contains("speed"), e.toString());
    }

    @Test
    void aDesignWithErrorsIsRefusedWithItsProblem() throws IOException {
        Design d = lenet();
        Edge first = d.edges().get(1);
        Design broken = d.withGraph(d.nodes(), d.edges().stream().filter(x -> !x.equals(first)).toList());
        RunFormValues v = RunFormValues.of(TrainingConfig.of(d));
        RunFormValues.Result r = v.toConfig(broken, TrainingConfig.of(d));
        assertFalse(r.ok());
        assertTrue(r.errors().get(RunFormValues.DESIGN).startsWith("design '"), r.errors().toString());
    }

    @Test
    void optionTextRoundTripsAndNamesBadEntries() {
        Map<String, Object> m = OptionText.parse("momentum=0.9, nesterov=true, betas=[0.9 0.999], mode=cos");
        assertEquals(Map.of("momentum", 0.9, "nesterov", true, "betas", List.of(0.9, 0.999), "mode", "cos"), m);
        assertEquals(m, OptionText.parse(OptionText.format(m)));
        assertEquals(Map.of(), OptionText.parse("  "));
        var ex = assertThrows(IllegalArgumentException.class, () -> OptionText.parse("betas=[0.9, 0.99"));
        assertTrue(ex.getMessage().contains("closing ]"));
    }

    @Test
    void settingsAreRememberedPerDesignFile(@TempDir Path home) throws IOException {
        Design d = lenet();
        RunConfigMemory memory = new RunConfigMemory(home);
        String a = RunConfigMemory.key(Path.of("/x/lenet5.json"), d);
        String b = RunConfigMemory.key(Path.of("/y/lenet5.json"), d);
        String untitled = RunConfigMemory.key(null, d);
        assertEquals("name:" + d.metadata().name(), untitled);
        assertTrue(memory.load(a, d).isEmpty());
        TrainingConfig ca = TrainingConfig.of(d).withBatchSize(16).withSeed(3);
        TrainingConfig cb = TrainingConfig.of(d).withBatchSize(128);
        memory.save(a, ca);
        memory.save(b, cb);
        assertEquals(ca, memory.load(a, d).orElseThrow());
        assertEquals(cb, memory.load(b, d).orElseThrow());
        assertTrue(memory.load(untitled, d).isEmpty());
        assertTrue(memory.file(a).getFileName().toString().startsWith("lenet5-"));
        Design renamed = d.withMetadata(d.metadata().withName("LeNet-5 v2"));
        assertEquals(renamed, memory.load(a, renamed).orElseThrow().design(), "the current design replaces the "
                + "stored snapshot");
        Files.writeString(memory.file(a), "{ not json");
        IOException ex = assertThrows(IOException.class, () -> memory.load(a, d));
        assertTrue(ex.getMessage().contains("delete the file"), ex.getMessage());
    }
}
