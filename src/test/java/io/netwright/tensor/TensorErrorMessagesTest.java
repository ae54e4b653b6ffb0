package io.netwright.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.netwright.backend.DType;
import io.netwright.backend.Device;
import io.netwright.backend.Devices;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input fails at once with an exception that names the op, the shapes (or dtypes/devices) involved and the
 * rule that was broken, e.g. {@code matmul: (2x3) @ (4x5): inner dimensions 3 and 4 differ}.
 */
class TensorErrorMessagesTest {

    /** Asserts that {@code call} throws {@code type} with a message containing every fragment. */
    private static <T extends Throwable> String expect(Class<T> type, Executable call, String... fragments) {
        T e = assertThrows(type, call);
        String m = e.getMessage();
        for (String f : fragments) {
            assertTrue(m != null && m.contains(f), () -> "message lacks '" + f + "': " + m);
        }
        return m;
    }

    private static Tensor z(int... shape) {
        return Tensor.zeros(shape);
    }

    // ================================================================ shape mismatches

    @Test
    void matmulInnerDimensionMismatchNamesBothShapes() {
        String m = expect(IllegalArgumentException.class, () -> z(2, 3).matmul(z(4, 5)));
        assertEquals("matmul: (2x3) @ (4x5): inner dimensions 3 and 4 differ", m);
    }

    @Test
    void matmulVectorMismatchNamesShapes() {
        expect(IllegalArgumentException.class, () -> z(3).matmul(z(4, 2)), "matmul", "(3)", "(4x2)",
                "inner dimensions 3 and 4 differ");
    }

    @Test
    void matmulBatchMismatchNamesFullShapesAndRule() {
        expect(IllegalArgumentException.class, () -> z(2, 3, 4).matmul(z(3, 4, 5)), "matmul", "(2x3x4)",
                "(3x4x5)", "batch", "cannot be broadcast");
    }

    @Test
    void bmmBatchAndInnerMismatch() {
        expect(IllegalArgumentException.class, () -> z(2, 3, 4).bmm(z(3, 4, 5)), "bmm: (2x3x4) @ (3x4x5)",
                "batch sizes 2 and 3 differ");
        expect(IllegalArgumentException.class, () -> z(2, 3, 4).bmm(z(2, 5, 5)), "bmm: (2x3x4) @ (2x5x5)",
                "inner dimensions 4 and 5 differ");
    }

    @Test
    void mmMvDotOuterRejectWrongRanks() {
        expect(IllegalArgumentException.class, () -> z(2, 3, 4).mm(z(4, 5)), "mm", "3-D", "(2x3x4)", "2-D");
        expect(IllegalArgumentException.class, () -> z(2, 3).mv(z(3, 1)), "mv", "(2x3)", "(3x1)", "1-D vector");
        expect(IllegalArgumentException.class, () -> z(3).dot(z(4)), "dot", "(3)", "(4)", "same number of elements");
        expect(IllegalArgumentException.class, () -> z(3, 1).outer(z(4)), "outer", "1D tensors expected", "2D");
    }

    @Test
    void broadcastMismatchNamesOpShapesAndDimension() {
        expect(IllegalArgumentException.class, () -> z(2, 3).add(z(4)), "add", "[2, 3]", "[4]", "cannot be broadcast",
                "dimension -1 has sizes 3 and 4");
        expect(IllegalArgumentException.class, () -> z(2, 3).mul(z(3, 3)), "mul", "[2, 3]", "[3, 3]");
        expect(IllegalArgumentException.class,
                () -> Tensor.where(Tensor.ofBools(new boolean[]{true, false}), z(3), z(3)), "where", "[2]", "[3]");
    }

    @Test
    void reshapeAndViewExplainTheSizeRule() {
        expect(IllegalArgumentException.class, () -> z(2, 3).reshape(4, 4), "reshape", "[4, 4]",
                "invalid for input of size 6");
        expect(IllegalArgumentException.class, () -> z(2, 3).reshape(-1, -1), "reshape",
                "only one dimension can be inferred");
        expect(IllegalArgumentException.class, () -> z(2, 3).reshape(4, -1), "reshape", "[4, -1]",
                "invalid for input of size 6");
        expect(IllegalArgumentException.class, () -> z(2, 3).t().view(6), "view", "[3, 2]", "reshape()");
    }

    @Test
    void joinsNameTheOffendingTensor() {
        expect(IllegalArgumentException.class, () -> Tensor.cat(List.of(z(2, 3), z(2, 4)), 0), "cat",
                "must match except in dimension 0", "Expected size 3 but got size 4", "tensor number 1");
        expect(IllegalArgumentException.class, () -> Tensor.cat(List.of(z(2, 3), z(2)), 0), "cat",
                "same number of dimensions", "2 and 1");
        expect(IllegalArgumentException.class, () -> Tensor.stack(List.of(z(2, 3), z(3, 2)), 0), "stack",
                "[2, 3]", "[3, 2]", "entry 1");
        expect(IllegalArgumentException.class, () -> z(5, 2).split(new int[]{1, 3}, 0), "split", "sum exactly to 5",
                "[1, 3]");
    }

