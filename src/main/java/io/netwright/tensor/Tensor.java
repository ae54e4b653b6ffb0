package io.netwright.tensor;

import io.netwright.backend.Backend;
import io.netwright.backend.BinaryOp;
import io.netwright.backend.DType;
import io.netwright.backend.Device;
import io.netwright.backend.Devices;
import io.netwright.backend.UnaryOp;
import io.netwright.backend.View;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An n-dimensional array on a device with optional gradient tracking: Netwright's counterpart of
 * {@code torch.Tensor}. Storage is strided; views ({@link #view}, {@link #permute}, {@link #slice}, ...) share it.
 * Operations broadcast like NumPy/PyTorch and, when an input requires grad, record themselves for
 * {@link #backward()}.
 *
 * <pre>{@code
 * Tensor x = Tensor.randn(2, 3).requiresGrad_(true);
 * Tensor y = x.mul(x).sum();
 * y.backward();            // x.grad() == 2 * x
 * }</pre>
 *
 * <p>Creation functions are static ({@link #zeros}, {@link #arange}, {@link #randn}, ...); everything else is an
 * instance method named as in PyTorch, with a trailing underscore for in-place variants ({@code add_}).
 * Tensors hold device memory: close them, or create them inside a {@link TensorScope}, to free it at once.
 */
public final class Tensor implements AutoCloseable {

    // Not final only so that moveTo_ can move a leaf (a module's parameter or buffer) to another device in place.
    private Storage storage;
    private final int[] shape;
    private int[] strides;
    private int offset;
    private boolean requiresGrad;
    private boolean retainGrad;
    private Tensor grad;
    private Node gradFn;
    private List<UnaryOperator<Tensor>> hooks;
    private boolean closed;

    Tensor(Storage storage, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        storage.retain();
        TensorScope.track(this);
    }

    // ================================================================ construction internals

    /** A new zero-filled contiguous tensor. */
    static Tensor allocate(Backend backend, DType dtype, int[] shape) {
        int n = Shape.numel(shape);
        Storage s = new Storage(backend.allocate(dtype, Math.max(n, 1)));
        return new Tensor(s, shape.clone(), View.contiguousStrides(shape), 0);
    }

    /** A new contiguous tensor on this tensor's backend whose content is unspecified: the caller overwrites it. */
    Tensor newEmpty(DType dtype, int[] shape) {
        int n = Shape.numel(shape);
        Storage s = new Storage(backend().allocateUninitialized(dtype, Math.max(n, 1)));
        return new Tensor(s, shape.clone(), View.contiguousStrides(shape), 0);
    }

    /** A view sharing this tensor's storage. */
    Tensor viewOf(int[] newShape, int[] newStrides, int newOffset) {
        return new Tensor(storage, newShape, newStrides, newOffset);
    }

    /** The backend view descriptor of this tensor. */
    View v() {
        return new View(storage.buffer(), offset, shape, strides);
    }

    /** The backend that owns this tensor's memory. */
    public Backend backend() { return storage.backend(); }

    // ================================================================ metadata

    /** The shape, like {@code tensor.shape}. */
    public Shape shape() { return new Shape(shape); }

    /** The sizes as a fresh array. */
    public int[] sizes() { return shape.clone(); }

    /** Size of dim {@code d} (negative counts from the end). */
    public int size(int d) { return shape[Shape.normalize(d, shape.length, "size")]; }

    /** Number of dimensions. */
    public int dim() { return shape.length; }

    /** Number of elements. */
    public int numel() { return Shape.numel(shape); }

    /** Strides in elements, as a fresh array. */
    public int[] strides() { return strides.clone(); }

    /** Element offset into storage. */
    public int storageOffset() { return offset; }

    /** Element type. */
    public DType dtype() { return storage.dtype(); }

    /** The device holding the data. */
    public Device device() { return storage.backend().device(); }

    /** Whether the layout is row-major without gaps. */
    public boolean isContiguous() { return new View(storage.buffer(), offset, shape, strides).isContiguous(); }

    /** Whether this tensor shares storage with {@code other}. */
    public boolean sharesStorage(Tensor other) { return storage == other.storage; }

    int[] shapeRef() {
        return shape;
    }

    int[] stridesRef() {
        return strides;
    }

    // ================================================================ autograd

    /** Whether gradients flow to or through this tensor. */
    public boolean requiresGrad() { return requiresGrad; }

    /** Sets whether this leaf records gradients; returns this. Only leaves (no grad_fn) may be changed. */
    public Tensor requiresGrad_(boolean value) {
        if (gradFn != null && !value) {
            throw new IllegalStateException("you can only change requires_grad flags of leaf variables; use "
                    + "detach() to get a tensor that does not require grad");
        }
        if (value && !dtype().isFloating()) {
            throw new IllegalArgumentException("Only Tensors of floating point dtype can require gradients, not "
                    + dtype().torchName());
        }
        requiresGrad = value;
        return this;
    }

    /** Shorthand for {@code requiresGrad_(true)}. */
    public Tensor requiresGrad_() { return requiresGrad_(true); }

    /** The accumulated gradient, or null. */
    public Tensor grad() { return grad; }

    /** Replaces the gradient (null clears it). */
    public void setGrad(Tensor g) {
        if (g != null && !Arrays.equals(g.shape, shape)) {
            throw new IllegalArgumentException("setGrad: gradient shape " + g.shape() + " differs from tensor shape "
                    + shape());
        }
        grad = g;
    }

    /** Clears the gradient (PyTorch's {@code set_to_none=True} default). */
    public void zeroGrad() {
        grad = null;
    }

    /** The op that produced this tensor, or null for leaves. */
    public Node gradFn() { return gradFn; }

    /** True for tensors created by the user rather than by a recorded op. */
    public boolean isLeaf() { return gradFn == null; }

    /** Asks a non-leaf to keep its {@code .grad} after backward. */
    public Tensor retainGrad() {
        retainGrad = true;
        return this;
    }

    boolean retainsGrad() {
        return retainGrad;
    }

    /** Registers a hook that sees (and may replace) this tensor's gradient during backward. */
    public Tensor registerHook(UnaryOperator<Tensor> hook) {
        if (hooks == null) {
            hooks = new ArrayList<>();
        }
        hooks.add(hook);
        return this;
    }

    List<UnaryOperator<Tensor>> hooks() {
        return hooks == null ? List.of() : hooks;
    }

    void setGradFn(Node node) {
        this.gradFn = node;
        this.requiresGrad = true;
    }

    void accumulateGrad(Tensor g) {
        Tensor add = g.sharesStorage(this) || !g.isContiguous() ? g.contiguousCopy() : g;
        grad = grad == null ? add : grad.add(add);
        TensorScope.keep(grad);
    }

    /** Backpropagates from this scalar tensor (gradient 1). */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalStateException("grad can be implicitly created only for scalar outputs; this tensor has"
                    + " shape " + shape() + " — call backward(gradient)");
        }
        backward(Creation.onesLike(this), false);
    }

    /** Backpropagates {@code gradient} (same shape as this). */
    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /** Backpropagates, keeping the graph for another pass when {@code retainGraph}. */
    public void backward(Tensor gradient, boolean retainGraph) {
        Autograd.backward(this, gradient, retainGraph);
    }

    /** A tensor sharing this data that is cut from the graph. */
    public Tensor detach() { return viewOf(shape, strides, offset); }

    // ================================================================ data out

    /** All elements, row-major, as floats. */
    public float[] toFloatArray() { return backend().copyOutFloat(v()); }

    /** All elements, row-major, as longs (floats truncate toward zero). */
    public long[] toLongArray() { return backend().copyOutLong(v()); }

    /** All elements as booleans (non-zero is true). */
    public boolean[] toBooleanArray() {
        float[] f = toFloatArray();
        boolean[] b = new boolean[f.length];
        for (int i = 0; i < f.length; i++) {
            b[i] = f[i] != 0;
        }
        return b;
    }

    /** The value of a one-element tensor. */
    public float item() {
        requireOneElement("item");
        return toFloatArray()[0];
    }

    /** The value of a one-element tensor as a long. */
    public long itemLong() {
        requireOneElement("itemLong");
        return toLongArray()[0];
    }

    private void requireOneElement(String op) {
        if (numel() != 1) {
            throw new IllegalStateException(op + ": a Tensor with " + numel() + " elements cannot be converted to "
                    + "Scalar");
        }
    }

    /** Moves (copies) to another device; returns this if already there. */
    public Tensor to(Device device) {
        return device.equals(device()) ? this : to(Devices.backendFor(device));
    }

    /**
     * Moves (copies) to the device of {@code target}, a backend the caller holds (e.g. one from its own
     * {@link Devices} registry); returns this if it already lives there. Differentiable, like {@link #to(Device)}.
     */
    public Tensor to(Backend target) {
        return target == backend() ? this : ShapeOps.toBackend(this, target);
    }

    /**
     * Moves this leaf tensor's data (and its gradient, if any) to {@code target} <em>in place</em>, keeping this
     * object, its shape, dtype and {@code requiresGrad}: what {@code Module.to(device)} does to every parameter and
     * buffer so that optimizers and references held elsewhere see the moved tensor. The data becomes contiguous;
     * other views of the old storage keep the old data. Returns this.
     *
     * @throws IllegalStateException if this tensor is not a leaf of the autograd graph (move its source instead)
     */
    public Tensor moveTo_(Backend target) {
        if (gradFn != null) {
            throw new IllegalStateException("moveTo_: only leaf tensors can be moved in place, this one was produced "
                    + "by " + gradFn + " — move the tensors it was computed from");
        }
        if (target == backend()) {
            return this;
        }
        Tensor copy;
        try (var g = NoGrad.enter()) {
            copy = ShapeOps.toBackend(this, target);
        }
        Storage old = storage;
        storage = copy.storage;
        storage.retain();
        strides = copy.strides;
        offset = copy.offset;
        copy.close();
        if (!closed) {
            old.release();
        }
        if (grad != null) {
            grad.moveTo_(target);
        }
        return this;
    }

    /** Casts to another dtype; returns this if already of that type. */
    public Tensor to(DType dtype) { return dtype == dtype() ? this : Elementwise.cast(this, dtype); }

    /** Shorthand for {@code to(DType.FLOAT32)}. */
    public Tensor toFloat() { return to(DType.FLOAT32); }

    /** Shorthand for {@code to(DType.INT64)}. */
    public Tensor toLong() { return to(DType.INT64); }

    /** Shorthand for {@code to(DType.BOOL)}. */
    public Tensor toBool() { return to(DType.BOOL); }

    /** Releases this handle's reference to the storage (the memory goes when the last view is closed). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            storage.release();
        }
    }

    /** PyTorch-style text, e.g. {@code tensor([[1., 2.], [3., 4.]], requires_grad=True)}. */
    @Override
    public String toString() { return TensorFormat.format(this); }

    // ================================================================ creation (static)

    /** A tensor of the given data and shape (float32, CPU). Shape defaults to 1-D. */
    public static Tensor of(float[] data, int... shape) {
        return Creation.fromFloats(data, shape.length == 0 ? new int[]{data.length} : shape, TensorOptions.DEFAULT);
    }

    /** A 2-D float32 tensor from rows. */
    public static Tensor of(float[][] rows) { return Creation.fromRows(rows); }

    /** A 0-d float32 tensor. */
    public static Tensor scalar(double value) { return Creation.full(new int[0], value, TensorOptions.DEFAULT); }

    /** An int64 tensor of the given data and shape. */
    public static Tensor ofLongs(long[] data, int... shape) {
        return Creation.fromLongs(data, shape.length == 0 ? new int[]{data.length} : shape, TensorOptions.DEFAULT);
    }

    /** A bool tensor of the given data and shape. */
    public static Tensor ofBools(boolean[] data, int... shape) {
        return Creation.fromBools(data, shape.length == 0 ? new int[]{data.length} : shape, TensorOptions.DEFAULT);
    }

    /** A tensor of the given data, with options (e.g. on another device). */
    public static Tensor of(float[] data, int[] shape, TensorOptions options) {
        return Creation.fromFloats(data, shape, options);
    }

    /** Zeros of the given shape (float32, CPU). */
    public static Tensor zeros(int... shape) { return Creation.full(shape, 0, TensorOptions.DEFAULT); }

    /** Zeros with options. */
    public static Tensor zeros(TensorOptions options, int... shape) { return Creation.full(shape, 0, options); }

    /** Ones of the given shape. */
    public static Tensor ones(int... shape) { return Creation.full(shape, 1, TensorOptions.DEFAULT); }

    /** Ones with options. */
    public static Tensor ones(TensorOptions options, int... shape) { return Creation.full(shape, 1, options); }

    /** A tensor filled with {@code value}. */
    public static Tensor full(int[] shape, double value) { return Creation.full(shape, value, TensorOptions.DEFAULT); }

    /** A tensor filled with {@code value}, with options. */
    public static Tensor full(int[] shape, double value, TensorOptions options) {
        return Creation.full(shape, value, options);
    }

    /** An uninitialised tensor (zero-filled here: backends allocate zeroed memory). */
    public static Tensor empty(int... shape) { return Creation.full(shape, 0, TensorOptions.DEFAULT); }

    /** Zeros with the shape, dtype and device of {@code t}. */
    public static Tensor zerosLike(Tensor t) { return Creation.fullLike(t, 0); }

    /** Ones with the shape, dtype and device of {@code t}. */
    public static Tensor onesLike(Tensor t) { return Creation.fullLike(t, 1); }

    /** {@code value} with the shape, dtype and device of {@code t}. */
    public static Tensor fullLike(Tensor t, double value) { return Creation.fullLike(t, value); }

    /** A new tensor of {@code shape} filled with {@code value}, with this tensor's dtype and backend ({@code new_full}). */
    public Tensor newFull(int[] shape, double value) {
        Tensor t = allocate(backend(), dtype(), shape);
        if (value != 0) {
            backend().fill(t.v(), value);
        }
        return t;
    }

    /** Same as {@link #zerosLike}. */
    public static Tensor emptyLike(Tensor t) { return Creation.fullLike(t, 0); }

    /** Uniform [0,1) with the shape and device of {@code t}, from the default generator. */
    public static Tensor randLike(Tensor t) {
        return Creation.random(Generator.defaultGenerator(), t.shape,
                io.netwright.backend.Distribution.UNIFORM, 0, 1, TensorOptions.DEFAULT.device(t.device()));
    }

    /** Standard normal with the shape and device of {@code t}, from the default generator. */
    public static Tensor randnLike(Tensor t) {
        return Creation.random(Generator.defaultGenerator(), t.shape,
                io.netwright.backend.Distribution.NORMAL, 0, 1, TensorOptions.DEFAULT.device(t.device()));
    }

    /** {@code 0, 1, ..., end-1} as int64. */
    public static Tensor arange(long end) { return Creation.arangeLong(0, end, 1); }

    /** {@code start, start+step, ... < end} as int64. */
    public static Tensor arange(long start, long end, long step) { return Creation.arangeLong(start, end, step); }

    /** {@code start, start+step, ... < end} as float32. */
    public static Tensor arange(double start, double end, double step) {
        return Creation.arangeFloat(start, end, step);
    }

    /** {@code steps} evenly spaced values from start to end inclusive. */
    public static Tensor linspace(double start, double end, int steps) { return Creation.linspace(start, end, steps); }

    /** The n×n identity. */
    public static Tensor eye(int n) { return Creation.eye(n, n); }

    /** The n×m matrix with ones on the diagonal. */
    public static Tensor eye(int n, int m) { return Creation.eye(n, m); }

    /** Uniform [0, 1) from the default generator. */
    public static Tensor rand(int... shape) { return rand(Generator.defaultGenerator(), shape); }

    /** Uniform [0, 1) from {@code g}. */
    public static Tensor rand(Generator g, int... shape) {
        return Creation.random(g, shape, io.netwright.backend.Distribution.UNIFORM, 0, 1, TensorOptions.DEFAULT);
    }

    /** Standard normal from the default generator. */
    public static Tensor randn(int... shape) { return randn(Generator.defaultGenerator(), shape); }

    /** Standard normal from {@code g}. */
    public static Tensor randn(Generator g, int... shape) {
        return Creation.random(g, shape, io.netwright.backend.Distribution.NORMAL, 0, 1, TensorOptions.DEFAULT);
    }

    /** Random int64 in {@code [low, high)} from {@code g}. */
    public static Tensor randint(Generator g, long low, long high, int... shape) {
        return Creation.randint(g, low, high, shape);
    }

    /** Random int64 in {@code [low, high)} from the default generator. */
    public static Tensor randint(long low, long high, int... shape) {
        return Creation.randint(Generator.defaultGenerator(), low, high, shape);
    }

    /** A random permutation of {@code 0..n-1} (int64) from {@code g}. */
    public static Tensor randperm(Generator g, int n) { return Creation.randperm(g, n); }

    /** A random permutation of {@code 0..n-1} from the default generator. */
    public static Tensor randperm(int n) { return Creation.randperm(Generator.defaultGenerator(), n); }

    /** Concatenates along {@code dim}. */
    public static Tensor cat(List<Tensor> tensors, int dim) { return ShapeOps.cat(tensors, dim); }

    /** Stacks along a new dim {@code dim}. */
    public static Tensor stack(List<Tensor> tensors, int dim) { return ShapeOps.stack(tensors, dim); }

    /** {@code cond ? x : y} elementwise with broadcasting. */
    public static Tensor where(Tensor cond, Tensor x, Tensor y) { return Elementwise.where(cond, x, y); }

    /** Einstein summation, e.g. {@code einsum("bij,bjk->bik", a, b)}. */
    public static Tensor einsum(String equation, Tensor... operands) { return Einsum.einsum(equation, operands); }

    // ================================================================ elementwise math

    /** {@code this + other}. */
    public Tensor add(Tensor other) { return Elementwise.binary("add", BinaryOp.ADD, this, other); }
    /** {@code this + alpha * other}. */
    public Tensor add(Tensor other, double alpha) { return add(alpha == 1 ? other : other.mul(alpha)); }
    /** {@code this + s}. */
    public Tensor add(double s) { return Elementwise.addScalar(this, s); }
    /** {@code this - other}. */
    public Tensor sub(Tensor other) { return Elementwise.binary("sub", BinaryOp.SUB, this, other); }
    /** {@code this - s}. */
    public Tensor sub(double s) { return Elementwise.addScalar(this, -s); }
    /** {@code s - this}. */
    public Tensor rsub(double s) { return neg().add(s); }
    /** {@code this * other}. */
    public Tensor mul(Tensor other) { return Elementwise.binary("mul", BinaryOp.MUL, this, other); }
    /** {@code this * s}. */
    public Tensor mul(double s) { return Elementwise.mulScalar(this, s); }
    /** {@code this / other} (true division). */
    public Tensor div(Tensor other) { return Elementwise.binary("div", BinaryOp.DIV, this, other); }
    /** {@code this / s}. */
    public Tensor div(double s) { return Elementwise.mulScalar(this.toFloatIfInt(), 1.0 / s); }
    /** {@code this ^ other}. */
    public Tensor pow(Tensor other) { return Elementwise.binary("pow", BinaryOp.POW, this, other); }
    /** {@code this ^ e}. */
    public Tensor pow(double e) { return Elementwise.powScalar(this, e); }
    /** {@code base ^ this}. */
    public Tensor rpow(double base) { return Elementwise.rpowScalar(this, base); }
    /** Elementwise maximum (NaN-propagating). */
    public Tensor maximum(Tensor other) { return Elementwise.binary("maximum", BinaryOp.MAXIMUM, this, other); }
    /** Elementwise minimum (NaN-propagating). */
    public Tensor minimum(Tensor other) { return Elementwise.binary("minimum", BinaryOp.MINIMUM, this, other); }
    /** Python-style remainder. */
    public Tensor remainder(Tensor other) { return Elementwise.binary("remainder", BinaryOp.REMAINDER, this, other); }
    /** {@code -this}. */
    public Tensor neg() { return Elementwise.unary("neg", UnaryOp.NEG, this, 0, 0); }
    /** {@code |this|}. */
    public Tensor abs() { return Elementwise.unary("abs", UnaryOp.ABS, this, 0, 0); }
    /** {@code e^this}. */
    public Tensor exp() { return Elementwise.unary("exp", UnaryOp.EXP, this, 0, 0); }
    /** Natural logarithm. */
    public Tensor log() { return Elementwise.unary("log", UnaryOp.LOG, this, 0, 0); }
    /** Square root. */
    public Tensor sqrt() { return Elementwise.unary("sqrt", UnaryOp.SQRT, this, 0, 0); }
    /** Sine. */
    public Tensor sin() { return Elementwise.unary("sin", UnaryOp.SIN, this, 0, 0); }
    /** Cosine. */
    public Tensor cos() { return Elementwise.unary("cos", UnaryOp.COS, this, 0, 0); }
    /** Hyperbolic tangent. */
    public Tensor tanh() { return Elementwise.unary("tanh", UnaryOp.TANH, this, 0, 0); }
    /** Logistic sigmoid. */
    public Tensor sigmoid() { return Elementwise.unary("sigmoid", UnaryOp.SIGMOID, this, 0, 0); }
    /** {@code max(this, 0)}. */
    public Tensor relu() { return Elementwise.unary("relu", UnaryOp.RELU, this, 0, 0); }
    /** {@code this > 0 ? this : slope*this}. */
    public Tensor leakyRelu(double slope) { return Elementwise.unary("leaky_relu", UnaryOp.LEAKY_RELU, this, slope, 0); }
    /** Sign: -1, 0 or 1. */
    public Tensor sign() { return Elementwise.unary("sign", UnaryOp.SIGN, this, 0, 0); }
    /** {@code 1 / this}. */
    public Tensor reciprocal() { return Elementwise.unary("reciprocal", UnaryOp.RECIPROCAL, this, 0, 0); }
    /** Gauss error function. */
    public Tensor erf() { return Elementwise.unary("erf", UnaryOp.ERF, this, 0, 0); }
    /** Floor. */
    public Tensor floor() { return Elementwise.unary("floor", UnaryOp.FLOOR, this, 0, 0); }
    /** Ceil. */
    public Tensor ceil() { return Elementwise.unary("ceil", UnaryOp.CEIL, this, 0, 0); }
    /** Round half to even. */
    public Tensor round() { return Elementwise.unary("round", UnaryOp.ROUND, this, 0, 0); }
    /** Clamps into {@code [min, max]}; pass NaN for no bound on a side. */
    public Tensor clamp(double min, double max) { return Elementwise.clamp(this, min, max); }
    /** Clamps from below. */
    public Tensor clampMin(double min) { return Elementwise.clamp(this, min, Double.NaN); }
    /** Clamps from above. */
    public Tensor clampMax(double max) { return Elementwise.clamp(this, Double.NaN, max); }
    /** Logical not (bool result). */
    public Tensor logicalNot() { return Elementwise.unary("logical_not", UnaryOp.LOGICAL_NOT, this.toBool(), 0, 0); }
    /** Logical and (bool result). */
    public Tensor logicalAnd(Tensor o) { return Elementwise.binary("logical_and", BinaryOp.LOGICAL_AND, this, o); }
    /** Logical or (bool result). */
    public Tensor logicalOr(Tensor o) { return Elementwise.binary("logical_or", BinaryOp.LOGICAL_OR, this, o); }
    /** True where NaN. */
    public Tensor isnan() { return Elementwise.unary("isnan", UnaryOp.ISNAN, this, 0, 0); }
    /** True where finite. */
    public Tensor isfinite() { return Elementwise.unary("isfinite", UnaryOp.ISFINITE, this, 0, 0); }

    /** {@code this == other} (bool). */
    public Tensor eq(Tensor other) { return Elementwise.binary("eq", BinaryOp.EQ, this, other); }
    /** {@code this == s} (bool). */
    public Tensor eq(double s) { return eq(Creation.scalarLike(this, s)); }
    /** {@code this != other} (bool). */
    public Tensor ne(Tensor other) { return Elementwise.binary("ne", BinaryOp.NE, this, other); }
    /** {@code this != s} (bool). */
    public Tensor ne(double s) { return ne(Creation.scalarLike(this, s)); }
    /** {@code this > other} (bool). */
    public Tensor gt(Tensor other) { return Elementwise.binary("gt", BinaryOp.GT, this, other); }
    /** {@code this > s} (bool). */
    public Tensor gt(double s) { return gt(Creation.scalarLike(this, s)); }
    /** {@code this >= other} (bool). */
    public Tensor ge(Tensor other) { return Elementwise.binary("ge", BinaryOp.GE, this, other); }
    /** {@code this >= s} (bool). */
    public Tensor ge(double s) { return ge(Creation.scalarLike(this, s)); }
    /** {@code this < other} (bool). */
    public Tensor lt(Tensor other) { return Elementwise.binary("lt", BinaryOp.LT, this, other); }
    /** {@code this < s} (bool). */
    public Tensor lt(double s) { return lt(Creation.scalarLike(this, s)); }
    /** {@code this <= other} (bool). */
    public Tensor le(Tensor other) { return Elementwise.binary("le", BinaryOp.LE, this, other); }
    /** {@code this <= s} (bool). */
    public Tensor le(double s) { return le(Creation.scalarLike(this, s)); }
    /** True if same shape and all elements equal. */
    public boolean equal(Tensor other) { return Arrays.equals(shape, other.shape) && eq(other).all(); }
    /** True if all elements are within {@code atol + rtol*|other|} (NaNs never close). */
    public boolean allclose(Tensor other, double rtol, double atol) { return Elementwise.allclose(this, other, rtol, atol); }

    // ---------------------------------------------------------------- in-place (never recorded)

    /** In place {@code this += other}. */
    public Tensor add_(Tensor other) { return Elementwise.inPlace("add_", BinaryOp.ADD, this, other); }
    /** In place {@code this += alpha*other}. */
    public Tensor add_(Tensor other, double alpha) { return add_(alpha == 1 ? other : other.mul(alpha)); }
    /** In place {@code this += s}. */
    public Tensor add_(double s) { return Elementwise.unaryInPlace("add_", UnaryOp.ADD_SCALAR, this, s, 0); }
    /** In place {@code this -= other}. */
    public Tensor sub_(Tensor other) { return Elementwise.inPlace("sub_", BinaryOp.SUB, this, other); }
    /** In place {@code this -= s}. */
    public Tensor sub_(double s) { return add_(-s); }
    /** In place {@code this *= other}. */
    public Tensor mul_(Tensor other) { return Elementwise.inPlace("mul_", BinaryOp.MUL, this, other); }
    /** In place {@code this *= s}. */
    public Tensor mul_(double s) { return Elementwise.unaryInPlace("mul_", UnaryOp.MUL_SCALAR, this, s, 0); }
    /** In place {@code this /= other}. */
    public Tensor div_(Tensor other) { return Elementwise.inPlace("div_", BinaryOp.DIV, this, other); }
    /** In place {@code this /= s}. */
    public Tensor div_(double s) { return mul_(1.0 / s); }
    /** In place power. */
    public Tensor pow_(double e) { return Elementwise.unaryInPlace("pow_", UnaryOp.POW_SCALAR, this, e, 0); }
    /** In place sqrt. */
    public Tensor sqrt_() { return Elementwise.unaryInPlace("sqrt_", UnaryOp.SQRT, this, 0, 0); }
    /** In place exp. */
    public Tensor exp_() { return Elementwise.unaryInPlace("exp_", UnaryOp.EXP, this, 0, 0); }
    /** In place negation. */
    public Tensor neg_() { return Elementwise.unaryInPlace("neg_", UnaryOp.NEG, this, 0, 0); }
    /** In place ReLU. */
    public Tensor relu_() { return Elementwise.unaryInPlace("relu_", UnaryOp.RELU, this, 0, 0); }
    /** In place clamp (NaN = no bound). */
    public Tensor clamp_(double min, double max) { return Elementwise.unaryInPlace("clamp_", UnaryOp.CLAMP, this, min, max); }
    /** In place elementwise maximum. */
    public Tensor maximum_(Tensor other) { return Elementwise.inPlace("maximum_", BinaryOp.MAXIMUM, this, other); }
    /** Fills with {@code value}. */
    public Tensor fill_(double value) { return Elementwise.fill_(this, value); }
    /** Fills with zeros. */
    public Tensor zero_() { return fill_(0); }
    /** Copies {@code src} (broadcast to this shape, cast to this dtype) into this tensor. */
    public Tensor copy_(Tensor src) { return Elementwise.copy_(this, src); }
    /** Fills with uniform [low, high) from {@code g}. */
    public Tensor uniform_(Generator g, double low, double high) { return Creation.randomFill_(this, g, io.netwright.backend.Distribution.UNIFORM, low, high); }
    /** Fills with normal(mean, std) from {@code g}. */
    public Tensor normal_(Generator g, double mean, double std) { return Creation.randomFill_(this, g, io.netwright.backend.Distribution.NORMAL, mean, std); }
    /** Fills with Bernoulli(p) from {@code g}. */
    public Tensor bernoulli_(Generator g, double p) { return Creation.randomFill_(this, g, io.netwright.backend.Distribution.BERNOULLI, p, 0); }
    /** Sets elements where {@code mask} is true to {@code value}, in place. */
    public Tensor maskedFill_(Tensor mask, double value) { return Indexing.maskedFill_(this, mask, value); }

    Tensor toFloatIfInt() {
        return dtype().isFloating() ? this : to(DType.FLOAT32);
    }

    // ================================================================ reductions

    /** Sum of all elements. */
    public Tensor sum() { return Reductions.sum(this, null, false); }
    /** Sum over {@code dims}. */
    public Tensor sum(int[] dims, boolean keepdim) { return Reductions.sum(this, dims, keepdim); }
    /** Sum over one dim. */
    public Tensor sum(int dim, boolean keepdim) { return Reductions.sum(this, new int[]{dim}, keepdim); }
    /** Sum over one dim, dropping it. */
    public Tensor sum(int dim) { return sum(dim, false); }
    /** Mean of all elements. */
    public Tensor mean() { return Reductions.mean(this, null, false); }
    /** Mean over {@code dims}. */
    public Tensor mean(int[] dims, boolean keepdim) { return Reductions.mean(this, dims, keepdim); }
    /** Mean over one dim. */
    public Tensor mean(int dim, boolean keepdim) { return Reductions.mean(this, new int[]{dim}, keepdim); }
    /** Mean over one dim, dropping it. */
    public Tensor mean(int dim) { return mean(dim, false); }
    /** Product of all elements. */
    public Tensor prod() { return Reductions.prod(this, null, false); }
    /** Product over one dim. */
    public Tensor prod(int dim, boolean keepdim) { return Reductions.prod(this, new int[]{dim}, keepdim); }
    /** Largest element. */
    public Tensor max() { return Reductions.extreme(this, true); }
    /** Largest values and their indices along {@code dim}. */
    public ValuesIndices max(int dim, boolean keepdim) { return Reductions.extremeDim(this, dim, keepdim, true); }
    /** Smallest element. */
    public Tensor min() { return Reductions.extreme(this, false); }
    /** Smallest values and their indices along {@code dim}. */
    public ValuesIndices min(int dim, boolean keepdim) { return Reductions.extremeDim(this, dim, keepdim, false); }
    /** Max over {@code dims} without indices (PyTorch {@code amax}). */
    public Tensor amax(int[] dims, boolean keepdim) { return Reductions.amax(this, dims, keepdim, true); }
    /** Min over {@code dims} without indices (PyTorch {@code amin}). */
    public Tensor amin(int[] dims, boolean keepdim) { return Reductions.amax(this, dims, keepdim, false); }
    /** Flat index of the largest element (int64). */
    public Tensor argmax() { return Reductions.arg(this.reshape(-1), 0, false, true); }
    /** Index of the largest element along {@code dim}. */
    public Tensor argmax(int dim, boolean keepdim) { return Reductions.arg(this, dim, keepdim, true); }
    /** Flat index of the smallest element (int64). */
    public Tensor argmin() { return Reductions.arg(this.reshape(-1), 0, false, false); }
    /** Index of the smallest element along {@code dim}. */
    public Tensor argmin(int dim, boolean keepdim) { return Reductions.arg(this, dim, keepdim, false); }
    /** Variance of all elements with Bessel's correction (PyTorch default). */
    public Tensor var() { return Reductions.var(this, null, 1, false); }
    /** Variance over {@code dims} with {@code correction} (1 = unbiased, 0 = population). */
    public Tensor var(int[] dims, int correction, boolean keepdim) { return Reductions.var(this, dims, correction, keepdim); }
    /** Standard deviation of all elements (unbiased). */
    public Tensor std() { return var().sqrt(); }
    /** Standard deviation over {@code dims}. */
    public Tensor std(int[] dims, int correction, boolean keepdim) { return var(dims, correction, keepdim).sqrt(); }
    /** {@code log(sum(exp(x)))} over {@code dim}, computed stably. */
    public Tensor logsumexp(int dim, boolean keepdim) { return Reductions.logsumexp(this, dim, keepdim); }
    /** Softmax along {@code dim} (stable). */
    public Tensor softmax(int dim) { return Reductions.softmax(this, dim); }
    /** Log-softmax along {@code dim} (stable). */
    public Tensor logSoftmax(int dim) { return Reductions.logSoftmax(this, dim); }
    /** True if every element is non-zero. */
    public boolean all() { return Reductions.all(this); }
    /** True if any element is non-zero. */
    public boolean any() { return Reductions.any(this); }
    /** The {@code k} largest (or smallest) values along {@code dim} and their indices, sorted. */
    public ValuesIndices topk(int k, int dim, boolean largest) { return Indexing.topk(this, k, dim, largest); }
    /** Sorts along {@code dim}; returns values and indices. */
    public ValuesIndices sort(int dim, boolean descending) { return Indexing.sort(this, dim, descending); }

    // ================================================================ shape and views

    /** A view with a new shape (one size may be -1); throws if the layout does not allow a view. */
    public Tensor view(int... newShape) { return ShapeOps.view(this, newShape); }
    /** Like {@link #view}, copying when a view is impossible. */
    public Tensor reshape(int... newShape) { return ShapeOps.reshape(this, newShape); }
    /** Flattens all dims into one. */
    public Tensor flatten() { return ShapeOps.flatten(this, 0, -1); }
    /** Flattens dims {@code start..end} into one. */
    public Tensor flatten(int start, int end) { return ShapeOps.flatten(this, start, end); }
    /** Reorders dims. */
    public Tensor permute(int... dims) { return ShapeOps.permute(this, dims); }
    /** Swaps two dims. */
    public Tensor transpose(int d0, int d1) { return ShapeOps.transpose(this, d0, d1); }
    /** Transpose of a tensor with at most 2 dims. */
    public Tensor t() { return ShapeOps.t(this); }

    /** {@code x @ weight^T + bias} ({@code bias} may be null), as {@code torch.nn.functional.linear}. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) { return Linalg.linear(x, weight, bias); }
    /** Removes all size-1 dims. */
    public Tensor squeeze() { return ShapeOps.squeeze(this, null); }
    /** Removes dim {@code d} if it has size 1. */
    public Tensor squeeze(int d) { return ShapeOps.squeeze(this, d); }
    /** Inserts a size-1 dim at {@code d}. */
    public Tensor unsqueeze(int d) { return ShapeOps.unsqueeze(this, d); }
    /** Broadcasts to {@code sizes} without copying (-1 keeps a size). */
    public Tensor expand(int... sizes) { return ShapeOps.expand(this, sizes); }
    /** Broadcasts to {@code other}'s shape. */
    public Tensor expandAs(Tensor other) { return ShapeOps.expand(this, other.shape); }
    /** Tiles the data {@code repeats[i]} times along each dim. */
    public Tensor repeat(int... repeats) { return ShapeOps.repeat(this, repeats); }
    /** A contiguous tensor with the same data (this if already contiguous). */
    public Tensor contiguous() { return isContiguous() ? this : contiguousCopy(); }
    /** A new contiguous copy, recorded for autograd. */
    public Tensor clone() { return ShapeOps.cloneTensor(this); }
    /** Splits into chunks of {@code size} along {@code dim} (the last may be smaller). */
    public List<Tensor> split(int size, int dim) { return ShapeOps.split(this, size, dim); }
    /** Splits into pieces of the given sizes along {@code dim}. */
    public List<Tensor> split(int[] sizes, int dim) { return ShapeOps.splitSizes(this, sizes, dim); }
    /** Splits into {@code chunks} nearly equal pieces along {@code dim}. */
    public List<Tensor> chunk(int chunks, int dim) { return ShapeOps.chunk(this, chunks, dim); }
    /** Removes {@code dim}, returning the slices along it. */
    public List<Tensor> unbind(int dim) { return ShapeOps.unbind(this, dim); }
    /** The slice at {@code index} of {@code dim}, removing that dim (a view). */
    public Tensor select(int dim, int index) { return ShapeOps.select(this, dim, index); }
    /** Elements {@code start, start+step, ... < end} of {@code dim} (a view; negative bounds count from the end). */
    public Tensor slice(int dim, int start, int end, int step) { return ShapeOps.slice(this, dim, start, end, step); }
    /** {@code length} elements of {@code dim} from {@code start} (a view). */
    public Tensor narrow(int dim, int start, int length) { return ShapeOps.slice(this, dim, start, start + length, 1); }
    /** The diagonal of two dims as a view, like {@code torch.diagonal}. */
    public Tensor diagonal(int offset, int dim1, int dim2) { return ShapeOps.diagonal(this, offset, dim1, dim2); }
    /** Reverses the order along {@code dims}. */
    public Tensor flip(int... dims) { return ShapeOps.flip(this, dims); }

    Tensor contiguousCopy() {
        return ShapeOps.contiguousCopy(this);
    }

    // ================================================================ indexing

    /**
     * NumPy-style indexing with a spec string: integers, slices {@code start:stop:step}, {@code ...} and
     * {@code None}, e.g. {@code x.index("0, 1:3, ..., ::2")}. The result is a view.
     */
    public Tensor index(String spec) { return Indexing.index(this, spec); }
    /** Boolean-mask indexing ({@code x[mask]}, a copy) or int64 indexing of dim 0 ({@code x[idx]}). */
    public Tensor index(Tensor indices) { return Indexing.indexTensor(this, indices); }
    /** Element or sub-tensor at the given leading indices (a view). */
    public Tensor get(int... indices) { return Indexing.get(this, indices); }
    /** Rows of {@code dim} picked by int64 {@code index}. */
    public Tensor indexSelect(int dim, Tensor index) { return Indexing.indexSelect(this, dim, index); }
    /** PyTorch {@code gather} along {@code dim}. */
    public Tensor gather(int dim, Tensor index) { return Indexing.gather(this, dim, index); }
    /** Out-of-place {@code scatter}: a copy of this with {@code src} written at {@code index} along {@code dim}. */
    public Tensor scatter(int dim, Tensor index, Tensor src) { return Indexing.scatter(this, dim, index, src, false); }
    /** Out-of-place {@code scatter_add}. */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) { return Indexing.scatter(this, dim, index, src, true); }
    /** A copy with elements where {@code mask} is true set to {@code value}. */
    public Tensor maskedFill(Tensor mask, double value) { return Indexing.maskedFill(this, mask, value); }
    /** The elements where {@code mask} is true, as a 1-D tensor. */
    public Tensor maskedSelect(Tensor mask) { return Indexing.maskedSelect(this, mask); }
    /** Indices of non-zero elements, shape {@code [count, dim()]}. */
    public Tensor nonzero() { return Indexing.nonzero(this); }

    // ================================================================ linear algebra

    /** Matrix product with PyTorch's {@code matmul} rules (dot, mv, mm, batched with broadcasting). */
    public Tensor matmul(Tensor other) { return Linalg.matmul(this, other); }
    /** 2-D matrix product. */
    public Tensor mm(Tensor other) { return Linalg.mm(this, other); }
    /** Batched (3-D) matrix product. */
    public Tensor bmm(Tensor other) { return Linalg.bmm(this, other); }
    /** Matrix-vector product. */
    public Tensor mv(Tensor vec) { return Linalg.mv(this, vec); }
    /** Dot product of two 1-D tensors. */
    public Tensor dot(Tensor other) { return Linalg.dot(this, other); }
    /** Outer product of two 1-D tensors. */
    public Tensor outer(Tensor other) { return Linalg.outer(this, other); }
}
