package io.netwright.export;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.netwright.graph.Analyzer;
import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.DesignCompiler;
import io.netwright.graph.GraphModule;
import io.netwright.graph.Head;
import io.netwright.graph.InputSpec;
import io.netwright.graph.Loss;
import io.netwright.graph.Metadata;
import io.netwright.tensor.Generator;
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

/**
 * Reads an ONNX model as a Netwright design with its weights: each operator becomes a catalogue layer (see
 * {@link OnnxOps}), initializers become weights under our state-dict keys, shape-only subgraphs are folded
 * ({@link OnnxFold}), and every operator with no layer is listed in one {@link OnnxImportReport}. A partial import
 * (unsupported nodes left as labelled Identity placeholders) is refused unless asked for. The result is analysed
 * and its weights are loaded strictly into the compiled design before it is returned.
 *
 * <pre>{@code
 * OnnxImport imp = OnnxImporter.read(Path.of("model.onnx"), false);
 * DesignFiles.write(Path.of("model.json"), imp.design());
 * }</pre>
 */
public final class OnnxImporter {

    /** Graph names that exporters write whatever the model (PyTorch, tf2onnx, ...). */
    private static final Set<String> GENERIC_NAMES = Set.of("torch_jit", "torch-jit-export", "main_graph",
            "tf2onnx", "graph", "model");

    private OnnxImporter() {
    }

