package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run holds its folder's lock for other processes even while this JVM looks at the run (status reads,
 * opening the folder): probing the lock from the trainer's own JVM must not release it.
 */
class RunLockTest {

    @TempDir
    Path tmp;

    private static String probe(Path lock) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockProbeChild.class.getName(), lock.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void theLockSurvivesStatusReadsInTheTrainersJvmAndGoesWhenTheRunEnds() throws Exception {
        Path run = tmp.resolve("run");
        Trainer t = TrainFixtures.startSlowRun(run);
        RunFolder f = RunFolder.open(run);
        assertTrue(f.isLive());
        assertEquals("running", f.readStatus().orElseThrow().state());
        assertEquals("held", probe(run.resolve(RunFolder.LOCK)), "another process sees the run as live");
        t.stop();
        assertTrue(t.join(Duration.ofSeconds(30)));
        assertEquals("free", probe(run.resolve(RunFolder.LOCK)));
        assertEquals("stopped", RunFolder.open(run).readStatus().orElseThrow().state());
    }
}
