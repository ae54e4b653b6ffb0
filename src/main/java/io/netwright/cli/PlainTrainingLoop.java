package io.netwright.cli;

import io.netwright.data.Batch;
import io.netwright.data.DataLoader;
import io.netwright.nn.Loss;
import io.netwright.nn.Module;
import io.netwright.optim.Optimizer;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import io.netwright.tensor.TensorScope;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain training loop behind {@code netwright train} until the trainer service takes over: epochs of
 * zero-grad / forward / loss / backward / step, with running loss and accuracy reported per step and an
 * evaluation after every epoch. Classification only (targets are class indices).
 */
final class PlainTrainingLoop {

    /** What one epoch gave; {@code evalLoss}/{@code evalAccuracy} are NaN when there is nothing to evaluate. */
    record EpochResult(int epoch, double trainLoss, double trainAccuracy, double evalLoss, double evalAccuracy,
            double seconds) {
    }

    /** Receives progress on the training thread. */
    interface Listener {
        /** Step {@code step} of {@code steps} (both 1-based) in {@code epoch} (1-based) is done. */
        void step(int epoch, int step, int steps, double loss, double accuracy, double imagesPerSecond, double eta);

        /** Epoch {@code r.epoch()} is done and evaluated. */
        void epoch(EpochResult r);
    }

    private final Module model;
    private final Optimizer optimizer;
    private final Loss loss;
    private final DataLoader<?, Batch> train;
    private final DataLoader<?, Batch> eval;
    private final int epochs;
    private long steps;
    private long images;
    private double seconds;

    PlainTrainingLoop(Module model, Optimizer optimizer, Loss loss, DataLoader<?, Batch> train,
            DataLoader<?, Batch> eval, int epochs) {
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
        this.train = train;
        this.eval = eval;
        this.epochs = epochs;
    }

    /**
     * Runs every epoch.
     *
     * @throws CliError when the loss becomes NaN or infinite, naming the epoch and step
     */
    List<EpochResult> run(Listener listener) {
        List<EpochResult> results = new ArrayList<>();
        int perEpoch = train.numBatches();
        long total = (long) perEpoch * epochs;
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long epochStart = System.nanoTime();
            model.train();
            double lossSum = 0;
            long correct = 0;
            long count = 0;
            int step = 0;
            for (Batch b : train.epoch(epoch - 1)) {
                step++;
                double l;
                try (b; var scope = TensorScope.open()) {
                    optimizer.zeroGrad();
                    Tensor logits = model.call(b.inputs());
                    Tensor lt = loss.forward(logits, b.targets());
                    l = lt.item();
                    if (!Double.isFinite(l)) {
                        throw new CliError("the loss became " + l + " at epoch " + epoch + ", step " + step
                                + " — lower the learning rate (--lr) or check the data");
                    }
                    lt.backward();
                    optimizer.step();
                    correct += logits.argmax(1, false).eq(b.targets()).sum().itemLong();
                }
                lossSum += l * b.size();
                count += b.size();
                steps++;
                images += b.size();
                double secs = (System.nanoTime() - start) / 1e9;
                double rate = images / Math.max(secs, 1e-9);
                double eta = secs / steps * (total - steps);
                listener.step(epoch, step, perEpoch, lossSum / count, (double) correct / count, rate, eta);
            }
            double[] ev = eval == null ? new double[]{Double.NaN, Double.NaN} : evaluate(model, loss, eval);
            EpochResult r = new EpochResult(epoch, lossSum / count, (double) correct / count, ev[0], ev[1],
                    (System.nanoTime() - epochStart) / 1e9);
            results.add(r);
            listener.epoch(r);
        }
        seconds = (System.nanoTime() - start) / 1e9;
        return results;
    }

    /** Optimizer steps taken. */
    long steps() {
        return steps;
    }

    /** Training images per second over the whole run (evaluation included in the time). */
    double imagesPerSecond() {
        return seconds > 0 ? images / seconds : 0;
    }

    /** Mean loss and accuracy of {@code model} over {@code loader}, in eval mode without gradients. */
    static double[] evaluate(Module model, Loss loss, DataLoader<?, Batch> loader) {
        model.eval();
        double lossSum = 0;
        long correct = 0;
        long count = 0;
        try (var g = NoGrad.enter()) {
            for (Batch b : loader.epoch(0)) {
                try (b; var scope = TensorScope.open()) {
                    Tensor logits = model.call(b.inputs());
                    lossSum += loss.forward(logits, b.targets()).item() * b.size();
                    correct += logits.argmax(1, false).eq(b.targets()).sum().itemLong();
                    count += b.size();
                }
            }
        }
        return new double[]{lossSum / count, (double) correct / count};
    }
}