    /**
     * Imports the ONNX model in {@code file} (its file name names the design when the model has no name).
     *
     * @throws OnnxImportException naming the file and the fix (with the report for unsupported operators)
     */
    public static OnnxImport read(Path file, boolean partial) throws IOException {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(Files.readAllBytes(file));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new OnnxImportException(file + ": not an ONNX model (" + e.getMessage() + ") — give a .onnx file");
        }
        String stem = file.getFileName().toString().replaceFirst("\\.onnx$", "");
        try {
            return importModel(model, stem, partial);
        } catch (OnnxImportException e) {
            throw new OnnxImportException(file + ": " + e.getMessage(), e.report().orElse(null));
        }
    }

    /**
     * Imports {@code model}; {@code fallbackName} names the design when neither the {@code netwright.design}
     * metadata nor the graph has a name.
     *
     * @throws OnnxImportException when the model cannot be imported, or has unsupported nodes and not {@code partial}
     */
    public static OnnxImport importModel(ModelProto model, String fallbackName, boolean partial) {
        GraphProto graph = model.getGraph();
        int opset = opset(model, "");
        Map<String, String> meta = new LinkedHashMap<>();
        for (StringStringEntryProto e : model.getMetadataPropsList()) {
            meta.put(e.getKey(), e.getValue());
        }
        Set<String> initializers = new HashSet<>();
        graph.getInitializerList().forEach(t -> initializers.add(t.getName()));
        ValueInfoProto in = dataInput(graph, initializers);
        InputSpec spec = inputSpec(in, meta);
        if (graph.getOutputCount() == 0) {
            throw new OnnxImportException("the graph has no output");
        }
        List<String> outputs = graph.getOutputList().stream().map(ValueInfoProto::getName).toList();
        OnnxImportGraph g = new OnnxImportGraph(spec, in.getName(), graph.getNodeList(), outputs);
        for (TensorProto t : graph.getInitializerList()) {
            g.putConst(t.getName(), OnnxConst.of(t));
        }
        List<OnnxImportReport.Unsupported> unsupported = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        // Constant nodes first: patterns (GELU, MatMul → Add) look ahead at constants defined later in the graph
        for (NodeProto node : graph.getNodeList()) {
            if (node.getOpType().equals("Constant") && node.getInputCount() == 0 && node.getDomain().isEmpty()) {
                OnnxImportNode n = new OnnxImportNode(node, g, opset);
                try {
                    OnnxFold.tryFold(n);
                    g.take(node);
                } catch (OnnxImportNode.Refused r) {
                    // left for the main pass, which reports it
                }
            }
        }
        for (NodeProto node : graph.getNodeList()) {
            if (g.isTaken(node)) {
                continue;
            }
            String domain = node.getDomain();
            boolean standard = domain.isEmpty() || domain.equals("ai.onnx");
            int nodeOpset = standard ? opset : opset(model, domain);
            OnnxImportNode n = new OnnxImportNode(node, g, nodeOpset);
            try {
                if (!standard) {
                    throw n.refuse("operator of domain '" + domain + "' — Netwright reads the standard ONNX domain "
                            + "only");
                }
                if (OnnxFold.tryFold(n)) {
                    continue;
                }
                if (node.getOpType().equals("Identity")) {
                    OnnxImportElementwise.identity(n, outputs.contains(n.out()));
                    continue;
                }
                OnnxOps.of(node.getOpType()).orElseThrow(() -> n.refuse("no Netwright layer does this operator"))
                        .accept(n);
            } catch (OnnxImportNode.Refused | OnnxImportGraph.NoShape r) {
                unsupported.add(new OnnxImportReport.Unsupported(n.name(), standard ? node.getOpType()
                        : domain + "." + node.getOpType(), nodeOpset, r.getMessage()));
                g.placeholder(node, r.getMessage());
            }
        }
        String out = outputs.get(0);
        for (int i = 1; i < outputs.size(); i++) {
            notes.add("graph output '" + outputs.get(i) + "' is not imported: a design has one output ('" + out
                    + "')");
        }
        if (g.producer(out) == null) {
            if (unsupported.isEmpty() || g.isConst(out)) {
                throw new OnnxImportException("the graph output '" + out + "' is " + (g.isConst(out) ? "a constant"
                        : "not computed from the input") + " — nothing to import");
            }
            throw refusal(new OnnxImportReport(unsupported, notes));
        }
        g.output(out);
        OnnxImportReport report = new OnnxImportReport(unsupported, notes);
        if (!report.complete() && !partial) {
            throw refusal(report);
        }
        // exporters' generic graph names say nothing: the file name is better
        boolean generic = graph.getName().isBlank() || GENERIC_NAMES.contains(graph.getName());
        String name = meta.getOrDefault("netwright.design", generic ? fallbackName : graph.getName());
        Design design = g.design(name.isBlank() ? "imported" : name, Head.classification());
        DesignAnalysis analysis = new Analyzer().analyze(design);
        int[] outShape = analysis.outputShape().map(io.netwright.tensor.Shape::toArray).orElse(new int[0]);
        Head head = outShape.length == 1 ? Head.classification() : new Head(Loss.MSE, List.of(), Map.of());
        Metadata metadata = Metadata.named(design.metadata().name()).withDescription(model.getDocString().isBlank()
                ? graph.getDocString() : model.getDocString());
        design = OnnxLayout.apply(design.withHead(head).withMetadata(metadata));
        Map<String, Tensor> weights = g.weights();
        analysis = new Analyzer().analyze(design);
        if (analysis.hasErrors()) {
            if (!partial) {
                throw new OnnxImportException("the imported design is not valid: " + analysis.errors().get(0).text()
                        + " — the model uses a configuration Netwright's layers do not cover");
            }
            analysis.errors().forEach(p -> notes.add("design error: " + p.text()));
        } else {
            weights = checkWeights(design, weights, partial, notes);
        }
        return new OnnxImport(design, weights, classes(meta), new OnnxImportReport(unsupported, notes));
    }

    private static OnnxImportException refusal(OnnxImportReport report) {
        return new OnnxImportException(report.summary() + " — import with --partial to keep the rest (the "
                + "unsupported nodes become labelled Identity placeholders)", report);
    }

    /** The weights in the compiled design's key order; they must load strictly. */
    private static Map<String, Tensor> checkWeights(Design design, Map<String, Tensor> weights, boolean partial,
            List<String> notes) {
        GraphModule m = DesignCompiler.compile(design, new Generator(0));
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (String k : m.stateDict().keySet()) {
            if (weights.containsKey(k)) {
                ordered.put(k, weights.get(k));
            } else if (partial) {
                notes.add("'" + k + "' keeps its initial value");
            }
        }
        weights.keySet().stream().filter(k -> !ordered.containsKey(k)).forEach(k -> ordered.put(k, weights.get(k)));
        try {
            m.loadStateDict(ordered, !partial);
        } catch (IllegalArgumentException e) {
            throw new OnnxImportException("the imported weights do not fit the design: " + e.getMessage());
        }
        return ordered;
    }

    private static int opset(ModelProto model, String domain) {
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().equals(domain) || domain.isEmpty() && o.getDomain().equals("ai.onnx")) {
                return (int) o.getVersion();
            }
        }
        return domain.isEmpty() ? 1 : 0;
    }

    /** The one graph input that is not an initializer. */
    private static ValueInfoProto dataInput(GraphProto graph, Set<String> initializers) {
        List<ValueInfoProto> data = graph.getInputList().stream().filter(v -> !initializers.contains(v.getName()))
                .toList();
        if (data.size() != 1) {
            throw new OnnxImportException("the graph has " + data.size() + " data inputs ("
                    + String.join(", ", data.stream().map(ValueInfoProto::getName).toList()) + "); a Netwright design "
                    + "takes one — fold the others into initializers");
        }
        return data.get(0);
    }

    /** The input spec: the per-sample shape (batch dim dropped) and the normalisation stored in the metadata. */
    private static InputSpec inputSpec(ValueInfoProto in, Map<String, String> meta) {
        String name = "graph input '" + in.getName() + "'";
        if (!in.getType().hasTensorType()) {
            throw new OnnxImportException(name + " is not a tensor");
        }
        int elem = in.getType().getTensorType().getElemType();
        if (elem != TensorProto.DataType.FLOAT.getNumber()) {
            throw new OnnxImportException(name + " has element type " + TensorProto.DataType.forNumber(elem)
                    + "; Netwright imports float32 inputs");
        }
        if (!in.getType().getTensorType().hasShape()) {
            throw new OnnxImportException(name + " has no shape — export the model with a fixed input shape");
        }
        TensorShapeProto shape = in.getType().getTensorType().getShape();
        int rank = shape.getDimCount();
        if (rank < 2 || rank > 4) {
            throw new OnnxImportException(name + " has rank " + rank + "; Netwright takes a batch dim and 1 to 3 "
                    + "dims per sample ([N, F], [N, C, L] or [N, C, H, W])");
        }
        List<Integer> dims = new ArrayList<>();
        for (int i = 1; i < rank; i++) {
            TensorShapeProto.Dimension d = shape.getDim(i);
            if (!d.hasDimValue() || d.getDimValue() <= 0) {
                throw new OnnxImportException(name + " has " + (d.hasDimParam() ? "the symbolic size '"
                        + d.getDimParam() + "'" : "no size") + " at dim " + i + " — export it with a fixed size "
                        + "(only the batch dim may be symbolic)");
            }
            dims.add(Math.toIntExact(d.getDimValue()));
        }
        InputSpec spec = new InputSpec(dims, meta.getOrDefault("netwright.dataset", ""), List.of(), List.of(),
                Map.of());
        List<Double> mean = doubles(meta.get("netwright.input.mean"));
        List<Double> std = doubles(meta.get("netwright.input.std"));
        if (!mean.isEmpty() && mean.size() == std.size()) {
            try {
                spec = spec.withNormalization(mean, std);
            } catch (IllegalArgumentException e) {
                // normalisation metadata that does not fit the input is left out, not fatal
            }
        }
        return spec;
    }

    private static List<Double> doubles(String json) {
        List<Double> out = new ArrayList<>();
        try {
            JsonElement e = json == null ? null : JsonParser.parseString(json);
            if (e != null && e.isJsonArray()) {
                e.getAsJsonArray().forEach(x -> out.add(x.getAsDouble()));
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return out;
    }

    /** The class names of the {@code netwright.classes} metadata, empty when absent or malformed. */
    static List<String> classes(Map<String, String> meta) {
        List<String> out = new ArrayList<>();
        try {
            String text = meta.get("netwright.classes");
            JsonElement e = text == null ? null : JsonParser.parseString(text);
            if (e != null && e.isJsonArray()) {
                e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return out;
    }
}
