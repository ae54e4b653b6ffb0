package io.netwright.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed NumPy-style index string such as {@code "0, 1:3, ..., None, ::-1"}: what {@code x[...]} holds in Python,
 * as a list of items. Pure syntax: bounds are checked when the spec is applied to a tensor ({@link Indexing#index}).
 *
 * @param items the comma-separated items, in order
 */
record IndexSpec(List<Item> items) {

    /** One comma-separated item of a spec. */
    sealed interface Item permits Int, Slice, Ellipsis, NewAxis {
    }

    /** An integer: selects one position and removes the dim (negative counts from the end). */
    record Int(int index) implements Item {
    }

    /** {@code start:stop:step}; {@code null} bounds mean "from the beginning" / "to the end". */
    record Slice(Integer start, Integer stop, int step) implements Item {
    }

    /** {@code ...}: as many full slices as needed to reach the tensor's rank. */
    record Ellipsis() implements Item {
    }

    /** {@code None}: inserts a size-1 dim. */
    record NewAxis() implements Item {
    }

    IndexSpec {
        items = List.copyOf(items);
    }

    /** Number of items that consume a dim of the tensor (integers and slices). */
    int consumedDims() {
        int n = 0;
        for (Item it : items) {
            if (it instanceof Int || it instanceof Slice) {
                n++;
            }
        }
        return n;
    }

    /**
     * Parses {@code spec}. An empty spec means no indices ({@code x[()]}); one trailing comma is allowed, as in Python
     * ({@code "0,"}).
     *
     * @throws IllegalArgumentException naming the offending token and the accepted forms
     */
    static IndexSpec parse(String spec) {
        String s = spec.strip();
        List<Item> items = new ArrayList<>();
        if (s.isEmpty()) {
            return new IndexSpec(items);
        }
        String[] tokens = s.split(",", -1);
        int count = tokens.length;
        if (count > 1 && tokens[count - 1].isBlank()) {
            count--;
        }
        boolean ellipsis = false;
        for (int i = 0; i < count; i++) {
            String tok = tokens[i].strip();
            Item item = parseItem(spec, tok);
            if (item instanceof Ellipsis) {
                if (ellipsis) {
                    throw new IllegalArgumentException("index: an index can only have a single ellipsis ('...'), got '"
                            + spec + "'");
                }
                ellipsis = true;
            }
            items.add(item);
        }
        return new IndexSpec(items);
    }

    private static Item parseItem(String spec, String tok) {
        if (tok.equals("...")) {
            return new Ellipsis();
        }
        if (tok.equals("None")) {
            return new NewAxis();
        }
        if (tok.indexOf(':') < 0) {
            return new Int(parseInt(spec, tok, tok));
        }
        String[] parts = tok.split(":", -1);
        if (parts.length > 3) {
            throw syntax(spec, tok, "a slice has at most two ':' (start:stop:step)");
        }
        Integer start = parts[0].isBlank() ? null : parseInt(spec, tok, parts[0].strip());
        Integer stop = parts[1].isBlank() ? null : parseInt(spec, tok, parts[1].strip());
        int step = parts.length < 3 || parts[2].isBlank() ? 1 : parseInt(spec, tok, parts[2].strip());
        if (step == 0) {
            throw new IllegalArgumentException("index: slice step cannot be zero in '" + tok + "' of '" + spec + "'");
        }
        if (step < 0) {
            // PyTorch has no negative-step views; flip() copies instead.
            throw new IllegalArgumentException("index: step must be greater than zero in '" + tok + "' of '" + spec
                    + "' — use flip(dim) to reverse");
        }
        return new Slice(start, stop, step);
    }

    private static int parseInt(String spec, String tok, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw syntax(spec, tok, "expected an integer, a slice start:stop:step, '...' or 'None'");
        }
    }

    private static IllegalArgumentException syntax(String spec, String tok, String what) {
        String shown = tok.isEmpty() ? "(empty)" : "'" + tok + "'";
        return new IllegalArgumentException("index: invalid index " + shown + " in '" + spec + "': " + what);
    }
}
