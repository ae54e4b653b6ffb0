package io.netwright.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A typed value of a layer parameter as stored in a {@link Node}: an integer, a float, a boolean, a text (a choice
 * such as {@code "same"}), a list of integers (a pair such as {@code kernel_size=[3, 5]} or a tuple), or
 * {@link #AUTO} ("infer it from the input", e.g. {@code in_channels}).
 *
 * <p>Values print as they are written in a design file: {@code 6}, {@code 0.5}, {@code true}, {@code "same"},
 * {@code [3, 5]}, {@code "auto"}. Whether a value suits a parameter is decided by the parameter's
 * {@link ParamSpec}, not here, so that a design being edited can hold a wrong value and be told about it.
 *
 * <pre>{@code node.withParam("kernel_size", ParamValue.of(5)).withParam("padding", ParamValue.of("same"))}</pre>
 */
public sealed interface ParamValue {

    /** "Infer this parameter from the input shape". */
    ParamValue AUTO = new AutoValue();

    /** An integer value. */
    static ParamValue of(int value) {
        return new IntValue(value);
    }

    /** A floating-point value. */
    static ParamValue of(double value) {
        return new FloatValue(value);
    }

    /** A boolean value. */
    static ParamValue of(boolean value) {
        return new BoolValue(value);
    }

    /** A text value (a choice); {@code "auto"} gives {@link #AUTO}. */
    static ParamValue of(String value) {
        return "auto".equals(value) ? AUTO : new TextValue(value);
    }

    /** A list of integers, e.g. a pair {@code (3, 5)}. */
    static ParamValue ofInts(int... values) {
        return new IntsValue(Arrays.stream(values).boxed().toList());
    }

    /** An integer. */
    record IntValue(int value) implements ParamValue {
        @Override
        public String toString() {
            return Integer.toString(value);
        }
    }

    /** A finite floating-point number. */
    record FloatValue(double value) implements ParamValue {
        /** Rejects NaN and infinities, which JSON cannot hold. */
        public FloatValue {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("parameter value must be a finite number, got " + value);
            }
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** A boolean. */
    record BoolValue(boolean value) implements ParamValue {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** A text, used for choices ({@code "same"}, {@code "nearest"}). Never {@code "auto"}: that is {@link #AUTO}. */
    record TextValue(String value) implements ParamValue {
        /** Rejects null and {@code "auto"}. */
        public TextValue {
            Objects.requireNonNull(value, "value");
            if (value.equals("auto")) {
                throw new IllegalArgumentException("use ParamValue.AUTO for \"auto\"");
            }
        }

        @Override
        public String toString() {
            return '"' + value + '"';
        }
    }

    /** A non-empty list of integers (pairs, tuples, shapes). */
    record IntsValue(List<Integer> values) implements ParamValue {
        /** Copies the list; rejects an empty list and nulls. */
        public IntsValue {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("an integer list parameter must not be empty");
            }
        }

        /** The i-th integer. */
        public int get(int i) {
            return values.get(i);
        }

        /** Number of integers. */
        public int size() {
            return values.size();
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }

    /** "Infer from the input"; the only instance is {@link ParamValue#AUTO}. */
    record AutoValue() implements ParamValue {
        @Override
        public String toString() {
            return "\"auto\"";
        }
    }
}
