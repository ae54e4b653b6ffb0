package io.netwright.export;

import java.util.Arrays;

/** Reshape targets: ONNX's 0 (copy the input dim) and -1 (infer one dim), and the batch size kept free. */
final class OnnxShapes {

    private OnnxShapes() {
    }

    /**
     * The shape {@code target} of a Reshape of a constant of shape {@code in}: 0 copies the input dim (unless
     * {@code allowzero} is set), one -1 is inferred.
     */
    static int[] resolve(OnnxImportNode n, int[] in, long[] target, boolean constant) {
        boolean allowZero = n.integer("allowzero", 0) == 1;
        int[] out = new int[target.length];
        int free = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            long t = target[i];
            if (t == Long.MIN_VALUE) {
                throw n.refuse("the target shape uses the batch size on a constant");
            } else if (t == 0 && !allowZero) {
                out[i] = in[i];
            } else if (t == -1) {
                if (free >= 0) {
                    throw n.refuse("the target shape " + Arrays.toString(target) + " has two -1");
                }
                free = i;
                continue;
            } else {
                out[i] = Math.toIntExact(t);
            }
            known *= out[i];
        }
        if (free >= 0) {
            out[free] = (int) (OnnxConst.numel(in) / Math.max(1, known));
        }
        return out;
    }

    /**
     * The per-sample shape a Reshape of dynamic input of full shape {@code in} ({@code in[0]} the batch) gives:
     * the first target dim must keep the batch (0, the folded batch size, or -1 when the rest fixes a sample).
     */
    static int[] perSample(OnnxImportNode n, int[] in, long[] target) {
        if (target.length < 2) {
            throw n.refuse("the target shape " + Arrays.toString(target) + " merges the batch with the sample — "
                    + "Netwright keeps the batch dim first");
        }
        long perSample = 1;
        for (int i = 1; i < in.length; i++) {
            perSample *= in[i];
        }
        long first = target[0];
        boolean allowZero = n.integer("allowzero", 0) == 1;
        boolean inferBatch = first == -1;
        if (!(first == Long.MIN_VALUE || first == 0 && !allowZero || inferBatch)) {
            throw n.refuse("the target shape " + text(target) + " changes the batch dim — Netwright keeps the "
                    + "batch dim first (use 0 or -1 there)");
        }
        int[] out = new int[target.length - 1];
        int free = -1;
        long known = 1;
        for (int i = 1; i < target.length; i++) {
            long t = target[i];
            if (t == Long.MIN_VALUE) {
                throw n.refuse("the target shape " + text(target) + " uses the batch size past the first dim");
            } else if (t == 0 && !allowZero) {
                if (i >= in.length) {
                    throw n.refuse("the target shape copies dim " + i + " (0) which the input has not");
                }
                out[i - 1] = in[i];
            } else if (t == -1) {
                if (free >= 0 || inferBatch) {
                    throw n.refuse("the target shape " + text(target) + " leaves two dims to infer");
                }
                free = i - 1;
                continue;
            } else {
                out[i - 1] = Math.toIntExact(t);
            }
            known *= out[i - 1];
        }
        if (free >= 0) {
            out[free] = (int) (perSample / Math.max(1, known));
            known *= out[free];
        }
        if (known != perSample) {
            throw n.refuse("the target shape " + text(target) + " does not keep the " + perSample
                    + " values of a sample");
        }
        return out;
    }

    private static String text(long[] t) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < t.length; i++) {
            b.append(i == 0 ? "" : ", ").append(t[i] == Long.MIN_VALUE ? "N" : Long.toString(t[i]));
        }
        return b.append(']').toString();
    }

    /**
     * The {start_dim, end_dim} (batch counted as dim 0) of a Flatten of per-sample shape {@code in} that gives
     * {@code out}, or null when no Flatten does.
     */
    static int[] flattenRange(int[] in, int[] out) {
        if (out.length >= in.length) {
            return null;
        }
        int merged = in.length - out.length + 1;
        for (int start = 0; start + merged <= in.length; start++) {
            int[] f = new int[out.length];
            int o = 0;
            for (int i = 0; i < start; i++) {
                f[o++] = in[i];
            }
            long m = 1;
            for (int i = start; i < start + merged; i++) {
                m *= in[i];
            }
            f[o++] = (int) m;
            for (int i = start + merged; i < in.length; i++) {
                f[o++] = in[i];
            }
            if (Arrays.equals(f, out)) {
                int end = start + merged;
                return new int[] {start + 1, end == in.length ? -1 : end};
            }
        }
        return null;
    }
}
