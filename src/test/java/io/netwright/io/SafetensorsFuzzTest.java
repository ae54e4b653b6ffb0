package io.netwright.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** safetensors files on seeded byte mutations and JSON-header mutations: read, or refused naming the file. */
class SafetensorsFuzzTest {

    @TempDir
    Path tmp;

    private static byte[] seed() {
        Generator g = new Generator(5);
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("conv.weight", Tensor.randn(g, 2, 1, 3, 3));
        t.put("conv.bias", Tensor.randn(g, 2));
        t.put("step", Tensor.ofLongs(new long[] {7}));
        return Safetensors.toBytes(t, Map.of("format", "pt"));
    }

    private static void readAll(Path f) throws IOException {
        for (Tensor t : Safetensors.read(f).tensors().values()) {
            t.toFloatArray();
        }
    }

    /** {@code bytes} with its JSON header replaced by {@code header} (the data section kept). */
    static byte[] withHeader(byte[] bytes, String header) {
        long len = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + h.length + bytes.length - 8 - (int) len).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length).put(h).put(bytes, 8 + (int) len, bytes.length - 8 - (int) len);
        return out.array();
    }

    /** The JSON header of safetensors {@code bytes}. */
    static String header(byte[] bytes) {
        long len = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new String(bytes, 8, (int) len, StandardCharsets.UTF_8);
    }

    @Test
    void byteMutantsAreReadOrRefusedCleanly() throws IOException {
        Fuzz.Report r = Fuzz.bytes(tmp, "model.safetensors", seed(), 2000, 51, SafetensorsFuzzTest::readAll);
        System.out.println("safetensors bytes: " + r);
        assertTrue(r.clean(), r.toString());
    }

    @Test
    void headerMutantsAreReadOrRefusedCleanly() throws IOException {
        byte[] seed = seed();
        String header = header(seed);
        java.util.Random rnd = new java.util.Random(52);
        Fuzz.Report r = new Fuzz.Report();
        for (int i = 0; i < 1500; i++) {
            String m = i % 20 == 0 ? Fuzz.deeplyNested(header, 20_000, rnd) : Fuzz.mutateJson(header, rnd);
            Fuzz.run(tmp, "h.safetensors", withHeader(seed, m), SafetensorsFuzzTest::readAll, r, "header#" + i);
        }
        System.out.println("safetensors header: " + r);
        assertTrue(r.clean(), r.toString());
    }

    @Test
    void metadataThatIsNotAnObjectOfTextIsRefusedNamingTheField() throws IOException {
        byte[] seed = seed();
        String header = header(seed);
        Path f = tmp.resolve("meta.safetensors");
        Files.write(f, withHeader(seed, header.replace("\"format\":\"pt\"", "\"format\":{\"x\":1}")));
        IOException e = assertThrows(IOException.class, () -> Safetensors.read(f));
        assertTrue(e.getMessage().contains("meta.safetensors") && e.getMessage().contains("__metadata__/format"),
                e.getMessage());
    }
}
