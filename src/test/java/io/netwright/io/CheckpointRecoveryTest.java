package io.netwright.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a kill mid-swap can leave, and what recovery and loading make of it. */
class CheckpointRecoveryTest {

    @TempDir
    Path tmp;

    private static Checkpoint ck(float v) {
        return new Checkpoint(Map.of("w", Tensor.full(new int[] {2}, v)), Map.of(), null);
    }

    private static float value(Path dir) throws IOException {
        return CheckpointIO.load(dir).model().get("w").toFloatArray()[0];
    }

    /** A complete checkpoint of value {@code v} at {@code to} (saved elsewhere, then moved). */
    private Path completeAt(Path to, float v) throws IOException {
        Path staging = tmp.resolve("staging-" + v);
        CheckpointIO.save(staging, ck(v));
        Files.move(staging, to);
        return to;
    }

    private long leftovers(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).count();
        }
    }

    @Test
    void aCompleteNewCopyWinsOverTheCurrentOne() throws IOException {
        Path last = tmp.resolve("ck").resolve("last");
        CheckpointIO.save(last, ck(1));
        completeAt(last.resolveSibling(".last.new-abc"), 2); // killed after writing the new one, before the swap
        assertTrue(CheckpointIO.recover(last));
        assertEquals(2f, value(last));
        assertEquals(0, leftovers(last.getParent()));
    }

    @Test
    void killedBetweenTheRenamesTheOldCopyIsReadAndPutBack() throws IOException {
        Path last = tmp.resolve("ck2").resolve("last");
        Files.createDirectories(last.getParent());
        completeAt(last.resolveSibling(".last.old-abc"), 3); // the current one moved aside, the new one not yet in
        Files.createDirectories(last.resolveSibling(".last.new-abc"));
        Files.writeString(last.resolveSibling(".last.new-abc").resolve("model.safetensors"), "half");
        assertEquals(3f, value(last), "loading finds the complete copy without repairing anything");
        assertFalse(Files.exists(last));
        assertTrue(CheckpointIO.recover(last));
        assertEquals(3f, value(last));
        assertEquals(0, leftovers(last.getParent()), "the incomplete new copy is removed");
    }

    @Test
    void aDamagedCurrentCheckpointIsReplacedByACompleteOldOne() throws IOException {
        Path last = tmp.resolve("ck3").resolve("last");
        CheckpointIO.save(last, ck(4));
        completeAt(last.resolveSibling(".last.old-x"), 5);
        Files.writeString(last.resolve("model.safetensors"), "damaged");
        assertTrue(CheckpointIO.recover(last));
        assertEquals(5f, value(last));
    }
}
