package io.netwright.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    private static final Catalogue CAT = Catalogue.standard();

    /** Records what a shape rule reports. */
    static final class Recorder implements ShapeCheck {
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void error(String message, String fix) {
            errors.add(message + (fix == null ? "" : " — " + fix));
        }

        @Override
        public void errorAt(int port, String message, String fix) {
            error(message, fix);
        }

        @Override
        public void warning(String message, String fix) {
            warnings.add(message + (fix == null ? "" : " — " + fix));
        }

        @Override
        public int[] designInput() {
            return new int[] {1, 28, 28};
        }
    }

    private static Params params(String type, Map<String, ParamValue> set) {
        return Params.of(CAT.require(type), new Node("n", type, set, 0, 0));
    }

    private static int[] shape(String type, Map<String, ParamValue> set, int[]... in) {
        return CAT.require(type).outputShape(params(type, set), in, new Recorder());
    }

    @Test
    void listsEveryLayerOfTheTrainingStackAndTheGraphLayersInPaletteOrder() {
        List<String> expected = List.of("Input", "Output", "Conv2d", "ConvTranspose2d", "MaxPool2d", "AvgPool2d",
                "AdaptiveAvgPool2d", "AdaptiveMaxPool2d", "Linear", "Embedding", "ReLU", "LeakyReLU", "ELU", "GELU",
                "SiLU", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "PReLU", "BatchNorm1d", "BatchNorm2d",
                "LayerNorm", "Dropout", "Dropout2d", "Add", "Concat", "Multiply", "Flatten", "Reshape", "Identity",
                "Upsample", "ZeroPad2d");
        assertEquals(expected, CAT.names());
        assertEquals(List.of(Category.values()), List.copyOf(CAT.byCategory().keySet()));
        for (LayerType t : CAT.all()) {
            assertFalse(t.doc().isBlank(), t.name());
            assertFalse(t.displayName().isBlank(), t.name());
            for (ParamSpec s : t.params()) {
                assertFalse(s.doc().isBlank(), t.name() + "." + s.name());
                assertNull(s.check(s.defaultValue()), t.name() + "." + s.name());
            }
        }
    }

    @Test
    void unknownTypeNamesTheNearMiss() {
        var e = assertThrows(IllegalArgumentException.class, () -> CAT.require("Conv2D"));
        assertTrue(e.getMessage().startsWith("unknown layer type 'Conv2D' — did you mean 'Conv2d'?"),
                e.getMessage());
        assertTrue(CAT.get("Relu").isEmpty());
    }

    @Test
    void parameterChecksSayWhatIsAccepted() {
        ParamSpec k = CAT.require("Conv2d").param("kernel_size").orElseThrow();
        assertEquals("parameter kernel_size must be a positive integer or pair, got -1", k.check(ParamValue.of(-1)));
        assertNull(k.check(ParamValue.ofInts(3, 5)));
        assertEquals("parameter kernel_size must be a positive integer or pair, got [3, 5, 7]",
                k.check(ParamValue.ofInts(3, 5, 7)));
        ParamSpec pad = CAT.require("Conv2d").param("padding").orElseThrow();
        assertNull(pad.check(ParamValue.of("same")));
        assertEquals("parameter padding must be a non-negative integer or pair, or \"same\", \"valid\", got \"full\"",
                pad.check(ParamValue.of("full")));
        ParamSpec inC = CAT.require("Conv2d").param("in_channels").orElseThrow();
        assertEquals("parameter in_channels must be a positive integer, or \"auto\", got 2.5",
                inC.check(ParamValue.of(2.5)));
        ParamSpec p = CAT.require("Dropout").param("p").orElseThrow();
        assertEquals("parameter p must be a number in [0, 1], got 1.5", p.check(ParamValue.of(1.5)));
        assertNull(p.check(ParamValue.of(1)));
        ParamSpec eps = CAT.require("BatchNorm2d").param("eps").orElseThrow();
        assertEquals("parameter eps must be a positive number, got 0", eps.check(ParamValue.of(0)));
        ParamSpec mode = CAT.require("Upsample").param("mode").orElseThrow();
        assertEquals("parameter mode must be one of \"nearest\", \"bilinear\", got \"cubic\"",
                mode.check(ParamValue.of("cubic")));
        ParamSpec bias = CAT.require("Linear").param("bias").orElseThrow();
        assertEquals("parameter bias must be true or false, got 1", bias.check(ParamValue.of(1)));
    }

    @Test
    void newNodeFillsRequiredParameters() {
        Node n = CAT.require("Conv2d").newNode("conv1", 10, 20);
        assertEquals(List.of("out_channels", "kernel_size"), List.copyOf(n.params().keySet()));
        assertEquals("conv", CAT.require("Conv2d").idPrefix());
    }

    @Test
    void convolutionShapesFollowPyTorch() {
        assertArrayEquals(new int[] {6, 28, 28}, shape("Conv2d", Map.of("out_channels", ParamValue.of(6),
                "kernel_size", ParamValue.of(5), "padding", ParamValue.of(2)), new int[] {1, 28, 28}));
        assertArrayEquals(new int[] {8, 16, 16}, shape("Conv2d", Map.of("out_channels", ParamValue.of(8),
                "kernel_size", ParamValue.of(3), "stride", ParamValue.of(2), "padding", ParamValue.of(1)),
                new int[] {3, 32, 32}));
        assertArrayEquals(new int[] {4, 10, 9}, shape("Conv2d", Map.of("out_channels", ParamValue.of(4),
                "kernel_size", ParamValue.ofInts(4, 5), "padding", ParamValue.of("same")), new int[] {3, 10, 9}));
        assertArrayEquals(new int[] {4, 16, 16}, shape("ConvTranspose2d", Map.of("out_channels", ParamValue.of(4),
                "kernel_size", ParamValue.of(2), "stride", ParamValue.of(2)), new int[] {8, 8, 8}));
        assertArrayEquals(new int[] {3, 14, 14}, shape("MaxPool2d", Map.of(), new int[] {3, 28, 28}));
        assertArrayEquals(new int[] {3, 4, 4}, shape("MaxPool2d", Map.of("kernel_size", ParamValue.of(3),
                "stride", ParamValue.of(2), "ceil_mode", ParamValue.of(true)), new int[] {3, 8, 8}));
        assertArrayEquals(new int[] {3, 1, 1}, shape("AdaptiveAvgPool2d", Map.of(), new int[] {3, 7, 7}));
    }

    @Test
    void reshapeLayers() {
        assertArrayEquals(new int[] {400}, shape("Flatten", Map.of(), new int[] {16, 5, 5}));
        assertArrayEquals(new int[] {16, 25}, shape("Flatten", Map.of("start_dim", ParamValue.of(2)),
                new int[] {16, 5, 5}));
        assertArrayEquals(new int[] {16, 5, 5}, shape("Reshape", Map.of("shape", ParamValue.ofInts(16, -1, 5)),
                new int[] {400}));
        assertArrayEquals(new int[] {3, 34, 32}, shape("ZeroPad2d", Map.of("padding", ParamValue.ofInts(0, 0, 1, 1)),
                new int[] {3, 32, 32}));
        assertArrayEquals(new int[] {3, 64, 64}, shape("Upsample", Map.of(), new int[] {3, 32, 32}));
        assertArrayEquals(new int[] {12, 32}, shape("Embedding", Map.of("embedding_dim", ParamValue.of(32)),
                new int[] {12}));
    }

    @Test
    void mergeShapes() {
        assertArrayEquals(new int[] {8, 4, 4}, shape("Add", Map.of(), new int[] {8, 4, 4}, new int[] {8, 4, 4}));
        assertArrayEquals(new int[] {8, 4, 4}, shape("Multiply", Map.of(), new int[] {8, 4, 4},
                new int[] {8, 1, 1}));
        assertArrayEquals(new int[] {14, 4, 4}, shape("Concat", Map.of(), new int[] {8, 4, 4}, new int[] {2, 4, 4},
                new int[] {4, 4, 4}));
        var r = new Recorder();
        assertNull(CAT.require("Add").outputShape(params("Add", Map.of()),
                new int[][] {{16, 8, 8}, {8, 8, 8}}, r));
        assertEquals(List.of("input 1 is 8×8×8 but input 0 is 16×8×8; shapes must match or broadcast — insert a "
                + "1x1 Conv2d with out_channels=16 on input 1"), r.errors);
    }

    @Test
    void parameterCounts() {
        LayerType conv = CAT.require("Conv2d");
        Params p = params("Conv2d", Map.of("out_channels", ParamValue.of(16), "kernel_size", ParamValue.of(5)));
        int[][] in = {{6, 14, 14}};
        int[] out = conv.outputShape(p, in, new Recorder());
        assertEquals(2416, conv.paramCount(p, in, out));
        assertEquals(16L * 10 * 10 * 6 * 25, conv.macs(p, in, out));
        LayerType bn = CAT.require("BatchNorm2d");
        assertEquals(32, bn.paramCount(params("BatchNorm2d", Map.of()), new int[][] {{16, 4, 4}}, null));
        assertEquals(33, bn.bufferCount(params("BatchNorm2d", Map.of()), new int[][] {{16, 4, 4}}, null));
    }
}
