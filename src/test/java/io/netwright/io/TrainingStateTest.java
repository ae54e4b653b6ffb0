package io.netwright.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.nn.Linear;
import io.netwright.nn.MSELoss;
import io.netwright.nn.Module;
import io.netwright.nn.ReLU;
import io.netwright.nn.Sequential;
import io.netwright.nn.StateDictException;
import io.netwright.optim.Adam;
import io.netwright.optim.Optimizer;
import io.netwright.optim.StepLR;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingStateTest {

    @TempDir
    Path dir;

    private static Module model(long seed) {
        Generator g = new Generator(seed);
        return new Sequential(new Linear(4, 8, true, g), new ReLU(), new Linear(8, 1, true, g));
    }

    /** One step on a batch drawn from {@code data}; returns the loss. */
    private static float step(Module m, Optimizer opt, StepLR sched, Generator data) {
        Tensor x = Tensor.randn(data, 16, 4);
        Tensor y = x.sum(1, true).sin();
        opt.zeroGrad();
        Tensor loss = new MSELoss().forward(m.call(x), y);
        loss.backward();
        opt.step();
        sched.step();
        return loss.item();
    }

    @Test
    void resumedRunReproducesTheUninterruptedLossesExactly() throws IOException {
        // Uninterrupted: 8 steps.
        Module a = model(1);
        Optimizer optA = new Adam(a.parameters(), new Adam.Options().lr(0.01));
        StepLR schedA = new StepLR(optA, 3, 0.5);
        Generator dataA = new Generator(99);
        float[] expected = new float[8];
        for (int i = 0; i < 8; i++) {
            expected[i] = step(a, optA, schedA, dataA);
        }
        // Interrupted after 5 steps, saved, restored into fresh objects, then 3 more.
        Module b = model(1);
        Optimizer optB = new Adam(b.parameters(), new Adam.Options().lr(0.01));
        StepLR schedB = new StepLR(optB, 3, 0.5);
        Generator dataB = new Generator(99);
        float[] got = new float[8];
        for (int i = 0; i < 5; i++) {
            got[i] = step(b, optB, schedB, dataB);
        }
        TrainingState.save(dir.resolve("last"), b, optB, schedB, new TrainingState.Progress(1, 5, 0.25), dataB, null);

        Module c = model(7);
        Optimizer optC = new Adam(c.parameters(), new Adam.Options().lr(0.01));
        StepLR schedC = new StepLR(optC, 3, 0.5);
        Generator dataC = new Generator(0);
        TrainingState.Progress p = TrainingState.load(dir.resolve("last"), c, optC, schedC, dataC);
        assertEquals(5, p.step());
        assertEquals(0.25, p.bestMetric());
        assertEquals(schedB.getLastLr(), schedC.getLastLr());
        for (int i = 5; i < 8; i++) {
            got[i] = step(c, optC, schedC, dataC);
        }
        assertArrayEquals(expected, got, 0f, "losses after resume must equal the uninterrupted run bit for bit");
    }

    @Test
    void checkpointOfAnotherModelNamesTheMismatch() throws IOException {
        Module small = model(1);
        Optimizer opt = new Adam(small.parameters(), new Adam.Options());
        TrainingState.save(dir.resolve("c"), small, opt, null, new TrainingState.Progress(0, 0, Double.NaN), null,
                null);
        Module other = new Sequential(new Linear(4, 3));
        StateDictException e = assertThrows(StateDictException.class,
                () -> TrainingState.load(dir.resolve("c"), other, new Adam(other.parameters(), new Adam.Options()),
                        null, null));
        assertTrue(e.getMessage().contains("0.weight"), e.getMessage());
    }
}
