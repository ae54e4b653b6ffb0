package io.netwright.train;

import io.netwright.data.Batch;
import io.netwright.nn.Module;
import io.netwright.optim.ClipGrad;
import io.netwright.optim.Optimizer;
import io.netwright.tensor.Generator;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import io.netwright.tensor.TensorScope;
import java.util.ArrayList;
import java.util.List;

/**
 * One optimizer step: forward, loss, backward, the non-finite check, clipping, the update and the schedule — or, when
 * the loss or a gradient is NaN/infinite, no update at all: the diagnosis names the layers, and the model's buffers
 * and the generator are put back as they were before the step, so retrying it is exactly like trying it first.
 */
final class StepRunner {

    /**
     * What a step did.
     *
     * @param loss      the batch loss
     * @param correct   correctly classified samples (applied steps only)
     * @param lr        the rate the step used
     * @param layers    health figures if asked for and applied, else null
     * @param nonFinite the diagnosis of a step that was not applied, else null
     */
    record Result(float loss, long correct, double lr, List<TrainingEvent.LayerHealth> layers,
            TrainingEvent.NonFinite nonFinite) {
    }

    private final Module model;
    private final io.netwright.nn.Loss criterion;
    private final Optimizer optimizer;
    private final Schedules.RunSchedule schedule;
    private final LayerMonitor monitor;
    private final Generator rng;
    private final Clipping clipping;
    private final int classes;
    private final List<Tensor> buffers;
    private final io.netwright.backend.Backend backend;
    private boolean outputChecked;

    StepRunner(Module model, io.netwright.nn.Loss criterion, Optimizer optimizer, Schedules.RunSchedule schedule,
            LayerMonitor monitor, Generator rng, Clipping clipping, int classes) {
        this.model = model;
        this.criterion = criterion;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.monitor = monitor;
        this.rng = rng;
        this.clipping = clipping;
        this.classes = classes;
        this.buffers = new ArrayList<>(model.namedBuffers().values());
        this.backend = ModelDevice.of(model);
    }

    /** Runs step number {@code stepsDone + 1} on {@code b}; health figures when {@code health}. */
    Result step(Batch host, long stepsDone, boolean health) {
        long seed = rng.seed();
        long offset = rng.offset();
        List<Tensor> savedBuffers = snapshotBuffers();
        double lr = schedule.lr();
        try (TensorScope scope = TensorScope.open()) {
            Batch b = ModelDevice.on(backend, host); // freed with the scope when it is a copy on the device
            if (health) {
                monitor.beginHealthStep();
            }
            optimizer.zeroGrad();
            Tensor out = model.call(b.inputs());
            if (!outputChecked) {
                Predictor.checkOutput(out, classes);
                outputChecked = true;
            }
            Tensor l = criterion.forward(out, b.targets());
            l.backward();
            float loss = l.item();
            if (!Float.isFinite(loss) || !monitor.gradientsFinite()) {
                monitor.cancelHealthStep();
                return new Result(loss, 0, lr, null, diagnose(b, loss, savedBuffers, seed, offset));
            }
            clip();
            if (health) {
                monitor.beforeUpdate();
            }
            optimizer.step();
            schedule.afterStep(stepsDone + 1);
            long correct = out.argmax(1, false).eq(b.targets()).sum().itemLong();
            return new Result(loss, correct, lr, health ? monitor.afterUpdate() : null, null);
        } finally {
            savedBuffers.forEach(Tensor::close);
        }
    }

    private void clip() {
        if (clipping.maxNorm() > 0) {
            ClipGrad.clipGradNorm(monitor.trainable(), clipping.maxNorm());
        }
        if (clipping.maxValue() > 0) {
            ClipGrad.clipGradValue(monitor.trainable(), clipping.maxValue());
        }
    }

    /** Names where a step went non-finite and puts buffers, generator and gradients back as before it. */
    private TrainingEvent.NonFinite diagnose(Batch b, float loss, List<Tensor> savedBuffers, long seed, long offset) {
        String gradientLayer = monitor.firstNonFiniteGradient();
        restoreBuffers(savedBuffers);
        rng.setState(seed, offset);
        String activationLayer = monitor.firstNonFiniteOutput(() -> {
            try (var g = NoGrad.enter()) {
                model.call(b.inputs());
            }
        });
        restoreBuffers(savedBuffers);
        rng.setState(seed, offset);
        optimizer.zeroGrad();
        return new TrainingEvent.NonFinite(loss, gradientLayer, activationLayer);
    }

    /** Copies of the buffers (BatchNorm statistics) a failed forward pass may have changed; cheap: C values each. */
    private List<Tensor> snapshotBuffers() {
        if (buffers.isEmpty()) {
            return List.of();
        }
        List<Tensor> out = new ArrayList<>(buffers.size());
        try (var g = NoGrad.enter()) {
            for (Tensor t : buffers) {
                out.add(t.clone());
            }
        }
        return out;
    }

    private void restoreBuffers(List<Tensor> saved) {
        try (var g = NoGrad.enter()) {
            for (int i = 0; i < saved.size(); i++) {
                buffers.get(i).copy_(saved.get(i));
            }
        }
    }
}
