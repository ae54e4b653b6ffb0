package io.netwright.ui.monitor;

import io.netwright.data.ByteImage;
import io.netwright.graph.Design;
import io.netwright.train.TrainingConfig;
import io.netwright.train.TrainingEvent;
import java.util.ArrayList;
import java.util.List;

/** Synthetic trainer events for the monitor tests, built directly from the records. */
final class Events {

    static final List<String> FASHION = List.of("T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
            "Sneaker", "Bag", "Ankle boot");
    /** Steps per epoch of the synthetic runs. */
    static final int STEPS = 10;

    private Events() {
    }

    static TrainingEvent.Started started(Design design, long params) {
        return new TrainingEvent.Started(0, 0, "run-1", TrainingConfig.of(design), FASHION, params, params,
                "cpu (test)", 900, 100, 0, STEPS, 3L * STEPS, false);
    }

    /** A 28×28 grey image whose pixels are {@code seed + y} (distinct per probe). */
    static ByteImage image(int seed) {
        byte[] b = new byte[28 * 28];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                b[y * 28 + x] = (byte) (seed * 20 + y * 4);
            }
        }
        return new ByteImage(1, 28, 28, b);
    }

    /**
     * A probe of class {@code label} predicted as {@code predicted} with probability {@code p} (the true class gets
     * {@code trueP}).
     */
    static TrainingEvent.Probe probe(int index, int label, int predicted, double p, double trueP) {
        List<TrainingEvent.Prediction> top = new ArrayList<>();
        top.add(new TrainingEvent.Prediction(predicted, p));
        if (predicted != label) {
            top.add(new TrainingEvent.Prediction(label, trueP));
        }
        return new TrainingEvent.Probe(index, label, image(index), top, predicted == label ? p : trueP);
    }

    /** The probes after {@code epoch} (0-based), at the epoch's last step. */
    static TrainingEvent.Samples samples(int epoch, TrainingEvent.Probe... probes) {
        return new TrainingEvent.Samples(epoch, (epoch + 1L) * STEPS, "validation", List.of(probes));
    }

    /** Health of a layer with parameters. */
    static TrainingEvent.LayerHealth layer(String name, String type, double weightNorm, double gradNorm,
            double ratio) {
        return new TrainingEvent.LayerHealth(name, type, weightNorm, gradNorm, ratio, 0.1, 1, Double.NaN);
    }

    /** Health of a layer without parameters (a ReLU). */
    static TrainingEvent.LayerHealth relu(String name) {
        return new TrainingEvent.LayerHealth(name, "ReLU", Double.NaN, Double.NaN, Double.NaN, 0.3, 0.5, 0.4);
    }

    static TrainingEvent.Health health(long step, TrainingEvent.LayerHealth... layers) {
        return new TrainingEvent.Health((int) (step / STEPS), step, List.of(layers));
    }
}
