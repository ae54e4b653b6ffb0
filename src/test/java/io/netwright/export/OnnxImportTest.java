package io.netwright.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.netwright.graph.Analyzer;
import io.netwright.graph.Catalogue;
import io.netwright.graph.Design;
import io.netwright.graph.DesignCompiler;
import io.netwright.graph.GraphModule;
import io.netwright.graph.LayerType;
import io.netwright.graph.Node;
import io.netwright.graph.ParamSpec;
import io.netwright.graph.ParamValue;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Export → import round trips: every sample design and every per-layer design of {@link OnnxExportTest} whose ONNX
 * form import maps back gives the same layers (up to ids, layout and equivalent forms) and, with the imported
 * weights, the same outputs (1e-5 absolute + 1e-4 relative).
 */
class OnnxImportTest {

    /** Per-layer cases whose ONNX form has no layer mapping back (written out with Slice/Reduce ops). */
    static final Set<String> NOT_IMPORTED = Set.of("AdaptiveAvgPool2d uneven", "AdaptiveMaxPool2d uneven",
            "BatchNorm2d batch statistics", "BatchNorm1d batch statistics", "GELU tanh");

    static Stream<Path> samples() {
        return ExportFixtures.samples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleDesignsRoundTrip(Path file) {
        assertRoundTrip(ExportFixtures.read(file), 13);
    }

    static Stream<Arguments> layers() {
        return OnnxExportTest.layers();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void everyLayerRoundTrips(String name, Design d) {
        if (NOT_IMPORTED.contains(name)) {
            ModelProto model = export(d, ExportFixtures.compiled(d, 3), OnnxOptions.MAX_OPSET);
            OnnxImportException e = assertThrows(OnnxImportException.class,
                    () -> OnnxImporter.importModel(model, "x", false));
            assertFalse(e.report().orElseThrow().complete(), e::getMessage);
            return;
        }
        assertRoundTrip(d, 5);
    }

    @ParameterizedTest(name = "{0} at opset 13")
    @MethodSource("layers")
    void everyLayerRoundTripsAtOpset13(String name, Design d) {
        if (!NOT_IMPORTED.contains(name) && !name.startsWith("LayerNorm")) {
            assertRoundTrip(d, 6, OnnxOptions.MIN_OPSET);
        }
    }

    static void assertRoundTrip(Design d, long seed) {
        assertRoundTrip(d, seed, OnnxOptions.MAX_OPSET);
    }

    static ModelProto export(Design d, GraphModule m, int opset) {
        return OnnxExporter.toModel(ExportSource.of(d, m, List.of()), new OnnxOptions(opset, false));
    }

    static void assertRoundTrip(Design d, long seed, int opset) {
        GraphModule m = ExportFixtures.compiled(d, seed);
        OnnxImport imp = OnnxImporter.importModel(export(d, m, opset), "x", false);
        String name = d.metadata().name();
        assertTrue(imp.report().complete(), () -> String.join("\n", imp.report().lines()));
        assertEquals(name, imp.design().metadata().name());
        assertEquals(d.input().shape(), imp.design().input().shape());
        assertFalse(new Analyzer().analyze(imp.design()).hasErrors());
        if (!name.equals("AdaptiveAvgPool2d divisible")) { // comes back as the AvgPool2d it is exported as
            assertEquals(signatures(d), signatures(imp.design()), name + ": layers differ");
        }
        GraphModule back = DesignCompiler.compile(imp.design(), new Generator(99));
        back.loadStateDict(imp.weights(), true);
        back.eval();
        int[] shape = new int[d.input().dims().length + 1];
        shape[0] = 3;
        System.arraycopy(d.input().dims(), 0, shape, 1, shape.length - 1);
        Tensor x = Tensor.randn(new Generator(seed * 17), shape);
        Tensor ours = ExportFixtures.forward(m, x);
        Tensor theirs = ExportFixtures.forward(back, x);
        assertTrue(Arrays.equals(ours.sizes(), theirs.sizes()), name + ": output shape");
        String bad = ExportFixtures.mismatch(theirs.toFloatArray(), ours.toFloatArray(), 1e-5, 1e-4);
        assertNull(bad, () -> name + ": " + bad);
    }

    /**
     * The layers as sorted {@code type{param=value,...}} texts, with the forms the ONNX round trip may change made
     * equal: Dropout is the identity in inference, a divisible adaptive pool is a plain pool, "auto" matches any
     * value, Conv2d "same" padding and Reshape's -1 become explicit numbers, and a norm without affine parameters
     * comes back with constant ones and zeros as its (affine) parameters.
     */
    static List<String> signatures(Design d) {
        List<String> out = new ArrayList<>();
        for (Node n : d.nodes()) {
            String type = n.type();
            if (type.equals("Output") || type.equals("Input")) {
                continue;
            }
            if (type.startsWith("Dropout")) {
                out.add("Identity[]");
                continue;
            }
            LayerType lt = Catalogue.standard().require(type);
            List<String> ps = new ArrayList<>();
            for (ParamSpec s : lt.params()) {
                ParamValue v = n.param(s.name()) == null ? s.defaultValue() : n.param(s.name());
                if (v == ParamValue.AUTO && s.name().equals("stride")) {
                    v = n.param("kernel_size");
                }
                boolean loose = v == ParamValue.AUTO || s.name().startsWith("in_") || s.name().equals("num_features") || type.equals("Reshape")
                        || s.name().equals("padding") && type.equals("Conv2d")
                        || s.name().equals("count_include_pad") || type.startsWith("Adaptive")
                        || s.name().endsWith("affine");
                ps.add(s.name() + "=" + (loose ? "*" : canonical(v)));
            }
            out.add((type.startsWith("Adaptive") ? "Pool" : type) + ps);
        }
        out.sort(null);
        return out;
    }

    private static String canonical(ParamValue v) {
        if (v instanceof ParamValue.IntsValue l && l.size() == 2 && l.get(0) == l.get(1)) {
            return Integer.toString(l.get(0));
        }
        if (v instanceof ParamValue.IntsValue l && l.size() == 4 && l.values().stream().distinct().count() == 1) {
            return Integer.toString(l.get(0));
        }
        if (v instanceof ParamValue.FloatValue f) {
            return Float.toString((float) f.value());
        }
        return v.toString();
    }

    static Map<String, Tensor> weights(OnnxImport imp) {
        return imp.weights();
    }
}
