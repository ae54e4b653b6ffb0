package io.netwright.train;

import io.netwright.data.Batch;
import io.netwright.data.DataLoader;
import io.netwright.data.Dataset;
import io.netwright.data.Datasets;
import io.netwright.data.Sample;
import io.netwright.graph.Design;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;

/**
 * The fixed batch an export check runs on: the first samples of the bound dataset's evaluation split (else its
 * training split), fitted and normalised as in training; a seeded random batch when there is no dataset or it cannot
 * be read (the description says which).
 *
 * @param text what the batch is, for the report ({@code 8 test samples of fashion-mnist-small})
 */
public record ReferenceBatch(Tensor inputs, String text) {

    /** {@code count} reference samples for {@code design} (with the run's data settings where there is a run). */
    public static ReferenceBatch of(Design design, TrainingConfig config, int count) {
        String spec = config == null ? design.input().dataset() : config.dataSpec();
        if (spec != null && !spec.isBlank() && !embeddingInput(design)) {
            try {
                TrainingData td = TrainingData.resolve(config != null ? config : TrainingConfig.of(design));
                Dataset<? extends Sample<?>> split = td.evaluationSplit() != null && td.evaluationSplit().size() > 0
                        ? td.evaluationSplit() : td.train();
                String which = split == td.train() ? "training" : td.evaluationSplitName();
                int n = Math.min(count, split.size());
                Dataset<? extends Sample<?>> first = Datasets.randomSplit(split, 1, n, split.size() - n).get(0);
                Dataset<?> view = Pipelines.evaluationView(first, design.input());
                try (var loader = DataLoader.builder((Dataset) view).batchSize(n).numWorkers(1).build()) {
                    for (Object o : loader.epoch(0)) {
                        Batch b = (Batch) o;
                        return new ReferenceBatch(b.inputs().contiguous(), n + " " + which + " samples of "
                                + td.name());
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                String m = String.valueOf(e.getMessage());
                return random(design, count, "dataset " + spec + " could not be read: "
                        + (m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m));
            }
        }
        return random(design, count, embeddingInput(design) ? "indices input" : "no dataset bound");
    }

    private static ReferenceBatch random(Design design, int count, String why) {
        int[] dims = design.input().dims();
        int[] shape = new int[dims.length + 1];
        shape[0] = count;
        System.arraycopy(dims, 0, shape, 1, dims.length);
        Generator g = new Generator(20261207L);
        if (embeddingInput(design)) {
            int vocab = design.nodes().stream().filter(n -> n.type().equals("Embedding"))
                    .mapToInt(n -> n.param("num_embeddings") instanceof io.netwright.graph.ParamValue.IntValue i
                            ? i.value() : 1).min().orElse(1);
            Tensor u = Tensor.rand(g, shape).mul(vocab).floor().clamp(0, vocab - 1).toLong();
            return new ReferenceBatch(u, count + " random indices (seeded; " + why + ")");
        }
        return new ReferenceBatch(Tensor.randn(g, shape), count + " random normal samples (seeded; " + why + ")");
    }

    private static boolean embeddingInput(Design design) {
        String input = design.nodes().stream().filter(n -> n.type().equals("Input")).map(n -> n.id()).findFirst()
                .orElse("");
        return design.outgoing(input).stream().anyMatch(e -> design.node(e.to()).map(n -> n.type()
                .equals("Embedding")).orElse(false));
    }
}
