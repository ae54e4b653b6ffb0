package io.netwright.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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

/** Reads the PyTorch golden files written by {@code scripts/golden/make_nn_golden.py} and compares tensors. */
final class Golden {

    private Golden() {
    }

    /** The {@code cases} of a golden resource. */
    static List<JsonObject> cases(String resource) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource golden/" + resource + " — run "
                        + "/usr/bin/python3 scripts/golden/make_nn_golden.py");
            }
            JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            List<JsonObject> out = new ArrayList<>();
            for (JsonElement e : root.getAsJsonArray("cases")) {
                out.add(e.getAsJsonObject());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[] shape(JsonObject t) {
        JsonArray a = t.getAsJsonArray("shape");
        int[] s = new int[a.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = a.get(i).getAsInt();
        }
        return s;
    }

    /** Decodes {@code {"dtype", "shape", "data"}} into a tensor (0-d shapes stay 0-d). */
    static Tensor tensor(JsonObject t) {
        int[] shape = shape(t);
        JsonArray data = t.getAsJsonArray("data");
        if ("int64".equals(t.get("dtype").getAsString())) {
            long[] v = new long[data.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = data.get(i).getAsLong();
            }
            return shape.length == 0 ? Tensor.scalar(v[0]).toLong() : Tensor.ofLongs(v, shape);
        }
        float[] v = new float[data.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = data.get(i).getAsFloat();
        }
        return shape.length == 0 ? Tensor.scalar(v[0]) : Tensor.of(v, shape);
    }

    static Map<String, Tensor> tensors(JsonObject map) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var e : map.entrySet()) {
            out.put(e.getKey(), tensor(e.getValue().getAsJsonObject()));
        }
        return out;
    }

    static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    /** Asserts same shape and {@code |a - e| <= atol + rtol |e|} everywhere, reporting the worst element. */
    static void assertClose(String what, JsonObject expected, Tensor actual, double atol, double rtol) {
        if (actual == null) {
            fail(what + ": no value (expected shape " + java.util.Arrays.toString(shape(expected)) + ")");
        }
        assertArrayEquals(shape(expected), actual.sizes(), what + ": shape");
        JsonArray data = expected.getAsJsonArray("data");
        float[] a = actual.toFloatArray();
        int worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < a.length; i++) {
            double e = data.get(i).getAsDouble();
            double diff = Math.abs(a[i] - e);
            boolean bothNaN = Double.isNaN(e) && Float.isNaN(a[i]);
            boolean sameInf = Double.isInfinite(e) && e == a[i];
            double excess = diff - (atol + rtol * Math.abs(e));
            if (!bothNaN && !sameInf && (excess > worstExcess || Double.isNaN(diff))) {
                worst = i;
                worstExcess = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : excess;
            }
        }
        if (worst >= 0) {
            fail(String.format("%s: element %d is %s, PyTorch gives %s (atol %.1e, rtol %.1e)", what, worst, a[worst],
                    data.get(worst).getAsDouble(), atol, rtol));
        }
    }
}
