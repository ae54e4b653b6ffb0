package io.netwright.export;

import java.nio.file.Path;
import java.util.List;

/**
 * A written Triton model repository.
 *
 * @param model       the ONNX model's folder ({@code REPO/<name>})
 * @param torchscript the TorchScript model's folder ({@code REPO/<name>_torchscript}), or null when not asked for
 * @param notes       what the user must know (the TorchScript model could not be built here, and how to build it)
 */
public record TritonRepository(Path model, Path torchscript, List<String> notes) {

    /** Copies the notes. */
    public TritonRepository {
        notes = List.copyOf(notes);
    }
}
