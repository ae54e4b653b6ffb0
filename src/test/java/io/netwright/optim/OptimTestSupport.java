package io.netwright.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netwright.nn.Parameter;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Golden-file loading and numeric comparison for the optim tests. */
final class OptimTestSupport {

    /** Parameter tolerance against PyTorch: |a - e| <= ATOL + RTOL * |e|. */
    static final double ATOL = 1e-6;
    static final double RTOL = 1e-5;
    /** Learning-rate tolerance (both sides compute in double). */
    static final double LR_RTOL = 1e-9;

    private OptimTestSupport() {
    }

    static JsonObject golden(String name) {
        try (InputStream in = OptimTestSupport.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource golden/" + name
                        + " — run /usr/bin/python3 scripts/golden/make_optim_golden.py");
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float[] floats(JsonElement array) {
        JsonArray a = array.getAsJsonArray();
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) a.get(i).getAsDouble();
        }
        return out;
    }

    static double[] doubles(JsonElement array) {
        JsonArray a = array.getAsJsonArray();
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }

    static int[] ints(JsonElement array) {
        JsonArray a = array.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    /** The JSON value as a Java option value: number → Double, boolean, string, array → List<Double>. */
    static Object value(JsonElement e) {
        if (e.isJsonArray()) {
            List<Double> out = new ArrayList<>();
            for (JsonElement x : e.getAsJsonArray()) {
                out.add(x.getAsDouble());
            }
            return out;
        }
        var p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            return p.getAsDouble();
        }
        return p.getAsString();
    }

    static Map<String, Object> options(JsonObject o, String... skip) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : o.entrySet()) {
            if (!List.of(skip).contains(e.getKey())) {
                out.put(e.getKey(), value(e.getValue()));
            }
        }
        return out;
    }

    /** Fresh parameters with the golden initial values. */
    static List<Parameter> params(JsonObject golden) {
        List<Parameter> out = new ArrayList<>();
        for (JsonElement p : golden.getAsJsonArray("params")) {
            JsonObject o = p.getAsJsonObject();
            out.add(new Parameter(Tensor.of(floats(o.get("data")), ints(o.get("shape")))));
        }
        return out;
    }

    /** Sets each parameter's gradient to step {@code step}'s golden gradient (or none). */
    static void setGrads(JsonObject golden, List<Parameter> params, int step) {
        JsonArray row = golden.getAsJsonArray("grads").get(step).getAsJsonArray();
        for (int i = 0; i < params.size(); i++) {
            JsonElement g = row.get(i);
            Tensor data = params.get(i).data();
            data.setGrad(g.isJsonNull() ? null : Tensor.of(floats(g), data.sizes()));
        }
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double tol = ATOL + RTOL * Math.abs(expected[i]);
            if (!(Math.abs(expected[i] - actual[i]) <= tol)) {
                fail(what + "[" + i + "]: expected " + expected[i] + " but got " + actual[i] + " (tolerance " + tol
                        + ")");
            }
        }
    }

    static void assertLrClose(double expected, double actual, String what) {
        double tol = LR_RTOL * Math.abs(expected) + 1e-15;
        if (!(Math.abs(expected - actual) <= tol)) {
            fail(what + ": expected " + expected + " but got " + actual);
        }
    }
}
