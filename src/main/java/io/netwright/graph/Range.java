package io.netwright.graph;

/**
 * The numbers a parameter accepts: {@code lo} to {@code hi}, each end open or closed, either end infinite.
 *
 * <pre>{@code Range.atLeast(1)  // positive integers;  Range.between(0, 1)  // probabilities}</pre>
 */
public record Range(double lo, boolean loOpen, double hi, boolean hiOpen) {

    /** Every number. */
    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);

    /** Rejects NaN ends and empty ranges. */
    public Range {
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
            throw new IllegalArgumentException("invalid range [" + lo + ", " + hi + "]");
        }
    }

    /** {@code [lo, ∞)}. */
    public static Range atLeast(double lo) {
        return new Range(lo, false, Double.POSITIVE_INFINITY, true);
    }

    /** {@code (lo, ∞)}. */
    public static Range greaterThan(double lo) {
        return new Range(lo, true, Double.POSITIVE_INFINITY, true);
    }

    /** {@code [lo, hi]}. */
    public static Range between(double lo, double hi) {
        return new Range(lo, false, hi, false);
    }

    /** Whether {@code v} lies in the range. */
    public boolean contains(double v) {
        return (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi);
    }

    /**
     * Words for the range, used after a noun: {@code positive}, {@code non-negative}, or an empty string when any
     * number goes; see {@link #suffix()} for the other forms.
     */
    String adjective(boolean integer) {
        if (Double.isInfinite(hi)) {
            if (lo == 0 && loOpen || integer && lo == 1 && !loOpen) {
                return "positive ";
            }
            if (lo == 0 && !loOpen) {
                return "non-negative ";
            }
        }
        return "";
    }

    /** Words after the noun for ranges without an adjective: {@code " in [0, 1]"}, {@code " >= 2"}, or "". */
    String suffix(boolean integer) {
        if (!adjective(integer).isEmpty() || this.equals(ANY)) {
            return "";
        }
        if (Double.isInfinite(hi)) {
            return (loOpen ? " > " : " >= ") + num(lo);
        }
        if (Double.isInfinite(lo)) {
            return (hiOpen ? " < " : " <= ") + num(hi);
        }
        return " in " + (loOpen ? "(" : "[") + num(lo) + ", " + num(hi) + (hiOpen ? ")" : "]");
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
