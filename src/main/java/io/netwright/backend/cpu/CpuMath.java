package io.netwright.backend.cpu;

/**
 * Scalar math the JDK lacks: the error function and PyTorch's integer power.
 */
final class CpuMath {

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    private CpuMath() {
    }

    /**
     * The Gauss error function, accurate to about 1e-7 relative (more than float precision needs): a Taylor series
     * below 0.5 and the Numerical Recipes Chebyshev fit of erfc above.
     */
    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double z = Math.abs(x);
        if (z < 0.5) {
            // erf(x) = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1)); 12 terms reach 1e-17 for |x| < 0.5.
            double x2 = x * x;
            double term = x;
            double sum = x;
            for (int n = 1; n < 12; n++) {
                term *= -x2 / n;
                sum += term / (2 * n + 1);
            }
            return TWO_OVER_SQRT_PI * sum;
        }
        double t = 1.0 / (1.0 + 0.5 * z);
        double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        double r = 1.0 - erfc;
        return x < 0 ? -r : r;
    }

    /**
     * Hyperbolic tangent to float precision through the {@code Math.exp} intrinsic ({@code Math.tanh} is the slow
     * fdlibm routine in JDK 17): {@code 1 - 2/(e^(2|x|)+1)} in double, a short series near 0 where that form would
     * cancel, and ±1 beyond 9.1 where float tanh rounds to 1.
     */
    static float tanh(float x) {
        float ax = Math.abs(x);
        if (ax < 1e-3f) {
            double d = x;
            double d2 = d * d;
            return (float) (d * (1 - d2 * (1.0 / 3 - d2 * (2.0 / 15))));
        }
        if (!(ax < 9.1f)) {
            return ax != ax ? x : Math.copySign(1f, x);
        }
        double t = 1.0 - 2.0 / (Math.exp(2.0 * ax) + 1.0);
        return (float) (x < 0 ? -t : t);
    }

    /**
     * Integer power as PyTorch defines it for integer tensors: exponentiation by squaring (wrapping on overflow);
     * a negative exponent gives 1 for base 1, ±1 for base -1 and 0 otherwise.
     */
    static long powi(long base, long exp) {
        if (exp < 0) {
            if (base == 1) {
                return 1;
            }
            if (base == -1) {
                return (exp & 1) == 0 ? 1 : -1;
            }
            return 0;
        }
        long result = 1;
        long b = base;
        long e = exp;
        while (e > 0) {
            if ((e & 1) != 0) {
                result *= b;
            }
            b *= b;
            e >>= 1;
        }
        return result;
    }
}
