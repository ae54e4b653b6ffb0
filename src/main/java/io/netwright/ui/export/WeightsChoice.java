package io.netwright.ui.export;

import io.netwright.train.RunSummary;
import java.nio.file.Path;

/** Where the exported weights come from: the design's initial weights, a run of it, or a safetensors file. */
public sealed interface WeightsChoice {

    /** What the weights box shows. */
    String label();

    /** The design's freshly initialised weights (seed 0), for trying an export before training. */
    record Initial() implements WeightsChoice {
        @Override
        public String label() {
            return "Initial weights (untrained, seed 0)";
        }
    }

    /** A run's best checkpoint (else its last). */
    record Run(RunSummary run) implements WeightsChoice {
        @Override
        public String label() {
            double acc = run.metric("val_accuracy");
            return "Run " + run.id() + " — " + run.state() + (Double.isNaN(acc) ? ""
                    : String.format(java.util.Locale.ROOT, ", val_accuracy %.3f", acc));
        }
    }

    /** A safetensors file with the design's state-dict keys. */
    record File(Path file) implements WeightsChoice {
        @Override
        public String label() {
            return "File " + file.getFileName();
        }
    }
}
