package io.netwright.backend.cuda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the kernel entry points of a PTX file: every {@code .visible .entry NAME(} with its {@code .param} lines,
 * each normalised to {@link CudaKernel.Param#ptx()} form ({@code .u64}, {@code .u32}, {@code .f32}, {@code .f64},
 * {@code .align 4 .b8[68]}).
 */
final class PtxEntries {

    private static final Pattern ENTRY = Pattern.compile("^\\s*\\.visible\\s+\\.entry\\s+([A-Za-z_$][\\w$]*)\\s*\\(");
    private static final Pattern PARAM = Pattern.compile(
            "\\.param\\s+(?:\\.align\\s+(\\d+)\\s+)?\\.([a-z]\\d+)\\s+[\\w$]+\\s*(?:\\[(\\d+)])?");

    private PtxEntries() {
    }

    /** Entry name to its normalised parameter list, in file order. */
    static Map<String, List<String>> parse(String ptx) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String[] lines = ptx.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ENTRY.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            String name = m.group(1);
            List<String> params = new ArrayList<>();
            // the parameter list runs from the '(' to the first ')' outside a [..] (one line or several)
            StringBuilder list = new StringBuilder(lines[i].substring(m.end()));
            while (list.indexOf(")") < 0 && i + 1 < lines.length) {
                list.append('\n').append(lines[++i]);
            }
            String body = list.substring(0, list.indexOf(")"));
            for (String p : body.split(",")) {
                if (!p.isBlank()) {
                    params.add(normalise(name, p.trim()));
                }
            }
            if (out.put(name, params) != null) {
                throw new IllegalArgumentException("PTX: entry " + name + " is declared twice");
            }
        }
        return out;
    }

    /** One {@code .param} declaration in {@code Param.ptx()} form, or {@code "?<text>"} where it is not one we know. */
    static String normalise(String kernel, String decl) {
        Matcher m = PARAM.matcher(decl);
        if (!m.find()) {
            return "?" + decl;
        }
        String align = m.group(1);
        String type = m.group(2);
        String count = m.group(3);
        if (count != null) {
            return (align == null ? "" : ".align " + align + " ") + "." + type + "[" + count + "]";
        }
        return switch (type) {
            case "u32", "s32", "b32" -> ".u32";
            case "u64", "s64", "b64" -> ".u64";
            case "f32" -> ".f32";
            case "f64" -> ".f64";
            default -> "." + type;
        };
    }
}
