package io.netwright.tensor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netwright.backend.DType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the PyTorch golden fixtures in {@code src/test/resources/golden/} (written by
 * {@code scripts/golden/make_golden.py}): one file per op family, each a list of cases with the op name, its
 * arguments, the inputs, the expected outputs, the loss weights and the expected input gradients.
 */
final class GoldenFixtures {

    private GoldenFixtures() {
    }

    /** One tensor of a fixture: shape, dtype and row-major data (floats may be "nan", "inf", "-inf"). */
    record FixtureTensor(int[] shape, DType dtype, double[] data, boolean requiresGrad) {

        /** A fresh CPU tensor holding this data; float inputs that the case differentiates require grad. */
        Tensor toTensor() {
            int n = data.length;
            Tensor t = switch (dtype) {
                case FLOAT32 -> {
                    float[] f = new float[n];
                    for (int i = 0; i < n; i++) {
                        f[i] = (float) data[i];
                    }
                    yield Tensor.of(f, shape, TensorOptions.DEFAULT);
                }
                case INT64 -> {
                    long[] l = new long[n];
                    for (int i = 0; i < n; i++) {
                        l[i] = (long) data[i];
                    }
                    yield shape.length == 0 ? Tensor.ofLongs(l).reshape() : Tensor.ofLongs(l, shape);
                }
                case BOOL -> {
                    boolean[] b = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        b[i] = data[i] != 0;
                    }
                    yield shape.length == 0 ? Tensor.ofBools(b).reshape() : Tensor.ofBools(b, shape);
                }
            };
            return requiresGrad ? t.requiresGrad_(true) : t;
        }

        /** The data as floats (how tensors are compared). */
        float[] floats() {
            float[] f = new float[data.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) data[i];
            }
            return f;
        }
    }

    /**
     * One golden case.
     *
     * @param family        fixture file it came from
     * @param name          unique name within the family
     * @param op            op key the test's table maps to a Tensor call
     * @param args          op arguments (JSON object)
     * @param inputs        input tensors in call order
     * @param outputs       expected outputs (one per returned tensor)
     * @param weights       per output, the loss weight (null for outputs without gradient)
     * @param grads         per input, the expected gradient of {@code sum_i sum(out_i * w_i)} (null if none)
     * @param pre           per input, a permutation applied before the op (null entries: none)
     * @param sharesStorage whether every output shares storage with input 0 (null: not checked)
     */
    record Case(String family, String name, String op, Args args, List<FixtureTensor> inputs,
                List<FixtureTensor> outputs, List<FixtureTensor> weights, List<FixtureTensor> grads,
                int[][] pre, Boolean sharesStorage) {

        @Override
        public String toString() {
            return family + "/" + name;
        }

        /** Whether any output has a loss weight, i.e. the case checks gradients. */
        boolean checksGradients() {
            return weights.stream().anyMatch(w -> w != null);
        }
    }

    /** Typed access to a case's arguments. */
    record Args(JsonObject json) {

        boolean has(String key) {
            return json.has(key) && !json.get(key).isJsonNull();
        }

        int i(String key) {
            return req(key).getAsInt();
        }

        long l(String key) {
            return req(key).getAsLong();
        }

        /** A double; the strings "inf", "-inf" and "nan" are accepted, and null gives NaN ("no bound"). */
        double d(String key) {
            if (!has(key)) {
                return Double.NaN;
            }
            JsonElement e = json.get(key);
            return e.getAsJsonPrimitive().isString() ? parseSpecial(e.getAsString()) : e.getAsDouble();
        }

        boolean b(String key) {
            return has(key) && json.get(key).getAsBoolean();
        }

        String s(String key) {
            return req(key).getAsString();
        }

        /** An int array, or null when the key is absent or null. */
        int[] ints(String key) {
            if (!has(key)) {
                return null;
            }
            JsonArray a = json.get(key).getAsJsonArray();
            int[] out = new int[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.get(i).getAsInt();
            }
            return out;
        }

        private JsonElement req(String key) {
            if (!has(key)) {
                throw new IllegalArgumentException("golden case argument '" + key + "' missing in " + json);
            }
            return json.get(key);
        }

        @Override
        public String toString() {
            return json.toString();
        }
    }

    /** All cases of {@code golden/<family>.json} on the test class path. */
    static List<Case> load(String family) {
        String resource = "/golden/" + family + ".json";
        try (InputStream in = GoldenFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("golden fixture " + resource + " not found on the test class path; "
                        + "run /usr/bin/python3 scripts/golden/make_golden.py");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                JsonObject root = JsonParser.parseReader(r).getAsJsonObject();
                List<Case> cases = new ArrayList<>();
                for (JsonElement e : root.getAsJsonArray("cases")) {
                    cases.add(parseCase(family, e.getAsJsonObject()));
                }
                return cases;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    private static Case parseCase(String family, JsonObject o) {
        List<FixtureTensor> inputs = tensors(o.getAsJsonArray("inputs"));
        int[][] pre = new int[inputs.size()][];
        if (o.has("pre")) {
            for (JsonElement p : o.getAsJsonArray("pre")) {
                JsonArray pair = p.getAsJsonArray();
                JsonArray perm = pair.get(1).getAsJsonArray();
                int[] dims = new int[perm.size()];
                for (int i = 0; i < dims.length; i++) {
                    dims[i] = perm.get(i).getAsInt();
                }
                pre[pair.get(0).getAsInt()] = dims;
            }
        }
        Boolean shares = o.has("shares_storage") ? o.get("shares_storage").getAsBoolean() : null;
        return new Case(family, o.get("name").getAsString(), o.get("op").getAsString(),
                new Args(o.getAsJsonObject("args")), inputs, tensors(o.getAsJsonArray("outputs")),
                tensors(o.getAsJsonArray("weights")), tensors(o.getAsJsonArray("grads")), pre, shares);
    }

    private static List<FixtureTensor> tensors(JsonArray a) {
        List<FixtureTensor> out = new ArrayList<>();
        for (JsonElement e : a) {
            out.add(e.isJsonNull() ? null : tensor(e.getAsJsonObject()));
        }
        return out;
    }

    private static FixtureTensor tensor(JsonObject o) {
        JsonArray s = o.getAsJsonArray("shape");
        int[] shape = new int[s.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = s.get(i).getAsInt();
        }
        DType dtype = switch (o.get("dtype").getAsString()) {
            case "float32" -> DType.FLOAT32;
            case "int64" -> DType.INT64;
            case "bool" -> DType.BOOL;
            default -> throw new IllegalArgumentException("unknown fixture dtype " + o.get("dtype"));
        };
        JsonArray d = o.getAsJsonArray("data");
        double[] data = new double[d.size()];
        for (int i = 0; i < data.length; i++) {
            var p = d.get(i).getAsJsonPrimitive();
            data[i] = p.isBoolean() ? (p.getAsBoolean() ? 1 : 0)
                    : p.isString() ? parseSpecial(p.getAsString()) : p.getAsDouble();
        }
        boolean rg = o.has("requires_grad") && o.get("requires_grad").getAsBoolean();
        return new FixtureTensor(shape, dtype, data, rg);
    }

    private static double parseSpecial(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("unexpected string number '" + s + "' in golden fixture");
        };
    }
}
