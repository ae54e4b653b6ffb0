package io.netwright.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Errors name the layer, what was wrong and the fix. */
class ErrorMessagesTest {

    private static void assertMessage(Class<? extends Throwable> type, Executable call, String... parts) {
        Throwable e = assertThrows(type, call);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
        }
    }

    @Test
    void convNamesTheChannelMismatchAndTheFix() {
        assertMessage(IllegalArgumentException.class, () -> new Conv2d(3, 6, 5).call(Tensor.zeros(1, 1, 28, 28)),
                "Conv2d(3, 6, kernel_size=(5, 5), stride=(1, 1))", "has 1 channels", "expects 3",
                "set in_channels=1");
        assertMessage(IllegalArgumentException.class, () -> new Conv2d(3, 6, 5).call(Tensor.zeros(28, 28)),
                "expected 3D or 4D input", "got 2D");
    }

    @Test
    void invalidLayerArgumentsAreRejectedAtConstruction() {
        assertMessage(IllegalArgumentException.class, () -> Conv2d.builder(3, 6, 3).groups(2).build(),
                "divisible by groups");
        assertMessage(IllegalArgumentException.class, () -> Conv2d.builder(3, 6, 3).stride(2).padding("same")
                .build(), "padding='same' is not supported for strided convolutions");
        assertMessage(IllegalArgumentException.class, () -> Conv2d.builder(3, 6, 3).padding("full").build(),
                "Invalid padding string 'full'");
        assertMessage(IllegalArgumentException.class, () -> new MaxPool2d(2, 2, 2), "pad should be at most half");
        assertMessage(IllegalArgumentException.class, () -> new Dropout(1.5), "between 0 and 1");
        assertMessage(IllegalArgumentException.class, () -> new GELU("fast"), "'none' or 'tanh'");
        assertMessage(IllegalArgumentException.class, () -> Upsample.scale(2, "nearest", true),
                "align_corners option can only be set with the interpolating modes");
        assertMessage(IllegalArgumentException.class, () -> ConvTranspose2d.builder(2, 2, 3).stride(2)
                .outputPadding(2).build(), "output padding must be smaller than either stride or dilation");
    }

    @Test
    void lossesNeedATarget() {
        assertMessage(IllegalArgumentException.class, () -> new MSELoss().call(Tensor.zeros(3)),
                "MSELoss takes (input, target)");
        assertMessage(IllegalArgumentException.class, () -> new CrossEntropyLoss().forward(Tensor.zeros(3)),
                "CrossEntropyLoss takes (input, target)");
    }

    @Test
    void crossEntropyNamesBadTargets() {
        Tensor logits = Tensor.zeros(2, 5);
        assertMessage(IndexOutOfBoundsException.class, () -> new CrossEntropyLoss().forward(logits,
                Tensor.ofLongs(new long[]{1, 7})), "Target 7 is out of bounds for 5 classes");
        assertMessage(IllegalArgumentException.class, () -> new CrossEntropyLoss().forward(logits,
                Tensor.ofLongs(new long[]{1, 2, 3})), "needs a target of shape [2]");
        assertMessage(IllegalArgumentException.class, () -> new CrossEntropyLoss().forward(logits,
                Tensor.zeros(2)), "probability targets must have the input's shape");
        assertMessage(IllegalArgumentException.class, () -> new NLLLoss().forward(logits, Tensor.zeros(2)),
                "int64", "toLong()");
        assertMessage(IllegalArgumentException.class, () -> new CrossEntropyLoss(Tensor.ones(3), -100,
                Reduction.MEAN, 0).forward(logits, Tensor.ofLongs(new long[]{1, 2})), "for all 5 classes");
    }

    @Test
    void elementwiseLossesRefuseShapesThatWouldBroadcast() {
        assertMessage(IllegalArgumentException.class, () -> new MSELoss().forward(Tensor.zeros(4, 1),
                Tensor.zeros(4)), "target size [4] is different from input size [4, 1]", "reshape the target");
        assertMessage(IllegalArgumentException.class, () -> new BCELoss().forward(Tensor.full(new int[]{2}, 2),
                Tensor.zeros(2)), "between 0 and 1", "BCEWithLogitsLoss");
    }

    @Test
    void normalisationLayersNameTheExpectedShape() {
        assertMessage(IllegalArgumentException.class, () -> new BatchNorm2d(16).call(Tensor.zeros(2, 8, 4, 4)),
                "has 8 channels", "set num_features=8");
        assertMessage(IllegalArgumentException.class, () -> new BatchNorm2d(16).call(Tensor.zeros(2, 16)),
                "expected 4D input", "got 2D");
        assertMessage(IllegalArgumentException.class, () -> new LayerNorm(10).call(Tensor.zeros(3, 5)),
                "normalized_shape=[10]", "[*, 10]");
    }

    @Test
    void embeddingNamesTheBadIndex() {
        assertMessage(IndexOutOfBoundsException.class, () -> new Embedding(10, 3).call(Tensor.ofLongs(
                new long[]{1, 12})), "index 12 is out of range [0, 10)");
        assertMessage(IllegalArgumentException.class, () -> new Embedding(10, 3).call(Tensor.zeros(2)),
                "indices must be int64");
    }
}
