package io.netwright.ui.evaluate;

import io.netwright.train.RunFolder;
import io.netwright.train.RunModel;
import io.netwright.train.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;

/**
 * The model "predict a file" uses, loaded once per run and checkpoint and reloaded when the checkpoint is
 * rewritten (a followed run saving {@code last} again). Used on the Evaluate tab's one background thread only.
 */
final class RunModels {

    private Path dir;
    private String checkpoint;
    private FileTime stamp;
    private RunModel model;

    /** The run's model with the weights of {@code checkpoint} (null: best, else last). */
    RunModel load(Path runDir, String kind) throws IOException {
        FileTime now = stamp(runDir, kind);
        if (model == null || !runDir.equals(dir) || !Objects.equals(kind, checkpoint) || !Objects.equals(now, stamp)) {
            model = RunModel.load(runDir, kind);
            dir = runDir;
            checkpoint = kind;
            stamp = now;
        }
        return model;
    }

    /** The run's class names: from its {@code evaluation.json}, else from its data. */
    static List<String> classes(Path runDir, RunModel model) throws IOException {
        var evaluation = RunFolder.open(runDir).readEvaluation();
        if (evaluation.isPresent()) {
            return evaluation.get().classes();
        }
        try {
            return TrainingData.resolve(model.config()).classes();
        } catch (IOException | RuntimeException e) {
            return List.of(); // the data cannot be read now: the inspection names the classes by index instead
        }
    }

    private static FileTime stamp(Path runDir, String kind) throws IOException {
        for (String k : kind == null ? List.of("best", "last") : List.of(kind)) {
            Path f = runDir.resolve(RunFolder.CHECKPOINTS).resolve(k);
            if (Files.isDirectory(f)) {
                return Files.getLastModifiedTime(f);
            }
        }
        return null;
    }
}
