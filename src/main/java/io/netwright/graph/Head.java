package io.netwright.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a design is trained against: the loss applied to the output and the metrics reported while training
 * ({@code accuracy}, {@code top5_accuracy}, ... — names the trainer knows).
 *
 * @param extras unknown fields (name → raw JSON text), preserved on save
 */
public record Head(Loss loss, List<String> metrics, Map<String, String> extras) {

    /** Requires a loss; metrics must be non-blank and distinct. */
    public Head {
        Objects.requireNonNull(loss, "loss");
        metrics = List.copyOf(metrics == null ? List.of() : metrics);
        var seen = new HashSet<String>();
        for (String m : metrics) {
            if (m.isBlank() || !seen.add(m)) {
                throw new IllegalArgumentException("head metrics must be distinct non-blank names, got " + metrics);
            }
        }
        extras = Checks.orderedCopy(extras, "head field");
    }

    /** Cross-entropy with accuracy: the usual classification head. */
    public static Head classification() {
        return new Head(Loss.CROSS_ENTROPY, List.of("accuracy"), Map.of());
    }

    /** This head with another loss. */
    public Head withLoss(Loss newLoss) {
        return new Head(newLoss, metrics, extras);
    }

    /** This head with other metrics. */
    public Head withMetrics(List<String> newMetrics) {
        return new Head(loss, newMetrics, extras);
    }
}
