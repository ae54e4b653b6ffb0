package io.netwright.nn;

import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A torchsummary-style report: one row per leaf layer with its output shape and parameter count, then totals and
 * estimated sizes (input, forward/backward activations, parameters) in MB for a batch of one.
 *
 * @param rows            one row per leaf module call, in execution order
 * @param inputShape      input shape without the batch dim
 * @param totalParams     all parameter elements
 * @param trainableParams parameter elements that require grad
 */
public record ModelSummary(List<Row> rows, int[] inputShape, long totalParams, long trainableParams) {

    /**
     * One layer call.
     *
     * @param layer       e.g. {@code Conv2d-1}
     * @param outputShape e.g. {@code [-1, 6, 28, 28]}
     * @param params      parameters owned directly by the layer
     * @param outputElems elements of the output per sample
     */
    public record Row(String layer, String outputShape, long params, long outputElems) {
    }

    /** Runs one forward pass of a zero input of batch 1 (eval mode, no grad) and records every leaf layer. */
    public static ModelSummary of(Module model, int... inputShape) {
        List<Row> rows = new ArrayList<>();
        List<HookHandle> handles = new ArrayList<>();
        int[] counter = {0};
        for (Module m : model.modules()) {
            if (!m.children().isEmpty()) {
                continue;
            }
            handles.add(m.registerForwardHook((mod, in, out) -> {
                int[] s = out.sizes();
                StringBuilder shape = new StringBuilder("[-1");
                long elems = 1;
                for (int i = 1; i < s.length; i++) {
                    shape.append(", ").append(s[i]);
                    elems *= s[i];
                }
                long own = 0;
                for (Parameter p : mod.namedParameters().values()) {
                    own += p.numel();
                }
                rows.add(new Row(mod.name() + "-" + (++counter[0]), shape.append(']').toString(), own, elems));
            }));
        }
        boolean wasTraining = model.isTraining();
        int[] batched = new int[inputShape.length + 1];
        batched[0] = 1;
        System.arraycopy(inputShape, 0, batched, 1, inputShape.length);
        try (var g = NoGrad.enter()) {
            model.eval();
            model.call(Tensor.zeros(batched));
        } finally {
            handles.forEach(HookHandle::remove);
            model.train(wasTraining);
        }
        return new ModelSummary(List.copyOf(rows), inputShape.clone(), model.numParameters(false),
                model.numParameters(true));
    }

    @Override
    public String toString() {
        String line = "-".repeat(64);
        StringBuilder sb = new StringBuilder();
        sb.append(line).append('\n');
        sb.append(String.format(Locale.ROOT, "%20s  %25s %15s%n", "Layer (type)", "Output Shape", "Param #"));
        sb.append("=".repeat(64)).append('\n');
        long activations = 0;
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%20s  %25s %15s%n", r.layer(), r.outputShape(),
                    String.format(Locale.ROOT, "%,d", r.params())));
            activations += r.outputElems();
        }
        sb.append("=".repeat(64)).append('\n');
        sb.append(String.format(Locale.ROOT, "Total params: %,d%n", totalParams));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d%n", trainableParams));
        sb.append(String.format(Locale.ROOT, "Non-trainable params: %,d%n", totalParams - trainableParams));
        sb.append(line).append('\n');
        double inputMb = Arrays.stream(inputShape).asLongStream().reduce(1, (a, b) -> a * b) * 4.0 / (1 << 20);
        double fwdBwdMb = 2.0 * activations * 4.0 / (1 << 20);
        double paramsMb = totalParams * 4.0 / (1 << 20);
        sb.append(String.format(Locale.ROOT, "Input size (MB): %.2f%n", inputMb));
        sb.append(String.format(Locale.ROOT, "Forward/backward pass size (MB): %.2f%n", fwdBwdMb));
        sb.append(String.format(Locale.ROOT, "Params size (MB): %.2f%n", paramsMb));
        sb.append(String.format(Locale.ROOT, "Estimated Total Size (MB): %.2f%n", inputMb + fwdBwdMb + paramsMb));
        sb.append(line).append('\n');
        return sb.toString();
    }
}
