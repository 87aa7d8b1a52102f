package dev.hydra4j.results;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for a terminal: columns two spaces apart, numbers right-aligned, and, when the
 * lines would be wider than the terminal, the widest text columns cut with {@code …} first (numbers
 * are cut last: a truncated number is a wrong number).
 */
final class TextTable {

  private static final String GAP = "  ";
  private static final int MIN_WIDTH = 4;

  private final List<String> headers;
  private final List<Boolean> rightAligned;
  private final java.util.Set<String> keep;
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * @param keep columns cut only after every other text column is as narrow as it goes
   */
  TextTable(List<String> headers, List<Boolean> rightAligned, java.util.Set<String> keep) {
    this.headers = List.copyOf(headers);
    this.rightAligned = List.copyOf(rightAligned);
    this.keep = java.util.Set.copyOf(keep);
  }

  void add(List<String> cells) {
    rows.add(List.copyOf(cells));
  }

  /**
   * The table as lines, each at most {@code maxWidth} characters when the columns can shrink that
   * far ({@code maxWidth <= 0}: no limit).
   */
  String render(int maxWidth) {
    int n = headers.size();
    int[] widths = new int[n];
    for (int c = 0; c < n; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    if (maxWidth > 0) {
      shrink(widths, maxWidth);
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, widths);
    for (List<String> row : rows) {
      line(out, row, widths);
    }
    return out.toString();
  }

  private void shrink(int[] widths, int maxWidth) {
    int total = (widths.length - 1) * GAP.length();
    for (int w : widths) {
      total += w;
    }
    for (int pass = 0; pass < 3; pass++) {
      while (total > maxWidth) {
        int widest = -1;
        for (int c = 0; c < widths.length; c++) {
          boolean kept = keep.contains(headers.get(c));
          boolean allowed =
              pass == 0 ? !rightAligned.get(c) && !kept : pass == 1 ? !rightAligned.get(c) : true;
          if (allowed && widths[c] > MIN_WIDTH && (widest < 0 || widths[c] > widths[widest])) {
            widest = c;
          }
        }
        if (widest < 0) {
          break;
        }
        widths[widest]--;
        total--;
      }
    }
  }

  private void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      String cell = fit(cells.get(c), widths[c]);
      String pad = " ".repeat(widths[c] - cell.length());
      if (c > 0) {
        line.append(GAP);
      }
      line.append(rightAligned.get(c) ? pad + cell : cell + pad);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  static String fit(String text, int width) {
    return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
  }
}
