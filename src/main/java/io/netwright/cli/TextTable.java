package io.netwright.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row and rows of cells, columns padded to their widest cell and separated by two
 * spaces; columns marked numeric are right-aligned. Trailing spaces are trimmed.
 *
 * <pre>{@code
 * TextTable t = new TextTable("node", "params").numeric(1);
 * t.row("conv1", "156");
 * t.print(out);
 * }</pre>
 */
final class TextTable {

    private final String[] header;
    private final boolean[] numeric;
    private final List<String[]> rows = new ArrayList<>();

    /** A table with these column titles. */
    TextTable(String... header) {
        this.header = header.clone();
        this.numeric = new boolean[header.length];
    }

    /** Right-aligns the given columns. */
    TextTable numeric(int... columns) {
        for (int c : columns) {
            numeric[c] = true;
        }
        return this;
    }

    /** Adds a row of exactly one cell per column. */
    TextTable row(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + header.length
                    + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /** Prints the header, then the rows. */
    void print(PrintWriter out) {
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        line(out, header, width);
        for (String[] r : rows) {
            line(out, r, width);
        }
    }

    private void line(PrintWriter out, String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            sb.append(numeric[c] ? pad + cells[c] : cells[c] + pad);
        }
        out.println(sb.toString().stripTrailing());
    }
}
