package io.netwright.graph;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * JSON text for design files: a strict parser (RFC 8259; duplicate keys rejected) that remembers the line of every
 * element so errors can name it, and a diff-friendly pretty printer (2-space indent; top-level sections one entry
 * per line; below them, an entry that fits in 120 columns on one line — a node, a wire — stays on one line, so an
 * edit changes the lines of the entries it touches).
 *
 * <p>Numbers are kept exactly as {@link BigDecimal}; {@link #isInteger} tells {@code 2} from {@code 2.0}.
 */
final class JsonText {

    /** A syntax error at a line. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        SyntaxError(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** A parsed document: the root and the line where each element starts. */
    record Parsed(JsonElement root, Map<JsonElement, Integer> lines) {
        /** The line of {@code e}, or 0 when unknown (an element made during migration). */
        int line(JsonElement e) {
            Integer l = e == null ? null : lines.get(e);
            return l == null ? 0 : l;
        }
    }

    private static final int MAX_DEPTH = 200;
    private static final int LINE_WIDTH = 120;

    private final String s;
    private int pos;
    private int line = 1;
    private final Map<JsonElement, Integer> lines = new IdentityHashMap<>();

    private JsonText(String s) {
        this.s = s;
    }

    // ================================================================ parsing

    /** Parses {@code text}, which must hold exactly one JSON value. */
    static Parsed parse(String text) throws SyntaxError {
        JsonText p = new JsonText(text);
        if (p.s.startsWith("\uFEFF")) {
            p.pos = 1;
        }
        JsonElement root = p.value(0);
        p.skipSpace();
        if (p.pos < p.s.length()) {
            throw p.error("unexpected " + p.describeHere() + " after the end of the document");
        }
        return new Parsed(root, p.lines);
    }

    private SyntaxError error(String message) {
        return new SyntaxError(line, message);
    }

    private String describeHere() {
        if (pos >= s.length()) {
            return "end of file";
        }
        char c = s.charAt(pos);
        return Character.isISOControl(c) ? String.format("character U+%04X", (int) c) : "'" + c + "'";
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonElement value(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        skipSpace();
        if (pos >= s.length()) {
            throw error("unexpected end of file, expected a value");
        }
        int at = line;
        char c = s.charAt(pos);
        JsonElement e;
        if (c == '{') {
            e = object(depth);
        } else if (c == '[') {
            e = array(depth);
        } else if (c == '"') {
            e = new JsonPrimitive(string());
        } else if (c == '-' || c >= '0' && c <= '9') {
            e = new JsonPrimitive(number());
        } else if (s.startsWith("true", pos)) {
            pos += 4;
            e = new JsonPrimitive(true);
        } else if (s.startsWith("false", pos)) {
            pos += 5;
            e = new JsonPrimitive(false);
        } else if (s.startsWith("null", pos)) {
            pos += 4;
            return JsonNull.INSTANCE;
        } else {
            throw error("unexpected " + describeHere() + ", expected a value");
        }
        lines.put(e, at);
        return e;
    }

    private JsonObject object(int depth) throws SyntaxError {
        JsonObject o = new JsonObject();
        pos++;
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            return o;
        }
        while (true) {
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != '"') {
                throw error("expected a field name in quotes, got " + describeHere());
            }
            int keyLine = line;
            String key = string();
            if (o.has(key)) {
                throw new SyntaxError(keyLine, "field \"" + key + "\" appears twice");
            }
            skipSpace();
            expect(':');
            o.add(key, value(depth + 1));
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                continue;
            }
            if (pos >= s.length() || s.charAt(pos) != '}') {
                throw error("expected ',' or '}', got " + describeHere());
            }
            pos++;
            return o;
        }
    }

    private JsonArray array(int depth) throws SyntaxError {
        JsonArray a = new JsonArray();
        pos++;
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ']') {
            pos++;
            return a;
        }
        while (true) {
            a.add(value(depth + 1));
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                continue;
            }
            if (pos >= s.length() || s.charAt(pos) != ']') {
                throw error("expected ',' or ']', got " + describeHere());
            }
            pos++;
            return a;
        }
    }

    private void expect(char c) throws SyntaxError {
        if (pos >= s.length() || s.charAt(pos) != c) {
            throw error("expected '" + c + "', got " + describeHere());
        }
        pos++;
    }

    private String string() throws SyntaxError {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated text (missing closing quote)");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                if (pos >= s.length()) {
                    throw error("unterminated escape");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("bad \\u escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape \\u" + s.substring(pos, pos + 4));
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            } else if (c < 0x20) {
                throw error(c == '\n' ? "line break inside text (missing closing quote?)"
                        : "control character inside text; escape it");
            } else {
                sb.append(c);
            }
        }
    }

    private BigDecimal number() throws SyntaxError {
        int start = pos;
        if (s.charAt(pos) == '-') {
            pos++;
        }
        int intStart = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        if (pos == intStart || s.charAt(intStart) == '0' && pos - intStart > 1) {
            throw error("bad number " + s.substring(start, Math.max(pos, start + 1)));
        }
        if (pos < s.length() && s.charAt(pos) == '.') {
            pos++;
            int frac = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == frac) {
                throw error("bad number " + s.substring(start, pos) + " (digits must follow '.')");
            }
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            int exp = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == exp) {
                throw error("bad number " + s.substring(start, pos));
            }
        }
        String text = s.substring(start, pos);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw error("number " + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + " is out of range "
                    + "(its exponent is too large)");
        }
    }

    /** Whether {@code p} is a number written without fraction or exponent that fits an int. */
    static boolean isInteger(JsonPrimitive p) {
        if (!p.isNumber()) {
            return false;
        }
        BigDecimal d = p.getAsBigDecimal();
        if (d.scale() != 0) {
            return false;
        }
        try {
            d.intValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    // ================================================================ writing

    /** {@code e} pretty-printed, with a final newline. */
    static String pretty(JsonElement e) {
        StringBuilder sb = new StringBuilder();
        write(sb, e, 0);
        return sb.append('\n').toString();
    }

    /** {@code e} on one line ({@code {"a": 1, "b": [2, 3]}}). */
    static String compact(JsonElement e) {
        StringBuilder sb = new StringBuilder();
        inline(sb, e);
        return sb.toString();
    }

    private static void write(StringBuilder sb, JsonElement e, int depth) {
        if (e.isJsonPrimitive() || e.isJsonNull()) {
            inline(sb, e);
            return;
        }
        int lineStart = sb.lastIndexOf("\n") + 1;
        if (depth >= 2 ? nesting(e) <= 3 : e.isJsonArray() && nesting(e) == 1) {
            String one = compact(e);
            if (sb.length() - lineStart + one.length() + 1 <= LINE_WIDTH) {
                sb.append(one);
                return;
            }
        }
        String pad = "  ".repeat(depth + 1);
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.size() == 0) {
                sb.append("{}");
                return;
            }
            sb.append("{");
            boolean first = true;
            for (var entry : o.entrySet()) {
                sb.append(first ? "\n" : ",\n").append(pad);
                quote(sb, entry.getKey());
                sb.append(": ");
                write(sb, entry.getValue(), depth + 1);
                first = false;
            }
            sb.append('\n').append("  ".repeat(depth)).append('}');
        } else {
            JsonArray a = e.getAsJsonArray();
            if (a.size() == 0) {
                sb.append("[]");
                return;
            }
            sb.append("[");
            for (int i = 0; i < a.size(); i++) {
                sb.append(i == 0 ? "\n" : ",\n").append(pad);
                write(sb, a.get(i), depth + 1);
            }
            sb.append('\n').append("  ".repeat(depth)).append(']');
        }
    }

    /** 0 for a plain value, else 1 + the nesting of the deepest child. */
    private static int nesting(JsonElement e) {
        if (!e.isJsonObject() && !e.isJsonArray()) {
            return 0;
        }
        Iterable<JsonElement> children = e.isJsonObject() ? e.getAsJsonObject().asMap().values()
                : e.getAsJsonArray();
        int deepest = 0;
        for (JsonElement c : children) {
            deepest = Math.max(deepest, nesting(c));
        }
        return 1 + deepest;
    }

    private static void inline(StringBuilder sb, JsonElement e) {
        if (e.isJsonNull()) {
            sb.append("null");
        } else if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isString()) {
                quote(sb, p.getAsString());
            } else if (p.isBoolean()) {
                sb.append(p.getAsBoolean());
            } else {
                sb.append(number(p.getAsNumber()));
            }
        } else if (e.isJsonObject()) {
            sb.append('{');
            boolean first = true;
            for (var entry : e.getAsJsonObject().entrySet()) {
                sb.append(first ? "" : ", ");
                quote(sb, entry.getKey());
                sb.append(": ");
                inline(sb, entry.getValue());
                first = false;
            }
            sb.append('}');
        } else {
            sb.append('[');
            JsonArray a = e.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                inline(sb, a.get(i));
            }
            sb.append(']');
        }
    }

    private static String number(Number n) {
        if (n instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON cannot hold " + d);
            }
            return Double.toString(d);
        }
        if (n instanceof BigDecimal b) {
            return b.toString();
        }
        return n.toString();
    }

    private static void quote(StringBuilder sb, String text) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
