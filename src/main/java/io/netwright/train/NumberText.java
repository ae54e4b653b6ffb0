package io.netwright.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * One way to print hyperparameters such as learning rates, everywhere the app shows one (run headers, summaries,
 * messages): the fewest digits that read back exactly, plain from 1e-4 up to 1e6, scientific outside it.
 *
 * <pre>{@code NumberText.compact(0.001)  // "0.001"; 1e-6 -> "1e-6"; 1e9 -> "1e9"; 3.0 -> "3"; 2.5e-5 -> "2.5e-5"}</pre>
 */
public final class NumberText {

    private NumberText() {
    }

    /** {@code v} in the fewest round-trip digits: {@code 0.05}, {@code 3}, {@code 1e-6}, {@code 1e9}, {@code NaN}. */
    public static String compact(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0) {
            return "0";
        }
        String sign = v < 0 ? "-" : "";
        BigDecimal bd = shortest(Math.abs(v)).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp10 = digits.length() - 1 - bd.scale();
        if (exp10 >= -4 && exp10 < 6) {
            return sign + bd.toPlainString();
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + exp10;
    }

    /** The fewest significant digits that read back as {@code v} (JDK 17's {@code Double.toString} is not). */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p < 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == v) {
                return r;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
