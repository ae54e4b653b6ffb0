package io.netwright.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.tensor.Generator;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole models: LeNet-5 printing and summary, state dicts, loading errors, freezing and forward hooks. */
class ModelTest {

    /** LeNet-5 for 1x28x28 input (conv1 padded by 2), as in the benchmark. */
    static Sequential lenet(Generator g) {
        return new Sequential(
                Conv2d.builder(1, 6, 5).padding(2).generator(g).build(), new ReLU(), new MaxPool2d(2, 2),
                Conv2d.builder(6, 16, 5).generator(g).build(), new ReLU(), new MaxPool2d(2, 2),
                new Flatten(),
                new Linear(400, 120, true, g), new ReLU(),
                new Linear(120, 84, true, g), new ReLU(),
                new Linear(84, 10, true, g));
    }

    /** A model with named children and a BatchNorm, like a user's own nn.Module subclass. */
    static final class Net extends Module {
        final Sequential features;
        final Sequential classifier;

        Net(Generator g) {
            features = registerModule("features", new Sequential(Conv2d.builder(1, 6, 5).padding(2).generator(g)
                    .build(), new BatchNorm2d(6), new ReLU(), new MaxPool2d(2)));
            classifier = registerModule("classifier", new Sequential(new Flatten(), new Dropout(0.25),
                    new Linear(6 * 14 * 14, 10, true, g)));
        }

        @Override
        public Tensor forward(Tensor x) {
            return classifier.call(features.call(x));
        }
    }

    @Test
    void lenetPrintsExactlyLikePyTorch() {
        String expected = """
                Sequential(
                  (0): Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))
                  (1): ReLU()
                  (2): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
                  (3): Conv2d(6, 16, kernel_size=(5, 5), stride=(1, 1))
                  (4): ReLU()
                  (5): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
                  (6): Flatten(start_dim=1, end_dim=-1)
                  (7): Linear(in_features=400, out_features=120, bias=True)
                  (8): ReLU()
                  (9): Linear(in_features=120, out_features=84, bias=True)
                  (10): ReLU()
                  (11): Linear(in_features=84, out_features=10, bias=True)
                )""";
        assertEquals(expected, lenet(new Generator(0)).toString());
    }

    @Test
    void nestedModelPrintsExactlyLikePyTorch() {
        String expected = """
                Net(
                  (features): Sequential(
                    (0): Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))
                    (1): BatchNorm2d(6, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
                    (2): ReLU()
                    (3): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
                  )
                  (classifier): Sequential(
                    (0): Flatten(start_dim=1, end_dim=-1)
                    (1): Dropout(p=0.25, inplace=False)
                    (2): Linear(in_features=1176, out_features=10, bias=True)
                  )
                )""";
        assertEquals(expected, new Net(new Generator(0)).toString());
    }

    @Test
    void lenetSummaryCounts61706ParametersAndEveryLayerShape() {
        ModelSummary s = ModelSummary.of(lenet(new Generator(0)), 1, 28, 28);
        assertEquals(61_706, s.totalParams());
        assertEquals(61_706, s.trainableParams());
        List<String> rows = s.rows().stream().map(r -> r.layer() + " " + r.outputShape() + " " + r.params()).toList();
        assertEquals(List.of(
                "Conv2d-1 [-1, 6, 28, 28] 156", "ReLU-2 [-1, 6, 28, 28] 0", "MaxPool2d-3 [-1, 6, 14, 14] 0",
                "Conv2d-4 [-1, 16, 10, 10] 2416", "ReLU-5 [-1, 16, 10, 10] 0", "MaxPool2d-6 [-1, 16, 5, 5] 0",
                "Flatten-7 [-1, 400] 0", "Linear-8 [-1, 120] 48120", "ReLU-9 [-1, 120] 0",
                "Linear-10 [-1, 84] 10164", "ReLU-11 [-1, 84] 0", "Linear-12 [-1, 10] 850"), rows);
        String table = s.toString();
        assertTrue(table.contains("Total params: 61,706"), table);
        assertTrue(table.contains("Params size (MB): 0.24"), table);
    }

