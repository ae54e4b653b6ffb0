package io.netwright.export;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The ONNX operators import maps to Netwright layers, by operator name (default domain). Operators evaluated on
 * constants ({@link OnnxFold}) need no entry; anything else is reported as unsupported.
 */
final class OnnxOps {

    private static final Map<String, Consumer<OnnxImportNode>> MAPPINGS = mappings();

    private OnnxOps() {
    }

    private static Map<String, Consumer<OnnxImportNode>> mappings() {
        Map<String, Consumer<OnnxImportNode>> m = new HashMap<>();
        m.put("Conv", OnnxImportConv::conv);
        m.put("ConvTranspose", OnnxImportConv::convTranspose);
        m.put("MaxPool", n -> OnnxImportConv.pool(n, true));
        m.put("AveragePool", n -> OnnxImportConv.pool(n, false));
        m.put("GlobalAveragePool", n -> OnnxImportConv.global(n, false));
        m.put("GlobalMaxPool", n -> OnnxImportConv.global(n, true));
        m.put("Pad", OnnxImportConv::pad);
        m.put("Resize", OnnxImportConv::resize);
        m.put("Upsample", OnnxImportConv::resize);
        m.put("Gemm", OnnxImportDense::gemm);
        m.put("MatMul", OnnxImportDense::matMul);
        m.put("BatchNormalization", OnnxImportDense::batchNorm);
        m.put("LayerNormalization", OnnxImportDense::layerNorm);
        m.put("PRelu", OnnxImportDense::prelu);
        m.put("Relu", n -> OnnxImportElementwise.activation(n, "ReLU"));
        m.put("LeakyRelu", n -> OnnxImportElementwise.activation(n, "LeakyReLU", "negative_slope",
                n.number("alpha", 0.01)));
        m.put("Elu", n -> OnnxImportElementwise.activation(n, "ELU", "alpha", n.number("alpha", 1.0)));
        m.put("Tanh", n -> OnnxImportElementwise.activation(n, "Tanh"));
        m.put("Sigmoid", OnnxImportElementwise::sigmoid);
        m.put("Gelu", OnnxImportElementwise::gelu);
        m.put("Softmax", n -> OnnxImportElementwise.softmax(n, "Softmax"));
        m.put("LogSoftmax", n -> OnnxImportElementwise.softmax(n, "LogSoftmax"));
        m.put("Add", n -> OnnxImportElementwise.merge(n, "Add"));
        m.put("Mul", n -> OnnxImportElementwise.merge(n, "Multiply"));
        m.put("Div", OnnxImportElementwise::div);
        m.put("Concat", OnnxImportElementwise::concat);
        m.put("Dropout", OnnxImportElementwise::dropout);
        m.put("Flatten", OnnxImportElementwise::flatten);
        m.put("Reshape", OnnxImportElementwise::reshape);
        m.put("Squeeze", n -> OnnxImportElementwise.squeeze(n, false));
        m.put("Unsqueeze", n -> OnnxImportElementwise.squeeze(n, true));
        return Collections.unmodifiableMap(m);
    }

    /** The mapping of operator {@code op}, if it has one ({@code Identity} is handled by the importer). */
    static Optional<Consumer<OnnxImportNode>> of(String op) {
        return Optional.ofNullable(MAPPINGS.get(op));
    }

    /** The operators with a layer mapping, Identity included. */
    static Set<String> names() {
        java.util.Set<String> s = new java.util.TreeSet<>(MAPPINGS.keySet());
        s.add("Identity");
        return Collections.unmodifiableSet(s);
    }
}
