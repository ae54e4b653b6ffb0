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
import io.netwright.graph.Metadata;
import io.netwright.graph.Node;
import io.netwright.tensor.Generator;
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

/** Designs and sources for the export tests. */
final class ExportFixtures {

    /** A head that takes outputs of any shape. */
    static final Head REGRESSION = new Head(io.netwright.graph.Loss.MSE, List.of(), Map.of());

    static final Path SAMPLES = Path.of("samples", "designs");

    private ExportFixtures() {
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
