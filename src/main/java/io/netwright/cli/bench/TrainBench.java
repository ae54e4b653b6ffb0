package io.netwright.cli.bench;

import io.netwright.data.ImageDataset;
import io.netwright.data.formats.Mnist;
import io.netwright.data.formats.Split;
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
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import io.netwright.tensor.TensorScope;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One epoch of training on Fashion-MNIST, the same way {@code scripts/bench_torch_train.py} does it in PyTorch: the
 * whole normalised set held as one tensor, batches sliced from a per-epoch random permutation, SGD with momentum,
 * then test accuracy. Reports training images/s so the two can be compared in one run.
 */
public final class TrainBench {

    /** Fashion-MNIST's mean and std (as used by the demo and the PyTorch twin). */
    static final double MEAN = 0.2860;
    static final double STD = 0.3530;

    /**
     * A benchmarked network.
     *
     * @param name    name shared with the PyTorch script
     * @param factory builds a freshly initialised model
     */
    public record Net(String name, Supplier<Module> factory) {
    }

    /** LeNet-5: conv 6@5x5 pad 2, pool, conv 16@5x5, pool, fc 120, 84, 10, ReLU. */
    public static final Net LENET5 = new Net("lenet5", () -> new Sequential(new Conv2d(1, 6, 5, 1, 2), new ReLU(),
            new MaxPool2d(2), new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2), new Flatten(),
            new Linear(400, 120), new ReLU(), new Linear(120, 84), new ReLU(), new Linear(84, 10)));

    /** The heavier net: conv 32, 32, pool, 64, 64, pool (3x3 pad 1), fc 128, 10. */
    public static final Net CONVNET = new Net("convnet", () -> new Sequential(new Conv2d(1, 32, 3, 1, 1),
            new ReLU(), new Conv2d(32, 32, 3, 1, 1), new ReLU(), new MaxPool2d(2), new Conv2d(32, 64, 3, 1, 1),
            new ReLU(), new Conv2d(64, 64, 3, 1, 1), new ReLU(), new MaxPool2d(2), new Flatten(),
            new Linear(64 * 7 * 7, 128), new ReLU(), new Linear(128, 10)));

    /**
     * A measured epoch.
     *
     * @param net          the network's name
     * @param imagesPerSec training images per second
     * @param trainSeconds time of the training epoch
     * @param testAccuracy accuracy on the test split afterwards
     * @param finalLoss    loss of the last batch
     */
    public record Result(String net, double imagesPerSec, double trainSeconds, double testAccuracy,
                         double finalLoss) {
        /** {@code net images_per_s=... train_s=... test_acc=... final_loss=...}, as the PyTorch twin prints. */
        public String line() {
            return String.format(Locale.ROOT, "%s images_per_s=%.1f train_s=%.2f test_acc=%.4f final_loss=%.4f", net,
                    imagesPerSec, trainSeconds, testAccuracy, finalLoss);
        }
    }

    /**
     * The whole split as a normalised {@code [N, 1, 28, 28]} tensor and its int64 labels.
     *
     * @param images images
     * @param labels labels
     */
    record Data(Tensor images, Tensor labels) {
        static Data of(ImageDataset ds, int limit) {
            int n = limit > 0 ? Math.min(limit, ds.size()) : ds.size();
            int per = ds.imageBytes();
            float[] x = new float[n * per];
            long[] y = new long[n];
            for (int i = 0; i < n; i++) {
                ds.image(i).writeChwFloats(x, i * per);
                y[i] = ds.label(i);
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) ((x[i] - MEAN) / STD);
            }
            return new Data(Tensor.of(x, n, ds.channels(), ds.height(), ds.width()), Tensor.ofLongs(y));
        }
    }

    private TrainBench() {
    }

    /** Loads Fashion-MNIST from {@code dir} (IDX, gzip or raw); {@code limit > 0} keeps the first training images. */
    static Data[] load(Path dir, int limit) throws IOException {
        return new Data[]{Data.of(Mnist.fashion(dir, Split.TRAIN), limit), Data.of(Mnist.fashion(dir, Split.TEST), 0)};
    }

    /** Trains {@code net} for one epoch on {@code train} and evaluates on {@code test}. */
    public static Result run(Net net, Tensor trainX, Tensor trainY, Tensor testX, Tensor testY, int batch, double lr,
                             double momentum, long seed) {
        Generator.defaultGenerator().manualSeed(seed);
        Module model = net.factory().get();
        var opt = new SGD(model.parameters(), new SGD.Options().lr(lr).momentum(momentum));
        var lossFn = new CrossEntropyLoss();
        int n = trainX.size(0);
        Tensor perm = Tensor.randperm(new Generator(seed), n);
        model.train();
        float last = Float.NaN;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i += batch) {
            try (var scope = TensorScope.open()) {
                Tensor idx = perm.slice(0, i, Math.min(n, i + batch), 1);
                Tensor xb = trainX.indexSelect(0, idx);
                Tensor yb = trainY.indexSelect(0, idx);
                opt.zeroGrad();
                Tensor loss = lossFn.forward(model.call(xb), yb);
                loss.backward();
                opt.step();
                if (i + batch >= n) {
                    last = loss.item();
                }
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        model.eval();
        long correct = 0;
        try (var g = NoGrad.enter()) {
            for (int i = 0; i < testX.size(0); i += 1000) {
                try (var scope = TensorScope.open()) {
                    int end = Math.min(testX.size(0), i + 1000);
                    Tensor pred = model.call(testX.slice(0, i, end, 1)).argmax(1, false);
                    correct += pred.eq(testY.slice(0, i, end, 1)).sum().itemLong();
                }
            }
        }
        return new Result(net.name(), n / secs, secs, (double) correct / testX.size(0), last);
    }
}
