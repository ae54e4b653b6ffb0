package io.netwright.export;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ONNX mapping of every catalogue layer type, by type name. {@code Input} and {@code Output} are the graph's
 * input and output and have no mapping; a test keeps this list and the catalogue in step.
 */
final class OnnxLayers {

    private static final Map<String, Consumer<OnnxStep>> MAPPINGS = mappings();

    private OnnxLayers() {
    }

    private static Map<String, Consumer<OnnxStep>> mappings() {
        Map<String, Consumer<OnnxStep>> m = new HashMap<>();
        m.put("Conv2d", OnnxConvPool::conv);
        m.put("ConvTranspose2d", OnnxConvPool::convTranspose);
        m.put("MaxPool2d", OnnxConvPool::maxPool);
        m.put("AvgPool2d", OnnxConvPool::avgPool);
        m.put("AdaptiveAvgPool2d", s -> OnnxConvPool.adaptive(s, false));
        m.put("AdaptiveMaxPool2d", s -> OnnxConvPool.adaptive(s, true));
        m.put("Linear", OnnxDenseNorm::linear);
        m.put("Embedding", OnnxDenseNorm::embedding);
        m.put("ReLU", s -> OnnxElementwise.unary(s, "Relu"));
        m.put("LeakyReLU", OnnxElementwise::leakyRelu);
        m.put("ELU", OnnxElementwise::elu);
        m.put("GELU", OnnxElementwise::gelu);
        m.put("SiLU", OnnxElementwise::silu);
        m.put("Sigmoid", s -> OnnxElementwise.unary(s, "Sigmoid"));
        m.put("Tanh", s -> OnnxElementwise.unary(s, "Tanh"));
        m.put("Softmax", s -> OnnxElementwise.softmax(s, "Softmax"));
        m.put("LogSoftmax", s -> OnnxElementwise.softmax(s, "LogSoftmax"));
        m.put("PReLU", OnnxElementwise::prelu);
        m.put("BatchNorm1d", OnnxDenseNorm::batchNorm);
        m.put("BatchNorm2d", OnnxDenseNorm::batchNorm);
        m.put("LayerNorm", OnnxDenseNorm::layerNorm);
        // dropout is the identity in inference
        m.put("Dropout", s -> OnnxElementwise.unary(s, "Identity"));
        m.put("Dropout2d", s -> OnnxElementwise.unary(s, "Identity"));
        m.put("Add", s -> OnnxElementwise.merge(s, "Add"));
        m.put("Multiply", s -> OnnxElementwise.merge(s, "Mul"));
        m.put("Concat", OnnxElementwise::concat);
        m.put("Flatten", OnnxReshape::reshape);
        m.put("Reshape", OnnxReshape::reshape);
        m.put("Identity", s -> OnnxElementwise.unary(s, "Identity"));
        m.put("Upsample", OnnxReshape::upsample);
        m.put("ZeroPad2d", OnnxReshape::zeroPad);
        return Collections.unmodifiableMap(m);
    }

    /** The mapping of layer type {@code name}, if it has one. */
    static Optional<Consumer<OnnxStep>> of(String name) {
        return Optional.ofNullable(MAPPINGS.get(name));
    }

    /** The type names with a mapping. */
    static java.util.Set<String> names() {
        return MAPPINGS.keySet();
    }
}
