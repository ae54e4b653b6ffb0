package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Generator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the layer {@link Catalogue}: everything the editor palette, the property sheet, the analyzer, the
 * compiler, the exporters and the docs know about a layer type. Shapes are per sample (no batch dim): an image is
 * {@code [C, H, W]}. Parameter names and dim indices follow PyTorch (a {@code dim} counts the batch as 0).
 *
 * <p>Implementations are stateless and thread-safe; the shape rule is called on every edit, so it allocates little.
 */
public interface LayerType {

    /** {@link #maxInputs()} of a layer taking any number of inputs ({@code Add}, {@code Concat}). */
    int VARIADIC = Integer.MAX_VALUE;

    /** The type name used in design files and by PyTorch ({@code Conv2d}). */
    String name();

    /** The name shown in the palette ({@code Conv 2D}). */
    String displayName();

    /** The palette section. */
    Category category();

    /** One line describing what the layer does. */
    String doc();

    /** The parameter schema, in property-sheet (and PyTorch argument) order. */
    List<ParamSpec> params();

    /** The schema entry named {@code name}, if any. */
    default Optional<ParamSpec> param(String name) {
        for (ParamSpec s : params()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The fewest input wires (0 for {@code Input}). */
    int minInputs();

    /** The most input wires, {@link #VARIADIC} for no limit. */
    int maxInputs();

    /** Whether any number (at least {@link #minInputs()}) of inputs is accepted. */
    default boolean variadic() {
        return maxInputs() == VARIADIC;
    }

    /** The prefix of ids given to new nodes of this type ({@code conv} gives {@code conv1}). */
    String idPrefix();

    /**
     * The output shape for inputs of shapes {@code in} (one per input port, per sample), or null after reporting
     * why there is none to {@code check}. Also reports warnings and parameter values that contradict the inputs.
     * Parameters have been checked against the schema.
     */
    int[] outputShape(Params p, int[][] in, ShapeCheck check);

    /** Number of trainable parameter elements (weights and biases) for inputs {@code in} and output {@code out}. */
    default long paramCount(Params p, int[][] in, int[] out) {
        return 0;
    }

    /** Number of non-trainable state elements (buffers such as running statistics). */
    default long bufferCount(Params p, int[][] in, int[] out) {
        return 0;
    }

    /**
     * Multiply-accumulate operations of one forward pass for one sample, counted for layers with weights
     * (convolutions, linear) as tools such as fvcore count them; 0 for the others.
     */
    default long macs(Params p, int[][] in, int[] out) {
        return 0;
    }

    /**
     * Floating-point operations of one forward pass for one sample: 2 per MAC, plus the elementwise work of the
     * other layers (a pooling window per output element, 2 per element for normalisation, 1 per element for
     * activations, dropout and merges; a few more for transcendental activations are not counted).
     */
    default long flops(Params p, int[][] in, int[] out) {
        return 2 * macs(p, in, out);
    }

    /** Whether the output is a view of (or the same tensor as) the input, so it takes no memory of its own. */
    default boolean aliasesInput() {
        return false;
    }

    /**
     * The module computing this layer for a valid node, with parameters initialised from {@code g}, or null for a
     * layer that passes its input through ({@code Input}, {@code Output}). Multi-input layers return a module
     * taking all inputs in port order.
     */
    Module compile(Params p, int[][] in, Generator g);

    /** A node of this type as dropped from the palette: required parameters filled in with their defaults. */
    default Node newNode(String id, double x, double y) {
        Map<String, ParamValue> set = new LinkedHashMap<>();
        for (ParamSpec s : params()) {
            if (s.required()) {
                set.put(s.name(), s.defaultValue());
            }
        }
        return new Node(id, name(), set, x, y);
    }
}
