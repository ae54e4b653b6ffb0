package io.netwright.ui.runs;

import io.netwright.graph.Design;
import io.netwright.train.DataConfig;
import io.netwright.train.OptimizerConfig;
import io.netwright.train.RunStore;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingConfig;
import java.nio.file.Path;
import java.time.Duration;

/** Short real runs of a design on its own dataset, limited to a few steps, for pictures from other packages. */
public final class TinyRunsAccess {

    private TinyRunsAccess() {
    }

    /** Trains {@code design} on 1,000 of its dataset's images per epoch for {@code epochs} epochs. */
    public static Path run(RunStore store, Design design, OptimizerConfig optimizer, int epochs) throws Exception {
        TrainingConfig c = TrainingConfig.of(design).withOptimizer(optimizer).withEpochs(epochs).withBatchSize(100)
                .withData(DataConfig.of("").withFractions(0.67, 0)).withThreads(1);
        Path dir = store.newRunDir(c);
        try (Trainer t = Trainer.create(c, dir)) {
            t.start();
            if (!t.join(Duration.ofMinutes(5))) {
                throw new IllegalStateException("run did not end in 5 minutes");
            }
        }
        return dir;
    }
}
