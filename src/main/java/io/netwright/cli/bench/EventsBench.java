package io.netwright.cli.bench;

import io.netwright.data.ImageDataset;
import io.netwright.data.formats.SampleData;
import io.netwright.data.formats.Split;
import io.netwright.graph.Design;
import io.netwright.graph.DesignFiles;
import io.netwright.tensor.Tensor;
import io.netwright.train.DataConfig;
import io.netwright.train.Monitoring;
import io.netwright.train.OptimizerConfig;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingConfig;
import io.netwright.train.TrainingData;
import io.netwright.train.TrainingEvent;
import io.netwright.train.TrainingListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The cost of training events: LeNet-5 on the bundled Fashion-MNIST subset trained for a fixed number of steps
 * with no listener and with a listener that consumes every event, alternating (A B, B A, ...) so drifts of a shared
 * machine hit both alike. The headline is the difference in steps per second at each run's median step time (median
 * of the per-round ratios; the requirement is under 3%): unlike whole-run throughput it is not moved by the steps
 * another process happened to slow down. Also reported: whole-run throughput, process CPU per step, and the time the
 * training thread spent publishing events as a share of training time (measured inside the trainer).
 * {@code --control} runs both arms without a listener to show the machine's noise floor. Runs without a run folder:
 * what is measured is the event path, not disk writes.
 *
 * <pre>{@code java -cp target/classes:target/lib/* io.netwright.cli.bench.EventsBench --rounds 5 --steps 100}</pre>
 */
public final class EventsBench {

    /**
     * One trainer run's figures.
     *
     * @param steps         steps taken
     * @param activeNanos   training time (pauses excluded; no pauses here)
     * @param eventNanos    training-thread time spent publishing events
     * @param events        events published
     * @param delivered     events the listener received (0 without one)
     * @param coalesced     batch events merged because the listener was behind
     * @param cpuNanos      CPU time of the whole process during the run (all its threads, no other process)
     * @param medianStepNanos the median time per step
     */
    public record Run(long steps, long activeNanos, long eventNanos, long events, long delivered, long coalesced,
            long cpuNanos, long medianStepNanos) {

        /** Steps per second over the whole run. */
        public double stepsPerSecond() {
            return steps / (activeNanos / 1e9);
        }

        /** Steps per second at the median step time (insensitive to the steps another process slowed down). */
        public double typicalStepsPerSecond() {
            return 1e9 / medianStepNanos;
        }

        /** Process CPU milliseconds per step. */
        public double cpuMillisPerStep() {
            return cpuNanos / 1e6 / steps;
        }
    }

    /**
     * The benchmark's result.
     *
     * @param description        what was trained, where
     * @param none               runs without a listener, in round order
     * @param listening          runs with the consuming listener, in round order
     */
    public record Result(String description, List<Run> none, List<Run> listening) {

        /** Median steps/s without a listener. */
        public double noneStepsPerSecond() {
            return median(none.stream().mapToDouble(Run::stepsPerSecond).toArray());
        }

        /** Median steps/s with the listener. */
        public double listeningStepsPerSecond() {
            return median(listening.stream().mapToDouble(Run::stepsPerSecond).toArray());
        }

        /** Median over rounds of (listening / none - 1), in percent: negative means slower with the listener. */
        public double differencePercent() {
            double[] r = new double[none.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = 100 * (listening.get(i).stepsPerSecond() / none.get(i).stepsPerSecond() - 1);
            }
            return median(r);
        }

        /** Like {@link #differencePercent()} on the median step times of each run. */
        public double typicalDifferencePercent() {
            double[] r = new double[none.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = 100 * (listening.get(i).typicalStepsPerSecond() / none.get(i).typicalStepsPerSecond() - 1);
            }
            return median(r);
        }

        /** Median over rounds of (listening / none - 1) of the process CPU time per step, in percent. */
        public double cpuDifferencePercent() {
            double[] r = new double[none.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = 100 * (listening.get(i).cpuMillisPerStep() / none.get(i).cpuMillisPerStep() - 1);
            }
            return median(r);
        }

        /** Publishing time over training time, in percent, summed over the listening runs. */
        public double publishPercent() {
            long ev = listening.stream().mapToLong(Run::eventNanos).sum();
            long act = listening.stream().mapToLong(Run::activeNanos).sum();
            return 100.0 * ev / act;
        }

        /** The report. */
        public String format() {
            long events = listening.stream().mapToLong(Run::events).sum();
            long delivered = listening.stream().mapToLong(Run::delivered).sum();
            long coalesced = listening.stream().mapToLong(Run::coalesced).sum();
            StringBuilder sb = new StringBuilder();
            sb.append("events bench: ").append(description).append('\n');
            sb.append(String.format(Locale.ROOT, "  no listener          %8.2f steps/s at the median step time "
                    + "(%.2f over whole runs)%n", median(none.stream().mapToDouble(Run::typicalStepsPerSecond)
                    .toArray()), noneStepsPerSecond()));
            sb.append(String.format(Locale.ROOT, "  consuming listener   %8.2f steps/s at the median step time "
                    + "(%.2f over whole runs); %,d events published, %,d delivered, %,d batch events coalesced%n",
                    median(listening.stream().mapToDouble(Run::typicalStepsPerSecond).toArray()),
                    listeningStepsPerSecond(), events, delivered, coalesced));
            sb.append(String.format(Locale.ROOT, "  difference           %+8.2f%% at the median step time (median of "
                    + "per-round ratios; requirement: within 3%%)%n", typicalDifferencePercent()));
            sb.append(String.format(Locale.ROOT, "  difference, whole    %+8.2f%% over whole runs (includes steps other "
                    + "processes slowed down; --control shows this machine's noise floor)%n", differencePercent()));
            sb.append(String.format(Locale.ROOT, "  process CPU per step %+8.2f%% with the listener (median of "
                    + "per-round ratios)%n", cpuDifferencePercent()));
            sb.append(String.format(Locale.ROOT, "  publishing cost      %8.4f%% of training time on the training "
                    + "thread (%.1f us per event)%n", publishPercent(),
                    listening.stream().mapToLong(Run::eventNanos).sum() / 1e3 / Math.max(1, events)));
            for (int i = 0; i < none.size(); i++) {
                sb.append(String.format(Locale.ROOT, "    round %2d: none %6.2f steps/s (whole %6.2f, %6.2f "
                        + "cpu-ms/step) | listener %6.2f steps/s (whole %6.2f, %6.2f cpu-ms/step)%n", i + 1,
                        none.get(i).typicalStepsPerSecond(), none.get(i).stepsPerSecond(),
                        none.get(i).cpuMillisPerStep(), listening.get(i).typicalStepsPerSecond(),
                        listening.get(i).stepsPerSecond(), listening.get(i).cpuMillisPerStep()));
            }
            return sb.toString();
        }
    }

    /** Consumes every event: counts them and folds their numbers into a checksum, as a UI bridge would read them. */
    static final class Consumer implements TrainingListener {
        volatile long count;
        volatile double checksum;

        @Override
        public void onEvent(TrainingEvent e) {
            double c = checksum + e.step();
            if (e instanceof TrainingEvent.BatchEnd b) {
                c += b.loss() + b.accuracy() + b.lr() + b.imagesPerSecond() + b.etaSeconds();
            } else if (e instanceof TrainingEvent.Health h) {
                for (TrainingEvent.LayerHealth l : h.layers()) {
                    c += l.weightNorm() + l.layer().length();
                }
            }
            checksum = c;
            count++;
        }
    }

    private EventsBench() {
    }

    /**
     * Runs {@code rounds} pairs of LeNet-5 trainings of {@code steps} steps with batch {@code batchSize}, after one
     * untimed warm-up run.
     */
    public static Result run(int rounds, int steps, int batchSize) throws IOException, InterruptedException {
        return run(rounds, steps, batchSize, true);
    }

    /**
     * Like {@link #run(int, int, int)}; with {@code listen} false the second arm has no listener either — an A/A
     * comparison that shows the machine's noise floor for the same number of rounds.
     */
    public static Result run(int rounds, int steps, int batchSize, boolean listen)
            throws IOException, InterruptedException {
        if (rounds < 1 || steps < 1 || batchSize < 1) {
            throw new IllegalArgumentException("EventsBench: rounds, steps and batch size must be >= 1, got "
                    + rounds + ", " + steps + ", " + batchSize);
        }
        Design design = DesignFiles.read(SampleData.root().resolve("designs/lenet5.json"));
        ImageDataset train = SampleData.fashionMnist(Split.TRAIN);
        TrainingData data = new TrainingData(train.name(), train.classes(), train, null, null);
        TrainingConfig cfg = TrainingConfig.of(design).withBatchSize(batchSize).withEpochs(1000).withMaxSteps(steps)
                .withOptimizer(OptimizerConfig.sgd(0.05, 0.9)).withData(new DataConfig("", 0, 0, "", "", 1))
                .withMonitoring(Monitoring.defaults().withProbeSamples(0));
        measure(cfg, data, true);
        List<Run> none = new ArrayList<>();
        List<Run> listening = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                none.add(measure(cfg, data, false));
                listening.add(measure(cfg, data, listen));
            } else {
                listening.add(measure(cfg, data, listen));
                none.add(measure(cfg, data, false));
            }
        }
        String desc = String.format(Locale.ROOT, "LeNet-5 on %s, batch %d, %d steps per run, %d rounds alternating; "
                + "%s%s", train.name(), batchSize, steps, rounds, Tensor.zeros(1).backend().description(),
                listen ? "" : " — CONTROL RUN: no listener in either arm");
        return new Result(desc, none, listening);
    }

    private static Run measure(TrainingConfig cfg, TrainingData data, boolean listen) throws InterruptedException {
        Trainer t = Trainer.create(cfg, null, data);
        Consumer c = new Consumer();
        List<TrainingEvent> failure = new ArrayList<>();
        if (listen) {
            t.addListener(c);
        }
        t.addListener(e -> {
            if (e instanceof TrainingEvent.Failed) {
                synchronized (failure) {
                    failure.add(e);
                }
            }
        });
        long cpu0 = processCpuNanos();
        t.start();
        t.join();
        long cpu = processCpuNanos() - cpu0;
        if (t.state() != Trainer.State.FINISHED) {
            synchronized (failure) {
                throw new IllegalStateException("EventsBench: the training run ended " + t.state() + ": " + failure);
            }
        }
        Trainer.Statistics s = t.statistics();
        return new Run(s.steps(), s.activeNanos(), s.eventNanos(), s.events(), c.count, s.coalesced(), cpu,
                s.medianStepNanos());
    }

    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /**
     * {@code [--rounds N] [--steps N] [--batch N] [--control]}: prints {@link Result#format()}; {@code --control}
     * measures without a listener in both arms (the noise floor).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = 5;
        int steps = 100;
        int batch = 64;
        boolean listen = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--control")) {
                listen = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("EventsBench: " + a + " needs a value; usage: [--rounds N] "
                        + "[--steps N] [--batch N] [--control]");
            }
            int v = Integer.parseInt(args[++i]);
            switch (a) {
                case "--rounds" -> rounds = v;
                case "--steps" -> steps = v;
                case "--batch" -> batch = v;
                default -> throw new IllegalArgumentException("EventsBench: unknown option " + a + "; usage: "
                        + "[--rounds N] [--steps N] [--batch N] [--control]");
            }
        }
        System.out.print(run(rounds, steps, batch, listen).format());
    }
}
