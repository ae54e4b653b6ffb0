package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netwright.graph.DesignFiles;
import io.netwright.graph.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    private static TrainingConfig rich() throws Exception {
        return TrainingConfig.of(DesignFiles.read(Path.of("samples/designs/lenet5.json")))
                .withData(new DataConfig("fashion-mnist-small", 0.15, 0.05, "", "/data/test", 3))
                .withBatchSize(32).withEpochs(7).withMaxSteps(1234)
                .withOptimizer(new OptimizerConfig("adamw", Map.of("lr", 3e-4, "betas", List.of(0.9, 0.99),
                        "weight_decay", 0.05)))
                .withSchedule(ScheduleConfig.of("multistep", Map.of("milestones", List.of(3, 5), "gamma", 0.2))
                        .withWarmup(100, 0.01))
                .withAugmentation(new Augmentation(true, false, 2, 10, 0.2, 0.25))
                .withSeed(-9_007_199_254_740_993L).withDevice("AUTO").withThreads(2)
                .withCheckpoint(new CheckpointPolicy(500, 2, true, false, Metric.VAL_TOPK))
                .withEarlyStopping(new EarlyStopping(Metric.VAL_ACCURACY, 4, 0.001))
                .withClipping(new Clipping(1.5, 0.5))
                .withMonitoring(new Monitoring(25, 100, 8, 3, 50));
    }

    @Test
    void jsonRoundTripIsExact() throws Exception {
        TrainingConfig c = rich();
        String json = c.toJson();
        TrainingConfig back = TrainingConfig.fromJson(json);
        assertEquals(c, back);
        assertEquals(json, back.toJson());
        assertEquals("AdamW", back.optimizer().name(), "optimizer names are canonicalised");
        assertEquals("auto", back.device());
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        assertEquals("LeNet-5", o.getAsJsonObject("design").getAsJsonObject("metadata").get("name").getAsString());
        assertEquals(0.15, o.getAsJsonObject("data").get("validation_fraction").getAsDouble());
        assertEquals("val_topk", o.getAsJsonObject("checkpoint").get("best_metric").getAsString());
    }

    @Test
    void missingSectionsTakeTheirDefaults() throws Exception {
        TrainingConfig c = rich();
        JsonObject o = new JsonObject();
        o.add("design", JsonParser.parseString(DesignFiles.toJson(c.design())));
        o.addProperty("epochs", 2);
        TrainingConfig read = TrainingConfig.fromJson(o.toString());
        assertEquals(TrainingConfig.of(c.design()).withEpochs(2), read);
        assertEquals("fashion-mnist-small", read.dataSpec(), "the design's dataset is the default SPEC");
    }

    @Test
    void misspeltOrMistypedFieldsAreNamed() throws Exception {
        String good = rich().toJson();
        var e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.fromJson(good.replace("\"batch_size\"", "\"batchsize\"")));
        assertTrue(e.getMessage().contains("unknown field 'batchsize'") && e.getMessage().contains("batch_size"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.fromJson(good.replace("\"keep_best\": false", "\"keep_best\": \"no\"")));
        assertTrue(e.getMessage().contains("checkpoint") && e.getMessage().contains("keep_best"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.fromJson(good.replace("\"epochs\": 7", "\"epochs\": 0")));
        assertTrue(e.getMessage().contains("epochs must be >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.fromJson("{\"format\": 9}"));
        assertTrue(e.getMessage().contains("format 9"), e.getMessage());
    }

    @Test
    void recordsRefuseBadValuesWithTheFix() {
        var e = assertThrows(IllegalArgumentException.class, () -> new OptimizerConfig("Adamax", Map.of()));
        assertTrue(e.getMessage().contains("known: SGD, Adam, AdamW, RMSprop, Adagrad"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.sgd(-1, 0));
        assertTrue(e.getMessage().contains("lr must be a positive number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScheduleConfig.of("cosine", Map.of("gamma", 0.1)));
        assertTrue(e.getMessage().contains("has no option 'gamma'") && e.getMessage().contains("eta_min"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DataConfig("x", 0.6, 0.4, "", "", 0));
        assertTrue(e.getMessage().contains("leaves nothing to train on"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metric.parse("val_f1"));
        assertTrue(e.getMessage().contains("val_loss"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Monitoring(0, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ScheduleConfig.of("onecycle", Map.of()).withWarmup(5, 0.5));
    }

    @Test
    void validateReportsEveryDeeperProblem() throws Exception {
        TrainingConfig c = rich().withData(new DataConfig("", 0, 0, "", "", 0))
                .withOptimizer(new OptimizerConfig("SGD", Map.of("lr", 0.1, "nesterov", true)))
                .withSchedule(ScheduleConfig.of("step", Map.of("step_size", 1.5)))
                .withDesign(rich().design().withNode(Node.of("stray", "Linear")));
        List<String> problems = c.validate();
        String all = String.join("\n", problems);
        assertTrue(all.contains("design 'LeNet-5'"), all);
        assertTrue(all.contains("optimizer:") && all.contains("Nesterov"), all);
        assertTrue(all.contains("step_size") && all.contains("whole number"), all);
        assertTrue(all.contains("early_stopping watches val_accuracy but the run has no validation set"), all);
        assertTrue(rich().validate().isEmpty(), rich().validate().toString());
    }
}
