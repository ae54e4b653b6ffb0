package io.netwright.ui.editor;

import io.netwright.graph.Design;
import io.netwright.graph.DesignFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Sample designs for the studio's tests. */
public final class Designs {

    private Designs() {
    }

    /** The LeNet-5 sample (61,706 parameters). */
    public static Design lenet() {
        return sample("lenet5.json");
    }

    /** A sample design by file name. */
    public static Design sample(String name) {
        try {
            return DesignFiles.read(Path.of("samples/designs", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
