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

    /** The record at {@code f}, every field checked (the message names the file, the field and what was expected). */
    static RunState fromJson(io.netwright.files.JsonFields f) throws java.io.IOException {
        RunState s = new RunState();
        s.epoch = f.intNumber("epoch", 0, Integer.MAX_VALUE);
        s.batchInEpoch = f.intNumber("batch_in_epoch", 0, Integer.MAX_VALUE);
        s.step = f.wholeNumber("step", 0, Long.MAX_VALUE);
        s.lossSum = f.number("loss_sum");
        s.correct = f.wholeNumber("correct", 0, Long.MAX_VALUE);
        s.count = f.wholeNumber("count", 0, Long.MAX_VALUE);
        s.bestValue = f.optionalNumber("best_value");
        s.bestEpoch = f.intNumber("best_epoch", -1, Integer.MAX_VALUE);
        s.earlyBest = f.optionalNumber("early_best");
        s.earlyBad = f.intNumber("early_bad", 0, Integer.MAX_VALUE);
        s.activeSeconds = f.number("active_seconds");
        return s;
    }

}
