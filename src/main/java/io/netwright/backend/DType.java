package io.netwright.backend;

/**
 * Element types a buffer can hold. The set is closed: {@code FLOAT32} for data, {@code INT64} for labels and
 * indices, {@code BOOL} for masks.
 *
 * <p>It lives in {@code backend} (not {@code tensor}) because backends must know element types and may import
 * nothing of ours; {@code tensor} uses this same enum.
 */
public enum DType {
    /** 32-bit IEEE float, PyTorch {@code torch.float32}. */
    FLOAT32(4, "torch.float32"),
    /** 64-bit signed integer, PyTorch {@code torch.int64}. */
    INT64(8, "torch.int64"),
    /** Boolean stored as one byte, PyTorch {@code torch.bool}. */
    BOOL(1, "torch.bool");

    private final int byteSize;
    private final String torchName;

    DType(int byteSize, String torchName) {
        this.byteSize = byteSize;
        this.torchName = torchName;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** The name PyTorch prints for this type, e.g. {@code torch.int64}. */
    public String torchName() {
        return torchName;
    }

    /** True for {@link #FLOAT32}. */
    public boolean isFloating() {
        return this == FLOAT32;
    }

    /**
     * The result type of a binary arithmetic op between {@code a} and {@code b} (PyTorch promotion for our three
     * types): float wins over int, int wins over bool.
     */
    public static DType promote(DType a, DType b) {
        if (a == FLOAT32 || b == FLOAT32) {
            return FLOAT32;
        }
        if (a == INT64 || b == INT64) {
            return INT64;
        }
        return BOOL;
    }
}
