package io.netwright.export;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import io.netwright.backend.DType;
import io.netwright.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ONNX graph being built: nodes in order, initializers (weights, constants) and fresh value names. Layer
 * mappings ({@link OnnxLayers}) add to it; {@link OnnxExporter} wraps it in a model.
 *
 * <pre>{@code
 * String w = g.initializer("conv1.weight", weight);
 * g.node("Conv", List.of("input", w), "conv1", OnnxGraph.ints("strides", 1, 1));
 * }</pre>
 */
final class OnnxGraph {

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    private final int opset;

    OnnxGraph(String name, int opset) {
        graph.setName(name);
        this.opset = opset;
    }

    /** The opset the graph targets. */
    int opset() {
        return opset;
    }

    /** The protobuf builder (inputs and outputs are added by the exporter). */
    GraphProto.Builder proto() {
        return graph;
    }

    /** A value name not used yet, {@code base} itself if free, else {@code base_2}, {@code base_3}... */
    String fresh(String base) {
        String n = base;
        for (int i = 2; !names.add(n); i++) {
            n = base + "_" + i;
        }
        return n;
    }

    /** Adds a node of {@code op} reading {@code inputs} and writing the value {@code output}; returns it. */
    String node(String op, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(fresh(output + "/" + op))
                .addAllInput(inputs).addOutput(output);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return output;
    }

    /** Adds a node writing a fresh value named after {@code base}; returns the value's name. */
    String temp(String op, List<String> inputs, String base, AttributeProto... attributes) {
        return node(op, inputs, fresh(base), attributes);
    }

    /** Adds {@code t} (float32 or int64, any backend) as an initializer named {@code name}; returns the name. */
    String initializer(String name, Tensor t) {
        Tensor c = t.detach().contiguous();
        int[] dims = c.sizes();
        if (c.dtype() == DType.INT64) {
            return longs(name, c.toLongArray(), dims);
        }
        return floats(name, c.toFloat().toFloatArray(), dims);
    }

    /** A float32 initializer. */
    String floats(String name, float[] values, int... dims) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return raw(name, TensorProto.DataType.FLOAT, b, dims);
    }

    /** An int64 initializer. */
    String longs(String name, long[] values, int... dims) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return raw(name, TensorProto.DataType.INT64, b, dims);
    }

    /** A 1-D int64 constant with a fresh name after {@code base}. */
    String constLongs(String base, long... values) {
        return longs(fresh(base), values, values.length);
    }

    /** A 1-D float constant with a fresh name after {@code base}. */
    String constFloats(String base, float... values) {
        return floats(fresh(base), values, values.length);
    }

    /** A float scalar (rank 0) constant with a fresh name after {@code base}. */
    String scalar(String base, float value) {
        return floats(fresh(base), new float[] {value});
    }

    private String raw(String name, TensorProto.DataType type, ByteBuffer bytes, int... dims) {
        names.add(name);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber())
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (int d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    /** An int attribute. */
    static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value)
                .build();
    }

    /** A float attribute. */
    static AttributeProto attr(String name, double value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT)
                .setF((float) value).build();
    }

    /** A string attribute. */
    static AttributeProto attr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    /** An ints attribute. */
    static AttributeProto ints(String name, int... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.INTS);
        for (int v : values) {
            a.addInts(v);
        }
        return a.build();
    }
}
