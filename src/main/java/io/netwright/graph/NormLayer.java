package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Generator;
import io.netwright.nn.BatchNorm1d;
import io.netwright.nn.BatchNorm2d;
import io.netwright.nn.LayerNorm;
import java.util.List;

/**
 * {@code BatchNorm1d} ({@code [C]} or {@code [C, L]}), {@code BatchNorm2d} ({@code [C, H, W]}) and
 * {@code LayerNorm} (over the trailing {@code normalized_shape}; "auto" means the whole sample).
 */
final class NormLayer extends BaseLayer {

    private enum Kind { BN1D, BN2D, LN }

    private final Kind kind;

    // before the instances: their constructors read it
    private static final ParamSpec EPS = ParamSpec.ofFloat("eps", 1e-5, Range.greaterThan(0),
            "Added to the variance for numerical stability.");

    static final NormLayer BATCH_NORM1D = new NormLayer(Kind.BN1D);
    static final NormLayer BATCH_NORM2D = new NormLayer(Kind.BN2D);
    static final NormLayer LAYER_NORM = new NormLayer(Kind.LN);

    private NormLayer(Kind kind) {
        super(switch (kind) {
            case BN1D -> "BatchNorm1d";
            case BN2D -> "BatchNorm2d";
            case LN -> "LayerNorm";
        }, switch (kind) {
            case BN1D -> "Batch Norm 1D";
            case BN2D -> "Batch Norm 2D";
            case LN -> "Layer Norm";
        }, Category.NORMALIZATION, kind == Kind.LN ? "ln" : "bn", 1, 1,
                kind == Kind.LN ? "Normalises each sample over its last dims, then scales and shifts."
                        : "Normalises each channel with batch statistics (running averages in eval), then scales "
                                + "and shifts.",
                kind == Kind.LN
                        ? List.of(ParamSpec.ofInts("normalized_shape", ParamValue.of(1), Range.atLeast(1),
                                        "Trailing dims to normalise over; \"auto\" is the whole sample.")
                                        .autoByDefault(), EPS,
                                ParamSpec.ofBool("elementwise_affine", true, "Learn a scale and shift per element."))
                        : List.of(ParamSpec.ofInt("num_features", 1, Range.atLeast(1), "Channels; \"auto\" takes "
                                        + "them from the input.").autoByDefault(), EPS,
                                ParamSpec.ofFloat("momentum", 0.1, Range.between(0, 1), "Weight of the current "
                                        + "batch in the running statistics."),
                                ParamSpec.ofBool("affine", true, "Learn a scale and shift per channel."),
                                ParamSpec.ofBool("track_running_stats", true, "Keep running mean/variance for "
                                        + "evaluation.")));
        this.kind = kind;
    }

    @Override
    public int[] outputShape(Params p, int[][] in, ShapeCheck check) {
        int[] x = in[0];
        switch (kind) {
            case BN2D -> {
                if (!needImage(x, check)) {
                    return null;
                }
            }
            case BN1D -> {
                if (x.length > 2) {
                    check.error("input is " + Shapes.format(x) + " but BatchNorm1d needs [C] or [C, L]",
                            "use BatchNorm2d for C×H×W, or insert Flatten before it");
                    return null;
                }
            }
            case LN -> {
                if (!p.isAuto("normalized_shape")) {
                    int[] ns = p.ints("normalized_shape");
                    boolean fits = ns.length <= x.length;
                    for (int i = 0; fits && i < ns.length; i++) {
                        fits = ns[i] == x[x.length - ns.length + i];
                    }
                    if (!fits) {
                        check.error("normalized_shape " + Shapes.format(ns) + " does not match the last dims of "
                                + "the input " + Shapes.format(x), "set normalized_shape=\"auto\" or to trailing "
                                + "dims of " + Shapes.format(x));
                        return null;
                    }
                }
                return x;
            }
            default -> throw new AssertionError(kind);
        }
        checkInferred(p, "num_features", x[0], "channels", null, check);
        return x;
    }

    private long normalized(Params p, int[] x) {
        return kind == Kind.LN ? (p.isAuto("normalized_shape") ? Shapes.numel(x)
                : Shapes.numel(p.ints("normalized_shape"))) : x[0];
    }

    @Override
    public long paramCount(Params p, int[][] in, int[] out) {
        boolean affine = p.bool(kind == Kind.LN ? "elementwise_affine" : "affine");
        return affine ? 2 * normalized(p, in[0]) : 0;
    }

    @Override
    public long bufferCount(Params p, int[][] in, int[] out) {
        // running_mean, running_var and num_batches_tracked
        return kind != Kind.LN && p.bool("track_running_stats") ? 2L * in[0][0] + 1 : 0;
    }

    @Override
    public long flops(Params p, int[][] in, int[] out) {
        return 2 * Shapes.numel(out);
    }

    @Override
    public Module compile(Params p, int[][] in, Generator g) {
        int[] x = in[0];
        if (kind == Kind.LN) {
            int[] shape = p.isAuto("normalized_shape") ? x.clone() : p.ints("normalized_shape");
            return new LayerNorm(shape, p.number("eps"), p.bool("elementwise_affine"));
        }
        int c = p.isAuto("num_features") ? x[0] : p.integer("num_features");
        return kind == Kind.BN1D
                ? new BatchNorm1d(c, p.number("eps"), p.number("momentum"), p.bool("affine"),
                        p.bool("track_running_stats"))
                : new BatchNorm2d(c, p.number("eps"), p.number("momentum"), p.bool("affine"),
                        p.bool("track_running_stats"));
    }
}
