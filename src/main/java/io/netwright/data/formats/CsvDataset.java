package io.netwright.data.formats;

import io.netwright.data.CorruptDataException;
import io.netwright.data.Dataset;
import io.netwright.data.LabeledDataset;
import io.netwright.data.Sample;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table of numeric features and a class label per row, from a CSV file. The label column is chosen by header
 * name or position (default: the last); every other column must be numeric. Class names are the distinct label
 * values, sorted (numerically when they are all numbers, so labels {@code 0..9} keep their meaning), and a row's
 * label is its value's position in that list. Quoted fields ({@code "a,b"}, {@code ""} for a quote) are allowed;
 * blank lines are skipped.
 *
 * <pre>{@code CsvDataset iris = CsvDataset.load(Path.of("iris.csv"), CsvOptions.defaults().withLabelColumn("species"));}</pre>
 */
public final class CsvDataset implements LabeledDataset<float[]> {

    private final String name;
    private final List<String> featureNames;
    private final List<String> classes;
    private final float[] features;
    private final int[] labels;

    private CsvDataset(String name, List<String> featureNames, List<String> classes, float[] features, int[] labels) {
        this.name = name;
        this.featureNames = featureNames;
        this.classes = classes;
        this.features = features;
        this.labels = labels;
    }

    /** Loads with {@link CsvOptions#defaults()}. */
    public static CsvDataset load(Path file) throws IOException {
        return load(file, CsvOptions.defaults());
    }

    /**
     * Loads {@code file}.
     *
     * @throws CorruptDataException naming the line and column of a field that is not a number, a row with the
     *                              wrong number of fields, or an unknown label column
     */
    public static CsvDataset load(Path file, CsvOptions options) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        String text = io.netwright.files.InputFiles.readUtf8(file, io.netwright.files.InputFiles.TEXT_LIMIT,
                "CSV");
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                rows.add(split(line, options.delimiter(), file, lineNo));
                lineNumbers.add(lineNo);
            }
        }
        if (rows.isEmpty()) {
            throw new CorruptDataException(file, "no rows — expected lines of numeric features and a label");
        }
        int width = rows.get(0).length;
        if (width < 2) {
            throw new CorruptDataException(file, "line " + lineNumbers.get(0) + " has " + width + " field"
                    + " — expected at least one feature and a label separated by '" + options.delimiter() + "'");
        }
        int labelCol = labelColumn(file, options, rows.get(0), width);
        boolean header = switch (options.header()) {
            case PRESENT -> true;
            case ABSENT -> false;
            case AUTO -> !allNumeric(rows.get(0), labelCol);
        };
        String[] head = header ? rows.get(0) : null;
        List<String> featureNames = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            if (c != labelCol) {
                featureNames.add(head != null ? head[c] : "feature_" + featureNames.size());
            }
        }
        int first = header ? 1 : 0;
        int n = rows.size() - first;
        if (n == 0) {
            throw new CorruptDataException(file, "has a header but no data rows");
        }
        int f = width - 1;
        float[] features = new float[Math.multiplyExact(n, f)];
        String[] labelText = new String[n];
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(first + i);
            int lineNo = lineNumbers.get(first + i);
            if (row.length != width) {
                throw new CorruptDataException(file, "line " + lineNo + " has " + row.length + " fields, expected "
                        + width + " (as " + (header ? "in the header" : "on line " + lineNumbers.get(0)) + ")");
            }
            for (int c = 0, k = 0; c < width; c++) {
                if (c == labelCol) {
                    labelText[i] = row[c];
                    if (row[c].isEmpty()) {
                        throw new CorruptDataException(file, "line " + lineNo + ", column " + (c + 1) + " ("
                                + columnName(head, c) + "): the label is empty");
                    }
                    continue;
                }
                features[i * f + k++] = number(row[c], file, lineNo, c, head);
            }
        }
        List<String> classes = classNames(labelText);
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.put(classes.get(k), k);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = index.get(labelText[i]);
        }
        return new CsvDataset(file.getFileName().toString(), List.copyOf(featureNames), classes, features, labels);
    }

    private static int labelColumn(Path file, CsvOptions o, String[] firstRow, int width) throws IOException {
        if (o.labelName() != null) {
            if (o.header() == CsvOptions.Header.ABSENT) {
                throw new IllegalArgumentException("CsvOptions: a label column by name ('" + o.labelName()
                        + "') needs a header line, but header is ABSENT — give the column index instead");
            }
            for (int c = 0; c < width; c++) {
                if (firstRow[c].equals(o.labelName())) {
                    return c;
                }
            }
            throw new CorruptDataException(file, "line 1: no column named '" + o.labelName() + "' in the header "
                    + Arrays.toString(firstRow));
        }
        int c = o.labelIndex() < 0 ? width + o.labelIndex() : o.labelIndex();
        if (c < 0 || c >= width) {
            throw new CorruptDataException(file, "label column " + o.labelIndex() + " is outside the " + width
                    + " columns of line 1");
        }
        return c;
    }

    private static boolean allNumeric(String[] row, int labelCol) {
        for (int c = 0; c < row.length; c++) {
            if (c != labelCol && !isNumber(row[c])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String s) {
        try {
            Float.parseFloat(s);
            return !s.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static float number(String s, Path file, int line, int col, String[] head) throws IOException {
        try {
            if (!s.isEmpty()) {
                return Float.parseFloat(s);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CorruptDataException(file, "line " + line + ", column " + (col + 1) + " (" + columnName(head, col)
                + "): expected a number but " + (s.isEmpty() ? "the field is empty" : "found '" + s + "'"));
    }

    private static String columnName(String[] head, int c) {
        return head != null ? "'" + head[c] + "'" : "no header";
    }

    /** Distinct values, sorted numerically if all are numbers, else as strings. */
    private static List<String> classNames(String[] labels) {
        Set<String> distinct = new LinkedHashSet<>(Arrays.asList(labels));
        List<String> out = new ArrayList<>(distinct);
        if (out.stream().allMatch(CsvDataset::isNumber)) {
            out.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        } else {
            out.sort(null);
        }
        return List.copyOf(out);
    }

    /** Splits one line on {@code d}, honouring double quotes; fields are trimmed. */
    static String[] split(String line, char d, Path file, int lineNo) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (ch == d) {
                out.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new CorruptDataException(file, "line " + lineNo + ": a quoted field is not closed (missing '\"')");
        }
        out.add(field.toString().strip());
        return out.toArray(String[]::new);
    }

    /** The file name. */
    public String name() {
        return name;
    }

    /** The feature columns' names (from the header, or {@code feature_0}, ...). */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Features per row. */
    public int numFeatures() {
        return featureNames.size();
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int index) {
        return labels[Dataset.checkIndex(index, labels.length)];
    }

    /** Row {@code index}: its features (a copy) and label. */
    @Override
    public Sample<float[]> get(int index) {
        Dataset.checkIndex(index, labels.length);
        int f = featureNames.size();
        return new Sample<>(Arrays.copyOfRange(features, index * f, index * f + f), labels[index]);
    }

    @Override
    public String toString() {
        return "CsvDataset(" + name + ", " + labels.length + " rows, " + featureNames.size() + " features, "
                + classes.size() + " classes)";
    }
}
