package io.netwright.export;

import io.netwright.graph.Design;
import io.netwright.graph.DesignCompiler;
import io.netwright.graph.DesignFiles;
import io.netwright.graph.Edge;
import io.netwright.graph.GraphModule;
import io.netwright.graph.Head;
import io.netwright.graph.InputSpec;
import io.netwright.graph.Loss;
import io.netwright.graph.Metadata;
import io.netwright.graph.Node;
import io.netwright.graph.ParamValue;
import io.netwright.tensor.Generator;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Designs, weights and comparisons for the export tests. */
final class ExportFixtures {

    static final Path SAMPLES = Path.of("samples", "designs");

    private ExportFixtures() {
    }

    /** The sample design files. */
    static Stream<Path> samples() {
        try (Stream<Path> s = Files.list(SAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Design read(Path p) {
        try {
            return DesignFiles.read(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node with parameters as name, value pairs (Integer, Double, Boolean, String or int[]). */
    static Node node(String id, String type, Object... nameValues) {
        Map<String, ParamValue> p = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            Object v = nameValues[i + 1];
            ParamValue pv;
            if (v instanceof Integer x) {
                pv = ParamValue.of(x);
            } else if (v instanceof Double x) {
                pv = ParamValue.of(x);
            } else if (v instanceof Boolean x) {
                pv = ParamValue.of(x);
            } else if (v instanceof String x) {
                pv = ParamValue.of(x);
            } else if (v instanceof int[] x) {
                pv = ParamValue.ofInts(x);
            } else {
                throw new IllegalArgumentException(String.valueOf(v));
            }
            p.put((String) nameValues[i], pv);
        }
        return new Node(id, type, p, 0, 0);
    }

    /** Input → layers... → Output in sequence. */
    static Design chain(String name, InputSpec input, Node... layers) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(Node.of("input", "Input"));
        nodes.addAll(List.of(layers));
        nodes.add(Node.of("output", "Output"));
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            edges.add(Edge.of(nodes.get(i - 1).id(), nodes.get(i).id()));
        }
        return graph(name, input, nodes, edges);
    }

    /** A design with nodes and edges given and a regression head (any output shape). */
    static Design graph(String name, InputSpec input, List<Node> nodes, List<Edge> edges) {
        return new Design(Metadata.named(name), input, Head.classification().withLoss(Loss.MSE), nodes, edges);
    }

    /**
     * The compiled design in eval mode, with weights from {@code seed} and batch-norm statistics and affine values
     * drawn away from their initial 0/1, so the export of each is exercised.
     */
    static GraphModule compiled(Design d, long seed) {
        GraphModule m = DesignCompiler.compile(d, new Generator(seed));
        Generator g = new Generator(seed + 1);
        Map<String, Tensor> changed = new LinkedHashMap<>();
        try (var ng = NoGrad.enter()) {
            for (Map.Entry<String, Tensor> e : m.stateDict().entrySet()) {
                String k = e.getKey();
                Tensor t = e.getValue();
                int[] s = t.sizes();
                if (k.endsWith("running_var")) {
                    changed.put(k, Tensor.rand(g, s).mul(0.8).add(0.6));
                } else if (k.endsWith("running_mean")) {
                    changed.put(k, Tensor.randn(g, s).mul(0.2));
                } else if (isNorm(m, k) && (k.endsWith(".weight") || k.endsWith(".bias"))) {
                    changed.put(k, Tensor.randn(g, s).mul(0.2).add(k.endsWith(".weight") ? 1 : 0));
                }
            }
        }
        m.loadStateDict(changed, false);
        m.eval();
        return m;
    }

    private static boolean isNorm(GraphModule m, String key) {
        String id = key.substring(0, key.indexOf('.'));
        String name = m.layer(id) == null ? "" : m.layer(id).name();
        return name.startsWith("BatchNorm") || name.equals("LayerNorm") || name.equals("PReLU");
    }

    /** Our engine's output for {@code x}. */
    static Tensor forward(GraphModule m, Tensor x) {
        try (var ng = NoGrad.enter()) {
            return m.call(x).contiguous();
        }
    }

    /** The largest |a - b| over elements where |a - b| > abs + rel·|b| fails, as a message, or null when close. */
    static String mismatch(float[] actual, float[] expected, double abs, double rel) {
        if (actual.length != expected.length) {
            return actual.length + " values, expected " + expected.length;
        }
        double worst = 0;
        int at = -1;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs(actual[i] - expected[i]);
            if (!(d <= abs + rel * Math.abs(expected[i])) && (at < 0 || d > worst)) {
                worst = d;
                at = i;
            }
        }
        return at < 0 ? null : "element " + at + ": " + actual[at] + " vs " + expected[at] + " (|diff| " + worst
                + ")";
    }
}
