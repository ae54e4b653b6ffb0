package io.netwright.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.DesignFiles;
import io.netwright.train.Augmentation;
import io.netwright.train.DataConfig;
import io.netwright.train.OptimizerConfig;
import io.netwright.train.ScheduleConfig;
import io.netwright.train.TrainingConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyTorchRecipesTest {

    @Test
    void aRunConfigBecomesTheExportRecipe() throws Exception {
        TrainingConfig c = TrainingConfig.of(DesignFiles.read(Path.of("samples", "designs", "lenet5.json")))
                .withData(DataConfig.of("/data/fmnist")).withBatchSize(128).withEpochs(5).withSeed(9)
                .withOptimizer(new OptimizerConfig("AdamW", Map.of("lr", 0.002, "weight_decay", 0.01)))
                .withSchedule(ScheduleConfig.of("step", Map.of("step_size", 2, "gamma", 0.5)).withWarmup(100, 0.1))
                .withAugmentation(Augmentation.flipAndCrop());
        TrainingRecipe r = PyTorchRecipes.from(c);
        assertEquals("/data/fmnist", r.dataset());
        assertEquals(128, r.batchSize());
        assertEquals(5, r.epochs());
        assertEquals(9, r.seed());
        assertEquals("AdamW", r.optimizer());
        assertEquals(0.002, r.optimizerOptions().get("lr"));
        assertEquals("step", r.schedule());
        assertEquals(2.0, r.scheduleOptions().get("step_size"));
        assertEquals(100, r.warmupSteps());
        assertEquals(0.1, r.warmupStartFactor());
        assertTrue(r.augmentation().horizontalFlip());
        assertEquals(4, r.augmentation().cropPadding());
    }

    @Test
    void aBundledSampleBecomesItsFolder() {
        String d = PyTorchRecipes.dataset("fashion-mnist-small");
        assertTrue(d.endsWith("fashion-mnist-small"), d);
        assertEquals("/x/y", PyTorchRecipes.dataset("/x/y"));
    }
}
