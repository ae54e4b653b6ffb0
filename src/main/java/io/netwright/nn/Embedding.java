package io.netwright.nn;

import io.netwright.backend.DType;
import io.netwright.tensor.Autograd;
import io.netwright.tensor.Generator;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;

/**
 * A lookup table of {@code numEmbeddings} vectors of size {@code embeddingDim}, like {@code torch.nn.Embedding}:
 * int64 indices of any shape give vectors of shape {@code indices.shape + [embeddingDim]}. Weights start as
 * N(0, 1); the {@code paddingIdx} row (if any) starts at zero and never receives gradient.
 */
public class Embedding extends Module {

    private final int numEmbeddings;
    private final int embeddingDim;
    private final Integer paddingIdx;
    private final Parameter weight;

    /** Without a padding index, initialised from the default generator. */
    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null, Generator.defaultGenerator());
    }

    /**
     * Every option.
     *
     * @param paddingIdx row excluded from gradient updates (negative counts from the end), or null
     */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx, Generator g) {
        if (numEmbeddings <= 0 || embeddingDim <= 0) {
            throw new IllegalArgumentException("Embedding: num_embeddings and embedding_dim must be positive, got "
                    + numEmbeddings + " and " + embeddingDim);
        }
        if (paddingIdx != null && (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings)) {
            throw new IllegalArgumentException("Embedding: padding_idx " + paddingIdx + " must be within "
                    + "num_embeddings (" + numEmbeddings + ")");
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx == null ? null : paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
        this.weight = registerParameter("weight", new Parameter(Tensor.empty(numEmbeddings, embeddingDim)));
        resetParameters(g);
    }

    /** Weights from N(0, 1), padding row zeroed. */
    public void resetParameters(Generator g) {
        Init.normal_(weight.data(), 0, 1, g);
        if (paddingIdx != null) {
            try (var ng = NoGrad.enter()) {
                weight.data().select(0, paddingIdx).zero_();
            }
        }
    }

    /** The table {@code [numEmbeddings, embeddingDim]}. */
    public Parameter weight() {
        return weight;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dtype() != DType.INT64) {
            throw new IllegalArgumentException(this + ": indices must be int64, got " + input.dtype().torchName()
                    + " — call toLong() on the input");
        }
        return lookup(weight.data(), input, paddingIdx, toString());
    }

    /** The functional form: rows of {@code weight} picked by {@code indices}. */
    static Tensor lookup(Tensor weight, Tensor indices, Integer paddingIdx, String who) {
        int num = weight.size(0);
        int dim = weight.size(1);
        Tensor flat = indices.reshape(-1);
        if (flat.numel() > 0 && (flat.lt(0.0).any() || flat.ge((double) num).any())) {
            long bad = flat.lt(0.0).any() ? flat.min().itemLong() : flat.max().itemLong();
            throw new IndexOutOfBoundsException(who + ": index " + bad + " is out of range [0, " + num + ") — set "
                    + "num_embeddings to at least the largest index + 1");
        }
        int n = flat.numel();
        Tensor out;
        try (var g = NoGrad.enter()) {
            out = weight.indexSelect(0, flat);
        }
        Autograd.record("embedding", out, grad -> {
            Tensor idx = flat.unsqueeze(1).expand(n, dim);
            Tensor gw = Tensor.zerosLike(weight).scatterAdd(0, idx, grad);
            if (paddingIdx != null) {
                gw.select(0, paddingIdx).zero_();
            }
            return new Tensor[]{gw};
        }, weight);
        int[] shape = java.util.Arrays.copyOf(indices.sizes(), indices.dim() + 1);
        shape[indices.dim()] = dim;
        return out.view(shape);
    }

    @Override
    public String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx != null ? ", padding_idx=" + paddingIdx : "");
    }
}
