package io.netwright.optim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats numbers the way Python's {@code repr(float)} does, so validation messages read exactly like PyTorch's
 * ({@code Invalid learning rate: -1.0}, {@code Invalid epsilon value: -1e-08}).
 */
final class PyFormat {

    private PyFormat() {
    }

    /** Python's {@code repr} of a float: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
    static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        String sign = v < 0 ? "-" : "";
        BigDecimal bd = shortest(Math.abs(v)).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp10 = digits.length() - 1 - bd.scale();
        if (exp10 >= -4 && exp10 < 16) {
            String plain = bd.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = String.format("%02d", Math.abs(exp10));
        return sign + mantissa + "e" + (exp10 < 0 ? "-" : "+") + e;
    }

    /** The fewest significant digits that read back as {@code v}, correctly rounded (JDK 17's toString is not). */
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
