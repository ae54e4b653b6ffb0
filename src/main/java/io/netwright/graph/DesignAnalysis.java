package io.netwright.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link Analyzer#analyze}: the topological order, per-node shapes and costs ({@link NodeInfo}),
 * totals, and every {@link Problem}. Immutable.
 *
 * <pre>{@code
 * DesignAnalysis a = new Analyzer().analyze(design);
 * if (a.hasErrors()) a.errors().forEach(p -> System.out.println(p.text()));
 * System.out.println(a.totalParams() + " parameters, " + a.memory(64, OptimizerKind.ADAM, 4L << 30));
 * }</pre>
 */
public final class DesignAnalysis {

    private final Design design;
    private final List<NodeInfo> nodes;
    private final Map<String, Integer> index;
    private final List<String> order;
    private final List<Problem> problems;
    private final long totalParams;
    private final long trainableParams;
    private final long buffers;
    private final long macs;
    private final long flops;
    private final long activationElements;
    private final long maxActivationElements;
    // what the compiler needs, by node index
    final LayerType[] types;
    final Params[] params;
    final int[][] sources;
    final int[][] outShapes;
    final int[] topo;
    final boolean[] live;

    DesignAnalysis(Design design, List<NodeInfo> nodes, Map<String, Integer> index, int[] topo,
            List<Problem> problems, LayerType[] types, Params[] params, int[][] sources, int[][] outShapes,
            boolean[] live) {
        this.design = design;
        this.nodes = Collections.unmodifiableList(nodes);
        this.index = index;
        this.topo = topo;
        List<String> ids = new ArrayList<>(topo.length);
        for (int i : topo) {
            ids.add(nodes.get(i).id());
        }
        this.order = Collections.unmodifiableList(ids);
        this.problems = Collections.unmodifiableList(problems);
        this.types = types;
        this.params = params;
        this.sources = sources;
        this.outShapes = outShapes;
        this.live = live;
        long p = 0;
        long t = 0;
        long b = 0;
        long m = 0;
        long f = 0;
        long act = 0;
        long maxAct = 0;
        for (NodeInfo info : nodes) {
            p += info.params();
            t += info.trainableParams();
            b += info.buffers();
            m += info.macs();
            f += info.flops();
            act += info.activationBytes() / Float.BYTES;
            maxAct = Math.max(maxAct, info.activationBytes() / Float.BYTES);
        }
        this.totalParams = p;
        this.trainableParams = t;
        this.buffers = b;
        this.macs = m;
        this.flops = f;
        this.activationElements = act;
        this.maxActivationElements = maxAct;
    }

    /** The design analysed. */
    public Design design() {
        return design;
    }

    /** Node ids in an order where every node comes after its inputs (nodes in cycles are left out). */
    public List<String> order() {
        return order;
    }

    /** What was found per node, in the design's node order. */
    public List<NodeInfo> nodes() {
        return nodes;
    }

    /** What was found for node {@code id}. */
    public Optional<NodeInfo> node(String id) {
        Integer i = index.get(id);
        return i == null ? Optional.empty() : Optional.of(nodes.get(i));
    }

    /** Every problem, errors and warnings, in the order found. */
    public List<Problem> problems() {
        return problems;
    }

    /** The errors only. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** The warnings only. */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** The problems attached to node {@code id}. */
    public List<Problem> problemsFor(String id) {
        return problems.stream().filter(p -> id.equals(p.nodeId())).toList();
    }

    /** Whether there is any error (the design cannot be compiled). */
    public boolean hasErrors() {
        for (Problem p : problems) {
            if (p.isError()) {
                return true;
            }
        }
        return false;
    }

    /** The shape of the network output per sample, if known. */
    public Optional<io.netwright.tensor.Shape> outputShape() {
        for (int i = 0; i < types.length; i++) {
            if (types[i] == IoLayer.OUTPUT && outShapes[i] != null) {
                return Optional.of(io.netwright.tensor.Shape.of(outShapes[i]));
            }
        }
        return Optional.empty();
    }

    /**
     * The nodes in topological order with their types, resolved parameters, inputs and shapes, for exporters.
     *
     * @throws InvalidDesignException when the analysis has errors (shapes are then not all known)
     */
    public List<GraphStep> steps() {
        if (hasErrors()) {
            throw new InvalidDesignException(design.metadata().name(), problems);
        }
        List<GraphStep> out = new ArrayList<>(topo.length);
        for (int i : topo) {
            int[] src = sources[i];
            List<String> in = new ArrayList<>(src.length);
            List<int[]> shapes = new ArrayList<>(src.length);
            for (int s : src) {
                in.add(nodes.get(s).id());
                shapes.add(outShapes[s].clone());
            }
            out.add(new GraphStep(nodes.get(i).id(), types[i], params[i], in, shapes, outShapes[i].clone(),
                    live[i]));
        }
        return Collections.unmodifiableList(out);
    }

    /** Parameter elements of all nodes with a known shape (PyTorch's {@code sum(p.numel())}). */
    public long totalParams() {
        return totalParams;
    }

    /** Parameter elements that are trained (nodes not frozen). */
    public long trainableParams() {
        return trainableParams;
    }

    /** Non-trained state elements (batch-norm running statistics). */
    public long buffers() {
        return buffers;
    }

    /** Multiply-accumulates of one forward pass per sample. */
    public long macs() {
        return macs;
    }

    /** Floating-point operations of one forward pass per sample. */
    public long flops() {
        return flops;
    }

    /** Bytes of all layer outputs for one sample (float32), i.e. the activation memory of a forward pass. */
    public long activationBytesPerSample() {
        return activationElements * Float.BYTES;
    }

    /**
     * The training-memory estimate for {@code batchSize} with {@code optimizer}, and a warning when it exceeds
     * {@code deviceBytes} (0 for an unknown device).
     */
    public MemoryEstimate memory(int batchSize, OptimizerKind optimizer, long deviceBytes) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        long weights = (totalParams + buffers) * Float.BYTES;
        long grads = trainableParams * Float.BYTES;
        long state = trainableParams * optimizer.stateTensors() * Float.BYTES;
        long perSample = (activationElements + maxActivationElements) * Float.BYTES;
        long activations = perSample * batchSize;
        long total = weights + grads + state + activations;
        Problem warning = null;
        if (deviceBytes > 0 && total > deviceBytes) {
            long fixed = weights + grads + state;
            long fits = perSample == 0 ? 0 : Math.max(0, (deviceBytes - fixed) / perSample);
            warning = new Problem(Problem.Severity.WARNING, null, -1, "training needs about "
                    + MemoryEstimate.format(total) + " for batch " + batchSize + " but the device has "
                    + MemoryEstimate.format(deviceBytes), fits > 0 ? "reduce the batch size to " + fits
                    + " or less" : "the weights alone do not fit: use a smaller network or another device");
        }
        return new MemoryEstimate(batchSize, optimizer, weights, grads, state, activations, deviceBytes, warning);
    }

    @Override
    public String toString() {
        return "DesignAnalysis[" + design.metadata().name() + ": " + nodes.size() + " nodes, " + totalParams
                + " params, " + macs + " MACs, " + problems.size() + " problems]";
    }
}
