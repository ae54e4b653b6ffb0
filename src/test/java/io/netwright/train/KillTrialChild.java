package io.netwright.train;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link CheckpointKillTest}: trains a tiny MLP into {@code args[0]} with a checkpoint every step,
 * printing {@code saved <kind> <step>} once each checkpoint is written, until the armed fault point halts it.
 */
public final class KillTrialChild {

    private KillTrialChild() {
    }

    public static void main(String[] args) throws Exception {
        TrainingConfig cfg = TrainFixtures.config(TrainFixtures.mlp(4, 6, 3)).withEpochs(4)
                .withCheckpoint(CheckpointPolicy.defaults().withEverySteps(1).withBestMetric(Metric.VAL_ACCURACY));
        Trainer t = Trainer.create(cfg, Path.of(args[0]), TrainFixtures.data(32, 8, 0, 4, 3));
        t.addListener(e -> {
            if (e instanceof TrainingEvent.CheckpointSaved c) {
                System.out.println("saved " + c.kind() + " " + c.step());
                System.out.flush();
            }
        });
        t.start();
        t.join(Duration.ofSeconds(60));
        System.out.println("ended " + t.state());
    }
}
