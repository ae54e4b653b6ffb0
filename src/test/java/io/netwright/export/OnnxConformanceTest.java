package io.netwright.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.netwright.graph.DesignCompiler;
import io.netwright.graph.GraphModule;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * ONNX's own node tests (Debian's {@code libonnx-testdata}) for every operator import maps: each case's model, with
 * its extra graph inputs folded into initializers from their test data, is imported and run by our engine on
 * {@code input_0.pb}, and compared with {@code output_0.pb} within 1e-4 absolute + 1e-3 relative (ONNX's own
 * rtol). A case needing what import refuses is counted as skipped with the reason; only a numeric mismatch or a
 * crash fails. The {@code _expanded} cases (an operator's function body in other operators) are not run.
 */
class OnnxConformanceTest {

    static final Path NODE = Path.of(System.getProperty("netwright.onnx.testdata",
            "/usr/share/libonnx-testdata/data/node"));

    /** Our operators and the test-directory prefixes ({@code test_<prefix>...}) that exercise each. */
    static final Map<String, List<String>> CASES = cases();

    private static Map<String, List<String>> cases() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("Conv", List.of("conv_"));
        m.put("ConvTranspose", List.of("convtranspose"));
        m.put("MaxPool", List.of("maxpool"));
        m.put("AveragePool", List.of("averagepool"));
        m.put("GlobalAveragePool", List.of("globalaveragepool"));
        m.put("GlobalMaxPool", List.of("globalmaxpool"));
        m.put("Pad", List.of("constant_pad", "edge_pad", "reflect_pad", "wrap_pad"));
        m.put("Resize", List.of("resize_"));
        m.put("Upsample", List.of("upsample"));
        m.put("Gemm", List.of("gemm"));
        m.put("MatMul", List.of("matmul_"));
        m.put("BatchNormalization", List.of("batchnorm"));
        m.put("LayerNormalization", List.of("layer_normalization"));
        m.put("PRelu", List.of("prelu"));
        m.put("Relu", List.of("relu"));
        m.put("LeakyRelu", List.of("leakyrelu"));
        m.put("Elu", List.of("elu"));
        m.put("Sigmoid", List.of("sigmoid"));
        m.put("Tanh", List.of("tanh"));
        m.put("Gelu", List.of("gelu"));
        m.put("Softmax", List.of("softmax_"));
        m.put("LogSoftmax", List.of("logsoftmax"));
        m.put("Add", List.of("add"));
        m.put("Mul", List.of("mul"));
        m.put("Concat", List.of("concat"));
        m.put("Dropout", List.of("dropout"));
        m.put("Identity", List.of("identity"));
        m.put("Flatten", List.of("flatten"));
        m.put("Reshape", List.of("reshape"));
        m.put("Squeeze", List.of("squeeze"));
        m.put("Unsqueeze", List.of("unsqueeze"));
        return m;
    }

    @Test
    void nodeTestsOfImportedOperatorsMatch() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(NODE), "libonnx-testdata is not installed (no " + NODE
                + "): apt-get install libonnx-testdata to run ONNX's node tests");
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Map<String, Integer>> reasons = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(NODE)) {
            dirs = s.sorted().toList();
        }
        for (Path dir : dirs) {
            String name = dir.getFileName().toString();
            String op = opOf(name);
            if (op == null) {
                continue;
            }
            int[] c = counts.computeIfAbsent(op, k -> new int[3]);
            String outcome;
            try {
                outcome = run(dir);
            } catch (RuntimeException | AssertionError e) {
                outcome = "fail: " + e;
            }
            if (outcome == null) {
                c[0]++;
            } else if (outcome.startsWith("fail")) {
                c[2]++;
                failures.add(name + ": " + outcome);
            } else {
                c[1]++;
                reasons.computeIfAbsent(op, k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
            }
        }
        System.out.println("ONNX node tests (pass / skip / fail):");
        counts.forEach((op, c) -> System.out.printf("  %-20s %3d / %3d / %3d%n", op, c[0], c[1], c[2]));
        reasons.forEach((op, r) -> r.forEach((why, n) -> System.out.println("  skipped " + op + " x" + n + ": "
                + why)));
        failures.forEach(f -> System.out.println("  FAILED " + f));
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first " + failures.get(0));
    }

    private static String opOf(String dir) {
        if (!dir.startsWith("test_") || dir.contains("_expanded") || dir.contains("cross_entropy")) {
            return null;
        }
        String rest = dir.substring(5);
        for (var e : CASES.entrySet()) {
            for (String p : e.getValue()) {
                if (rest.startsWith(p) || rest.equals(p.replaceAll("_$", ""))) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** Null when the case passes, "skipped: why" when import refuses it, "fail: why" on a mismatch. */
    private static String run(Path dir) throws IOException {
        Path data = dir.resolve("test_data_set_0");
        if (!Files.isDirectory(data)) {
            return "no test data";
        }
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(dir.resolve("model.onnx")));
        GraphProto g = model.getGraph();
        Set<String> init = new HashSet<>();
        g.getInitializerList().forEach(t -> init.add(t.getName()));
        List<ValueInfoProto> inputs = g.getInputList().stream().filter(v -> !init.contains(v.getName())).toList();
        if (inputs.isEmpty()) {
            return "no graph input";
        }
        GraphProto.Builder b = g.toBuilder().clearInput();
        TensorProto x = null;
        for (int i = 0; i < inputs.size(); i++) {
            Path pb = data.resolve("input_" + i + ".pb");
            if (!Files.exists(pb)) {
                return "input " + i + " has no test data";
            }
            TensorProto t = TensorProto.parseFrom(Files.readAllBytes(pb));
            if (i == 0) {
                x = t;
                b.addInput(withShape(inputs.get(0), t));
            } else {
                b.addInitializer(t.toBuilder().setName(inputs.get(i).getName()));
            }
        }
        for (ValueInfoProto v : g.getInputList()) {
            if (init.contains(v.getName())) {
                b.addInput(v);
            }
        }
        if (x.getDataType() != TensorProto.DataType.FLOAT.getNumber()) {
            return "input is " + TensorProto.DataType.forNumber(x.getDataType()) + ", not float32";
        }
        if (x.getDimsCount() < 2 || x.getDimsCount() > 4) {
            return "input has rank " + x.getDimsCount() + " (Netwright: batch + 1 to 3 dims)";
        }
        TensorProto want = TensorProto.parseFrom(Files.readAllBytes(data.resolve("output_0.pb")));
        if (want.getDataType() != TensorProto.DataType.FLOAT.getNumber()) {
            return "output is " + TensorProto.DataType.forNumber(want.getDataType());
        }
        OnnxImport imp;
        try {
            imp = OnnxImporter.importModel(model.toBuilder().setGraph(b).build(), dir.getFileName().toString(),
                    false);
        } catch (OnnxImportException e) {
            return e.report().map(r -> r.unsupported().get(0).reason()).orElse(e.getMessage())
                    .replaceAll("\\[[-0-9, ]*\\]", "[..]").replaceAll("\\d+(\\.\\d+)?", "#");
        }
        GraphModule m = DesignCompiler.compile(imp.design());
        m.loadStateDict(imp.weights(), true);
        m.eval();
        OnnxConst in = OnnxConst.of(x);
        Tensor out = ExportFixtures.forward(m, in.toTensor());
        OnnxConst expected = OnnxConst.of(want);
        if (!java.util.Arrays.equals(out.sizes(), expected.dims())) {
            return "fail: shape " + java.util.Arrays.toString(out.sizes()) + ", expected "
                    + java.util.Arrays.toString(expected.dims());
        }
        String bad = ExportFixtures.mismatch(out.toFloatArray(), expected.floats(), 1e-4, 1e-3);
        return bad == null ? null : "fail: " + bad;
    }

    private static ValueInfoProto withShape(ValueInfoProto v, TensorProto t) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : t.getDimsList()) {
            s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        ValueInfoProto.Builder b = v.toBuilder();
        b.getTypeBuilder().getTensorTypeBuilder().setShape(s);
        return b.build();
    }
}
