package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renaming runs, their notes and tags, and moving them to the trash — never while they train. */
class RunManagementTest {

    @TempDir
    Path tmp;

    private Path trained(RunStore store, String name) throws Exception {
        Path dir = store.root().resolve(name);
        Trainer t = Trainer.create(TrainFixtures.config(TrainFixtures.mlp(4, 6, 3)).withEpochs(1), dir,
                TrainFixtures.data(24, 8, 0, 4, 3));
        t.start();
        assertTrue(t.join(Duration.ofSeconds(60)));
        return dir;
    }

    @Test
    void renameNotesAndTrash() throws Exception {
        RunStore store = new RunStore(tmp.resolve("runs"));
        Path a = trained(store, "a");
        trained(store, "b");
        Path renamed = store.rename(a, "baseline-adam");
        assertEquals("baseline-adam", renamed.getFileName().toString());
        assertFalse(Files.exists(a));
        IOException taken = assertThrows(IOException.class, () -> store.rename(renamed, "b"));
        assertTrue(taken.getMessage().contains("already exists"), taken.getMessage());
        IOException bad = assertThrows(IOException.class, () -> store.rename(renamed, "../escape"));
        assertTrue(bad.getMessage().contains("cannot name a run"), bad.getMessage());

        RunFolder.open(renamed).writeNotes(new RunNotes("first try", RunNotes.parseTags(" adam, baseline,,adam ")));
        RunSummary s = store.summary(renamed);
        assertEquals(List.of("adam", "baseline"), s.notes().tags());
        assertEquals("first try", s.notes().notes());
        assertFalse(s.device().isBlank());

        Path gone = store.moveToTrash(renamed);
        assertTrue(Files.isDirectory(gone.resolve(RunFolder.CONFIG).getParent()));
        assertEquals(store.trash(), gone.getParent());
        assertEquals(List.of("b"), store.list().stream().map(RunSummary::id).toList());
    }

    @Test
    void aTrainingRunIsNeitherRenamedNorTrashed() throws Exception {
        RunStore store = new RunStore(tmp.resolve("runs2"));
        Path dir = store.root().resolve("live");
        Trainer t = TrainFixtures.startSlowRun(dir);
        assertTrue(assertThrows(IOException.class, () -> store.rename(dir, "other")).getMessage()
                .contains("stop it first"));
        assertTrue(assertThrows(IOException.class, () -> store.moveToTrash(dir)).getMessage()
                .contains("stop it first"));
        t.stop();
        assertTrue(t.join(Duration.ofSeconds(30)));
        assertTrue(Files.isDirectory(store.moveToTrash(dir)));
    }
}
