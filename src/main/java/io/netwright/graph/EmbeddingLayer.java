package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Generator;
import io.netwright.nn.Embedding;
import java.util.List;

/** {@code Embedding}: a lookup table turning integer indices of shape S into vectors of shape S×embedding_dim. */
final class EmbeddingLayer extends BaseLayer {

    static final EmbeddingLayer EMBEDDING = new EmbeddingLayer();

    private EmbeddingLayer() {
        super("Embedding", "Embedding", Category.DENSE, "embed", 1, 1,
                "Looks up a learned vector of embedding_dim for each integer index in [0, num_embeddings).",
                List.of(ParamSpec.ofInt("num_embeddings", 1000, Range.atLeast(1), "Size of the vocabulary "
                                + "(indices 0..num_embeddings-1).").asRequired(),
                        ParamSpec.ofInt("embedding_dim", 64, Range.atLeast(1), "Length of each vector.")
                                .asRequired()));
    }

    @Override
    public int[] outputShape(Params p, int[][] in, ShapeCheck check) {
        int[] x = in[0];
        int[] out = new int[x.length + 1];
        System.arraycopy(x, 0, out, 0, x.length);
        out[x.length] = p.integer("embedding_dim");
        return out;
    }

    @Override
    public long paramCount(Params p, int[][] in, int[] out) {
        return (long) p.integer("num_embeddings") * p.integer("embedding_dim");
    }

    @Override
    public Module compile(Params p, int[][] in, Generator g) {
        return new Embedding(p.integer("num_embeddings"), p.integer("embedding_dim"), null, g);
    }
}
