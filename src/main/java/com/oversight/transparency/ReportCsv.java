package com.oversight.transparency;

import com.oversight.transparency.ReportView.Cell;
import com.oversight.transparency.ReportView.Row;
import com.oversight.transparency.ReportView.Section;
import com.oversight.transparency.ReportView.Table;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as CSV for reuse (Apache Commons CSV, RFC 4180): one figure per line, columns
 * {@code section, figure, category, label, value, unit}. The first lines describe the report
 * (status DRAFT or PUBLISHED, version, period, suppression threshold). A suppressed count's
 * value is "fewer than 5", never its number.
 */
final class ReportCsv {

  static final String[] HEADER = {"section", "figure", "category", "label", "value", "unit"};

  private ReportCsv() {}

  static String write(ReportView view, int threshold) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
      csv.printRecord("report", "status", "", "Status", view.status(), "");
      if (view.version() != null) {
        csv.printRecord("report", "version", "", "Version", view.version(), "");
      }
      csv.printRecord("report", "period_from", "", "From (inclusive)", view.from(), "date");
      csv.printRecord("report", "period_to", "", "To (exclusive)", view.to(), "date");
      csv.printRecord("report", "threshold", "", "Counts below this are not shown", threshold,
          "count");
      for (Section section : view.sections()) {
        for (Table table : section.tables()) {
          for (Row row : table.rows()) {
            for (Cell cell : row.cells()) {
              if (cell.figure() == null) {
                continue;
              }
              csv.printRecord(section.key(), cell.figure(), row.category(), row.label(),
                  cell.value(), cell.unit());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
