package io.netwright.train;

import java.util.List;

/**
 * One row of a run's {@code metrics.csv}: a logged step or an epoch. Cells that do not apply are empty in the file
 * and NaN here. Numbers are written in Java's shortest exact form, so values read back are bit-identical to what
 * the run computed.
 *
 * <p>The file numbers epochs from 1, as the console does ("epoch 1/5"); this record keeps the 0-based index the
 * trainer's events use. Every column means one thing in every row, and the metric names are those of
 * {@link Metric}, {@code events.jsonl} and {@code run.json} ({@code train_loss}, {@code val_accuracy}, ...):
 * <pre>
 * kind,epoch,step,batch_loss,train_loss,train_accuracy,lr,images_per_second,val_loss,val_accuracy,val_topk,
 * elapsed_seconds,epoch_seconds
 * </pre>
 * Files written before this layout ({@link #HEADER_V1}: 0-based epochs, one {@code seconds} column holding the
 * elapsed time on steps and the epoch's duration on epochs) are still read.
 *
 * @param kind            {@code step} or {@code epoch}
 * @param epoch           the epoch (0-based here; 1-based in the file)
 * @param step            optimizer steps completed
 * @param batchLoss       this step's loss (steps only)
 * @param trainLoss       mean training loss of the epoch up to this row (so, on an epoch row, of the epoch)
 * @param trainAccuracy   training accuracy of the epoch up to this row, likewise
 * @param lr              learning rate
 * @param imagesPerSecond throughput (steps only)
 * @param valLoss         validation loss (epochs only)
 * @param valAccuracy     validation accuracy (epochs only)
 * @param valTopK         validation top-k accuracy (epochs only)
 * @param elapsedSeconds  time since the run started (NaN in epoch rows of old files)
 * @param epochSeconds    the epoch's duration (epochs only)
 */
public record MetricRow(String kind, int epoch, long step, double batchLoss, double trainLoss, double trainAccuracy,
        double lr, double imagesPerSecond, double valLoss, double valAccuracy, double valTopK, double elapsedSeconds,
        double epochSeconds) {

    /** The CSV header. */
    public static final String HEADER = "kind,epoch,step,batch_loss,train_loss,train_accuracy,lr,images_per_second,"
            + "val_loss,val_accuracy,val_topk,elapsed_seconds,epoch_seconds";

    /** The header of files written before epochs were numbered from 1 (still read). */
    public static final String HEADER_V1 = "kind,epoch,step,batch_loss,loss,accuracy,lr,images_per_sec,val_loss,"
            + "val_accuracy,val_topk,seconds";

    /** Whether this is a step row. */
    public boolean isStep() {
        return kind.equals("step");
    }

    /** The row for a batch event, {@code elapsed} seconds into the run. */
    static MetricRow of(TrainingEvent.BatchEnd b, double elapsed) {
        return new MetricRow("step", b.epoch(), b.step(), b.loss(), b.meanLoss(), b.accuracy(), b.lr(),
                b.imagesPerSecond(), Double.NaN, Double.NaN, Double.NaN, elapsed, Double.NaN);
    }

    /** The row for an epoch event, {@code elapsed} seconds into the run. */
    static MetricRow of(TrainingEvent.EpochEnd e, double elapsed) {
        return new MetricRow("epoch", e.epoch(), e.step(), Double.NaN, e.trainLoss(), e.trainAccuracy(), e.lr(),
                Double.NaN, e.valLoss(), e.valAccuracy(), e.valTopK(), elapsed, e.seconds());
    }

    /** The CSV line in the {@link #HEADER} layout (without newline). A batch loss is written as the float it is. */
    String toCsv() {
        return kind + "," + (epoch + 1) + "," + step + ","
                + (Double.isNaN(batchLoss) ? "" : Float.toString((float) batchLoss)) + "," + cell(trainLoss) + ","
                + cell(trainAccuracy) + "," + cell(lr) + "," + cell(imagesPerSecond) + "," + cell(valLoss) + ","
                + cell(valAccuracy) + "," + cell(valTopK) + "," + cell(elapsedSeconds) + "," + cell(epochSeconds);
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** Which layout a header line announces; throws naming {@code where} if it is neither. */
    static boolean isV1(String header, String where) {
        String h = header == null ? "" : header.strip();
        if (h.equals(HEADER)) {
            return false;
        }
        if (h.equals(HEADER_V1)) {
            return true;
        }
        throw new IllegalArgumentException(where + ": not a metrics file (expected the header " + HEADER + ")");
    }

    /** Parses a line in the {@link #HEADER} layout, or the {@link #HEADER_V1} one; {@code where} names it. */
    static MetricRow parse(String line, boolean v1, String where) {
        List<String> f = List.of(line.split(",", -1));
        int expected = v1 ? 12 : 13;
        if (f.size() != expected) {
            throw new IllegalArgumentException(where + ": expected " + expected + " fields ("
                    + (v1 ? HEADER_V1 : HEADER) + "), got " + f.size());
        }
        try {
            String kind = f.get(0);
            int epoch = Integer.parseInt(f.get(1)) - (v1 ? 0 : 1);
            double elapsed;
            double epochSeconds;
            if (v1) {
                boolean step = kind.equals("step");
                elapsed = step ? num(f.get(11)) : Double.NaN;
                epochSeconds = step ? Double.NaN : num(f.get(11));
            } else {
                elapsed = num(f.get(11));
                epochSeconds = num(f.get(12));
            }
            return new MetricRow(kind, epoch, Long.parseLong(f.get(2)), num(f.get(3)), num(f.get(4)), num(f.get(5)),
                    num(f.get(6)), num(f.get(7)), num(f.get(8)), num(f.get(9)), num(f.get(10)), elapsed,
                    epochSeconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static double num(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
