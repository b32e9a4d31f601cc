package io.skiff.kubectl.print;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/tabwriter as kubectl configures it (minwidth 6, padding 3, spaces, no flags):
 * tab-terminated cells form columns over runs of consecutive lines; a column is as wide as its
 * widest cell plus the padding; the last cell of a line is not aligned. {@link #flush()} lays
 * out what was written since the previous flush.
 */
public final class TabWriter {
    private final int minWidth;
    private final int padding;
    private final StringBuilder out;
    private final List<List<String>> lines = new ArrayList<>();

    public TabWriter(StringBuilder out) {
        this(out, 6, 3);
    }

    public TabWriter(StringBuilder out, int minWidth, int padding) {
        this.out = out;
        this.minWidth = minWidth;
        this.padding = padding;
    }

    /** One line: cells separated by tabs, no trailing newline. */
    public void line(String text) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\t') {
                cells.add(text.substring(start, i));
                start = i + 1;
            }
        }
        cells.add(text.substring(start));
        lines.add(cells);
    }

    public void cells(List<String> cells) {
        line(String.join("\t", cells));
    }

    public void flush() {
        int[] widths = new int[lines.size() == 0 ? 0 : lines.stream().mapToInt(List::size).max().orElse(0)];
        List<int[]> perLine = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            perLine.add(new int[lines.get(i).size()]);
        }
        format(0, 0, lines.size(), perLine);
        for (int i = 0; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                out.append(cell);
                if (c < cells.size() - 1) {
                    out.append(" ".repeat(Math.max(0, perLine.get(i)[c] - width(cell))));
                }
            }
            out.append('\n');
        }
        lines.clear();
    }

    /** Go's recursive block layout: lines [from, to) that have a cell in {@code column}. */
    private void format(int column, int from, int to, List<int[]> perLine) {
        int line = from;
        while (line < to) {
            if (column >= lines.get(line).size() - 1) {
                line++;
                continue;
            }
            int start = line;
            int width = minWidth;
            for (; line < to && column < lines.get(line).size() - 1; line++) {
                width = Math.max(width, width(lines.get(line).get(column)) + padding);
            }
            for (int l = start; l < line; l++) {
                perLine.get(l)[column] = width;
            }
            format(column + 1, start, line, perLine);
        }
    }

    static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
