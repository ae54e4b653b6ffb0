package io.netwright.graph;

import java.util.List;

/** The fixed facts of a layer type; families extend it with their shape rule, counts and compiler. */
abstract class BaseLayer implements LayerType {

    private final String name;
    private final String displayName;
    private final Category category;
    private final String doc;
    private final List<ParamSpec> params;
    private final int minInputs;
    private final int maxInputs;
    private final String idPrefix;

    BaseLayer(String name, String displayName, Category category, String idPrefix, int minInputs, int maxInputs,
            String doc, List<ParamSpec> params) {
        this.name = name;
        this.displayName = displayName;
        this.category = category;
        this.idPrefix = idPrefix;
        this.minInputs = minInputs;
        this.maxInputs = maxInputs;
        this.doc = doc;
        this.params = List.copyOf(params);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final Category category() {
        return category;
    }

    @Override
    public final String doc() {
        return doc;
    }

    @Override
    public final List<ParamSpec> params() {
        return params;
    }

    @Override
    public final int minInputs() {
        return minInputs;
    }

    @Override
    public final int maxInputs() {
        return maxInputs;
    }

    @Override
    public final String idPrefix() {
        return idPrefix;
    }

    @Override
    public String toString() {
        return name;
    }

    // ---------------------------------------------------------------- helpers for shape rules

    /** Words for a shape in messages: {@code a vector of 400 features} or {@code 16×5×5}. */
    static String describe(int[] s) {
        return s.length == 1 ? "a vector of " + s[0] + " features" : Shapes.format(s);
    }

    /** Reports an error unless {@code in} is {@code C×H×W}; returns whether it is. */
    final boolean needImage(int[] in, ShapeCheck check) {
        if (in.length == 3) {
            return true;
        }
        check.error("input is " + describe(in) + " but " + name + " needs C×H×W",
                in.length == 1 ? "insert Reshape (e.g. shape=[C, H, W]) before it" : "insert Reshape before it");
        return false;
    }

    /** Reports an error when {@code explicit} (unless auto) differs from the input's {@code actual} size. */
    final boolean checkInferred(Params p, String param, int actual, String what, String extraFix, ShapeCheck check) {
        if (p.isAuto(param)) {
            return true;
        }
        int declared = p.integer(param);
        if (declared == actual) {
            return true;
        }
        check.error("input has " + actual + " " + what + ", layer expects " + declared,
                "set " + param + "=" + actual + (extraFix == null ? "" : " or " + extraFix));
        return false;
    }
}
