package io.netwright.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When a run warns: loss spikes, update/parameter ratios far from the usual ~1e-3, dead ReLUs. Each kind of warning
 * about one subject is given at most once per epoch (non-finite steps always), so a long run's log stays readable.
 */
final class Warnings {

    /** Update/parameter ratios above this suggest a learning rate that is too high. */
    static final double HIGH_UPDATE_RATIO = 0.1;
    /** Ratios below this (with a non-zero gradient) suggest a layer that barely learns. */
    static final double LOW_UPDATE_RATIO = 1e-6;
    /** A ReLU whose outputs are zero this often has mostly dead units. */
    static final double DEAD_RELU = 0.95;
    /** A loss this many times its recent average is a spike. */
    static final double SPIKE = 3;
    /** Steps before spikes are looked for (the average needs time to settle). */
    static final long SPIKE_AFTER_STEPS = 50;

    private final Map<String, Integer> given = new HashMap<>();
    private double emaLoss = Double.NaN;

    /** A warning, or null if the same code and subject were already reported in this epoch. */
    TrainingEvent.Warning once(int epoch, long step, String code, String subject, String message) {
        Integer last = given.get(code + "/" + subject);
        if (last != null && last == epoch && !code.equals("non_finite")) {
            return null;
        }
        given.put(code + "/" + subject, epoch);
        return new TrainingEvent.Warning(epoch, step, code, message);
    }

    /** Feeds a step's loss; a warning if it spiked. */
    TrainingEvent.Warning loss(int epoch, long step, float loss) {
        TrainingEvent.Warning w = null;
        if (step > SPIKE_AFTER_STEPS && emaLoss > 0 && loss > SPIKE * emaLoss) {
            w = once(epoch, step, "loss_spike", "", String.format(Locale.ROOT, "step %d: loss %.4g is more than three "
                    + "times its recent average %.4g — if it keeps happening, lower the learning rate or clip "
                    + "gradients", step, loss, emaLoss));
        }
        if (Float.isFinite(loss)) {
            emaLoss = Double.isNaN(emaLoss) ? loss : 0.95 * emaLoss + 0.05 * loss;
        }
        return w;
    }

    /** The warnings a health report calls for. */
    List<TrainingEvent.Warning> health(int epoch, long step, List<TrainingEvent.LayerHealth> layers) {
        List<TrainingEvent.Warning> out = new ArrayList<>();
        for (TrainingEvent.LayerHealth h : layers) {
            TrainingEvent.Warning w = null;
            if (h.updateRatio() > HIGH_UPDATE_RATIO) {
                w = once(epoch, step, "update_ratio", h.layer(), String.format(Locale.ROOT, "layer '%s': "
                        + "update/parameter ratio %.3g is far above the usual ~1e-3 — the learning rate is probably "
                        + "too high", h.layer(), h.updateRatio()));
            } else if (h.updateRatio() < LOW_UPDATE_RATIO && h.gradNorm() > 0) {
                w = once(epoch, step, "update_ratio", h.layer(), String.format(Locale.ROOT, "layer '%s': "
                        + "update/parameter ratio %.3g is far below the usual ~1e-3 — the layer barely learns; raise "
                        + "the learning rate", h.layer(), h.updateRatio()));
            }
            if (w != null) {
                out.add(w);
            }
            if (h.zeroFraction() > DEAD_RELU) {
                w = once(epoch, step, "dead_relu", h.layer(), String.format(Locale.ROOT, "layer '%s': %.0f%% of its "
                        + "outputs are zero — most units are dead; lower the learning rate or use LeakyReLU",
                        h.layer(), 100 * h.zeroFraction()));
                if (w != null) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
