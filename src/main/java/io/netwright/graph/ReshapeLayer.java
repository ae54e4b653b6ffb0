package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Generator;
import io.netwright.nn.Flatten;
import io.netwright.nn.Identity;
import java.util.List;

/**
 * Layers that only rearrange elements: {@code Flatten} (dims start_dim..end_dim into one, batch counted as dim 0),
 * {@code Reshape} (to a per-sample shape, one size may be -1) and {@code Identity}.
 */
final class ReshapeLayer extends BaseLayer {

    private enum Kind { FLATTEN, RESHAPE, IDENTITY }

    private final Kind kind;

    static final ReshapeLayer FLATTEN = new ReshapeLayer(Kind.FLATTEN);
    static final ReshapeLayer RESHAPE = new ReshapeLayer(Kind.RESHAPE);
    static final ReshapeLayer IDENTITY = new ReshapeLayer(Kind.IDENTITY);

    private ReshapeLayer(Kind kind) {
        super(switch (kind) {
            case FLATTEN -> "Flatten";
            case RESHAPE -> "Reshape";
            case IDENTITY -> "Identity";
        }, switch (kind) {
            case FLATTEN -> "Flatten";
            case RESHAPE -> "Reshape";
            case IDENTITY -> "Identity";
        }, Category.RESHAPE, kind.name().toLowerCase(java.util.Locale.ROOT), 1, 1, switch (kind) {
            case FLATTEN -> "Flattens dims start_dim..end_dim into one (C×H×W → C·H·W before Linear).";
            case RESHAPE -> "Views each sample with another shape of the same size; one size may be -1 (inferred).";
            case IDENTITY -> "Passes its input through unchanged (a placeholder).";
        }, switch (kind) {
            case FLATTEN -> List.of(
                    ParamSpec.ofInt("start_dim", 1, Range.ANY, "First dim to flatten (0 is the batch)."),
                    ParamSpec.ofInt("end_dim", -1, Range.ANY, "Last dim to flatten (-1 is the last)."));
            case RESHAPE -> List.of(ParamSpec.ofInts("shape", ParamValue.ofInts(-1), Range.atLeast(-1),
                    "Per-sample shape without the batch dim, e.g. [16, 5, 5]; one size may be -1.").asRequired());
            case IDENTITY -> List.of();
        });
        this.kind = kind;
    }

    @Override
    public int[] outputShape(Params p, int[][] in, ShapeCheck check) {
        int[] x = in[0];
        return switch (kind) {
            case IDENTITY -> x;
            case FLATTEN -> flatten(p, x, check);
            case RESHAPE -> reshape(p.ints("shape"), x, check);
        };
    }

    private static int[] flatten(Params p, int[] x, ShapeCheck check) {
        int start = Shapes.batchDim(p.integer("start_dim"), x.length);
        int end = Shapes.batchDim(p.integer("end_dim"), x.length);
        if (start <= 0 || end < 0 || end < start) {
            check.error("start_dim=" + p.integer("start_dim") + ", end_dim=" + p.integer("end_dim")
                    + " do not select dims of the input " + Shapes.format(x) + " (batch is dim 0, the sample is dims "
                    + "1.." + x.length + ")", "set start_dim=1 and end_dim=-1");
            return null;
        }
        // per-sample indices: start-1 .. end-1
        int[] out = new int[x.length - (end - start)];
        int o = 0;
        for (int i = 0; i < start - 1; i++) {
            out[o++] = x[i];
        }
        long merged = 1;
        for (int i = start - 1; i <= end - 1; i++) {
            merged *= x[i];
        }
        out[o++] = (int) merged;
        for (int i = end; i < x.length; i++) {
            out[o++] = x[i];
        }
        return out;
    }

    private static int[] reshape(int[] target, int[] x, ShapeCheck check) {
        long total = Shapes.numel(x);
        int free = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == -1) {
                if (free >= 0) {
                    check.error("shape " + Shapes.format(target) + " has more than one -1", "keep one -1 at most");
                    return null;
                }
                free = i;
            } else if (target[i] == 0) {
                check.error("shape " + Shapes.format(target) + " has a 0 size", "use positive sizes (or one -1)");
                return null;
            } else {
                known *= target[i];
            }
        }
        int[] out = target.clone();
        if (free >= 0 && total % known == 0) {
            out[free] = (int) (total / known);
        }
        if (free >= 0 ? total % known != 0 : known != total) {
            check.error("cannot reshape " + Shapes.format(x) + " (" + total + " values) to " + Shapes.format(target)
                    + (free >= 0 ? "" : " (" + known + " values)"), "choose sizes whose product is " + total);
            return null;
        }
        return out;
    }

    @Override
    public boolean aliasesInput() {
        return true;
    }

    @Override
    public Module compile(Params p, int[][] in, Generator g) {
        return switch (kind) {
            case IDENTITY -> new Identity();
            case FLATTEN -> new Flatten(p.integer("start_dim"), p.integer("end_dim"));
            case RESHAPE -> new ReshapeModule(p.ints("shape"));
        };
    }
}
