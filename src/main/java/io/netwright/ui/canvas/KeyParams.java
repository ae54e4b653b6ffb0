package io.netwright.ui.canvas;

import io.netwright.graph.Node;
import io.netwright.graph.ParamValue;
import io.netwright.ui.editor.ParamText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The short parameter line on a node: {@code out 6 · k 5 · pad 2}; only explicitly set parameters, a few at most. */
final class KeyParams {

    private static final Map<String, String> SHORT = Map.ofEntries(Map.entry("out_channels", "out"),
            Map.entry("in_channels", "in"), Map.entry("kernel_size", "k"), Map.entry("stride", "s"),
            Map.entry("padding", "pad"), Map.entry("dilation", "dil"), Map.entry("out_features", "out"),
            Map.entry("in_features", "in"), Map.entry("num_features", "n"), Map.entry("output_size", "size"),
            Map.entry("negative_slope", "slope"), Map.entry("scale_factor", "×"), Map.entry("start_dim", "from"),
            Map.entry("num_embeddings", "n"), Map.entry("embedding_dim", "dim"));

    private KeyParams() {
    }

    static String of(Node n) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, ParamValue> e : n.params().entrySet()) {
            if (parts.size() == 4) {
                parts.add("…");
                break;
            }
            String k = SHORT.getOrDefault(e.getKey(), e.getKey());
            parts.add(k + " " + ParamText.format(e.getValue()).replace(", ", "×"));
        }
        return String.join(" · ", parts);
    }
}
