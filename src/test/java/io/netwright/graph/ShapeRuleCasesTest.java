package io.netwright.graph;

import static io.netwright.graph.Fixtures.chain;
import static io.netwright.graph.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.nn.AvgPool2d;
import io.netwright.nn.Conv2d;
import io.netwright.nn.MaxPool2d;
import io.netwright.tensor.Cnn;
import io.netwright.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three shape rules on which the analysis and the engine disagreed with PyTorch (issue 20), each checked on
 * both sides; {@link ShapeRulesGoldenTest} covers the random table.
 */
class ShapeRuleCasesTest {

    private static final Analyzer ANALYZER = new Analyzer();

    private static Tensor input(int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] f = new float[n];
        for (int j = 0; j < n; j++) {
            f[j] = (float) Math.sin(0.37 * j);
        }
        return Tensor.of(f, shape);
    }

    private static List<String> errors(DesignAnalysis a) {
        return a.errors().stream().map(Problem::text).toList();
    }

    @Test
    void sameConvWithKernelLargerThanTheInputRunsForwardAndBackward() {
        Conv2d conv = Conv2d.builder(1, 2, 5).padding("same").build();
        Tensor x = input(1, 4, 4).requiresGrad_(true);
        Tensor y = conv.forward(x);
        assertArrayEquals(new int[]{2, 4, 4}, y.shape().toArray());
        y.sum().backward();
        assertArrayEquals(new int[]{1, 4, 4}, x.grad().shape().toArray());
        assertArrayEquals(new int[]{2, 1, 5, 5}, conv.weight().data().grad().shape().toArray());
        // same values as explicit padding 2 (k=5 pads 2 on each side)
        Tensor ref = Cnn.conv2d(input(1, 1, 4, 4), conv.weight().data().detach(), conv.bias().data().detach(),
                new int[]{1}, new int[]{2}, new int[]{1}, 1).squeeze(0);
        assertArrayEquals(ref.toFloatArray(), y.detach().toFloatArray(), 1e-6f);

        Conv2d dilated = Conv2d.builder(1, 2, 5).padding("same").dilation(2).build();
        assertArrayEquals(new int[]{2, 8, 8}, dilated.forward(input(1, 8, 8)).shape().toArray());
        DesignAnalysis a = ANALYZER.analyze(chain("same", InputSpec.image(1, 4, 4), node("conv1", "Conv2d",
                "out_channels", 2, "kernel_size", 5, "padding", "same")));
        assertArrayEquals(new int[]{2, 4, 4}, a.node("conv1").orElseThrow().outputShape().toArray());
    }

    @Test
    void ceilModePoolWhoseWindowExceedsTheInputIsAccepted() {
        DesignAnalysis a = ANALYZER.analyze(chain("ceil", InputSpec.image(1, 2, 2), node("pool1", "MaxPool2d",
                "kernel_size", 3, "stride", 2, "ceil_mode", true)));
        assertArrayEquals(new int[]{1, 1, 1}, a.node("pool1").orElseThrow().outputShape().toArray());
        assertArrayEquals(new int[]{1, 1, 1}, new MaxPool2d(new int[]{3}, new int[]{2}, new int[]{0},
                new int[]{1}, true).forward(input(1, 2, 2)).shape().toArray());

        a = ANALYZER.analyze(chain("ceil", InputSpec.image(1, 7, 1), node("pool1", "AvgPool2d", "kernel_size", 4,
                "padding", 1, "ceil_mode", true)));
        assertArrayEquals(new int[]{1, 2, 1}, a.node("pool1").orElseThrow().outputShape().toArray());
        assertArrayEquals(new int[]{1, 2, 1}, new AvgPool2d(new int[]{4}, null, new int[]{1}, true, true, null)
                .forward(input(1, 7, 1)).shape().toArray());
    }

    @Test
    void poolPaddingIsCheckedAgainstTheKernelSizeNotTheDilatedWindow() {
        DesignAnalysis a = ANALYZER.analyze(chain("pad", InputSpec.image(1, 8, 8), node("pool1", "MaxPool2d",
                "kernel_size", 3, "stride", 1, "padding", 2, "dilation", 2)));
        assertEquals(List.of("MaxPool2d 'pool1': padding 2 is more than half the kernel size 3 — use padding <= 1"),
                errors(a));
        String m = assertThrows(IllegalArgumentException.class, () -> Cnn.maxPool2d(input(1, 8, 8),
                new int[]{3}, new int[]{1}, new int[]{2}, new int[]{2}, false)).getMessage();
        assertTrue(m.startsWith("max_pool2d: padding 2 is more than half the kernel size 3 — use padding <= 1"), m);
        assertTrue(m.contains("pad should be at most half of kernel size, but got pad=2 and kernel_size=3"), m);
        m = assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(new int[]{3}, new int[]{1},
                new int[]{2}, new int[]{2}, false)).getMessage();
        assertTrue(m.startsWith("MaxPool2d: padding 2 is more than half the kernel size 3 — use padding <= 1"), m);
    }
}
