package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that cannot read its dataset fails before it has a run folder, and a resume like it changes nothing saved. */
class FailedStartTest {

    @TempDir
    Path tmp;

    private static TrainFixtures.Recorder run(Trainer t) throws InterruptedException {
        var rec = new TrainFixtures.Recorder();
        t.addListener(rec);
        t.start();
        assertTrue(t.join(Duration.ofSeconds(60)));
        return rec;
    }

    @Test
    void aMissingDatasetFailsTheRunWithoutLeavingAFolder() throws Exception {
        Path missing = tmp.resolve("no-such-data");
        TrainingConfig cfg = TrainFixtures.config(TrainFixtures.mlp(4, 8, 3))
                .withData(new DataConfig(missing.toString(), 0, 0, "", "", 0));
        Path dir = tmp.resolve("runs").resolve("r1");
        Trainer t = Trainer.create(cfg, dir);
        var rec = run(t);
        assertEquals(Trainer.State.FAILED, t.state());
        TrainingEvent.Failed f = (TrainingEvent.Failed) rec.last();
        assertTrue(f.message().contains(missing.toString()), f.message());
        assertTrue(rec.of(TrainingEvent.Started.class).isEmpty());
        assertFalse(Files.exists(dir), "a failed start leaves no run folder");
    }

    @Test
    void aResumeWhoseDataIsGoneLeavesTheRunAsItWas() throws Exception {
        TrainingData data = TrainFixtures.data(48, 0, 0, 4, 3);
        TrainingConfig cfg = TrainFixtures.config(TrainFixtures.mlp(4, 8, 3)).withEpochs(1);
        Path dir = tmp.resolve("r2");
        Trainer first = Trainer.create(cfg, dir, data);
        run(first);
        assertEquals(Trainer.State.FINISHED, first.state());
        Path status = dir.resolve(RunFolder.STATUS);
        String before = Files.readString(status);

        Path missing = tmp.resolve("moved-away");
        Trainer again = Trainer.resumeRun(dir, c -> c.withEpochs(2).withData(c.data().withSpec(missing.toString())),
                null);
        var rec = run(again);
        assertEquals(Trainer.State.FAILED, again.state());
        assertTrue(((TrainingEvent.Failed) rec.last()).message().contains(missing.toString()));
        assertEquals(before, Files.readString(status), "run.json still says how the run ended");
    }
}
