package io.netwright.tensor;

import io.netwright.tensor.GoldenRunner.GoldenOp;
import io.netwright.tensor.GoldenRunner.Tolerance;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reductions against PyTorch ({@code golden/reductions.json}): sum/mean/prod (with zeros)/max/min/amax/amin/
 * argmax/argmin/var/std (with correction)/logsumexp/softmax/logSoftmax, over dims with and without keepdim,
 * including ties (gradient shared evenly) and large inputs (stability).
 * Tolerances: forward atol 1e-5 rtol 1e-4; gradients atol 1e-4 rtol 1e-3; indices exact.
 */
class GoldenReductionsTest {

    static final Map<String, GoldenOp> OPS = new HashMap<>();

    static {
        OPS.put("sum", (in, a) -> a.has("dims") ? in.get(0).sum(a.ints("dims"), a.b("keepdim")) : in.get(0).sum());
        OPS.put("mean", (in, a) -> a.has("dims") ? in.get(0).mean(a.ints("dims"), a.b("keepdim"))
                : in.get(0).mean());
        OPS.put("prod", (in, a) -> a.has("dim") ? in.get(0).prod(a.i("dim"), a.b("keepdim")) : in.get(0).prod());
        OPS.put("max_all", (in, a) -> in.get(0).max());
        OPS.put("min_all", (in, a) -> in.get(0).min());
        OPS.put("max_dim", (in, a) -> in.get(0).max(a.i("dim"), a.b("keepdim")));
        OPS.put("min_dim", (in, a) -> in.get(0).min(a.i("dim"), a.b("keepdim")));
        OPS.put("amax", (in, a) -> in.get(0).amax(a.ints("dims"), a.b("keepdim")));
        OPS.put("amin", (in, a) -> in.get(0).amin(a.ints("dims"), a.b("keepdim")));
        OPS.put("argmax", (in, a) -> a.has("dim") ? in.get(0).argmax(a.i("dim"), a.b("keepdim"))
                : in.get(0).argmax());
        OPS.put("argmin", (in, a) -> a.has("dim") ? in.get(0).argmin(a.i("dim"), a.b("keepdim"))
                : in.get(0).argmin());
        OPS.put("var", (in, a) -> in.get(0).var(a.ints("dims"), a.i("correction"), a.b("keepdim")));
        OPS.put("std", (in, a) -> in.get(0).std(a.ints("dims"), a.i("correction"), a.b("keepdim")));
        OPS.put("logsumexp", (in, a) -> in.get(0).logsumexp(a.i("dim"), a.b("keepdim")));
        OPS.put("softmax", (in, a) -> in.get(0).softmax(a.i("dim")));
        OPS.put("log_softmax", (in, a) -> in.get(0).logSoftmax(a.i("dim")));
    }

    @TestFactory
    Stream<DynamicTest> golden() {
        return GoldenRunner.tests("reductions", OPS, Tolerance.FORWARD, Tolerance.GRAD);
    }
}
