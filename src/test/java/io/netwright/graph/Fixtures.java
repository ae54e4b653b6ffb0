package io.netwright.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Designs built in code for tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** A node with parameters given as name, value pairs (Integer, Double, Boolean, String or int[]). */
    static Node node(String id, String type, Object... nameValues) {
        Map<String, ParamValue> p = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            Object v = nameValues[i + 1];
            p.put((String) nameValues[i], value(v));
        }
        return new Node(id, type, p, 0, 0);
    }

    static ParamValue value(Object v) {
        if (v instanceof Integer x) {
            return ParamValue.of(x);
        } else if (v instanceof Double x) {
            return ParamValue.of(x);
        } else if (v instanceof Boolean x) {
            return ParamValue.of(x);
        } else if (v instanceof String x) {
            return ParamValue.of(x);
        } else if (v instanceof int[] x) {
            return ParamValue.ofInts(x);
        }
        throw new IllegalArgumentException(String.valueOf(v));
    }

    /** Input → layers... → Output, wired in sequence, laid out top to bottom. */
    static Design chain(String name, InputSpec input, Node... layers) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(Node.of("input", "Input"));
        for (Node n : layers) {
            nodes.add(n);
        }
        nodes.add(Node.of("output", "Output"));
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            nodes.set(i, nodes.get(i).withPosition(100, 80 * i));
            edges.add(Edge.of(nodes.get(i - 1).id(), nodes.get(i).id()));
        }
        return new Design(Metadata.named(name), input, Head.classification(), nodes, edges);
    }

    /** LeNet-5 on 1×28×28 (61,706 parameters). */
    static Design lenet5() {
        return chain("LeNet-5", InputSpec.image(1, 28, 28),
                node("conv1", "Conv2d", "out_channels", 6, "kernel_size", 5, "padding", 2),
                node("relu1", "ReLU"),
                node("pool1", "MaxPool2d", "kernel_size", 2),
                node("conv2", "Conv2d", "out_channels", 16, "kernel_size", 5),
                node("relu2", "ReLU"),
                node("pool2", "MaxPool2d", "kernel_size", 2),
                node("flatten", "Flatten"),
                node("fc1", "Linear", "out_features", 120),
                node("relu3", "ReLU"),
                node("fc2", "Linear", "out_features", 84),
                node("relu4", "ReLU"),
                node("fc3", "Linear", "out_features", 10));
    }

    /**
     * A deep residual chain of about {@code n} nodes: blocks of conv-bn-relu-conv-bn-add-relu on 3×32×32, for the
     * analysis benchmark.
     */
    static Design deep(int n) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(Node.of("input", "Input"));
        nodes.add(node("stem", "Conv2d", "out_channels", 16, "kernel_size", 3, "padding", 1));
        edges.add(Edge.of("input", "stem"));
        String prev = "stem";
        int b = 0;
        while (nodes.size() < n - 5) {
            String p = "b" + b + "_";
            nodes.add(node(p + "conv1", "Conv2d", "out_channels", 16, "kernel_size", 3, "padding", 1, "bias", false));
            nodes.add(node(p + "bn1", "BatchNorm2d"));
            nodes.add(node(p + "relu1", "ReLU"));
            nodes.add(node(p + "conv2", "Conv2d", "out_channels", 16, "kernel_size", 3, "padding", 1, "bias", false));
            nodes.add(node(p + "bn2", "BatchNorm2d"));
            nodes.add(node(p + "add", "Add"));
            nodes.add(node(p + "relu2", "ReLU"));
            edges.add(Edge.of(prev, p + "conv1"));
            edges.add(Edge.of(p + "conv1", p + "bn1"));
            edges.add(Edge.of(p + "bn1", p + "relu1"));
            edges.add(Edge.of(p + "relu1", p + "conv2"));
            edges.add(Edge.of(p + "conv2", p + "bn2"));
            edges.add(Edge.of(p + "bn2", p + "add", 0));
            edges.add(Edge.of(prev, p + "add", 1));
            edges.add(Edge.of(p + "add", p + "relu2"));
            prev = p + "relu2";
            b++;
        }
        nodes.add(node("gap", "AdaptiveAvgPool2d", "output_size", 1));
        nodes.add(node("flatten", "Flatten"));
        nodes.add(node("fc", "Linear", "out_features", 10));
        nodes.add(Node.of("output", "Output"));
        edges.add(Edge.of(prev, "gap"));
        edges.add(Edge.of("gap", "flatten"));
        edges.add(Edge.of("flatten", "fc"));
        edges.add(Edge.of("fc", "output"));
        return new Design(Metadata.named("deep"), InputSpec.image(3, 32, 32), Head.classification(), nodes, edges);
    }
}
