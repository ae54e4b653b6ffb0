package io.netwright.export;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import io.netwright.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A constant value met while importing ONNX: an initializer, a {@code Constant} node, a test-data input or the
 * result of folding a shape-only subgraph. Values are doubles (exact for the floats and the small integers a graph
 * holds); in integer constants {@link #BATCH} (NaN) stands for the batch size, which is unknown until run time, so
 * any arithmetic on it stays NaN and is refused.
 *
 * @param dims    the shape (empty for a scalar)
 * @param values  the elements in row-major order
 * @param integer whether the ONNX type is an integer or boolean type (else floating point)
 */
record OnnxConst(int[] dims, double[] values, boolean integer) {

    /** The batch size inside a folded shape. */
    static final double BATCH = Double.NaN;

    /** Checks that the element count matches the shape. */
    OnnxConst {
        dims = dims.clone();
        if (numel(dims) != values.length) {
            throw new IllegalArgumentException("constant of shape " + Arrays.toString(dims) + " has " + values.length
                    + " values");
        }
    }

    /** A 1-D integer constant. */
    static OnnxConst ints(double... values) {
        return new OnnxConst(new int[] {values.length}, values, true);
    }

    /** The element count of {@code dims}. */
    static int numel(int[] dims) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** The element count. */
    int numel() {
        return values.length;
    }

    /** The rank. */
    int rank() {
        return dims.length;
    }

    /** Whether any element is the batch size. */
    boolean hasBatch() {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** The elements as longs (the batch size as {@link Long#MIN_VALUE}). */
    long[] longs() {
        long[] out = new long[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.isNaN(values[i]) ? Long.MIN_VALUE : (long) values[i];
        }
        return out;
    }

    /** The elements as floats. */
    float[] floats() {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** The single element of a scalar or one-element constant. */
    double scalar() {
        if (values.length != 1) {
            throw new IllegalStateException("not a scalar: " + Arrays.toString(dims));
        }
        return values[0];
    }

    /** This constant with another shape of the same size. */
    OnnxConst reshaped(int... newDims) {
        return new OnnxConst(newDims, values, integer);
    }

    /** A float32 tensor of this constant. */
    Tensor toTensor() {
        return Tensor.of(floats(), dims.clone());
    }

    /** The 2-D transpose of this {@code [r, c]} constant. */
    OnnxConst transposed2d() {
        int r = dims[0];
        int c = dims[1];
        double[] out = new double[values.length];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[j * r + i] = values[i * c + j];
            }
        }
        return new OnnxConst(new int[] {c, r}, out, integer);
    }

    // ---------------------------------------------------------------- protobuf

    /**
     * The constant held by {@code t}: float, double, float16 and the integer and boolean types, raw or typed data.
     *
     * @throws OnnxImportException for external data or a type with no numeric meaning (strings)
     */
    static OnnxConst of(TensorProto t) {
        int[] dims = new int[t.getDimsCount()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Math.toIntExact(t.getDims(i));
        }
        int n = numel(dims);
        String name = t.getName().isEmpty() ? "a tensor" : "tensor '" + t.getName() + "'";
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
            throw new OnnxImportException(name + " is stored in an external data file — save the model with all tensors "
                    + "inside it (onnx.save(model, path, save_as_external_data=False))");
        }
        TensorProto.DataType type = TensorProto.DataType.forNumber(t.getDataType());
        if (type == null) {
            throw new OnnxImportException(name + " has the unknown data type " + t.getDataType());
        }
        double[] v = new double[n];
        boolean raw = !t.getRawData().isEmpty();
        ByteBuffer b = raw ? t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN) : null;
        boolean integer = true;
        switch (type) {
            case FLOAT -> {
                integer = false;
                for (int i = 0; i < n; i++) {
                    v[i] = raw ? b.getFloat() : t.getFloatData(i);
                }
            }
            case DOUBLE -> {
                integer = false;
                for (int i = 0; i < n; i++) {
                    v[i] = raw ? b.getDouble() : t.getDoubleData(i);
                }
            }
            case FLOAT16 -> {
                integer = false;
                for (int i = 0; i < n; i++) {
                    v[i] = half(raw ? b.getShort() : t.getInt32Data(i));
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    v[i] = raw ? b.getLong() : t.getInt64Data(i);
                }
            }
            case INT32, INT16, INT8, UINT8, UINT16, BOOL -> {
                for (int i = 0; i < n; i++) {
                    v[i] = raw ? rawInt(b, type) : t.getInt32Data(i);
                }
            }
            case UINT32, UINT64 -> {
                for (int i = 0; i < n; i++) {
                    v[i] = raw ? (type == TensorProto.DataType.UINT32 ? b.getInt() & 0xffffffffL : b.getLong())
                            : t.getUint64Data(i);
                }
            }
            default -> throw new OnnxImportException(name + " has data type " + type + ", which Netwright cannot read — "
                    + "use float32 or an integer type");
        }
        return new OnnxConst(dims, v, integer);
    }

    /** IEEE half precision bits to a float (Java 17 has no Float.float16ToFloat). */
    private static float half(int bits) {
        int sign = (bits >> 15) & 1;
        int exp = (bits >> 10) & 0x1f;
        int frac = bits & 0x3ff;
        float mag;
        if (exp == 0) {
            mag = frac * 0x1p-24f;
        } else if (exp == 31) {
            mag = frac == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            mag = Float.intBitsToFloat(((exp + 112) << 23) | (frac << 13));
        }
        return sign == 1 ? -mag : mag;
    }

    private static double rawInt(ByteBuffer b, TensorProto.DataType type) {
        return switch (type) {
            case INT32 -> b.getInt();
            case INT16 -> b.getShort();
            case UINT16 -> b.getShort() & 0xffff;
            case INT8 -> b.get();
            default -> b.get() & 0xff;
        };
    }

    /** A float32 TensorProto of {@code t} named {@code name} (test data, fixtures). */
    static TensorProto toProto(String name, Tensor t) {
        float[] f = t.contiguous().toFloat().toFloatArray();
        ByteBuffer b = ByteBuffer.allocate(f.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(f);
        TensorProto.Builder p = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(b.array()));
        for (int d : t.sizes()) {
            p.addDims(d);
        }
        return p.build();
    }
}
