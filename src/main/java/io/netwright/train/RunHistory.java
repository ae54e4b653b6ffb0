package io.netwright.train;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * Everything recorded about one run, as a run store loads it: the summary, the config, the logged steps and the
 * epochs from {@code metrics.csv}, every logged event from {@code events.jsonl}, and the evaluation if the run got
 * that far.
 *
 * @param summary    the listing entry
 * @param config     the configuration
 * @param steps      logged step rows in order
 * @param epochs     epoch rows in order
 * @param events     logged events in order (snake_case JSON, see {@code events.jsonl})
 * @param evaluation the final evaluation, if written
 */
public record RunHistory(RunSummary summary, TrainingConfig config, List<MetricRow> steps, List<MetricRow> epochs,
        List<JsonObject> events, Optional<Evaluation> evaluation) {

    /** Copies the lists. */
    public RunHistory {
        steps = List.copyOf(steps);
        epochs = List.copyOf(epochs);
        events = List.copyOf(events);
    }
}
