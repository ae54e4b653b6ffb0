package io.netwright.cli;

import io.netwright.backend.Backend;
import io.netwright.data.ByteImage;
import io.netwright.data.Image;
import io.netwright.data.formats.ColorMode;
import io.netwright.data.formats.ImageFiles;
import io.netwright.graph.Analyzer;
import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.GraphModule;
import io.netwright.graph.Loss;
import io.netwright.tensor.Generator;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import io.netwright.tensor.TensorScope;
import io.netwright.tensor.ValuesIndices;
import io.netwright.train.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netwright predict DESIGN --weights FILE IMAGE...} or {@code netwright predict RUN_DIR IMAGE...}: classifies
 * image files with trained weights and prints the top-k classes with their probabilities. A run folder brings its
 * design snapshot and its weights, so neither needs naming. Images are decoded to the design's channels, resized to its input
 * size when they differ, and normalised with its mean/std, as in training.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify images with a design and trained weights (or a run folder, which has both); print "
                + "the top-k classes with probabilities.")
final class PredictCommand implements Callable<Integer> {

    private static final int CHUNK = 64;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN|RUN_DIR",
            description = "The design file (.json) the weights belong to, or a run folder (its design.json and "
                    + "weights).")
    Path design;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE",
            description = "Image files (PNG, JPEG, BMP, GIF).")
    List<Path> images;

    @Option(names = "--weights", paramLabel = "FILE",
            description = "Weights: a .safetensors file, a run folder or a checkpoint folder (default: the run folder "
                    + "given in place of DESIGN).")
    Path weights;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5",
            description = "How many classes to show per image (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu",
            description = "cpu, cuda, cuda:N or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() {
        if (top <= 0) {
            throw new UsageError("--top " + top + ": must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Backend backend = DeviceArgs.backendForCompute(device, n -> err.println("note: " + n));
        if (Files.isRegularFile(design.resolve(RunFolder.CONFIG))) {
            weights = weights == null ? design : weights;
            design = design.resolve(RunFolder.DESIGN);
        } else if (weights == null) {
            throw new UsageError("--weights is missing — give the weights (a .safetensors file, a run folder or a "
                    + "checkpoint folder), or a run folder in place of " + design);
        }
        Design d = DesignArgs.read(design);
        if (!d.head().loss().isClassification()) {
            throw new CliError(design.getFileName() + ": head loss '" + d.head().loss().key() + "' is not a "
                    + "classification loss — predict shows class probabilities of cross_entropy and nll heads");
        }
        int[] dims = d.input().dims();
        if (dims.length != 3 || dims[0] != 1 && dims[0] != 3) {
            throw new CliError(design.getFileName() + ": input " + SummaryCommand.shapeText(d.input().shape())
                    + " is not an image (1×H×W or 3×H×W) — predict classifies images");
        }
        DesignAnalysis analysis = new Analyzer().analyze(d);
        GraphModule model = DesignArgs.compile(design, analysis, new Generator(0));
        Map<String, String> meta = WeightsArgs.load(weights, model, d.metadata().name());
        int numClasses = analysis.outputShape().map(s -> s.dims()[s.dims().length - 1]).orElse(0);
        List<String> classes = ClassNames.of(d, design, meta, numClasses, n -> err.println("note: " + n));

        InputFit fit = new InputFit(d.input());
        ColorMode mode = dims[0] == 1 ? ColorMode.GRAYSCALE : ColorMode.RGB;
        Set<String> notes = new LinkedHashSet<>();
        List<Image> inputs = new ArrayList<>();
        for (Path p : images) {
            ByteImage b;
            try {
                b = ImageFiles.read(p, mode);
            } catch (IOException e) {
                throw new CliError(ShortErrors.message(e), e);
            }
            fit.checkImages(b.channels(), b.height(), b.width(), "image " + p.getFileName(), notes::add);
            inputs.add(fit.image(b, null));
        }
        notes.forEach(n -> err.println("note: " + n));
        err.flush();

        int k = Math.min(top, numClasses);
        int per = dims[0] * dims[1] * dims[2];
        model.to(backend);
        model.eval();
        int nameWidth = classes.stream().mapToInt(String::length).max().orElse(1);
        int rankWidth = Integer.toString(k).length();
        try (var g = NoGrad.enter()) {
            for (int start = 0; start < inputs.size(); start += CHUNK) {
                int n = Math.min(CHUNK, inputs.size() - start);
                float[] data = new float[n * per];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(inputs.get(start + i).data(), 0, data, i * per, per);
                }
                try (var scope = TensorScope.open()) {
                    Tensor logits = model.call(Tensor.of(data, n, dims[0], dims[1], dims[2]).to(backend));
                    Tensor probs = d.head().loss() == Loss.NLL ? logits.exp() : logits.softmax(1);
                    ValuesIndices best = probs.topk(k, 1, true);
                    float[] p = best.values().contiguous().toFloatArray();
                    long[] idx = best.indices().contiguous().toLongArray();
                    for (int i = 0; i < n; i++) {
                        out.println(images.get(start + i) + ":");
                        for (int j = 0; j < k; j++) {
                            String name = classes.get((int) idx[i * k + j]);
                            out.printf(Locale.ROOT, "  %" + rankWidth + "d. %-" + nameWidth + "s  %6.2f%%%n", j + 1,
                                    name,
                                    100.0 * p[i * k + j]);
                        }
                    }
                }
            }
        }
        out.flush();
        return 0;
    }
}
