package io.netwright.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of layer types, in palette order: the editor palette, the property sheet, the analyzer, the
 * compiler, the exporters and the docs all read it. Immutable and thread-safe.
 *
 * <pre>{@code LayerType conv = Catalogue.standard().require("Conv2d"); conv.params(); conv.category();}</pre>
 */
public final class Catalogue {

    private static final Catalogue STANDARD = new Catalogue(standardTypes());

    private final List<LayerType> types;
    private final Map<String, LayerType> byName;

    /** A catalogue of {@code types} in palette order; names must be distinct. */
    public Catalogue(List<LayerType> types) {
        this.types = List.copyOf(types);
        Map<String, LayerType> m = new HashMap<>(types.size() * 2);
        for (LayerType t : this.types) {
            if (m.put(t.name(), t) != null) {
                throw new IllegalArgumentException("layer type '" + t.name() + "' is listed twice");
            }
        }
        this.byName = Collections.unmodifiableMap(m);
    }

    /** Every layer Netwright knows. */
    public static Catalogue standard() {
        return STANDARD;
    }

    private static List<LayerType> standardTypes() {
        List<LayerType> t = new ArrayList<>();
        t.add(IoLayer.INPUT);
        t.add(IoLayer.OUTPUT);
        t.add(ConvLayer.CONV2D);
        t.add(ConvLayer.CONV_TRANSPOSE2D);
        t.add(PoolLayer.MAX);
        t.add(PoolLayer.AVG);
        t.add(AdaptivePoolLayer.AVG);
        t.add(AdaptivePoolLayer.MAX);
        t.add(LinearLayer.LINEAR);
        t.add(EmbeddingLayer.EMBEDDING);
        for (ActivationLayer.Kind k : ActivationLayer.Kind.values()) {
            t.add(new ActivationLayer(k));
        }
        t.add(NormLayer.BATCH_NORM1D);
        t.add(NormLayer.BATCH_NORM2D);
        t.add(NormLayer.LAYER_NORM);
        t.add(DropoutLayer.DROPOUT);
        t.add(DropoutLayer.DROPOUT2D);
        t.add(MergeLayer.ADD);
        t.add(MergeLayer.CONCAT);
        t.add(MergeLayer.MULTIPLY);
        t.add(ReshapeLayer.FLATTEN);
        t.add(ReshapeLayer.RESHAPE);
        t.add(ReshapeLayer.IDENTITY);
        t.add(ResizeLayer.UPSAMPLE);
        t.add(ResizeLayer.ZERO_PAD2D);
        return t;
    }

    /** All layer types in palette order. */
    public List<LayerType> all() {
        return types;
    }

    /** The layer type named {@code name} ({@code Conv2d}), if any. */
    public Optional<LayerType> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The layer type named {@code name}, or an exception listing the known names. */
    public LayerType require(String name) {
        LayerType t = byName.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown layer type '" + name + "'" + suggestion(name)
                    + " (known: " + String.join(", ", names()) + ")");
        }
        return t;
    }

    /** Same as {@link #get} but null when absent, for hot paths. */
    LayerType find(String name) {
        return byName.get(name);
    }

    /** The type names in palette order. */
    public List<String> names() {
        return types.stream().map(LayerType::name).toList();
    }

    /** The palette: types grouped by category, categories and types in palette order. */
    public Map<Category, List<LayerType>> byCategory() {
        Map<Category, List<LayerType>> m = new EnumMap<>(Category.class);
        for (LayerType t : types) {
            m.computeIfAbsent(t.category(), c -> new ArrayList<>()).add(t);
        }
        m.replaceAll((c, l) -> List.copyOf(l));
        return Collections.unmodifiableMap(m);
    }

    /** {@code  — did you mean 'Conv2d'?} for a near miss (case or one edit away), else "". */
    String suggestion(String name) {
        for (LayerType t : types) {
            if (t.name().equalsIgnoreCase(name) || editDistanceAtMostOne(t.name(), name)) {
                return " — did you mean '" + t.name() + "'?";
            }
        }
        return "";
    }

    private static boolean editDistanceAtMostOne(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }
}
