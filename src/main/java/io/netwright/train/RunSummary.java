package io.netwright.train;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a run listing: which run, what it trained (config summary) and how it ended (status and final
 * figures).
 *
 * @param id        the run folder's name
 * @param dir       the run folder
 * @param design    the design's name
 * @param data      the data SPEC
 * @param optimizer the optimizer with its options, e.g. {@code SGD(lr=0.05, momentum=0.9)}
 * @param schedule  the schedule summary
 * @param batchSize batch size
 * @param epochs    epochs configured
 * @param seed      seed
 * @param state     {@code running}, {@code paused}, {@code finished}, {@code stopped}, {@code failed}, or
 *                  {@code unknown} when the run has no status file
 * @param started   when the run began
 * @param updated   when its status was last written
 * @param epoch     epoch reached
 * @param step      steps completed
 * @param metrics   final (or latest) figures by name
 * @param message   failure or stop reason, else empty
 * @param device    the device the run was configured for ({@code cpu}, {@code cuda:0}, {@code auto})
 * @param notes     the user's notes and tags
 */
public record RunSummary(String id, Path dir, String design, String data, String optimizer, String schedule,
        int batchSize, int epochs, long seed, String state, Instant started, Instant updated, int epoch, long step,
        Map<String, Double> metrics, String message, String device, RunNotes notes) {

    /** Copies the map. */
    public RunSummary {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A metric by name, NaN when absent. */
    public double metric(String name) {
        return metrics.getOrDefault(name, Double.NaN);
    }
}
