package io.netwright.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AutogradTest {

    @Test
    void backwardOfSquareSumIsTwiceInput() {
        Tensor x = Tensor.of(new float[]{1, -2, 3}).requiresGrad_();
        x.mul(x).sum().backward();
        assertArrayEquals(new float[]{2, -4, 6}, x.grad().toFloatArray(), 1e-6f);
    }

    @Test
    void backwardAccumulatesIntoExistingGrad() {
        Tensor x = Tensor.of(new float[]{1, 2}).requiresGrad_();
        x.mul(3.0).sum().backward();
        x.mul(3.0).sum().backward();
        assertArrayEquals(new float[]{6, 6}, x.grad().toFloatArray(), 1e-6f);
        x.zeroGrad();
        assertNull(x.grad());
    }

    @Test
    void sharedSubexpressionGradientsAdd() {
        Tensor x = Tensor.of(new float[]{2}).requiresGrad_();
        Tensor y = x.mul(x);          // x^2
        Tensor z = y.add(y.mul(x));   // x^2 + x^3 -> dz/dx = 2x + 3x^2 = 16
        z.sum().backward();
        assertEquals(16f, x.grad().item(), 1e-5f);
    }

    @Test
    void secondBackwardWithoutRetainGraphFailsClearly() {
        Tensor x = Tensor.of(new float[]{1, 2}).requiresGrad_();
        Tensor y = x.exp().sum();
        y.backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("second time"), e.getMessage());
    }

    @Test
    void retainGraphAllowsSecondBackward() {
        Tensor x = Tensor.of(new float[]{1, 2}).requiresGrad_();
        Tensor y = x.exp().sum();
        y.backward(Tensor.scalar(1), true);
        y.backward(Tensor.scalar(1), true);
        float[] g = x.grad().toFloatArray();
        assertEquals(2 * Math.exp(1), g[0], 1e-4);
    }

    @Test
    void noGradScopeRecordsNothing() {
        Tensor x = Tensor.of(new float[]{1, 2}).requiresGrad_();
        Tensor y;
        try (var g = NoGrad.enter()) {
            y = x.mul(2.0);
            assertFalse(NoGrad.isGradEnabled());
        }
        assertTrue(NoGrad.isGradEnabled());
        assertFalse(y.requiresGrad());
        assertNull(y.gradFn());
    }

    @Test
    void detachCutsTheGraphButSharesData() {
        Tensor x = Tensor.of(new float[]{1, 2}).requiresGrad_();
        Tensor d = x.mul(2.0).detach();
        assertFalse(d.requiresGrad());
        assertTrue(d.isLeaf());
    }

    @Test
    void backwardWithExplicitGradient() {
        Tensor x = Tensor.of(new float[]{1, 2, 3}).requiresGrad_();
        x.mul(2.0).backward(Tensor.of(new float[]{1, 10, 100}));
        assertArrayEquals(new float[]{2, 20, 200}, x.grad().toFloatArray(), 1e-5f);
    }

    @Test
    void nonScalarBackwardNeedsGradient() {
        Tensor x = Tensor.of(new float[]{1, 2}).requiresGrad_();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> x.mul(2.0).backward());
        assertTrue(e.getMessage().contains("scalar outputs"), e.getMessage());
    }

    @Test
    void hooksCanRescaleGradients() {
        Tensor x = Tensor.of(new float[]{1, 2}).requiresGrad_();
        Tensor y = x.mul(1.0);
        y.registerHook(g -> g.mul(10.0));
        y.sum().backward();
        assertArrayEquals(new float[]{10, 10}, x.grad().toFloatArray(), 1e-6f);
    }

    @Test
    void retainGradKeepsNonLeafGradient() {
        Tensor x = Tensor.of(new float[]{1, 2}).requiresGrad_();
        Tensor y = x.mul(3.0).retainGrad();
        y.sum().backward();
        assertArrayEquals(new float[]{1, 1}, y.grad().toFloatArray(), 1e-6f);
    }

    @Test
    void customFunctionThroughRecord() {
        // A user-defined differentiable op: cube with its own backward.
        Tensor x = Tensor.of(new float[]{2, 3}).requiresGrad_();
        Tensor out;
        try (var g = NoGrad.enter()) {
            out = x.pow(3.0);
        }
        Tensor y = Autograd.record("cube", out, g -> new Tensor[]{g.mul(x.pow(2.0)).mul(3.0)}, x);
        assertEquals("<CubeBackward0>", y.gradFn().toString());
        y.sum().backward();
        assertArrayEquals(new float[]{12, 27}, x.grad().toFloatArray(), 1e-5f);
    }

    @Test
    void inPlaceOnTensorRequiringGradIsRefusedWhileRecording() {
        Tensor x = Tensor.of(new float[]{1, 2}).requiresGrad_();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> x.add_(1.0));
        assertTrue(e.getMessage().contains("NoGrad"), e.getMessage());
        try (var g = NoGrad.enter()) {
            x.add_(1.0);
        }
        assertArrayEquals(new float[]{2, 3}, x.toFloatArray(), 0f);
    }

    @Test
    void gradientThroughBroadcastSumsToInputShape() {
        Tensor a = Tensor.ones(2, 3).requiresGrad_();
        Tensor b = Tensor.of(new float[]{1, 2, 3}).requiresGrad_();
        a.mul(b).sum().backward();
        assertArrayEquals(new float[]{2, 2, 2}, b.grad().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[]{1, 2, 3, 1, 2, 3}, a.grad().toFloatArray(), 1e-6f);
    }

    @Test
    void gradFnLabelsFollowPyTorch() {
        Tensor x = Tensor.of(new float[]{1}).requiresGrad_();
        assertEquals("<MulBackward0>", x.mul(2.0).gradFn().toString());
        assertEquals("<LogSoftmaxBackward0>", x.logSoftmax(0).gradFn().toString());
    }

    @Test
    void scopesReleaseTemporariesButKeepResults() {
        Tensor kept;
        Tensor temp;
        try (var scope = TensorScope.open()) {
            temp = Tensor.ones(3);
            kept = scope.keepHere(temp.mul(2.0));
            assertEquals(1, scope.size(), "the kept result is no longer tracked");
        }
        assertArrayEquals(new float[]{2, 2, 2}, kept.toFloatArray(), 0f);
        IllegalStateException e = assertThrows(IllegalStateException.class, temp::toFloatArray);
        assertTrue(e.getMessage().contains("released"), e.getMessage());
    }

    @Test
    void gradientsSurviveTheScopeOfTheTrainingStep() {
        Tensor w = Tensor.of(new float[]{1, 2}).requiresGrad_();
        try (var scope = TensorScope.open()) {
            w.mul(w).sum().backward();
        }
        assertArrayEquals(new float[]{2, 4}, w.grad().toFloatArray(), 1e-6f);
    }
}
