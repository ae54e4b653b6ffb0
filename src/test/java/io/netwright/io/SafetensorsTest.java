package io.netwright.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path dir;

    private static Map<String, Tensor> sample() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("conv1.weight", Tensor.of(new float[]{1.5f, -2, 3, 4, 5, 6}, 2, 1, 3));
        m.put("bn.num_batches_tracked", Tensor.ofLongs(new long[]{42}).reshape());
        m.put("mask", Tensor.ofBools(new boolean[]{true, false, true}));
        return m;
    }

    @Test
    void roundTripKeepsKeysShapesDtypesAndMetadata() throws IOException {
        Path f = dir.resolve("w.safetensors");
        Safetensors.write(f, sample(), Map.of("format", "pt"));
        SafetensorsFile read = Safetensors.read(f);
        assertEquals(java.util.List.of("conv1.weight", "bn.num_batches_tracked", "mask"),
                java.util.List.copyOf(read.tensors().keySet()));
        assertArrayEquals(new int[]{2, 1, 3}, read.tensors().get("conv1.weight").sizes());
        assertArrayEquals(new float[]{1.5f, -2, 3, 4, 5, 6}, read.tensors().get("conv1.weight").toFloatArray(), 0f);
        assertEquals(42L, read.tensors().get("bn.num_batches_tracked").itemLong());
        assertEquals(0, read.tensors().get("bn.num_batches_tracked").dim(), "0-d stays 0-d");
        assertArrayEquals(new boolean[]{true, false, true}, read.tensors().get("mask").toBooleanArray());
        assertEquals("pt", read.metadata().get("format"));
    }

    @Test
    void headerFollowsTheSpec() {
        byte[] bytes = Safetensors.toBytes(Map.of("a", Tensor.of(new float[]{1, 2})), Map.of());
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong();
        assertEquals(0, n % 8, "header is padded to 8 bytes");
        String json = new String(bytes, 8, (int) n, StandardCharsets.UTF_8).trim();
        assertEquals("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", json);
        assertEquals(8 + n + 8, bytes.length);
    }

    @Test
    void readsFilesWrittenByTheReferenceLayout() throws IOException {
        // Layout as written by safetensors.torch.save_file for {"w": torch.tensor([[1., 2.]], dtype=float16)}
        String header = "{\"w\":{\"dtype\":\"F16\",\"shape\":[1,2],\"data_offsets\":[0,4]}}";
        ByteBuffer b = ByteBuffer.allocate(8 + header.length() + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        b.putShort((short) 0x3C00).putShort((short) 0x4000);
        SafetensorsFile f = Safetensors.parse("ref", b.array());
        assertArrayEquals(new float[]{1, 2}, f.tensors().get("w").toFloatArray(), 0f);
    }

    @Test
    void truncatedFileNamesTheTensorAndTheFix() throws IOException {
        Path f = dir.resolve("t.safetensors");
        Safetensors.write(f, sample(), Map.of());
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 5));
        IOException e = assertThrows(IOException.class, () -> Safetensors.read(f));
        assertTrue(e.getMessage().contains("t.safetensors") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void garbageIsRejected() throws IOException {
        Path f = dir.resolve("g.safetensors");
        Files.write(f, new byte[]{1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> Safetensors.read(f));
        assertTrue(e.getMessage().contains("shorter than the 8-byte header"), e.getMessage());
        Files.write(f, new byte[]{(byte) 0xff, 0, 0, 0, 0, 0, 0, 0, 1});
        e = assertThrows(IOException.class, () -> Safetensors.read(f));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    }

    @Test
    void halfPrecisionConversion() {
        assertEquals(1.0f, Safetensors.halfToFloat((short) 0x3C00));
        assertEquals(-2.0f, Safetensors.halfToFloat((short) 0xC000));
        assertEquals(65504f, Safetensors.halfToFloat((short) 0x7BFF));
        assertEquals(5.9604645e-8f, Safetensors.halfToFloat((short) 0x0001));
        assertTrue(Float.isInfinite(Safetensors.halfToFloat((short) 0x7C00)));
    }
}
