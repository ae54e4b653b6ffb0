package io.netwright.nn;

import io.netwright.tensor.Generator;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import java.util.Locale;

/**
 * Weight initialisation in place, like {@code torch.nn.init}, with PyTorch's gains and fan rules. Every function
 * takes the generator to draw from, so initialisation is reproducible.
 */
public final class Init {

    private Init() {
    }

    /** Which fan Kaiming initialisation preserves. */
    public enum FanMode { FAN_IN, FAN_OUT }

    /** {@code (fan_in, fan_out)} of a weight: dim 1 and dim 0 times the receptive field size. */
    public static int[] fans(Tensor t) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2"
                    + " dimensions (shape " + t.shape() + ")");
        }
        int receptive = 1;
        for (int i = 2; i < t.dim(); i++) {
            receptive *= t.size(i);
        }
        return new int[]{t.size(1) * receptive, t.size(0) * receptive};
    }

    /**
     * The recommended gain for a nonlinearity ({@code linear, conv2d, sigmoid, tanh, relu, leaky_relu, selu}), as
     * {@code torch.nn.init.calculate_gain}.
     */
    public static double calculateGain(String nonlinearity, double param) {
        return switch (nonlinearity.toLowerCase(Locale.ROOT)) {
            case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose2d", "sigmoid" -> 1.0;
            case "tanh" -> 5.0 / 3;
            case "relu" -> Math.sqrt(2.0);
            case "leaky_relu" -> Math.sqrt(2.0 / (1 + param * param));
            case "selu" -> 3.0 / 4;
            default -> throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity
                    + " (use linear, conv2d, sigmoid, tanh, relu, leaky_relu or selu)");
        };
    }

    /** Fills with U(low, high). */
    public static Tensor uniform_(Tensor t, double low, double high, Generator g) {
        try (var ng = NoGrad.enter()) {
            return t.uniform_(g, low, high);
        }
    }

    /** Fills with N(mean, std²). */
    public static Tensor normal_(Tensor t, double mean, double std, Generator g) {
        try (var ng = NoGrad.enter()) {
            return t.normal_(g, mean, std);
        }
    }

    /** Fills with {@code value}. */
    public static Tensor constant_(Tensor t, double value) {
        try (var ng = NoGrad.enter()) {
            return t.fill_(value);
        }
    }

    /** Fills with zeros. */
    public static Tensor zeros_(Tensor t) {
        return constant_(t, 0);
    }

    /** Fills with ones. */
    public static Tensor ones_(Tensor t) {
        return constant_(t, 1);
    }

    /** Glorot uniform: U(-a, a) with {@code a = gain*sqrt(6/(fan_in+fan_out))}. */
    public static Tensor xavierUniform_(Tensor t, double gain, Generator g) {
        int[] f = fans(t);
        double a = gain * Math.sqrt(6.0 / (f[0] + f[1]));
        return uniform_(t, -a, a, g);
    }

    /** Glorot normal: N(0, std²) with {@code std = gain*sqrt(2/(fan_in+fan_out))}. */
    public static Tensor xavierNormal_(Tensor t, double gain, Generator g) {
        int[] f = fans(t);
        return normal_(t, 0, gain * Math.sqrt(2.0 / (f[0] + f[1])), g);
    }

    /** He uniform: U(-b, b) with {@code b = gain*sqrt(3/fan)}; {@code a} is the leaky-ReLU slope. */
    public static Tensor kaimingUniform_(Tensor t, double a, FanMode mode, String nonlinearity, Generator g) {
        int[] f = fans(t);
        int fan = mode == FanMode.FAN_IN ? f[0] : f[1];
        double bound = calculateGain(nonlinearity, a) * Math.sqrt(3.0 / fan);
        return uniform_(t, -bound, bound, g);
    }

    /** He normal: N(0, std²) with {@code std = gain/sqrt(fan)}. */
    public static Tensor kaimingNormal_(Tensor t, double a, FanMode mode, String nonlinearity, Generator g) {
        int[] f = fans(t);
        int fan = mode == FanMode.FAN_IN ? f[0] : f[1];
        return normal_(t, 0, calculateGain(nonlinearity, a) / Math.sqrt(fan), g);
    }

    /**
     * A (semi-)orthogonal matrix (rows or columns orthonormal) from the QR decomposition of a Gaussian matrix,
     * scaled by {@code gain}; tensors of more than 2 dims are flattened after dim 0.
     */
    public static Tensor orthogonal_(Tensor t, double gain, Generator g) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("Only tensors with 2 or more dimensions are supported, got shape "
                    + t.shape());
        }
        int rows = t.size(0);
        int cols = t.numel() / rows;
        boolean transpose = rows < cols;
        int m = transpose ? cols : rows;
        int n = transpose ? rows : cols;
        float[] gauss = Tensor.randn(g, m, n).toFloatArray();
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = gauss[i * n + j];
            }
        }
        // Modified Gram-Schmidt on the columns gives Q; multiply by sign(diag(R)) like PyTorch for uniqueness.
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < m; i++) {
                    dot += a[i][k] * a[i][j];
                }
                for (int i = 0; i < m; i++) {
                    a[i][j] -= dot * a[i][k];
                }
            }
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += a[i][j] * a[i][j];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) {
                a[i][j] /= norm;
            }
        }
        float[] out = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = (float) (gain * (transpose ? a[j][i] : a[i][j]));
            }
        }
        try (var ng = NoGrad.enter()) {
            t.copy_(Tensor.of(out, t.sizes()));
        }
        return t;
    }
}
