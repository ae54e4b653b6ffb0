package io.netwright.tensor;

import io.netwright.tensor.GoldenRunner.GoldenOp;
import io.netwright.tensor.GoldenRunner.Tolerance;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Creation (arange, linspace, eye) and shape ops (views, joins, splits, slicing) against PyTorch
 * ({@code golden/shape.json}). Also checks that an op returns a view exactly when PyTorch's does.
 * Tolerances: forward atol 1e-5 rtol 1e-4; gradients atol 1e-4 rtol 1e-3 (pure data movement is in fact exact).
 */
class GoldenShapeTest {

    static final Map<String, GoldenOp> OPS = new HashMap<>();

    static {
        // ---- creation
        OPS.put("arange", (in, a) -> a.b("float") ? Tensor.arange(a.d("start"), a.d("end"), a.d("step"))
                : a.has("start") ? Tensor.arange(a.l("start"), a.l("end"), a.l("step")) : Tensor.arange(a.l("end")));
        OPS.put("linspace", (in, a) -> Tensor.linspace(a.d("start"), a.d("end"), a.i("steps")));
        OPS.put("eye", (in, a) -> a.has("m") ? Tensor.eye(a.i("n"), a.i("m")) : Tensor.eye(a.i("n")));
        // ---- views and reshapes
        OPS.put("reshape", (in, a) -> in.get(0).reshape(a.ints("shape")));
        OPS.put("view", (in, a) -> in.get(0).view(a.ints("shape")));
        OPS.put("flatten", (in, a) -> a.has("start") ? in.get(0).flatten(a.i("start"), a.i("end"))
                : in.get(0).flatten());
        OPS.put("permute", (in, a) -> in.get(0).permute(a.ints("dims")));
        OPS.put("transpose", (in, a) -> in.get(0).transpose(a.i("d0"), a.i("d1")));
        OPS.put("t", (in, a) -> in.get(0).t());
        OPS.put("squeeze", (in, a) -> a.has("dim") ? in.get(0).squeeze(a.i("dim")) : in.get(0).squeeze());
        OPS.put("unsqueeze", (in, a) -> in.get(0).unsqueeze(a.i("dim")));
        OPS.put("expand", (in, a) -> in.get(0).expand(a.ints("sizes")));
        OPS.put("repeat", (in, a) -> in.get(0).repeat(a.ints("repeats")));
        // ---- joins and splits
        OPS.put("cat", (in, a) -> Tensor.cat(in, a.i("dim")));
        OPS.put("stack", (in, a) -> Tensor.stack(in, a.i("dim")));
        OPS.put("split", (in, a) -> a.has("sizes") ? in.get(0).split(a.ints("sizes"), a.i("dim"))
                : in.get(0).split(a.i("size"), a.i("dim")));
        OPS.put("chunk", (in, a) -> in.get(0).chunk(a.i("chunks"), a.i("dim")));
        OPS.put("unbind", (in, a) -> in.get(0).unbind(a.i("dim")));
        // ---- copies and slicing
        OPS.put("contiguous", (in, a) -> in.get(0).contiguous());
        OPS.put("clone", (in, a) -> in.get(0).clone());
        OPS.put("slice", (in, a) -> in.get(0).slice(a.i("dim"), a.i("start"), a.i("end"), a.i("step")));
        OPS.put("narrow", (in, a) -> in.get(0).narrow(a.i("dim"), a.i("start"), a.i("length")));
        OPS.put("select", (in, a) -> in.get(0).select(a.i("dim"), a.i("index")));
        OPS.put("diagonal", (in, a) -> in.get(0).diagonal(a.i("offset"), a.i("dim1"), a.i("dim2")));
        OPS.put("flip", (in, a) -> in.get(0).flip(a.ints("dims")));
    }

    @TestFactory
    Stream<DynamicTest> golden() {
        return GoldenRunner.tests("shape", OPS, Tolerance.FORWARD, Tolerance.GRAD);
    }
}