    @Test
    void stateDictKeysMatchPyTorch() {
        assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias", "7.weight", "7.bias", "9.weight", "9.bias",
                "11.weight", "11.bias"), List.copyOf(lenet(new Generator(0)).stateDict().keySet()));
        assertEquals(List.of("features.0.weight", "features.0.bias", "features.1.weight", "features.1.bias",
                        "features.1.running_mean", "features.1.running_var", "features.1.num_batches_tracked",
                        "classifier.2.weight", "classifier.2.bias"),
                List.copyOf(new Net(new Generator(0)).stateDict().keySet()));
    }

    @Test
    void stateDictRoundTripGivesTheSameOutputs() {
        Net a = new Net(new Generator(1));
        Net b = new Net(new Generator(2));
        Tensor x = Tensor.randn(new Generator(3), 2, 1, 28, 28);
        a.train();
        a.call(x); // moves a's running statistics away from their initial values
        b.loadStateDict(a.stateDict(), true);
        a.eval();
        b.eval();
        try (var g = NoGrad.enter()) {
            assertTrue(a.call(x).allclose(b.call(x), 0, 0));
        }
        assertEquals(1, b.stateDict().get("features.1.num_batches_tracked").itemLong());
    }

    @Test
    void strictLoadingListsEveryMissingUnexpectedAndMismatchedKey() {
        Sequential net = lenet(new Generator(0));
        Map<String, Tensor> state = new LinkedHashMap<>(net.stateDict());
        state.remove("0.bias");
        state.remove("11.weight");
        state.put("12.weight", Tensor.zeros(3));
        state.put("extra", Tensor.zeros(1));
        state.put("3.weight", Tensor.zeros(16, 6, 3, 3));
        Tensor before = net.stateDict().get("7.weight").clone();
        var e = assertThrows(StateDictException.class, () -> net.loadStateDict(state, true));
        assertEquals(List.of("0.bias", "11.weight"), e.missing());
        assertEquals(List.of("12.weight", "extra"), e.unexpected());
        assertEquals(1, e.mismatched().size());
        String msg = e.getMessage();
        assertTrue(msg.startsWith("Error(s) in loading state_dict for Sequential:"), msg);
        assertTrue(msg.contains("Missing key(s) in state_dict: \"0.bias\", \"11.weight\"."), msg);
        assertTrue(msg.contains("Unexpected key(s) in state_dict: \"12.weight\", \"extra\"."), msg);
        assertTrue(msg.contains("size mismatch for 3.weight: copying a param with shape [16, 6, 3, 3] from "
                + "checkpoint, the shape in current model is [16, 6, 5, 5]."), msg);
        assertTrue(net.stateDict().get("7.weight").equal(before), "nothing is changed when loading fails");
    }

    @Test
    void nonStrictLoadingSkipsMissingAndUnexpectedKeysForFineTuning() {
        Sequential source = lenet(new Generator(1));
        Sequential target = lenet(new Generator(2));
        Map<String, Tensor> state = new LinkedHashMap<>(source.stateDict());
        state.remove("11.weight");
        state.remove("11.bias");
        state.put("head.weight", Tensor.zeros(2));
        LoadResult r = target.loadStateDict(state, false);
        assertEquals(List.of("11.weight", "11.bias"), r.missingKeys());
        assertEquals(List.of("head.weight"), r.unexpectedKeys());
        assertTrue(target.stateDict().get("0.weight").equal(source.stateDict().get("0.weight")));
        assertTrue(!target.stateDict().get("11.weight").equal(source.stateDict().get("11.weight")));
        state.put("0.weight", Tensor.zeros(1));
        assertThrows(StateDictException.class, () -> target.loadStateDict(state, false),
                "shape mismatches fail even when not strict");
    }

    @Test
    void frozenLayersGetNoGradientAndDoNotCountAsTrainable() {
        Sequential net = lenet(new Generator(0));
        net.get(0).requiresGrad(false);
        net.get(3).requiresGrad(false);
        assertEquals(61_706 - 156 - 2416, net.numParameters(true));
        assertEquals(61_706, net.numParameters(false));
        Tensor x = Tensor.randn(new Generator(1), 2, 1, 28, 28);
        new CrossEntropyLoss().forward(net.call(x), Tensor.ofLongs(new long[]{3, 7})).backward();
        Conv2d conv1 = (Conv2d) net.get(0);
        Linear fc1 = (Linear) net.get(7);
        assertNull(conv1.weight().grad());
        assertNull(conv1.bias().grad());
        assertNotNull(fc1.weight().grad());
        assertTrue(ModelSummary.of(net, 1, 28, 28).toString().contains("Non-trainable params: 2,572"));
        net.requiresGrad(true);
        assertEquals(61_706, net.numParameters(true));
    }

    @Test
    void forwardHooksSeeEveryLayerOutputUntilRemoved() {
        Sequential net = lenet(new Generator(0));
        List<int[]> seen = new ArrayList<>();
        HookHandle h = net.get(0).registerForwardHook((m, in, out) -> {
            assertTrue(m instanceof Conv2d);
            assertArrayEquals(new int[]{2, 1, 28, 28}, in[0].sizes());
            seen.add(out.sizes());
        });
        Tensor x = Tensor.randn(new Generator(1), 2, 1, 28, 28);
        net.call(x);
        assertEquals(1, seen.size());
        assertArrayEquals(new int[]{2, 6, 28, 28}, seen.get(0));
        h.remove();
        net.call(x);
        assertEquals(1, seen.size());
    }

    @Test
    void trainAndEvalPropagateToEveryLayer() {
        Net net = new Net(new Generator(0));
        net.eval();
        assertTrue(net.modules().stream().noneMatch(Module::isTraining));
        net.train();
        assertTrue(net.modules().stream().allMatch(Module::isTraining));
    }

    @Test
    void lenetTrainsOnATinyBatch() {
        Sequential net = lenet(new Generator(0));
        Tensor x = Tensor.randn(new Generator(1), 8, 1, 28, 28);
        Tensor y = Tensor.ofLongs(new long[]{0, 1, 2, 3, 4, 5, 6, 7});
        CrossEntropyLoss lossFn = new CrossEntropyLoss();
        float first = 0;
        float last = 0;
        for (int step = 0; step < 30; step++) {
            net.zeroGrad();
            Tensor loss = lossFn.forward(net.call(x), y);
            loss.backward();
            try (var g = NoGrad.enter()) {
                for (Parameter p : net.parameters()) {
                    p.data().sub_(p.grad().mul(0.1));
                }
            }
            if (step == 0) {
                first = loss.item();
            }
            last = loss.item();
        }
        assertTrue(last < first * 0.85, "loss went from " + first + " to " + last);
    }
}
