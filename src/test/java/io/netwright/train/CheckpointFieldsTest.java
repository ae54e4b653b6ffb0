package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fields of the wrong type in checkpoint.json are refused on resume naming the file, the field and the fix. */
class CheckpointFieldsTest {

    @TempDir
    Path tmp;

    private String resumeWith(String name, Consumer<JsonObject> damage) throws Exception {
        TrainingData data = TrainFixtures.data(24, 0, 0, 4, 3);
        Path run = tmp.resolve(name);
        Trainer t = Trainer.create(TrainFixtures.config(TrainFixtures.mlp(4, 6, 3)).withEpochs(1), run, data);
        t.start();
        assertTrue(t.join(Duration.ofSeconds(60)));
        Path index = run.resolve("checkpoints/last/checkpoint.json");
        JsonObject o = JsonParser.parseString(Files.readString(index)).getAsJsonObject();
        damage.accept(o);
        Files.writeString(index, o.toString());
        Trainer r = Trainer.resumeRun(run, c -> c.withEpochs(2), data);
        var rec = new TrainFixtures.Recorder();
        r.addListener(rec);
        r.start();
        assertTrue(r.join(Duration.ofSeconds(60)));
        assertEquals(Trainer.State.FAILED, r.state());
        return ((TrainingEvent.Failed) rec.last()).message();
    }

    private static JsonObject meta(JsonObject o) {
        return o.getAsJsonObject("meta");
    }

    @Test
    void eachDamagedFieldIsNamed() throws Exception {
        String[][] cases = {
            {"meta-text", "/meta: expected an object"},
            {"step-emoji", "/meta/step: expected a whole number >= 0, got the text \"🙂\""},
            {"rng-text", "/meta/rng: expected an object"},
            {"bytes-huge", "/files/model.safetensors/bytes: expected a whole number"},
            {"bytes-missing", "/files/model.safetensors/bytes: missing"},
            {"group-number", "/meta/param_groups/0: expected an object, got the number 16"},
        };
        java.util.Map<String, Consumer<JsonObject>> damage = java.util.Map.of(
                "meta-text", o -> o.add("meta", new JsonPrimitive("x")),
                "step-emoji", o -> meta(o).add("step", new JsonPrimitive("🙂")),
                "rng-text", o -> meta(o).add("rng", new JsonPrimitive("seed")),
                "bytes-huge", o -> o.getAsJsonObject("files").getAsJsonObject("model.safetensors")
                        .add("bytes", new JsonPrimitive(Long.MAX_VALUE)),
                "bytes-missing", o -> o.getAsJsonObject("files").getAsJsonObject("model.safetensors").remove("bytes"),
                "group-number", o -> meta(o).getAsJsonArray("param_groups").set(0, (JsonElement) new JsonPrimitive(16)));
        for (String[] c : cases) {
            String m = resumeWith(c[0], damage.get(c[0]));
            assertTrue(m.contains("checkpoint.json") && m.contains(c[1]), c[0] + ": " + m);
            assertTrue(!m.contains("java.lang") && !m.contains("com.google"), m);
        }
    }
}
