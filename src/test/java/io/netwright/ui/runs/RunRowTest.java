package io.netwright.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.train.MetricRow;
import io.netwright.train.OptimizerConfig;
import io.netwright.train.RunStore;
import io.netwright.train.RunSummary;
import java.nio.file.Path;
import java.util.List;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table rows from run summaries, and curves from epoch rows. */
class RunRowTest {

    @TempDir
    Path tmp;

    @Test
    void rowOfARealRunHasItsConfigAndFinalFigures() throws Exception {
        RunStore store = new RunStore(tmp.resolve("runs"));
        Path dir = TinyRuns.run(store, TinyRuns.config(TinyRuns.mlp("tiny-mlp"), OptimizerConfig.adam(0.01), 2),
                false);
        RunSummary s = store.summary(dir);
        RunRow r = RunRow.of(s);
        assertEquals(dir.getFileName().toString(), r.id());
        assertEquals("finished", r.state());
        assertEquals("Adam(lr=0.01), batch 8, 2 epochs", r.configSummary());
        assertEquals("2/2", r.epochs());
        assertEquals(s.metric("val_accuracy"), r.valAccuracy());
        assertEquals(s.metric("train_loss"), r.trainLoss());
        assertFalse(Double.isNaN(r.valLoss()) || Double.isNaN(r.trainAccuracy()));
        assertTrue(r.date().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"), r.date());
    }

    @Test
    void designNamesMatchIgnoringCopyMarks() {
        RunRow r = new RunRow("id", Path.of("x"), java.time.Instant.EPOCH, "LeNet-5", "SGD(lr=0.01)", 64, "1/1",
                1, 0.5, 1, 0.5, "finished", "fashion-mnist-small", "cpu", 0.7, 65, null);
        assertTrue(r.isOf("LeNet-5"));
        assertTrue(r.isOf("LeNet-5 (copy)"));
        assertTrue(r.isOf("LeNet-5 (copy) (copy)"));
        assertFalse(r.isOf("LeNet"));
        assertFalse(r.isOf(null));
        assertEquals("—", RunRow.figure(Double.NaN));
        assertEquals("0.1235", RunRow.figure(0.123456));
    }

    @Test
    void curvesCountEpochsFromOneAndSkipMissingValues() {
        List<MetricRow> epochs = List.of(
                new MetricRow("epoch", 0, 6, Double.NaN, 1.0, 0.4, 0.1, Double.NaN, 0.9, 0.5, Double.NaN, 1, 1),
                new MetricRow("epoch", 1, 12, Double.NaN, 0.8, 0.6, 0.1, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, 2, 1),
                new MetricRow("epoch", 2, 18, Double.NaN, 0.6, 0.7, 0.1, Double.NaN, 0.7, 0.8, Double.NaN, 3, 1));
        XYSeries val = CurveMetric.VAL_ACCURACY.series("run", epochs);
        assertEquals(2, val.getItemCount());
        assertEquals(1, val.getX(0).intValue());
        assertEquals(0.5, val.getY(0).doubleValue());
        assertEquals(3, val.getX(1).intValue());
        XYSeries loss = CurveMetric.TRAIN_LOSS.series("run", epochs);
        assertEquals(3, loss.getItemCount());
        assertEquals(0.6, loss.getY(2).doubleValue());
    }
}
