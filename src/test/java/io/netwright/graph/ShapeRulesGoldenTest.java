package io.netwright.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netwright.nn.AvgPool2d;
import io.netwright.nn.Conv2d;
import io.netwright.nn.MaxPool2d;
import io.netwright.nn.Module;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conv2d, MaxPool2d and AvgPool2d shape rules against PyTorch on random hyperparameters
 * ({@code scripts/golden/shape_rules.py}): the design analysis and the engine agree with PyTorch on every case —
 * the same output shape, or all three refuse. The three cases of issue 20 are the table's last five rows.
 */
class ShapeRulesGoldenTest {

    private static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    /** The analysis's output shape of the layer, or null when it reports an error on the layer. */
    private static int[] analysed(JsonObject c) {
        String kind = c.get("kind").getAsString();
        List<Object> params = new ArrayList<>(List.of("kernel_size", ints(c.getAsJsonArray("kernel_size")),
                "stride", ints(c.getAsJsonArray("stride"))));
        if (kind.equals("Conv2d")) {
            params.addAll(List.of("out_channels", 3));
        }
        if (c.has("dilation")) {
            params.addAll(List.of("dilation", ints(c.getAsJsonArray("dilation"))));
        }
        params.addAll(List.of("padding", c.get("padding").isJsonArray() ? ints(c.getAsJsonArray("padding"))
                : c.get("padding").getAsString()));
        if (c.has("ceil_mode")) {
            params.addAll(List.of("ceil_mode", c.get("ceil_mode").getAsBoolean()));
        }
        if (c.has("count_include_pad")) {
            params.addAll(List.of("count_include_pad", c.get("count_include_pad").getAsBoolean()));
        }
        Design d = Fixtures.chain("case", InputSpec.image(2, c.get("h").getAsInt(), c.get("w").getAsInt()),
                Fixtures.node("layer", kind, params.toArray()));
        DesignAnalysis a = new Analyzer().analyze(d);
        if (a.problemsFor("layer").stream().anyMatch(Problem::isError)) {
            return null;
        }
        return a.node("layer").orElseThrow().outputShape().toArray();
    }

    /** The engine's output shape of the layer on a 1×2×H×W input, or null when it refuses. */
    private static int[] ran(JsonObject c) {
        String kind = c.get("kind").getAsString();
        int[] k = ints(c.getAsJsonArray("kernel_size"));
        int[] s = ints(c.getAsJsonArray("stride"));
        try {
            Module m;
            if (kind.equals("Conv2d")) {
                Conv2d.Builder b = Conv2d.builder(2, 3, k).stride(s).dilation(ints(c.getAsJsonArray("dilation")));
                b = c.get("padding").isJsonArray() ? b.padding(ints(c.getAsJsonArray("padding")))
                        : b.padding(c.get("padding").getAsString());
                m = b.build();
            } else if (kind.equals("MaxPool2d")) {
                m = new MaxPool2d(k, s, ints(c.getAsJsonArray("padding")), ints(c.getAsJsonArray("dilation")),
                        c.get("ceil_mode").getAsBoolean());
            } else {
                m = new AvgPool2d(k, s, ints(c.getAsJsonArray("padding")), c.get("ceil_mode").getAsBoolean(),
                        c.get("count_include_pad").getAsBoolean(), null);
            }
            int[] y = m.forward(Tensor.zeros(1, 2, c.get("h").getAsInt(), c.get("w").getAsInt())).shape().toArray();
            return Arrays.copyOfRange(y, 1, y.length);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Test
    void analysisAndEngineAgreeWithPyTorchOnEveryCase() throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(Path.of("src/test/resources/golden/shape_rules.json")))
                .getAsJsonObject();
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (var e : root.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            int[] expected = c.has("out") ? ints(c.getAsJsonArray("out")) : null;
            int[] a = analysed(c);
            int[] r = ran(c);
            if (!Arrays.equals(expected, a) || !Arrays.equals(expected, r)) {
                wrong.add(c + ": analysis " + Arrays.toString(a) + ", engine " + Arrays.toString(r));
            }
            n++;
        }
        assertEquals(365, n);
        assertTrue(wrong.isEmpty(), wrong.size() + " disagreements, e.g.\n" + String.join("\n", wrong.stream()
                .limit(10).toList()));
    }
}
