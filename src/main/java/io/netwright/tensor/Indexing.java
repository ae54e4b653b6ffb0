package io.netwright.tensor;

/** Placeholder replaced by the indexing implementation. */
final class Indexing {
    private Indexing() {
    }
    static Tensor maskedFill_(Tensor t, Tensor m, double v) { throw new IllegalStateException("pending"); }
    static ValuesIndices topk(Tensor t, int k, int dim, boolean largest) { throw new IllegalStateException("pending"); }
    static ValuesIndices sort(Tensor t, int dim, boolean desc) { throw new IllegalStateException("pending"); }
    static Tensor index(Tensor t, String spec) { throw new IllegalStateException("pending"); }
    static Tensor indexTensor(Tensor t, Tensor idx) { throw new IllegalStateException("pending"); }
    static Tensor get(Tensor t, int[] idx) { throw new IllegalStateException("pending"); }
    static Tensor indexSelect(Tensor t, int dim, Tensor idx) { throw new IllegalStateException("pending"); }
    static Tensor gather(Tensor t, int dim, Tensor idx) { throw new IllegalStateException("pending"); }
    static Tensor scatter(Tensor t, int dim, Tensor idx, Tensor src, boolean acc) { throw new IllegalStateException("pending"); }
    static Tensor maskedFill(Tensor t, Tensor m, double v) { throw new IllegalStateException("pending"); }
    static Tensor maskedSelect(Tensor t, Tensor m) { throw new IllegalStateException("pending"); }
    static Tensor nonzero(Tensor t) { throw new IllegalStateException("pending"); }
}
