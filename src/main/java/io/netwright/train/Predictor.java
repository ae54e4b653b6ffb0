package io.netwright.train;

import io.netwright.data.Batch;
import io.netwright.data.DataLoader;
import io.netwright.data.Dataset;
import io.netwright.data.Sample;
import io.netwright.graph.Loss;
import io.netwright.nn.CrossEntropyLoss;
import io.netwright.nn.Module;
import io.netwright.nn.NLLLoss;
import io.netwright.nn.Reduction;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import io.netwright.tensor.TensorScope;

/**
 * Runs a model over a dataset in evaluation mode without recording gradients and collects, per sample, the
 * predicted probabilities, the label and the loss — what validation, probes and the final evaluation are computed
 * from.
 */
final class Predictor {

    /**
     * Per-sample results.
     *
     * @param probabilities {@code [n][classes]}
     * @param labels        true classes
     * @param losses        per-sample losses
     */
    record Predictions(float[][] probabilities, int[] labels, float[] losses) {

        double meanLoss() {
            double s = 0;
            for (float l : losses) {
                s += l;
            }
            return labels.length == 0 ? Double.NaN : s / labels.length;
        }

        double accuracy() {
            int ok = 0;
            for (int i = 0; i < labels.length; i++) {
                if (ClassificationMetrics.argmax(probabilities[i]) == labels[i]) {
                    ok++;
                }
            }
            return labels.length == 0 ? Double.NaN : (double) ok / labels.length;
        }

        /** Top-k accuracy, NaN when k covers every class (it would be 1 trivially). */
        double topKAccuracy(int k) {
            if (labels.length == 0 || probabilities[0].length <= k) {
                return Double.NaN;
            }
            int ok = 0;
            for (int i = 0; i < labels.length; i++) {
                if (ClassificationMetrics.inTopK(probabilities[i], labels[i], k)) {
                    ok++;
                }
            }
            return (double) ok / labels.length;
        }
    }

    private Predictor() {
    }

    /** The per-sample loss module of {@code loss}. */
    static io.netwright.nn.Loss perSample(Loss loss) {
        return switch (loss) {
            case CROSS_ENTROPY -> new CrossEntropyLoss(Reduction.NONE);
            case NLL -> new NLLLoss(Reduction.NONE);
            default -> throw new IllegalArgumentException("loss " + loss.key() + " is not a classification loss — "
                    + "the trainer supports cross_entropy and nll");
        };
    }

    /** The mean loss module of {@code loss}. */
    static io.netwright.nn.Loss mean(Loss loss) {
        return switch (loss) {
            case CROSS_ENTROPY -> new CrossEntropyLoss();
            case NLL -> new NLLLoss();
            default -> throw new IllegalArgumentException("loss " + loss.key() + " is not a classification loss — "
                    + "the trainer supports cross_entropy and nll");
        };
    }

    /** Probabilities from the model's output: softmax of logits, or exp of log-probabilities for NLL. */
    static Tensor probabilities(Loss loss, Tensor output) {
        return loss == Loss.NLL ? output.exp() : output.softmax(1);
    }

    /** Checks that the model's output is {@code [N, classes]}. */
    static void checkOutput(Tensor output, int classes) {
        if (output.dim() != 2 || output.size(1) != classes) {
            throw new IllegalArgumentException("the model's output is " + output.shape() + " but the data has "
                    + classes + " classes — the last layer must give [N, " + classes + "] (set its out_features to "
                    + classes + ")");
        }
    }

    /** Predicts every sample of {@code data} (already transformed) in batches of {@code batchSize}. */
    static Predictions predict(Module model, Loss loss, Dataset<Sample<Object>> data, int classes, int batchSize,
            int workers) {
        int n = data.size();
        float[][] probs = new float[n][];
        int[] labels = new int[n];
        float[] losses = new float[n];
        boolean wasTraining = model.isTraining();
        model.eval();
        io.netwright.nn.Loss criterion = perSample(loss);
        int row = 0;
        io.netwright.backend.Backend device = ModelDevice.of(model);
        try (var loader = DataLoader.builder(data).batchSize(batchSize).numWorkers(workers).build();
             var g = NoGrad.enter()) {
            for (Batch host : loader.epoch(0)) {
                try (host; var scope = TensorScope.open()) {
                    Batch b = ModelDevice.on(device, host);
                    Tensor out = model.call(b.inputs());
                    checkOutput(out, classes);
                    float[] p = probabilities(loss, out).contiguous().toFloatArray();
                    float[] l = criterion.forward(out, b.targets()).toFloatArray();
                    long[] y = b.targets().toLongArray();
                    for (int i = 0; i < y.length; i++) {
                        probs[row] = java.util.Arrays.copyOfRange(p, i * classes, (i + 1) * classes);
                        labels[row] = (int) y[i];
                        losses[row] = l[i];
                        row++;
                    }
                }
            }
        } finally {
            model.train(wasTraining);
        }
        return new Predictions(probs, labels, losses);
    }
}
