package io.netwright.export;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.gson.Gson;
import io.netwright.graph.GraphStep;
import io.netwright.graph.InputSpec;
import io.netwright.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a design with its weights as an ONNX model: IR version 8, the chosen opset (17 by default), input
 * {@code input} of shape {@code [N, ...input shape]} with a symbolic batch dimension {@code N}, output
 * {@code logits} (and {@code probabilities} on request), the weights as initializers named by their state-dict
 * keys, batch norm in eval form, and metadata properties for the design name, class names and input normalisation.
 *
 * <pre>{@code
 * OnnxExporter.write(ExportSource.of(design, net, classes), OnnxOptions.defaults(), Path.of("model.onnx"), false);
 * }</pre>
 */
public final class OnnxExporter {

    /** The name of the graph input. */
    public static final String INPUT = "input";
    /** The name of the graph output holding the network's output. */
    public static final String LOGITS = "logits";
    /** The name of the optional Softmax output. */
    public static final String PROBABILITIES = "probabilities";
    /** The symbolic batch dimension. */
    public static final String BATCH = "N";
    /** The IR version written. */
    public static final int IR_VERSION = 8;

    private static final Gson GSON = new Gson();

    private OnnxExporter() {
    }

    /**
     * Writes {@code src} as ONNX to {@code file} atomically.
     *
     * @throws ExportException when a node cannot be exported (naming it) or the file exists without {@code force}
     */
    public static void write(ExportSource src, OnnxOptions options, Path file, boolean force) {
        byte[] bytes = toModel(src, options).toByteArray();
        ExportOutput.file(file, force, out -> out.write(bytes));
    }

    /** The ONNX model of {@code src}. */
    public static ModelProto toModel(ExportSource src, OnnxOptions options) {
        OnnxGraph g = new OnnxGraph(graphName(src.name()), options.opset());
        g.fresh(INPUT);
        g.fresh(LOGITS);
        g.fresh(PROBABILITIES);
        Map<String, Tensor> state = src.model().stateDict();
        List<GraphStep> steps = src.steps();
        boolean indices = checkInputType(steps);
        Map<String, String> values = new HashMap<>();
        String result = null;
        for (GraphStep s : steps) {
            if (s.isInput()) {
                values.put(s.id(), INPUT);
                continue;
            }
            if (!s.live()) {
                continue;
            }
            List<String> in = new ArrayList<>(s.inputs().size());
            for (String id : s.inputs()) {
                in.add(values.get(id));
            }
            if (s.isOutput()) {
                result = in.get(0);
                continue;
            }
            String out = g.fresh(s.id());
            OnnxStep step = new OnnxStep(g, s, in, out, state);
            OnnxLayers.of(s.type().name()).orElseThrow(() -> step.fail("has no ONNX mapping at opset "
                    + options.opset() + " — replace it with a supported layer")).accept(step);
            values.put(s.id(), out);
        }
        int[] outShape = src.outputShape();
        g.node("Identity", List.of(result), LOGITS);
        g.proto().addInput(value(INPUT, indices ? TensorProto.DataType.INT64 : TensorProto.DataType.FLOAT,
                src.inputShape()));
        g.proto().addOutput(value(LOGITS, TensorProto.DataType.FLOAT, outShape));
        if (options.probabilities()) {
            if (outShape.length != 1) {
                throw new ExportException("design '" + src.name() + "': probabilities need a vector output of "
                        + "class scores, but the output is " + java.util.Arrays.toString(outShape)
                        + " per sample — export without probabilities");
            }
            g.node("Softmax", List.of(LOGITS), PROBABILITIES, OnnxGraph.attr("axis", -1));
            g.proto().addOutput(value(PROBABILITIES, TensorProto.DataType.FLOAT, outShape));
        }
        String description = src.design().metadata().description();
        if (description != null && !description.isBlank()) {
            g.proto().setDocString(description);
        }
        ModelProto.Builder model = ModelProto.newBuilder().setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(options.opset()))
                .setProducerName("Netwright").setProducerVersion(version()).setModelVersion(1)
                .setGraph(g.proto());
        metadata(src).forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k)
                .setValue(v)));
        return model.build();
    }

    /** The metadata properties written: design name, class names, input shape and normalisation. */
    public static Map<String, String> metadata(ExportSource src) {
        Map<String, String> m = new LinkedHashMap<>();
        InputSpec in = src.design().input();
        m.put("netwright.design", src.name());
        if (!src.classes().isEmpty()) {
            m.put("netwright.classes", GSON.toJson(src.classes()));
        }
        m.put("netwright.input_shape", GSON.toJson(in.shape()));
        if (!in.mean().isEmpty()) {
            m.put("netwright.input.mean", GSON.toJson(in.mean()));
            m.put("netwright.input.std", GSON.toJson(in.std()));
        }
        if (!in.dataset().isEmpty()) {
            m.put("netwright.dataset", in.dataset());
        }
        return m;
    }

    /** Whether the input is int64 indices: when Embedding layers read it, and then only they may. */
    private static boolean checkInputType(List<GraphStep> steps) {
        String inputId = null;
        for (GraphStep s : steps) {
            if (s.isInput()) {
                inputId = s.id();
            }
        }
        GraphStep embedding = null;
        GraphStep other = null;
        for (GraphStep s : steps) {
            if (s.live() && s.inputs().contains(inputId)) {
                if (s.type().name().equals("Embedding")) {
                    embedding = s;
                } else {
                    other = s;
                }
            }
        }
        if (embedding != null && other != null) {
            throw new ExportException("node '" + other.id() + "' (" + other.type().name() + ") reads the design "
                    + "input, which holds int64 indices for Embedding '" + embedding.id() + "' — feed it from the "
                    + "Embedding's output instead");
        }
        return embedding != null;
    }

    private static ValueInfoProto value(String name, TensorProto.DataType type, int[] perSample) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        for (int d : perSample) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }

    private static String graphName(String designName) {
        String n = designName.replaceAll("[^A-Za-z0-9_]", "_");
        return n.isEmpty() ? "netwright" : n;
    }

    private static String version() {
        String v = OnnxExporter.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