    @Test
    void expandAndRepeatStateTheRule() {
        expect(IllegalArgumentException.class, () -> z(2, 3).expand(2, 4), "expand", "(4)", "existing size (3)",
                "non-singleton dimension 1");
        expect(IllegalArgumentException.class, () -> z(2, 3).repeat(2), "repeat", "number of repeat dims (1)",
                "number of dimensions of tensor (2)");
    }

    // ================================================================ bad dims and indices

    @Test
    void dimOutOfRangeNamesOpAndRange() {
        expect(IllegalArgumentException.class, () -> z(2, 3).sum(2), "sum",
                "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
        expect(IllegalArgumentException.class, () -> z(2, 3).softmax(-3), "softmax", "[-2, 1]", "-3");
        expect(IllegalArgumentException.class, () -> z(2, 3).transpose(0, 2), "transpose", "got 2");
        expect(IllegalArgumentException.class, () -> z(2, 3).unsqueeze(4), "unsqueeze", "[-3, 2]");
        expect(IllegalArgumentException.class, () -> z(2, 3).max(5, false), "max", "got 5");
        expect(IllegalArgumentException.class, () -> z(2, 3).squeeze(3), "squeeze", "got 3");
    }

    @Test
    void permuteChecksLengthAndRepeats() {
        expect(IllegalArgumentException.class, () -> z(2, 3).permute(0, 1, 2), "permute", "input.dim() = 2",
                "len(dims) = 3");
        expect(IllegalArgumentException.class, () -> z(2, 3).permute(1, 1), "permute", "repeated dim 1");
    }

    @Test
    void repeatedReductionDimIsRejected() {
        expect(IllegalArgumentException.class, () -> z(2, 3).sum(new int[]{1, -1}, false), "sum",
                "appears multiple times");
    }

    @Test
    void selectAndIndexOutOfRangeNameTheBound() {
        expect(IndexOutOfBoundsException.class, () -> z(4, 5).select(0, 5), "select", "index 5", "[4, 5]",
                "dimension 0");
        expect(IndexOutOfBoundsException.class, () -> z(4, 3).indexSelect(0, Tensor.ofLongs(new long[]{1, 7})),
                "index_select", "7", "out of bounds", "dimension 0");
        expect(IndexOutOfBoundsException.class,
                () -> z(3, 4).gather(1, Tensor.ofLongs(new long[]{0, 4, 1}, 3, 1)), "gather", "4", "out of bounds");
    }

    @Test
    void indexingStatesShapeAndDtypeRules() {
        expect(IllegalArgumentException.class, () -> z(3, 4).gather(1, Tensor.ofLongs(new long[]{0, 1, 2})),
                "gather", "same number of dimensions");
        expect(IllegalArgumentException.class, () -> z(3, 4).index(z(3)), "index", "long or bool", "torch.float32");
        expect(IllegalArgumentException.class,
                () -> z(3, 4).index(Tensor.ofBools(new boolean[]{true, false}, 2)), "index", "mask", "[2]", "[3, 4]");
        expect(IllegalArgumentException.class, () -> z(3, 4).maskedFill(z(3, 4), 1.0), "masked_fill",
                "boolean masks", "torch.float32");
        expect(IllegalArgumentException.class, () -> z(3, 4).topk(5, 1, true), "topk", "k=5", "4");
        expect(IllegalArgumentException.class,
                () -> z(3, 4).scatter(1, Tensor.ofLongs(new long[]{0, 1, 2}, 3, 1), Tensor.ofLongs(new long[]{1, 2,
                    3}, 3, 1)), "scatter", "dtype", "torch.float32", "torch.int64");
    }

    @Test
    void einsumNamesEquationOperandsAndSizes() {
        expect(IllegalArgumentException.class, () -> Tensor.einsum("ij,jk->ik", z(2, 3)), "einsum", "2 operands",
                "1 tensor");
        expect(IllegalArgumentException.class, () -> Tensor.einsum("ij,jk->ik", z(2, 3), z(4, 5)), "einsum",
                "size 3", "size 4", "[2, 3]", "[4, 5]");
        expect(IllegalArgumentException.class, () -> Tensor.einsum("ijk->i", z(2, 3)), "einsum", "operand 0",
                "[2, 3]", "ijk");
        expect(IllegalArgumentException.class, () -> Tensor.einsum("ij->iz", z(2, 3)), "einsum", "z",
                "does not appear");
    }

    @Test
    void convolutionNamesChannelsShapesAndFix() {
        int[] one = {1, 1};
        int[] zero = {0, 0};
        expect(IllegalArgumentException.class, () -> Cnn.conv2d(z(1, 3, 5, 5), z(4, 2, 3, 3), null, one, zero, one, 1),
                "conv2d", "3 channels", "[4, 2, 3, 3]", "[1, 3, 5, 5]");
        expect(IllegalArgumentException.class, () -> Cnn.conv2d(z(1, 2, 5, 5), z(4, 2, 3, 3), z(3), one, zero, one, 1),
                "conv2d", "bias", "4 elements", "[3]");
        expect(IllegalArgumentException.class, () -> Cnn.conv2d(z(1, 2, 2, 2), z(4, 2, 3, 3), null, one, zero, one, 1),
                "conv2d", "(2 x 2)", "(3 x 3)", "Kernel size can't be greater");
        expect(IllegalArgumentException.class, () -> Cnn.conv2d(z(1, 4, 5, 5), z(3, 2, 3, 3), null, one, zero, one, 2),
                "conv2d", "groups=2", "divisible");
        expect(IllegalArgumentException.class,
                () -> Cnn.conv2d(z(1, 2, 5, 5), z(4, 2, 3, 3), null, new int[]{2, 2}, "same", one, 1), "conv2d",
                "'same'", "stride");
        expect(IllegalArgumentException.class,
                () -> Cnn.convTranspose2d(z(1, 2, 3, 3), z(2, 2, 3, 3), null, one, zero, one, 1, one),
                "conv_transpose2d", "output padding", "stride");
    }

    @Test
    void poolingAndResizeStateTheRule() {
        int[] one = {1, 1};
        expect(IllegalArgumentException.class,
                () -> Cnn.maxPool2d(z(1, 1, 5, 5), new int[]{2, 2}, new int[]{2, 2}, new int[]{2, 2}, one, false),
                "max_pool2d", "pad should be at most half of kernel size", "pad=2", "kernel_size=2");
        expect(IllegalArgumentException.class,
                () -> Cnn.avgPool2d(z(1, 1, 2, 2), new int[]{3, 3}, new int[]{1, 1}, new int[]{0, 0}, false, true),
                "avg_pool2d", "2x2", "too small");
        expect(IllegalArgumentException.class, () -> Cnn.interpolate(z(1, 1, 2, 2), 3, 3, "bicubic", false),
                "interpolate", "bicubic", "'nearest' or 'bilinear'");
        expect(IllegalArgumentException.class, () -> Cnn.interpolate(z(1, 1, 2, 2), 3, 3, "nearest", true),
                "interpolate", "align_corners");
        expect(IllegalArgumentException.class, () -> Cnn.dropout(z(2), 1.5, true, new Generator(1)), "dropout",
                "1.5");
    }

    // ================================================================ dtype and device misuse

    @Test
    void matmulRejectsIntegerTensorsWithTheFix() {
        expect(IllegalArgumentException.class, () -> Tensor.ofLongs(new long[]{1, 2, 3, 4}, 2, 2).matmul(z(2, 2)),
                "matmul", "float32", "torch.int64", ".toFloat()");
    }

    @Test
    void meanOfIntegersAsksForFloat() {
        expect(IllegalArgumentException.class, () -> Tensor.ofLongs(new long[]{1, 2}).mean(), "mean",
                "torch.int64", ".toFloat()");
    }

    @Test
    void onlyFloatTensorsMayRequireGrad() {
        expect(IllegalArgumentException.class, () -> Tensor.ofLongs(new long[]{1, 2}).requiresGrad_(true),
                "floating point", "torch.int64");
        expect(IllegalArgumentException.class, () -> TensorOptions.of(DType.BOOL).requiresGrad(true),
                "floating point", "torch.bool");
    }

    @Test
    void backwardMisuseSaysWhatToDo() {
        Tensor x = z(2, 3).requiresGrad_(true);
        expect(IllegalStateException.class, () -> x.mul(2.0).backward(), "scalar outputs", "[2, 3]",
                "backward(gradient)");
        expect(IllegalStateException.class, () -> z(2).sum().backward(), "does not require grad");
        expect(IllegalArgumentException.class, () -> x.mul(2.0).backward(z(3, 2)), "backward", "[3, 2]", "[2, 3]");
    }

    @Test
    void inPlaceOnTensorRequiringGradIsRefused() {
        Tensor x = z(2, 3).requiresGrad_(true);
        expect(IllegalStateException.class, () -> x.add_(1.0), "add_", "in-place", "NoGrad");
    }

    @Test
    void itemNeedsOneElement() {
        expect(IllegalStateException.class, () -> z(2, 3).item(), "item", "6 elements");
    }

    @Test
    void unavailableDeviceSaysWhyAndWhatToUse() {
        Device cuda = Device.cuda(63); // no machine (and not the host CUDA driver of the tests) has 64 GPUs
        assumeFalse(Devices.shared().isAvailable(cuda), "a 64th CUDA device is present");
        expect(IllegalStateException.class, () -> Tensor.zeros(TensorOptions.of(cuda), 2), "cuda:63",
                "not available", "Device.cpu()");
        expect(IllegalArgumentException.class, () -> Device.parse("gpu"), "gpu", "cpu, cuda or cuda:N");
    }
}
