package io.netwright.train;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a run's {@code metrics.csv}: a logged step or an epoch. Cells that do not apply are empty in the file
 * and NaN here. Numbers are written in Java's shortest exact form, so values read back are bit-identical to what
 * the run computed.
 *
 * @param kind            {@code step} or {@code epoch}
 * @param epoch           the epoch (0-based)
 * @param step            optimizer steps completed
 * @param batchLoss       this step's loss (steps only)
 * @param loss            mean training loss of the epoch so far (steps) or of the epoch (epochs)
 * @param accuracy        training accuracy, likewise
 * @param lr              learning rate
 * @param imagesPerSecond throughput (steps only)
 * @param valLoss         validation loss (epochs only)
 * @param valAccuracy     validation accuracy (epochs only)
 * @param valTopK         validation top-k accuracy (epochs only)
 * @param seconds         time since the run started (steps) or the epoch's duration (epochs)
 */
public record MetricRow(String kind, int epoch, long step, double batchLoss, double loss, double accuracy, double lr,
        double imagesPerSecond, double valLoss, double valAccuracy, double valTopK, double seconds) {

    /** The CSV header. */
    public static final String HEADER = "kind,epoch,step,batch_loss,loss,accuracy,lr,images_per_sec,val_loss,"
            + "val_accuracy,val_topk,seconds";

    /** Whether this is a step row. */
    public boolean isStep() {
        return kind.equals("step");
    }

    /** The row for a batch event. */
    static MetricRow of(TrainingEvent.BatchEnd b, double seconds) {
        return new MetricRow("step", b.epoch(), b.step(), b.loss(), b.meanLoss(), b.accuracy(), b.lr(),
                b.imagesPerSecond(), Double.NaN, Double.NaN, Double.NaN, seconds);
    }

    /** The row for an epoch event. */
    static MetricRow of(TrainingEvent.EpochEnd e) {
        return new MetricRow("epoch", e.epoch(), e.step(), Double.NaN, e.trainLoss(), e.trainAccuracy(), e.lr(),
                Double.NaN, e.valLoss(), e.valAccuracy(), e.valTopK(), e.seconds());
    }

    /** The CSV line (without newline). A batch loss is written as the float it is. */
    String toCsv() {
        return kind + "," + epoch + "," + step + "," + (Double.isNaN(batchLoss) ? "" : Float.toString((float) batchLoss))
                + "," + cell(loss) + "," + cell(accuracy) + "," + cell(lr) + "," + cell(imagesPerSecond) + ","
                + cell(valLoss) + "," + cell(valAccuracy) + "," + cell(valTopK) + "," + cell(seconds);
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** Parses a line written by {@link #toCsv()}; {@code where} names it in errors. */
    static MetricRow parse(String line, String where) {
        List<String> f = new ArrayList<>(List.of(line.split(",", -1)));
        if (f.size() != 12) {
            throw new IllegalArgumentException(where + ": expected 12 fields (" + HEADER + "), got " + f.size());
        }
        try {
            return new MetricRow(f.get(0), Integer.parseInt(f.get(1)), Long.parseLong(f.get(2)), num(f.get(3)),
                    num(f.get(4)), num(f.get(5)), num(f.get(6)), num(f.get(7)), num(f.get(8)), num(f.get(9)),
                    num(f.get(10)), num(f.get(11)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static double num(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
