package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerSmokeTest {

    @TempDir
    Path tmp;

    @Test
    void tinyRunFinishes() throws Exception {
        var rec = new TrainFixtures.Recorder();
        Trainer t = Trainer.create(TrainFixtures.config(TrainFixtures.mlp(4, 8, 3)), tmp.resolve("run"),
                TrainFixtures.data(96, 30, 30, 4, 3));
        t.addListener(rec);
        t.start();
        assertTrue(t.join(Duration.ofSeconds(60)));
        rec.events.forEach(e -> { if (!(e instanceof TrainingEvent.BatchEnd)) System.out.println(e); });
        assertEquals(Trainer.State.FINISHED, t.state(), String.valueOf(rec.last()));
    }
}
