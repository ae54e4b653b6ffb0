package io.netwright.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.netwright.backend.DType;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (8-byte little-endian header length, a JSON header naming each tensor's
 * dtype, shape and byte range, then the raw little-endian data), so weights move to and from PyTorch
 * ({@code safetensors.torch.load_file}) without renaming. Nothing in a file is executed. Writes are atomic.
 *
 * <p>Written dtypes: F32, I64, BOOL. Read dtypes: those plus F64, F16, BF16 (converted to float32) and I32, I16,
 * I8, U8 (converted to int64).
 */
public final class Safetensors {

    private static final long MAX_HEADER = 100L << 20;

    private Safetensors() {
    }

    // ================================================================ write

    /** Writes {@code tensors} (in map order) and {@code metadata} to {@code file} atomically. */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        byte[] all = toBytes(tensors, metadata);
        AtomicFiles.write(file, out -> out.write(all));
    }

    /** The file's bytes for {@code tensors} and {@code metadata}. */
    public static byte[] toBytes(Map<String, Tensor> tensors, Map<String, String> metadata) {
        JsonObject header = new JsonObject();
        if (metadata != null && !metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        List<byte[]> blobs = new ArrayList<>();
        long offset = 0;
        for (var e : tensors.entrySet()) {
            Tensor t = e.getValue();
            byte[] data = encode(t);
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", code(t.dtype()));
            JsonArray shape = new JsonArray();
            for (int d : t.sizes()) {
                shape.add(d);
            }
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(offset + data.length);
            entry.add("data_offsets", offsets);
            header.add(e.getKey(), entry);
            blobs.add(data);
            offset += data.length;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(padded);
        buf.put(json);
        for (int i = json.length; i < padded; i++) {
            buf.put((byte) ' ');
        }
        for (byte[] b : blobs) {
            buf.put(b);
        }
        return buf.array();
    }

    private static String code(DType d) {
        return switch (d) {
            case FLOAT32 -> "F32";
            case INT64 -> "I64";
            case BOOL -> "BOOL";
        };
    }

    private static byte[] encode(Tensor t) {
        int n = t.numel();
        ByteBuffer b = ByteBuffer.allocate(n * t.dtype().byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        switch (t.dtype()) {
            case FLOAT32 -> b.asFloatBuffer().put(t.toFloatArray());
            case INT64 -> b.asLongBuffer().put(t.toLongArray());
            case BOOL -> {
                for (boolean v : t.toBooleanArray()) {
                    b.put((byte) (v ? 1 : 0));
                }
            }
        }
        return b.array();
    }

    // ================================================================ read

    /**
     * Reads a safetensors file.
     *
     * @throws IOException naming the file and what is wrong (truncated, bad header, offsets out of range, ...)
     */
    public static SafetensorsFile read(Path file) throws IOException {
        byte[] bytes = io.netwright.files.InputFiles.readBytes(file, Long.MAX_VALUE, "safetensors");
        return parse(file.toString(), bytes);
    }

    /** Parses safetensors bytes; {@code name} is used in error messages. */
    public static SafetensorsFile parse(String name, byte[] bytes) throws IOException {
        return io.netwright.files.ReadGuard.read(name, "safetensors file", "the file is damaged; write it again",
                () -> parseChecked(name, bytes));
    }

    private static SafetensorsFile parseChecked(String name, byte[] bytes) throws IOException {
        if (bytes.length < 8) {
            throw new IOException(name + ": not a safetensors file: " + bytes.length
                    + " bytes is shorter than the 8-byte header length (the file is truncated or empty)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen = buf.getLong();
        if (headerLen <= 0 || headerLen > MAX_HEADER || 8 + headerLen > bytes.length) {
            throw new IOException(name + ": header length " + headerLen + " at offset 0 does not fit the file of "
                    + bytes.length + " bytes — the file is truncated or not safetensors");
        }
        JsonObject header = io.netwright.files.JsonInput.object(name + ": the JSON header (bytes 8.."
                + (8 + headerLen) + ")", io.netwright.files.InputFiles.utf8(java.util.Arrays.copyOfRange(bytes, 8,
                (int) (8 + headerLen)), name + ": the JSON header"));
        long dataStart = 8 + headerLen;
        long dataLen = bytes.length - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (var e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                if (!e.getValue().isJsonObject()) {
                    throw new IOException(name + ": __metadata__ must be an object of text values, got "
                            + io.netwright.files.JsonInput.kind(e.getValue()) + " — the file is damaged");
                }
                for (var m : e.getValue().getAsJsonObject().entrySet()) {
                    if (!m.getValue().isJsonPrimitive() || !m.getValue().getAsJsonPrimitive().isString()) {
                        throw new IOException(name + ": __metadata__/" + m.getKey() + " must be text, got "
                                + io.netwright.files.JsonInput.kind(m.getValue()) + " — the file is damaged");
                    }
                    metadata.put(m.getKey(), m.getValue().getAsString());
                }
                continue;
            }
            if (!e.getValue().isJsonObject()) {
                throw new IOException(name + ": tensor '" + e.getKey() + "': header entry must be an object with "
                        + "dtype, shape and data_offsets, got " + io.netwright.files.JsonInput.kind(e.getValue()));
            }
            tensors.put(e.getKey(), readTensor(name, e.getKey(), e.getValue(), buf, dataStart, dataLen));
        }
        return new SafetensorsFile(tensors, metadata);
    }

    private static Tensor readTensor(String file, String key, JsonElement el, ByteBuffer buf, long dataStart,
                                     long dataLen) throws IOException {
        Tensor t = readFlat(file, key, el, buf, dataStart, dataLen);
        return el.getAsJsonObject().getAsJsonArray("shape").size() == 0 ? t.reshape() : t;
    }

    /** Reads one tensor; 0-d shapes stay 0-d (the varargs factories would make them 1-D). */
    private static Tensor readFlat(String file, String key, JsonElement el, ByteBuffer buf, long dataStart,
                                   long dataLen) throws IOException {
        String where = file + ": tensor '" + key + "'";
        String dtype;
        int[] shape;
        long begin;
        long end;
        try {
            JsonObject o = el.getAsJsonObject();
            dtype = o.get("dtype").getAsString();
            JsonArray s = o.getAsJsonArray("shape");
            shape = new int[s.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = s.get(i).getAsInt();
            }
            JsonArray off = o.getAsJsonArray("data_offsets");
            begin = off.get(0).getAsLong();
            end = off.get(1).getAsLong();
        } catch (RuntimeException e) {
            throw new IOException(where + ": header entry must have dtype, shape and data_offsets: " + el, e);
        }
        int width = width(dtype, where);
        long numel = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IOException(where + ": negative size in shape " + java.util.Arrays.toString(shape));
            }
            numel *= d;
        }
        if (begin < 0 || end < begin || end > dataLen) {
            throw new IOException(where + ": data_offsets [" + begin + ", " + end + "] fall outside the data section of "
                    + dataLen + " bytes — the file is truncated or corrupt");
        }
        if (end - begin != numel * width) {
            throw new IOException(where + ": " + dtype + " shape " + java.util.Arrays.toString(shape) + " needs "
                    + numel * width + " bytes but data_offsets give " + (end - begin));
        }
        ByteBuffer b = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.position((int) (dataStart + begin));
        int n = (int) numel;
        switch (dtype) {
            case "F32" -> {
                float[] f = new float[n];
                b.asFloatBuffer().get(f);
                return Tensor.of(f, shape);
            }
            case "F64" -> {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = (float) b.getDouble();
                }
                return Tensor.of(f, shape);
            }
            case "F16", "BF16" -> {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    short h = b.getShort();
                    f[i] = dtype.equals("F16") ? halfToFloat(h)
                            : Float.intBitsToFloat((h & 0xffff) << 16);
                }
                return Tensor.of(f, shape);
            }
            case "BOOL" -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = b.get() != 0;
                }
                return Tensor.ofBools(v, shape);
            }
            default -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = switch (dtype) {
                        case "I64" -> b.getLong();
                        case "I32" -> b.getInt();
                        case "I16" -> b.getShort();
                        case "I8" -> b.get();
                        default -> b.get() & 0xff;
                    };
                }
                return Tensor.ofLongs(v, shape);
            }
        }
    }

    /** IEEE 754 binary16 to float (Float.float16ToFloat needs Java 20). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0) {
            float v = mant * 0x1.0p-24f;
            return sign != 0 ? -v : v;
        }
        if (exp == 31) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private static int width(String dtype, String where) throws IOException {
        return switch (dtype) {
            case "F64", "I64" -> 8;
            case "F32", "I32" -> 4;
            case "F16", "BF16", "I16" -> 2;
            case "I8", "U8", "BOOL" -> 1;
            default -> throw new IOException(where + ": unsupported dtype " + dtype
                    + " (supported: F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL)");
        };
    }
}
