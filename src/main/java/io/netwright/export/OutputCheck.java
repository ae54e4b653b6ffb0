package io.netwright.export;

/**
 * How one output of an exported model compares with our engine's on the reference batch.
 *
 * @param maxAbsError largest {@code |exported - ours|}
 * @param maxRelError largest {@code |exported - ours| / |ours|} over elements with {@code |ours| > 1e-6}
 * @param close       whether every element is within {@code abs + rel·|ours|} of ours
 */
public record OutputCheck(String name, double maxAbsError, double maxRelError, boolean close) {

    /** Compares {@code exported} with {@code ours} (same length) under {@code abs + rel·|ours|}. */
    public static OutputCheck of(String name, float[] exported, float[] ours, double abs, double rel) {
        if (exported.length != ours.length) {
            return new OutputCheck(name, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, false);
        }
        double maxAbs = 0;
        double maxRel = 0;
        boolean close = true;
        for (int i = 0; i < ours.length; i++) {
            double d = Math.abs((double) exported[i] - ours[i]);
            if (Double.isNaN(d)) {
                d = Float.isNaN(exported[i]) && Float.isNaN(ours[i]) ? 0 : Double.POSITIVE_INFINITY;
            }
            maxAbs = Math.max(maxAbs, d);
            if (Math.abs(ours[i]) > 1e-6) {
                maxRel = Math.max(maxRel, d / Math.abs(ours[i]));
            }
            close &= d <= abs + rel * Math.abs(ours[i]);
        }
        return new OutputCheck(name, maxAbs, maxRel, close);
    }
}
