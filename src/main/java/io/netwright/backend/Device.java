package io.netwright.backend;

import java.util.Locale;
import java.util.Objects;

/**
 * A compute device: {@code Device.cpu()} or {@code Device.cuda(0)}.
 *
 * @param kind  the device family
 * @param index ordinal within the family (always 0 for the CPU)
 */
public record Device(Kind kind, int index) {

    /** Device families. */
    public enum Kind { CPU, CUDA }

    private static final Device CPU = new Device(Kind.CPU, 0);

    /** Validates the index. */
    public Device {
        Objects.requireNonNull(kind, "kind");
        if (index < 0) {
            throw new IllegalArgumentException("Device index must be >= 0, got " + index);
        }
        if (kind == Kind.CPU && index != 0) {
            throw new IllegalArgumentException("cpu device has index 0 only, got " + index);
        }
    }

    /** The host CPU. */
    public static Device cpu() {
        return CPU;
    }

    /** CUDA device {@code index}. */
    public static Device cuda(int index) {
        return new Device(Kind.CUDA, index);
    }

    /**
     * Parses {@code "cpu"}, {@code "cuda"} or {@code "cuda:1"} (PyTorch spelling).
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Device parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("cpu")) {
            return CPU;
        }
        if (s.equals("cuda")) {
            return cuda(0);
        }
        if (s.startsWith("cuda:")) {
            try {
                return cuda(Integer.parseInt(s.substring(5)));
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("Unknown device '" + text + "': use cpu, cuda or cuda:N");
    }

    @Override
    public String toString() {
        return kind == Kind.CPU ? "cpu" : "cuda:" + index;
    }
}
