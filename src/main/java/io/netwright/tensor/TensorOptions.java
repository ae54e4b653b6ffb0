package io.netwright.tensor;

import io.netwright.backend.DType;
import io.netwright.backend.Device;
import java.util.Objects;

/**
 * Where and how to create a tensor: dtype, device and whether it requires grad (PyTorch's keyword arguments).
 *
 * <pre>{@code Tensor.zeros(TensorOptions.of(DType.INT64), 3)}</pre>
 *
 * @param dtype        element type
 * @param device       device to allocate on
 * @param requiresGrad whether the new tensor records gradients
 */
public record TensorOptions(DType dtype, Device device, boolean requiresGrad) {

    /** float32 on the CPU, no grad. */
    public static final TensorOptions DEFAULT = new TensorOptions(DType.FLOAT32, Device.cpu(), false);

    /** Rejects nulls and grad on non-float types. */
    public TensorOptions {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(device, "device");
        if (requiresGrad && !dtype.isFloating()) {
            throw new IllegalArgumentException("Only Tensors of floating point dtype can require gradients, not "
                    + dtype.torchName());
        }
    }

    /** Default options with the given dtype. */
    public static TensorOptions of(DType dtype) {
        return new TensorOptions(dtype, Device.cpu(), false);
    }

    /** Default options on the given device. */
    public static TensorOptions of(Device device) {
        return new TensorOptions(DType.FLOAT32, device, false);
    }

    /** A copy with another dtype. */
    public TensorOptions dtype(DType d) {
        return new TensorOptions(d, device, requiresGrad);
    }

    /** A copy with another device. */
    public TensorOptions device(Device d) {
        return new TensorOptions(dtype, d, requiresGrad);
    }

    /** A copy with requiresGrad set. */
    public TensorOptions requiresGrad(boolean r) {
        return new TensorOptions(dtype, device, r);
    }
}
