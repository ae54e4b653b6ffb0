package io.netwright.train;

import io.netwright.backend.Backend;
import io.netwright.nn.Conv2d;
import io.netwright.nn.CrossEntropyLoss;
import io.netwright.nn.Flatten;
import io.netwright.nn.Linear;
import io.netwright.nn.MaxPool2d;
import io.netwright.nn.Module;
import io.netwright.nn.ReLU;
import io.netwright.nn.Sequential;
import io.netwright.optim.SGD;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * LeNet-5 trained a few steps with SGD (momentum) on a fixed synthetic batch stream, on any backend, from a given
 * initial state: the device end-to-end tests compare the per-step losses with a CPU run.
 */
final class DeviceTraining {

    static final int STEPS = 20;
    private static final int BATCH = 8;

    private DeviceTraining() {
    }

    /** LeNet-5 for 1x28x28 inputs, as in the sample design (padding 2 on the first conv). */
    static Module lenet5() {
        return new Sequential(new Conv2d(1, 6, 5, 1, 2), new ReLU(), new MaxPool2d(2),
                new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(400, 120), new ReLU(), new Linear(120, 84), new ReLU(), new Linear(84, 10));
    }

    /** A copy of a module's state, to start several runs from the same weights. */
    static Map<String, Tensor> snapshot(Module m) {
        Map<String, Tensor> s = new LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> s.put(k, v.clone()));
        return s;
    }

    /** Trains {@code model} (loaded with {@code initial}, then moved to {@code device}); returns the losses. */
    static double[] losses(Module model, Map<String, Tensor> initial, Backend device) {
        model.loadStateDict(initial, true);
        model.to(device);
        SGD opt = new SGD(model.parameters(), new SGD.Options().lr(0.05).momentum(0.9));
        CrossEntropyLoss lossFn = new CrossEntropyLoss();
        Generator data = new Generator(1234);
        Random labels = new Random(99);
        double[] out = new double[STEPS];
        for (int step = 0; step < STEPS; step++) {
            Tensor x = Tensor.randn(data, BATCH, 1, 28, 28).to(device);
            long[] y = new long[BATCH];
            for (int i = 0; i < BATCH; i++) {
                y[i] = labels.nextInt(10);
            }
            opt.zeroGrad();
            Tensor loss = lossFn.forward(model.call(x), Tensor.ofLongs(y, BATCH).to(device));
            loss.backward();
            opt.step();
            out[step] = loss.item();
        }
        return out;
    }
}
