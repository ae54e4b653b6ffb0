package io.netwright.train;

import com.google.gson.JsonObject;
import io.netwright.io.Json;

/**
 * The training loop's progress and running figures — everything besides model, optimizer, schedule and generator
 * that a checkpoint must hold for a resumed run to continue exactly: position (epoch, batch within it, steps), the
 * epoch's running sums (so its mean loss and accuracy come out the same), the best metric and the early-stopping
 * counter. Training thread only.
 */
final class RunState {

    int epoch;
    int batchInEpoch;
    long step;
    double lossSum;
    long correct;
    long count;
    double bestValue = Double.NaN;
    int bestEpoch = -1;
    double earlyBest = Double.NaN;
    int earlyBad;
    double activeSeconds;

    /** Starts a new epoch's running sums. */
    void resetEpoch() {
        batchInEpoch = 0;
        lossSum = 0;
        correct = 0;
        count = 0;
    }

    double meanLoss() {
        return count == 0 ? Double.NaN : lossSum / count;
    }

    double accuracy() {
        return count == 0 ? Double.NaN : (double) correct / count;
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("epoch", epoch);
        o.addProperty("batch_in_epoch", batchInEpoch);
        o.addProperty("step", step);
        o.addProperty("loss_sum", lossSum);
        o.addProperty("correct", correct);
        o.addProperty("count", count);
        o.add("best_value", Json.toJson(bestValue));
        o.addProperty("best_epoch", bestEpoch);
        o.add("early_best", Json.toJson(earlyBest));
        o.addProperty("early_bad", earlyBad);
        o.addProperty("active_seconds", activeSeconds);
        return o;
    }

    static RunState fromJson(JsonObject o) {
        try {
            RunState s = new RunState();
            s.epoch = o.get("epoch").getAsInt();
            s.batchInEpoch = o.get("batch_in_epoch").getAsInt();
            s.step = o.get("step").getAsLong();
            s.lossSum = o.get("loss_sum").getAsDouble();
            s.correct = o.get("correct").getAsLong();
            s.count = o.get("count").getAsLong();
            s.bestValue = number(o, "best_value");
            s.bestEpoch = o.get("best_epoch").getAsInt();
            s.earlyBest = number(o, "early_best");
            s.earlyBad = o.get("early_bad").getAsInt();
            s.activeSeconds = o.get("active_seconds").getAsDouble();
            return s;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("checkpoint: the trainer's progress record is incomplete (" + e
                    + ") — the checkpoint was not written by Netwright's trainer", e);
        }
    }

    private static double number(JsonObject o, String key) {
        Object v = Json.fromJson(o.get(key));
        return v instanceof Double d ? d : Double.NaN;
    }
}
