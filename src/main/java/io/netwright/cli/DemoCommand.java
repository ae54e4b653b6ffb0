package io.netwright.cli;

import io.netwright.data.Batch;
import io.netwright.data.DataLoader;
import io.netwright.data.ImageDataset;
import io.netwright.data.TransformedDataset;
import io.netwright.data.formats.SampleData;
import io.netwright.data.formats.Split;
import io.netwright.data.transforms.Compose;
import io.netwright.data.transforms.Normalize;
import io.netwright.data.transforms.ToTensor;
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
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netwright demo}: trains LeNet-5 on the bundled Fashion-MNIST subset with SGD and prints progress (loss,
 * accuracy, images/s, ETA) and the test accuracy after each epoch — the out-of-the-box check that the engine works.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train LeNet-5 on the bundled Fashion-MNIST subset (3,000 train / 1,000 test) and print "
                + "progress.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.05", description = "SGD learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** LeNet-5 for 1×28×28 inputs (conv 6@5 pad 2, pool, conv 16@5, pool, 120, 84, 10): 61,706 parameters. */
    static Module lenet5(Generator g) {
        Generator.defaultGenerator().manualSeed(g.seed());
        return new Sequential(new Conv2d(1, 6, 5, 1, 2), new ReLU(), new MaxPool2d(2),
                new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(400, 120), new ReLU(), new Linear(120, 84), new ReLU(), new Linear(84, 10));
    }

    @Override
    public Integer call() throws Exception {
        if (epochs <= 0 || batch <= 0 || !(lr > 0)) {
            throw new IllegalArgumentException("--epochs, --batch and --lr must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        var normalize = new Normalize(new double[]{0.2860}, new double[]{0.3530});
        ImageDataset rawTrain = SampleData.fashionMnist(Split.TRAIN);
        ImageDataset rawTest = SampleData.fashionMnist(Split.TEST);
        var train = new TransformedDataset<>(rawTrain, Compose.of(new ToTensor(), normalize));
        var test = new TransformedDataset<>(rawTest, Compose.of(new ToTensor(), normalize));
        Module model = lenet5(new Generator(seed));
        var loss = new CrossEntropyLoss();
        var opt = new SGD(model.parameters(), new SGD.Options().lr(lr).momentum(0.9));
        out.printf(Locale.ROOT, "LeNet-5 (%,d parameters) on %s: %d train / %d test images, batch %d, SGD lr %s "
                        + "momentum 0.9, %s%n", model.numParameters(false), rawTrain.name(), train.size(),
                test.size(), batch, lr, Tensor.zeros(1).backend().description());
        try (var trainLoader = DataLoader.builder(train).batchSize(batch).shuffle(true).seed(seed).numWorkers(1)
                .build();
             var testLoader = DataLoader.builder(test).batchSize(256).build()) {
            int steps = (train.size() + batch - 1) / batch;
            long start = System.nanoTime();
            long seen = 0;
            for (int epoch = 0; epoch < epochs; epoch++) {
                model.train();
                double lossSum = 0;
                long correct = 0;
                long count = 0;
                int step = 0;
                for (Batch b : trainLoader.epoch(epoch)) {
                    try (b; var scope = TensorScope.open()) {
                        opt.zeroGrad();
                        Tensor logits = model.call(b.inputs());
                        Tensor l = loss.forward(logits, b.targets());
                        l.backward();
                        opt.step();
                        lossSum += l.item() * b.size();
                        correct += logits.argmax(1, false).eq(b.targets()).sum().itemLong();
                        count += b.size();
                    }
                    step++;
                    seen += b.size();
                    if (step % 10 == 0 || step == steps) {
                        double secs = (System.nanoTime() - start) / 1e9;
                        double rate = seen / secs;
                        long remaining = (long) ((epochs * (long) train.size() - seen) / rate);
                        out.printf(Locale.ROOT, "epoch %d/%d  step %3d/%d  loss %.4f  acc %5.1f%%  %,6.0f img/s  "
                                        + "ETA %d:%02d%n", epoch + 1, epochs, step, steps, lossSum / count,
                                100.0 * correct / count, rate, remaining / 60, remaining % 60);
                        out.flush();
                    }
                }
                out.printf(Locale.ROOT, "epoch %d/%d  test accuracy %.1f%%%n", epoch + 1, epochs,
                        100 * accuracy(model, testLoader));
                out.flush();
            }
        }
        return 0;
    }

    private static double accuracy(Module model, DataLoader<?, Batch> loader) {
        model.eval();
        long correct = 0;
        long count = 0;
        try (var g = NoGrad.enter()) {
            for (Batch b : loader.epoch(0)) {
                try (b; var scope = TensorScope.open()) {
                    correct += model.call(b.inputs()).argmax(1, false).eq(b.targets()).sum().itemLong();
                    count += b.size();
                }
            }
        }
        return (double) correct / count;
    }
}
