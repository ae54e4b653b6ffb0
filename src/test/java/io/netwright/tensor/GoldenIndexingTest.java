package io.netwright.tensor;

import io.netwright.tensor.GoldenRunner.GoldenOp;
import io.netwright.tensor.GoldenRunner.Tolerance;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Indexing against PyTorch ({@code golden/indexing.json}): indexSelect, gather, scatter, scatterAdd (duplicate
 * indices accumulate), maskedFill, maskedSelect, boolean-mask and int64 indexing, spec-string indexing, get,
 * nonzero, topk and sort. Tolerances: forward atol 1e-5 rtol 1e-4; gradients atol 1e-4 rtol 1e-3; indices exact.
 */
class GoldenIndexingTest {

    static final Map<String, GoldenOp> OPS = new HashMap<>();

    static {
        OPS.put("index_select", (in, a) -> in.get(0).indexSelect(a.i("dim"), in.get(1)));
        OPS.put("gather", (in, a) -> in.get(0).gather(a.i("dim"), in.get(1)));
        OPS.put("scatter", (in, a) -> in.get(0).scatter(a.i("dim"), in.get(1), in.get(2)));
        OPS.put("scatter_add", (in, a) -> in.get(0).scatterAdd(a.i("dim"), in.get(1), in.get(2)));
        OPS.put("masked_fill", (in, a) -> in.get(0).maskedFill(in.get(1), a.d("value")));
        OPS.put("masked_select", (in, a) -> in.get(0).maskedSelect(in.get(1)));
        OPS.put("index_mask", (in, a) -> in.get(0).index(in.get(1)));
        OPS.put("index_mask_gt", (in, a) -> in.get(0).index(in.get(0).gt(a.d("threshold"))));
        OPS.put("index_long", (in, a) -> in.get(0).index(in.get(1)));
        OPS.put("index_spec", (in, a) -> in.get(0).index(a.s("spec")));
        OPS.put("get", (in, a) -> in.get(0).get(a.ints("indices")));
        OPS.put("nonzero", (in, a) -> in.get(0).nonzero());
        OPS.put("topk", (in, a) -> in.get(0).topk(a.i("k"), a.i("dim"), a.b("largest")));
        OPS.put("sort", (in, a) -> in.get(0).sort(a.i("dim"), a.b("descending")));
    }

    @TestFactory
    Stream<DynamicTest> golden() {
        return GoldenRunner.tests("indexing", OPS, Tolerance.FORWARD, Tolerance.GRAD);
    }
}
