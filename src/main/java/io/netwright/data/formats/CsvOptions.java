package io.netwright.data.formats;

/**
 * How {@link CsvDataset} reads a file: whether the first line is a header, which column holds the label, and the
 * delimiter. Immutable; the {@code with...} methods return changed copies.
 *
 * <pre>{@code CsvOptions.defaults().withLabelColumn("species").withDelimiter(';')}</pre>
 *
 * @param header      whether the first line is a header
 * @param labelName   the label column's header name, or null to use {@code labelIndex}
 * @param labelIndex  the label column by position; negative counts from the end (-1: last)
 * @param delimiter   the field separator
 */
public record CsvOptions(Header header, String labelName, int labelIndex, char delimiter) {

    /** Whether the file starts with a header line. */
    public enum Header {
        /** A header if some feature field of the first line is not a number. */
        AUTO,
        /** The first line is a header. */
        PRESENT,
        /** Every line is data. */
        ABSENT
    }

    /** Auto-detected header, label in the last column, comma-separated. */
    public static CsvOptions defaults() {
        return new CsvOptions(Header.AUTO, null, -1, ',');
    }

    /** The label is the column with this header name (implies a header). */
    public CsvOptions withLabelColumn(String name) {
        return new CsvOptions(header == Header.ABSENT ? Header.ABSENT : Header.PRESENT, name, labelIndex, delimiter);
    }

    /** The label is the column at {@code index} (negative: from the end). */
    public CsvOptions withLabelColumn(int index) {
        return new CsvOptions(header, null, index, delimiter);
    }

    /** Sets whether there is a header line. */
    public CsvOptions withHeader(Header h) {
        return new CsvOptions(h, labelName, labelIndex, delimiter);
    }

    /** Sets the field separator. */
    public CsvOptions withDelimiter(char d) {
        return new CsvOptions(header, labelName, labelIndex, d);
    }
}
