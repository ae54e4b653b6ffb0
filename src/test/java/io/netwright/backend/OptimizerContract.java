package io.netwright.backend;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract of the fused optimizer update {@link Backend#optimizerStep}: for every optimizer and option combination
 * the parameter and every state buffer equal the CPU reference's after the step (the backend under test must have
 * the fused kernel: run this family only for backends that claim it), and wrong calls (state count, dtype,
 * non-contiguous or mismatched views) are refused as the reference refuses them.
 */
public abstract class OptimizerContract extends BackendContract {

    private static final int[] SHAPE = {37, 29};

    private static final List<OptimizerStep> STEPS = List.of(
            new OptimizerStep.Sgd(0.1, 0, 0, 0, false, false, false),
            new OptimizerStep.Sgd(0.05, 0.9, 0, 1e-2, false, false, true),
            new OptimizerStep.Sgd(0.05, 0.9, 0.3, 1e-2, false, true, false),
            new OptimizerStep.Sgd(0.01, 0.9, 0, 5e-4, true, false, false),
            new OptimizerStep.Adam(1e-2, 0.9, 0.999, 1e-8, 0, false, false, false, 1e-2 / 0.1, Math.sqrt(0.001)),
            new OptimizerStep.Adam(1e-2, 0.8, 0.99, 1e-8, 0.1, false, true, true, 0.05, 0.3),
            new OptimizerStep.Adam(1e-2, 0.9, 0.999, 1e-8, 0.3, true, false, false, 0.05, 0.04),
            new OptimizerStep.Adam(1e-2, 0.9, 0.999, 1e-8, 0.3, true, true, false, 0.05, 0.04),
            new OptimizerStep.RmsProp(1e-2, 0.99, 1e-8, 0, 0, false, false),
            new OptimizerStep.RmsProp(1e-2, 0.99, 1e-8, 1e-3, 0.9, false, true),
            new OptimizerStep.RmsProp(1e-3, 0.9, 1e-8, 0, 0, true, false),
            new OptimizerStep.RmsProp(1e-3, 0.9, 1e-8, 0, 0.5, true, false),
            new OptimizerStep.Adagrad(0.1, 1e-10, 0, false),
            new OptimizerStep.Adagrad(0.05, 1e-10, 1e-2, true));

    private static Operand[] operands(OptimizerStep step, Layout l, long seed) {
        Operand[] ops = new Operand[2 + step.stateCount()];
        ops[0] = random(DType.FLOAT32, l, seed);
        ops[1] = random(DType.FLOAT32, l, seed + 1);
        for (int i = 2; i < ops.length; i++) {
            ops[i] = random(DType.FLOAT32, l, seed + i);
        }
        return ops;
    }

    private static Op call(OptimizerStep step) {
        return (b, v) -> {
            if (!b.optimizerStep(step, v[0], v[1], Arrays.copyOfRange(v, 2, v.length))) {
                throw new AssertionError(b.description() + " has no fused optimizer step");
            }
        };
    }

    private static int[] outputs(int count) {
        int[] o = new int[count - 1];
        o[0] = 0;
        for (int i = 1; i < o.length; i++) {
            o[i] = i + 1;
        }
        return o;
    }

    @Test
    void everyOptimizerStepMatchesTheReference() {
        long seed = 1;
        for (OptimizerStep step : STEPS) {
            Operand[] ops = operands(step, Layout.contiguous(SHAPE), seed += 10);
            check(step.toString(), ELEMENTWISE, outputs(ops.length), call(step), ops);
        }
    }

    @Test
    void wrongCallsAreRefusedAsTheReferenceRefusesThem() {
        OptimizerStep.Sgd momentum = new OptimizerStep.Sgd(0.1, 0.9, 0, 0, false, false, false);
        Operand[] missingState = operands(new OptimizerStep.Sgd(0.1, 0, 0, 0, false, false, false),
                Layout.contiguous(SHAPE), 3);
        check("missing state", EXACT, new int[]{0}, call(momentum), missingState);
        Operand[] scrambled = operands(momentum, Layout.scrambled(3, SHAPE), 5);
        check("non-contiguous views", EXACT, new int[]{0}, call(momentum), scrambled);
        Operand[] ints = {random(DType.INT64, Layout.contiguous(SHAPE), 7), random(DType.FLOAT32,
                Layout.contiguous(SHAPE), 8), random(DType.FLOAT32, Layout.contiguous(SHAPE), 9)};
        check("INT64 parameter", EXACT, new int[]{0}, call(momentum), ints);
        Operand[] sizes = {random(DType.FLOAT32, Layout.contiguous(SHAPE), 7), random(DType.FLOAT32,
                Layout.contiguous(3, 4), 8), random(DType.FLOAT32, Layout.contiguous(SHAPE), 9)};
        check("mismatched sizes", EXACT, new int[]{0}, call(momentum), sizes);
    }
}
