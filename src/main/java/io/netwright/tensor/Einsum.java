package io.netwright.tensor;

/** Placeholder replaced by the einsum implementation. */
final class Einsum {
    private Einsum() {
    }
    static Tensor einsum(String eq, Tensor... ops) { throw new IllegalStateException("pending"); }
}
