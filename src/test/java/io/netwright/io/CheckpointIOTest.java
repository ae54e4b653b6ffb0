package io.netwright.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointIOTest {

    @TempDir
    Path dir;

    private static Checkpoint checkpoint(float v, int epoch) {
        JsonObject meta = new JsonObject();
        meta.addProperty("epoch", epoch);
        return new Checkpoint(Map.of("fc.weight", Tensor.full(new int[]{2, 2}, v)),
                Map.of("state.0.momentum_buffer", Tensor.full(new int[]{2, 2}, v / 2)), meta);
    }

    @Test
    void saveAndLoadRoundTrip() throws IOException {
        Path c = dir.resolve("last");
        CheckpointIO.save(c, checkpoint(3, 7));
        Checkpoint back = CheckpointIO.load(c);
        assertArrayEquals(new float[]{3, 3, 3, 3}, back.model().get("fc.weight").toFloatArray(), 0f);
        assertArrayEquals(new float[]{1.5f, 1.5f, 1.5f, 1.5f},
                back.optimizerTensors().get("state.0.momentum_buffer").toFloatArray(), 0f);
        assertEquals(7, back.meta().get("epoch").getAsInt());
    }

    @Test
    void saveReplacesThePreviousCheckpointAndLeavesNoTemporaries() throws IOException {
        Path c = dir.resolve("last");
        CheckpointIO.save(c, checkpoint(1, 1));
        CheckpointIO.save(c, checkpoint(2, 2));
        assertEquals(2, CheckpointIO.load(c).meta().get("epoch").getAsInt());
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "only the checkpoint folder remains");
        }
    }

    @Test
    void corruptFileIsDetectedByChecksum() throws IOException {
        Path c = dir.resolve("last");
        CheckpointIO.save(c, checkpoint(1, 1));
        Path model = c.resolve(CheckpointIO.MODEL);
        try (RandomAccessFile f = new RandomAccessFile(model.toFile(), "rw")) {
            f.seek(f.length() - 1);
            f.write(0x55);
        }
        IOException e = assertThrows(IOException.class, () -> CheckpointIO.load(c));
        assertTrue(e.getMessage().contains("model.safetensors") && e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void truncatedFileIsDetected() throws IOException {
        Path c = dir.resolve("last");
        CheckpointIO.save(c, checkpoint(1, 1));
        Path opt = c.resolve(CheckpointIO.OPTIMIZER);
        byte[] all = Files.readAllBytes(opt);
        Files.write(opt, java.util.Arrays.copyOf(all, all.length / 2));
        IOException e = assertThrows(IOException.class, () -> CheckpointIO.load(c));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void folderWithoutIndexIsNotACheckpoint() throws IOException {
        Path c = Files.createDirectories(dir.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> CheckpointIO.load(c));
        assertTrue(e.getMessage().contains("not a checkpoint folder"), e.getMessage());
    }
}
