package io.netwright.files;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one place readers turn unexpected failures into a one-line {@link IOException} naming the file: a reader
 * wraps its body in {@link #read}, and whatever slips past its own checks (a field of the wrong JSON type, an index
 * out of range, a number too large, nesting too deep, an allocation too large) reaches the user as
 * {@code model.safetensors: cannot be read as a safetensors file (a number where text was expected) — ...}, never as
 * a stack trace. {@link IOException}s and {@link IllegalArgumentException}s that already name the file pass through.
 *
 * <pre>{@code return ReadGuard.read(file, "checkpoint", "use another checkpoint", () -> parse(file));}</pre>
 */
public final class ReadGuard {

    /** A reader's body. */
    @FunctionalInterface
    public interface Body<T> {
        T run() throws IOException;
    }

    private ReadGuard() {
    }

    /**
     * Runs {@code body}; failures become an {@link IOException} that names {@code source}.
     *
     * @param source the file (or folder) being read, as it should appear in the message
     * @param what   what it should be ("design", "checkpoint")
     * @param fix    what the user can do ("use another checkpoint")
     */
    public static <T> T read(Object source, String what, String fix, Body<T> body) throws IOException {
        String name = String.valueOf(source);
        try {
            return body.run();
        } catch (UncheckedIOException e) {
            throw named(name, e.getCause());
        } catch (IOException e) {
            throw named(name, e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && mentions(e.getMessage(), name) && !raw(e.getMessage())) {
                throw new IOException(e.getMessage(), e);
            }
            throw failure(name, what, fix, e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw failure(name, what, fix, e);
        }
    }

    private static IOException named(String name, IOException e) {
        String m = e.getMessage();
        if (m != null && mentions(m, name)) {
            return e;
        }
        return new IOException(name + ": " + (m == null ? e.getClass().getSimpleName() : m), e);
    }

    private static IOException failure(String name, String what, String fix, Throwable e) {
        return new IOException(name + ": cannot be read as a " + what + " (" + reason(e) + ") — " + fix, e);
    }

    private static boolean mentions(String message, String name) {
        String file = name.replace('\\', '/');
        int slash = file.lastIndexOf('/');
        return message.contains(name) || slash >= 0 && message.contains(file.substring(slash + 1));
    }

    /** Whether {@code m} is raw JVM or library text that a user should not see. */
    static boolean raw(String m) {
        return m.contains("java.lang.") || m.contains("com.google.gson") || m.contains("Cannot invoke")
                || m.contains("because \"");
    }

    /** A short reason in words for an unexpected failure. */
    static String reason(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "nested too deeply";
        }
        if (e instanceof OutOfMemoryError) {
            return "it declares more data than fits in memory";
        }
        if (e instanceof NumberFormatException) {
            return "a number out of range or malformed";
        }
        String msg = e.getMessage();
        if ((e instanceof IllegalStateException || e instanceof IllegalArgumentException) && msg != null
                && !raw(msg) && !msg.startsWith("Not a JSON") && !msg.contains(" but was ")) {
            return msg.lines().findFirst().orElse(msg); // our own message
        }
        if (e instanceof ClassCastException || e instanceof IllegalStateException
                || e instanceof UnsupportedOperationException) {
            return "a value of the wrong type, e.g. text where a number or an object was expected";
        }
        if (e instanceof NullPointerException) {
            return "a required field is missing";
        }
        if (e instanceof IndexOutOfBoundsException || e instanceof NegativeArraySizeException
                || e instanceof ArithmeticException) {
            return "sizes or offsets that do not fit the data";
        }
        String m = e.getMessage();
        return m == null || raw(m) ? "it is damaged" : m.lines().findFirst().orElse("it is damaged");
    }
}
