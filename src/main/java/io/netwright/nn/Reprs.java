package io.netwright.nn;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Formats hyperparameters the way Python prints them, so layers print exactly like PyTorch. */
final class Reprs {

    private Reprs() {
    }

    /** Python's {@code True}/{@code False}. */
    static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /** A Python tuple: {@code (5, 5)}, {@code (10,)}. */
    static String tuple(int... v) {
        if (v.length == 1) {
            return "(" + v[0] + ",)";
        }
        return Arrays.stream(v).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /** An int when the user gave one ({@code scalar}), else a tuple — PyTorch pools print what they were given. */
    static String intOrTuple(int[] v, boolean scalar) {
        return scalar ? Integer.toString(v[0]) : tuple(v);
    }

    /** Python's {@code repr(float)}: {@code 1e-05}, {@code 0.1}, {@code 2.0}, {@code 1e+20}. */
    static String pyFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        // Double.toString gives the shortest digits that round-trip (JDK 19+; close enough before); re-layout them.
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        if (exp < 0) {
            return sign + "0." + "0".repeat(-exp - 1) + digits;
        }
        if (digits.length() <= exp + 1) {
            return sign + digits + "0".repeat(exp + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
    }

    /** Python's {@code repr(str)}: {@code 'nearest'}. */
    static String str(String s) {
        return "'" + s + "'";
    }
}
