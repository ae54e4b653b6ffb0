package io.netwright.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netwright.nn.Parameter;
import io.netwright.tensor.Generator;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Shape;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample designs against PyTorch: parameter counts, MACs, state-dict keys and shapes, and the eval-mode output
 * for deterministic weights, all from {@code scripts/golden/design_params.py} (hand-written torch modules).
 */
class SampleDesignsTest {

    private static final Path SAMPLES = Path.of("samples", "designs");
    private static final JsonObject GOLDEN = golden();

    private static JsonObject golden() {
        try (var in = SampleDesignsTest.class.getResourceAsStream("/golden/design_params.json")) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<String> samples() {
        return GOLDEN.keySet().stream().filter(k -> !k.startsWith("_"));
    }

    @Test
    void everySampleFileHasAGoldenEntry() throws IOException {
        try (var files = Files.list(SAMPLES)) {
            assertEquals(samples().sorted().toList(), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json")).sorted().toList());
        }
    }

    @Test
    void theIssuesParameterCounts() throws IOException {
        assertEquals(61_706, params("lenet5.json"));
        assertEquals(62_006, params("cifar10_tutorial.json"));
        assertEquals(56_442, params("simple_cnn.json"));
    }

    private static long params(String file) throws IOException {
        return new Analyzer().analyze(DesignFiles.read(SAMPLES.resolve(file))).totalParams();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void analysisMatchesPyTorch(String file) throws IOException {
        JsonObject g = GOLDEN.getAsJsonObject(file);
        Design d = DesignFiles.read(SAMPLES.resolve(file));
        DesignAnalysis a = new Analyzer().analyze(d);
        assertEquals(List.of(), a.problems(), file);
        assertEquals(g.get("params").getAsLong(), a.totalParams(), file);
        assertEquals(g.get("trainable_params").getAsLong(), a.trainableParams(), file);
        assertEquals(g.get("buffers").getAsLong(), a.buffers(), file);
        assertEquals(g.get("macs").getAsLong(), a.macs(), file);
        assertEquals(Shape.of(ints(g.get("output_shape"))), a.outputShape().orElseThrow(), file);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void filesAreInCanonicalForm(String file) throws IOException {
        String text = Files.readString(SAMPLES.resolve(file));
        assertEquals(text, DesignFiles.toJson(DesignFiles.read(SAMPLES.resolve(file))), file);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void compiledModuleMatchesPyTorchKeysShapesAndOutput(String file) throws IOException {
        JsonObject g = GOLDEN.getAsJsonObject(file);
        Design d = DesignFiles.read(SAMPLES.resolve(file));
        GraphModule net = DesignCompiler.compile(d, new Generator(0));
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        for (var e : g.getAsJsonObject("state_dict").entrySet()) {
            expected.put(e.getKey(), list(e.getValue()));
        }
        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        for (var e : net.stateDict().entrySet()) {
            actual.put(e.getKey(), list(e.getValue().sizes()));
        }
        assertEquals(expected, actual, file);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), file + ": key order");

        fill(net);
        net.eval();
        int[] in = d.input().dims();
        int[] batch = new int[in.length + 1];
        batch[0] = 2;
        System.arraycopy(in, 0, batch, 1, in.length);
        float[] x = new float[Shape.numel(batch)];
        for (int j = 0; j < x.length; j++) {
            x[j] = (float) Math.sin(0.05 * j);
        }
        float[] y;
        try (var ng = NoGrad.enter()) {
            y = net.call(Tensor.of(x, batch)).toFloatArray();
        }
        float[] want = floats(g.get("output"));
        assertEquals(want.length, y.length, file);
        for (int i = 0; i < y.length; i++) {
            float tol = 2e-5f + 1e-4f * Math.abs(want[i]);
            assertTrue(Math.abs(y[i] - want[i]) <= tol, file + ": output[" + i + "] = " + y[i] + ", PyTorch "
                    + want[i]);
        }
    }

    /** The fill of design_params.py: 0.1·sin(0.37·j + 0.11·seed(key)), seed = sum of the key's chars mod 1000. */
    private static void fill(GraphModule net) {
        try (var ng = NoGrad.enter()) {
            for (var e : net.namedParameters().entrySet()) {
                int seed = e.getKey().chars().sum() % 1000;
                Parameter p = e.getValue();
                float[] v = new float[p.numel()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = (float) (0.1 * Math.sin(0.37 * j + 0.11 * seed));
                }
                p.data().copy_(Tensor.of(v, p.data().sizes()));
            }
        }
    }

    private static int[] ints(JsonElement e) {
        return list(e).stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Integer> list(JsonElement e) {
        List<Integer> out = new ArrayList<>();
        e.getAsJsonArray().forEach(x -> out.add(x.getAsInt()));
        return out;
    }

    private static List<Integer> list(int[] a) {
        List<Integer> out = new ArrayList<>();
        for (int v : a) {
            out.add(v);
        }
        return out;
    }

    private static float[] floats(JsonElement e) {
        var arr = e.getAsJsonArray();
        float[] out = new float[arr.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = arr.get(i).getAsFloat();
        }
        return out;
    }

    @Test
    void samplesHaveDistinctNamesAndBindings() throws IOException {
        List<String> names = new ArrayList<>();
        for (String f : samples().toList()) {
            Design d = DesignFiles.read(SAMPLES.resolve(f));
            names.add(d.metadata().name());
            assertTrue(!d.input().dataset().isEmpty(), f);
        }
        assertEquals(names.size(), names.stream().distinct().count());
        assertArrayEquals(new int[] {1, 28, 28}, DesignFiles.read(SAMPLES.resolve("lenet5.json")).input().dims());
    }
}
