package io.netwright.nn;

import io.netwright.tensor.Tensor;

/** Validation and normalisation of layer arguments, shared by the layers. */
final class Args {

    private Args() {
    }

    /** One value for both spatial dims, or two values {@code (h, w)}, as PyTorch's {@code _pair}. */
    static int[] pair(String layer, String name, int... v) {
        if (v == null || v.length == 0 || v.length > 2) {
            throw new IllegalArgumentException(layer + ": " + name + " must be one int or two ints (h, w), got "
                    + (v == null ? "null" : java.util.Arrays.toString(v)));
        }
        return v.length == 1 ? new int[]{v[0], v[0]} : v.clone();
    }

    /** Checks every value is at least {@code min}. */
    static int[] atLeast(String layer, String name, int[] v, int min) {
        for (int x : v) {
            if (x < min) {
                throw new IllegalArgumentException(layer + ": " + name + " must be >= " + min + ", got "
                        + java.util.Arrays.toString(v));
            }
        }
        return v;
    }

    /** Checks a probability-like argument lies in [0, 1]. */
    static double probability(String layer, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(layer + ": dropout probability has to be between 0 and 1, but got "
                    + p);
        }
        return p;
    }

    /** Checks the input has one of the allowed ranks, naming the layer and the expected layout. */
    static void rank(String layer, Tensor x, String layout, int... ranks) {
        for (int r : ranks) {
            if (x.dim() == r) {
                return;
            }
        }
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < ranks.length; i++) {
            want.append(i == 0 ? "" : i == ranks.length - 1 ? " or " : ", ").append(ranks[i]).append('D');
        }
        throw new IllegalArgumentException(layer + ": expected " + want + " input " + layout + ", got " + x.dim()
                + "D input " + x.shape());
    }
}
