package io.netwright.export;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.netwright.backend.DType;
import io.netwright.tensor.Tensor;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model loaded into ONNX Runtime (CPU) — the reference the export check runs the exported file on.
 *
 * <pre>{@code
 * try (OnnxRun run = OnnxRun.load(Files.readAllBytes(file))) {
 *     Tensor logits = run.run(batch).get("logits");
 * }
 * }</pre>
 */
public final class OnnxRun implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;

    private OnnxRun(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
    }

    /**
     * Loads {@code model} (the bytes of an .onnx file).
     *
     * @throws ExportException when ONNX Runtime cannot load on this machine or rejects the model
     */
    public static OnnxRun load(byte[] model) {
        OrtEnvironment env;
        try {
            env = OrtEnvironment.getEnvironment();
        } catch (LinkageError | RuntimeException e) {
            throw new ExportException("ONNX Runtime cannot start on this machine: " + firstLine(e), e);
        }
        try {
            OrtSession.SessionOptions o = new OrtSession.SessionOptions();
            o.setIntraOpNumThreads(1);
            return new OnnxRun(env, env.createSession(model, o));
        } catch (OrtException e) {
            throw new ExportException("ONNX Runtime rejects the exported model: " + firstLine(e), e);
        }
    }

    /** The ONNX Runtime version ({@code 1.29.0}). */
    public String version() {
        return env.getVersion();
    }

    /** The graph input names, in order. */
    public List<String> inputNames() {
        return List.copyOf(session.getInputNames());
    }

    /** The graph output names, in order. */
    public List<String> outputNames() {
        return List.copyOf(session.getOutputNames());
    }

    /**
     * Runs the model on {@code input} (float32 or int64) fed to its only input; returns every output by name, as
     * float32 tensors on the CPU.
     */
    public Map<String, Tensor> run(Tensor input) {
        Tensor x = input.detach().contiguous();
        long[] shape = new long[x.dim()];
        int[] sizes = x.sizes();
        for (int i = 0; i < sizes.length; i++) {
            shape[i] = sizes[i];
        }
        String name = session.getInputNames().iterator().next();
        try (OnnxTensor t = x.dtype() == DType.INT64
                ? OnnxTensor.createTensor(env, LongBuffer.wrap(x.toLongArray()), shape)
                : OnnxTensor.createTensor(env, FloatBuffer.wrap(x.toFloat().toFloatArray()), shape);
                OrtSession.Result r = session.run(Map.of(name, t))) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, OnnxValue> e : r) {
                OnnxTensor v = (OnnxTensor) e.getValue();
                long[] s = v.getInfo().getShape();
                int[] dims = new int[s.length];
                for (int i = 0; i < s.length; i++) {
                    dims[i] = Math.toIntExact(s[i]);
                }
                FloatBuffer fb = v.getFloatBuffer();
                float[] data = new float[fb.remaining()];
                fb.get(data);
                out.put(e.getKey(), Tensor.of(data, dims));
            }
            return out;
        } catch (OrtException e) {
            throw new ExportException("ONNX Runtime fails to run the exported model: " + firstLine(e), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing to do: the session's memory is released with the process
        }
    }

    static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
