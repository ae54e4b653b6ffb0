package io.netwright.export;

import static io.netwright.export.OnnxGraph.attr;

import java.util.List;

/** ONNX for the reshape and resize layers of the catalogue. */
final class OnnxReshape {

    private OnnxReshape() {
    }

    /**
     * Flatten and Reshape → Reshape to {@code [0, per-sample output...]} (0 keeps the batch size, so the batch
     * dimension stays symbolic).
     */
    static void reshape(OnnxStep s) {
        int[] out = s.step().outputShape();
        long[] shape = new long[out.length + 1];
        for (int i = 0; i < out.length; i++) {
            shape[i + 1] = out[i];
        }
        s.graph().node("Reshape", List.of(s.in(), s.graph().constLongs(s.step().id() + "/shape", shape)), s.out());
    }

    /**
     * Upsample → Resize by scales. Nearest maps output index {@code i} to {@code floor(i / scale)} (asymmetric,
     * floor) and bilinear to {@code (i + 0.5) / scale - 0.5} (half pixel), as PyTorch does with a scale factor.
     */
    static void upsample(OnnxStep s) {
        OnnxGraph g = s.graph();
        float f = (float) s.params().number("scale_factor");
        String scales = g.constFloats(s.step().id() + "/scales", 1f, 1f, f, f);
        String roi = g.constFloats(s.step().id() + "/roi");
        if (s.params().text("mode").equals("nearest")) {
            g.node("Resize", List.of(s.in(), roi, scales), s.out(), attr("mode", "nearest"),
                    attr("coordinate_transformation_mode", "asymmetric"), attr("nearest_mode", "floor"));
        } else {
            g.node("Resize", List.of(s.in(), roi, scales), s.out(), attr("mode", "linear"),
                    attr("coordinate_transformation_mode", "pytorch_half_pixel"));
        }
    }

    /** ZeroPad2d → Pad with constant zeros; ONNX pads are {@code [begin of each dim..., end of each dim...]}. */
    static void zeroPad(OnnxStep s) {
        int[] p = s.params().ints("padding");
        int l = p[0];
        int r = p.length == 4 ? p[1] : l;
        int t = p.length == 4 ? p[2] : l;
        int b = p.length == 4 ? p[3] : l;
        String pads = s.graph().constLongs(s.step().id() + "/pads", 0, 0, t, l, 0, 0, b, r);
        s.graph().node("Pad", List.of(s.in(), pads), s.out(), attr("mode", "constant"));
    }
}
