package io.netwright.tensor;

import static io.netwright.tensor.CnnTestSupport.assertClose;
import static io.netwright.tensor.CnnTestSupport.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** dropout and dropout2d: scaling, mask statistics, determinism, gradients and argument checks. */
class DropoutTest {

    @Test
    void keptElementsAreScaledAndAboutPAreDropped() {
        Tensor x = Tensor.ones(100, 100);
        float[] y = Cnn.dropout(x, 0.3, true, new Generator(7)).toFloatArray();
        int zeros = 0;
        for (float v : y) {
            if (v == 0) {
                zeros++;
            } else {
                assertEquals(1 / 0.7f, v, 1e-6);
            }
        }
        // 10,000 Bernoulli(0.3) draws: mean 3,000, standard deviation ~46.
        assertTrue(Math.abs(zeros - 3000) < 250, "dropped " + zeros);
    }

    @Test
    void sameGeneratorSeedGivesTheSameMask() {
        Tensor x = random(60, 4, 50);
        assertClose(Cnn.dropout(x, 0.5, true, new Generator(3)).toFloatArray(),
                Cnn.dropout(x, 0.5, true, new Generator(3)).toFloatArray(), 0);
    }

    @Test
    void gradientIsTheScaledMask() {
        Tensor x = random(61, 8, 9).requiresGrad_();
        Tensor y = Cnn.dropout(x, 0.4, true, new Generator(5));
        y.sum().backward();
        float[] g = x.grad().toFloatArray();
        float[] yv = y.toFloatArray();
        float[] xv = x.toFloatArray();
        for (int i = 0; i < g.length; i++) {
            assertEquals(yv[i] == 0 ? 0 : 1 / 0.6f, g[i], 1e-6);
            assertEquals(yv[i] == 0 ? 0 : xv[i] / 0.6f, yv[i], 1e-6);
        }
        GradCheck.check(in -> Cnn.dropout(in[0], 0.4, true, new Generator(5)), random(62, 3, 4));
    }

    @Test
    void evaluationAndZeroProbabilityAreIdentityAndOneDropsEverything() {
        Tensor x = random(63, 3, 4).requiresGrad_();
        assertSame(x, Cnn.dropout(x, 0.5, false, null));
        assertSame(x, Cnn.dropout(x, 0.0, true, null));
        Tensor u = random(64, 1, 2, 3, 3);
        assertSame(u, Cnn.dropout2d(u, 0.5, false, null));
        Tensor z = Cnn.dropout(x, 1.0, true, null);
        assertClose(new float[12], z.toFloatArray(), 0);
        z.sum().backward();
        assertClose(new float[12], x.grad().toFloatArray(), 0);
    }

    @Test
    void probabilityOutsideZeroOneIsRejectedWithPyTorchsMessage() {
        Tensor x = Tensor.ones(2);
        String m = assertThrows(IllegalArgumentException.class, () -> Cnn.dropout(x, 1.5, true, null)).getMessage();
        assertEquals("dropout: dropout probability has to be between 0 and 1, but got 1.5", m);
        m = assertThrows(IllegalArgumentException.class, () -> Cnn.dropout2d(x, -0.1, true, null)).getMessage();
        assertEquals("dropout2d: dropout probability has to be between 0 and 1, but got -0.1", m);
        m = assertThrows(IllegalArgumentException.class, () -> Cnn.dropout2d(x, 0.5, true, null)).getMessage();
        assertTrue(m.contains("expected a 3D [C, H, W] or 4D [N, C, H, W] input"), m);
    }

    @Test
    void dropout2dDropsWholeChannels() {
        Tensor x = Tensor.ones(6, 20, 3, 4);
        float[] y = Cnn.dropout2d(x, 0.5, true, new Generator(11)).toFloatArray();
        int dropped = 0;
        for (int plane = 0; plane < 120; plane++) {
            float first = y[plane * 12];
            for (int i = 1; i < 12; i++) {
                assertEquals(first, y[plane * 12 + i], "plane " + plane + " has one mask value");
            }
            assertTrue(first == 0 || first == 2f, "kept planes are scaled by 1/(1-p)");
            dropped += first == 0 ? 1 : 0;
        }
        assertTrue(dropped > 30 && dropped < 90, "dropped " + dropped + " of 120 planes");
        float[] u = Cnn.dropout2d(Tensor.ones(8, 2, 2), 0.5, true, new Generator(12)).toFloatArray();
        for (int c = 0; c < 8; c++) {
            for (int i = 1; i < 4; i++) {
                assertEquals(u[c * 4], u[c * 4 + i], "unbatched: one mask value per channel");
            }
        }
    }
}
