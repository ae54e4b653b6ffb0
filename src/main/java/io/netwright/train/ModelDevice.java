package io.netwright.train;

import io.netwright.backend.Backend;
import io.netwright.backend.Device;
import io.netwright.backend.Devices;
import io.netwright.data.Batch;
import io.netwright.nn.Module;
import io.netwright.nn.Parameter;
import io.netwright.tensor.Tensor;

/**
 * Where a model lives (the backend of its first parameter or buffer; the CPU for a model with neither) and the
 * move of a batch there: data loaders collate on the CPU, and every forward pass of the trainer, the evaluator and
 * the probes runs on the model's device.
 */
final class ModelDevice {

    private ModelDevice() {
    }

    /** The backend {@code model}'s tensors are on. */
    static Backend of(Module model) {
        for (Parameter p : model.parameters()) {
            return p.data().backend();
        }
        for (Tensor b : model.namedBuffers().values()) {
            return b.backend();
        }
        return Devices.backendFor(Device.cpu());
    }

    /** {@code t} on {@code backend} (the same tensor if it is already there). */
    static Tensor on(Backend backend, Tensor t) {
        return t.to(backend);
    }

    /** {@code b} on {@code backend} (the same batch if it is already there). */
    static Batch on(Backend backend, Batch b) {
        Tensor x = b.inputs().to(backend);
        Tensor y = b.targets().to(backend);
        return x == b.inputs() && y == b.targets() ? b : new Batch(x, y);
    }
}
