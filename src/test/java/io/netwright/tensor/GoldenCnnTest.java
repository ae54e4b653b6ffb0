package io.netwright.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import io.netwright.tensor.GoldenFixtures.Args;
import io.netwright.tensor.GoldenRunner.GoldenOp;
import io.netwright.tensor.GoldenRunner.Tolerance;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link Cnn} against PyTorch ({@code golden/cnn.json}): conv2d (stride, padding, dilation, groups, bias,
 * padding "same" with odd and even kernels), convTranspose2d (stride, padding, output padding, groups, dilation),
 * maxPool2d (padding, dilation, ceil mode, indices), avgPool2d (count_include_pad both ways, ceil mode), adaptive
 * average/max pooling with non-divisible sizes, and interpolate (nearest, bilinear with and without
 * align_corners, by size and by scale factor). Dropout is random, so it is checked by its properties instead.
 *
 * <p>Tolerances are looser than for elementwise ops because each output sums up to C*kH*kW products and each
 * weight gradient sums over N*OH*OW positions: forward atol 1e-4 rtol 1e-4; gradients atol 5e-4 rtol 1e-3.
 */
class GoldenCnnTest {

    static final Tolerance CNN_FORWARD = new Tolerance(1e-4, 1e-4);
    static final Tolerance CNN_GRAD = new Tolerance(5e-4, 1e-3);

    static final Map<String, GoldenOp> OPS = new HashMap<>();

    static {
        OPS.put("conv2d", (in, a) -> {
            Tensor bias = in.size() > 2 ? in.get(2) : null;
            if (a.json().get("padding").isJsonPrimitive()) {
                return Cnn.conv2d(in.get(0), in.get(1), bias, a.ints("stride"), a.s("padding"), a.ints("dilation"),
                        a.i("groups"));
            }
            return Cnn.conv2d(in.get(0), in.get(1), bias, a.ints("stride"), a.ints("padding"), a.ints("dilation"),
                    a.i("groups"));
        });
        OPS.put("conv_transpose2d", (in, a) -> Cnn.convTranspose2d(in.get(0), in.get(1),
                in.size() > 2 ? in.get(2) : null, a.ints("stride"), a.ints("padding"), a.ints("output_padding"),
                a.i("groups"), a.ints("dilation")));
        OPS.put("max_pool2d", (in, a) -> a.b("return_indices")
                ? Cnn.maxPool2dWithIndices(in.get(0), a.ints("kernel"), a.ints("stride"), a.ints("padding"),
                        a.ints("dilation"), a.b("ceil_mode"))
                : Cnn.maxPool2d(in.get(0), a.ints("kernel"), a.ints("stride"), a.ints("padding"), a.ints("dilation"),
                        a.b("ceil_mode")));
        OPS.put("avg_pool2d", (in, a) -> Cnn.avgPool2d(in.get(0), a.ints("kernel"), a.ints("stride"),
                a.ints("padding"), a.b("ceil_mode"), a.b("count_include_pad")));
        OPS.put("adaptive_avg_pool2d", (in, a) -> Cnn.adaptiveAvgPool2d(in.get(0), a.ints("output_size")[0],
                a.ints("output_size")[1]));
        OPS.put("adaptive_max_pool2d", (in, a) -> a.b("return_indices")
                ? Cnn.adaptiveMaxPool2dWithIndices(in.get(0), a.ints("output_size")[0], a.ints("output_size")[1])
                : Cnn.adaptiveMaxPool2d(in.get(0), a.ints("output_size")[0], a.ints("output_size")[1]));
        OPS.put("interpolate", GoldenCnnTest::interpolate);
    }

    private static Object interpolate(java.util.List<Tensor> in, Args a) {
        boolean align = a.b("align_corners");
        if (a.has("size")) {
            return Cnn.interpolate(in.get(0), a.ints("size")[0], a.ints("size")[1], a.s("mode"), align);
        }
        if (a.json().get("scale_factor").isJsonArray()) {
            JsonArray sf = a.json().getAsJsonArray("scale_factor");
            return Cnn.interpolate(in.get(0), new double[]{sf.get(0).getAsDouble(), sf.get(1).getAsDouble()},
                    a.s("mode"), align);
        }
        return Cnn.interpolate(in.get(0), a.d("scale_factor"), a.s("mode"), align);
    }

    @TestFactory
    Stream<DynamicTest> golden() {
        return GoldenRunner.tests("cnn", OPS, CNN_FORWARD, CNN_GRAD);
    }

    // ================================================================ dropout (random: properties, not values)

    @Test
    void dropoutIsIdentityWhenNotTrainingOrPZero() {
        Tensor x = Tensor.randn(new Generator(1), 4, 5);
        assertSame(x, Cnn.dropout(x, 0.5, false, new Generator(2)));
        assertSame(x, Cnn.dropout(x, 0.0, true, new Generator(2)));
    }

    @Test
    void dropoutZeroesAboutPAndScalesTheRestWithMatchingGradient() {
        Tensor x = Tensor.rand(new Generator(3), 100, 100).add(0.5).requiresGrad_(true);
        Tensor y = Cnn.dropout(x, 0.3, true, new Generator(4));
        y.sum().backward();
        float[] xs = x.toFloatArray();
        float[] ys = y.toFloatArray();
        float[] gs = x.grad().toFloatArray();
        int zeros = 0;
        for (int i = 0; i < xs.length; i++) {
            if (ys[i] == 0) {
                zeros++;
                assertEquals(0f, gs[i], "dropped element " + i + " must get no gradient");
            } else {
                assertEquals(xs[i] / 0.7f, ys[i], 1e-5f, "kept element " + i + " is scaled by 1/(1-p)");
                assertEquals(1 / 0.7f, gs[i], 1e-5f, "gradient of kept element " + i);
            }
        }
        double rate = zeros / (double) xs.length;
        assertTrue(Math.abs(rate - 0.3) < 0.02, "drop rate " + rate + " should be near p = 0.3");
    }

    @Test
    void dropoutIsReproducibleFromTheGenerator() {
        Tensor x = Tensor.ones(8, 8);
        assertArrayEquals(Cnn.dropout(x, 0.5, true, new Generator(7)).toFloatArray(),
                Cnn.dropout(x, 0.5, true, new Generator(7)).toFloatArray());
    }

    @Test
    void dropoutWithPOneZeroesEverything() {
        Tensor y = Cnn.dropout(Tensor.ones(3, 4), 1.0, true, new Generator(5));
        assertArrayEquals(new float[12], y.toFloatArray());
    }

    @Test
    void dropout2dDropsWholeChannels() {
        Tensor y = Cnn.dropout2d(Tensor.ones(4, 6, 3, 3), 0.5, true, new Generator(6));
        float[] v = y.toFloatArray();
        for (int plane = 0; plane < 24; plane++) {
            float first = v[plane * 9];
            assertTrue(first == 0f || first == 2f, "plane " + plane + " value " + first);
            for (int k = 1; k < 9; k++) {
                assertEquals(first, v[plane * 9 + k], "plane " + plane + " must be dropped or kept as a whole");
            }
        }
    }
}
