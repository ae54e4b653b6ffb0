package io.netwright.export;

import io.netwright.graph.Catalogue;
import io.netwright.graph.Design;
import io.netwright.graph.DesignCompiler;
import io.netwright.graph.DesignFiles;
import io.netwright.graph.Edge;
import io.netwright.graph.GraphModule;
import io.netwright.graph.Head;
import io.netwright.graph.InputSpec;
import io.netwright.graph.LayerType;
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

    /** A head that takes outputs of any shape. */
    static final Head REGRESSION = new Head(io.netwright.graph.Loss.MSE, List.of(), Map.of());

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

    /** The sample design files. */
    static List<Path> sampleFiles() {
        try (Stream<Path> s = Files.list(SAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A source for a design file with seeded random weights and perturbed running statistics. */
    static ExportSource sample(Path file) {
        try {
            return source(DesignFiles.read(file), 7);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A source for {@code d} with weights from {@code seed}; BatchNorm statistics are made non-trivial. */
    static ExportSource source(Design d, long seed) {
        GraphModule m = DesignCompiler.compile(d, new Generator(seed));
        Generator g = new Generator(seed + 1);
        Map<String, Tensor> state = new LinkedHashMap<>(m.stateDict());
        boolean changed = false;
        for (var e : state.entrySet()) {
            Tensor t = e.getValue();
            if (e.getKey().endsWith(".running_mean")) {
                e.setValue(Tensor.randn(g, t.sizes()).mul(Tensor.scalar(0.1)));
                changed = true;
            } else if (e.getKey().endsWith(".running_var")) {
                e.setValue(Tensor.rand(g, t.sizes()).add(Tensor.scalar(0.5)));
                changed = true;
            }
        }
        if (changed) {
            m.loadStateDict(state, true);
        }
        int out = 0;
        var analysisOut = new io.netwright.graph.Analyzer().analyze(d).outputShape();
        if (analysisOut.isPresent() && analysisOut.get().toArray().length == 1) {
            out = analysisOut.get().toArray()[0];
        }
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < out && out <= 100; i++) {
            classes.add("class " + i);
        }
        return ExportSource.of(d, m, classes);
    }

    /** A tiny design using one layer of {@code type} (Input and Output give Input → Identity → Output). */
    static Design forType(LayerType type) {
        String name = type.name();
        InputSpec in = switch (name) {
            case "Linear", "BatchNorm1d" -> InputSpec.of(12);
            case "Embedding" -> InputSpec.of(5);
            default -> InputSpec.image(3, 8, 8);
        };
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(Node.of("input", "Input"));
        String id = switch (name) {
            case "Input", "Output" -> "ident";
            default -> type.idPrefix() + "1";
        };
        Node n = name.equals("Input") || name.equals("Output") ? Node.of(id, "Identity")
                : Catalogue.standard().require(name).newNode(id, 0, 0);
        nodes.add(n);
        if (type.minInputs() >= 2) {
            nodes.add(Node.of("relu0", "ReLU"));
            edges.add(Edge.of("input", "relu0"));
            edges.add(Edge.of("input", id, 0));
            edges.add(Edge.of("relu0", id, 1));
        } else {
            edges.add(Edge.of("input", id));
        }
        nodes.add(Node.of("output", "Output"));
        edges.add(Edge.of(id, "output"));
        return new Design(Metadata.named("only " + name), in, REGRESSION, nodes, edges);
    }

    /** One design per catalogue type. */
    static List<Design> catalogueDesigns() {
        List<Design> out = new ArrayList<>();
        for (LayerType t : Catalogue.standard().all()) {
            out.add(forType(t));
        }
        return out;
    }
}
