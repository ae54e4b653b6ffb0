package io.netwright.tensor;

import io.netwright.backend.DType;
import java.util.Locale;

/**
 * Prints tensors the way PyTorch does: {@code tensor([[1.0000, 2.5000], [3.0000, 4.0000]])}, integers without a
 * decimal point, floats that are all integral as {@code 1.}, scientific notation for very large or small ranges,
 * long dims summarised with {@code ...}, and the non-default dtype/device/grad facts at the end.
 */
final class TensorFormat {

    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;
    private static final int LINE_WIDTH = 80;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        if (t.v().buffer().isClosed()) {
            return "tensor(<released>)";
        }
        float[] data = t.toFloatArray();
        int[] shape = t.sizes();
        boolean summarize = data.length > THRESHOLD;
        Formatter f = new Formatter(t.dtype(), data);
        StringBuilder sb = new StringBuilder("tensor(");
        if (data.length == 0) {
            sb.append("[]");
        } else {
            render(sb, data, shape, 0, 0, f, summarize, "tensor(".length());
        }
        if (t.device().kind() != io.netwright.backend.Device.Kind.CPU) {
            sb.append(", device='").append(t.device()).append("'");
        }
        if (t.dtype() == DType.INT64 && data.length == 0 || t.dtype() == DType.FLOAT32 && data.length == 0) {
            if (t.dtype() != DType.FLOAT32) {
                sb.append(", dtype=").append(t.dtype().torchName());
            }
        } else if (data.length == 0 && t.dtype() == DType.BOOL) {
            sb.append(", dtype=torch.bool");
        }
        if (data.length == 0 && shape.length > 1) {
            sb.append(", size=").append(t.shape().toString().replace('[', '(').replace(']', ')'));
        }
        if (t.gradFn() != null) {
            sb.append(", grad_fn=").append(t.gradFn());
        } else if (t.requiresGrad()) {
            sb.append(", requires_grad=True");
        }
        return sb.append(")").toString();
    }

    private static int render(StringBuilder sb, float[] data, int[] shape, int dim, int offset, Formatter f,
                              boolean summarize, int indent) {
        if (shape.length == 0) {
            sb.append(f.format(data[0]).trim());
            return 1;
        }
        int size = shape[dim];
        int block = 1;
        for (int i = dim + 1; i < shape.length; i++) {
            block *= shape[i];
        }
        sb.append('[');
        boolean cut = summarize && size > 2 * EDGE;
        if (dim == shape.length - 1) {
            int lineStart = sb.length();
            for (int i = 0; i < size; i++) {
                if (cut && i == EDGE) {
                    sb.append("...,");
                    i = size - EDGE - 1;
                    continue;
                }
                String item = f.format(data[offset + i]);
                if (i > 0) {
                    if (sb.length() - lineStart + item.length() + 2 > LINE_WIDTH - indent) {
                        sb.append('\n').append(" ".repeat(indent + dim + 1));
                        lineStart = sb.length();
                    } else {
                        sb.append(' ');
                    }
                }
                sb.append(item);
                if (i < size - 1) {
                    sb.append(',');
                }
            }
        } else {
            String sep = ",\n" + "\n".repeat(shape.length - dim - 2) + " ".repeat(indent + dim + 1);
            for (int i = 0; i < size; i++) {
                if (cut && i == EDGE) {
                    sb.append("...").append(sep);
                    i = size - EDGE - 1;
                    continue;
                }
                render(sb, data, shape, dim + 1, offset + i * block, f, summarize, indent);
                if (i < size - 1) {
                    sb.append(sep);
                }
            }
        }
        sb.append(']');
        return size;
    }

    /** Chooses one number style for the whole tensor, like PyTorch's {@code _Formatter}. */
    private static final class Formatter {
        private final DType dtype;
        private boolean intMode = true;
        private boolean sciMode;
        private int width;

        Formatter(DType dtype, float[] data) {
            this.dtype = dtype;
            double maxAbs = 0;
            double minAbs = Double.MAX_VALUE;
            for (float v : data) {
                if (!Float.isFinite(v)) {
                    continue;
                }
                if (v != Math.rint(v)) {
                    intMode = false;
                }
                double a = Math.abs(v);
                maxAbs = Math.max(maxAbs, a);
                if (a != 0) {
                    minAbs = Math.min(minAbs, a);
                }
            }
            if (dtype == DType.FLOAT32) {
                if (intMode) {
                    sciMode = maxAbs > 1e8;
                } else {
                    sciMode = maxAbs / minAbs > 1000 || maxAbs > 1e8 || minAbs < 1e-4;
                }
            }
            for (float v : data) {
                width = Math.max(width, raw(v).length());
            }
        }

        String format(float v) {
            String s = raw(v);
            return " ".repeat(Math.max(0, width - s.length())) + s;
        }

        private String raw(float v) {
            if (dtype == DType.BOOL) {
                return v != 0 ? "True" : "False";
            }
            if (dtype == DType.INT64) {
                return Long.toString((long) v);
            }
            if (Float.isNaN(v)) {
                return "nan";
            }
            if (Float.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            if (sciMode) {
                return String.format(Locale.ROOT, "%.4e", v).replaceAll("e([+-])(\\d)$", "e$10$2");
            }
            if (intMode) {
                return String.format(Locale.ROOT, "%.0f.", v);
            }
            return String.format(Locale.ROOT, "%.4f", v);
        }
    }
}
