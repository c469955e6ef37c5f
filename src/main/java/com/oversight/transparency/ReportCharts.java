package com.oversight.transparency;

import com.oversight.transparency.ReportFigures.Count;
import com.oversight.transparency.ReportFigures.StageDeadlines;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's charts, drawn on the server with JFreeChart as PNG: the public pages run no
 * script, and the PDF carries the same pictures. Drawn from the published figures only: a
 * suppressed count has no bar (its value is not stored), its category is marked "(<5)".
 */
final class ReportCharts {

  /** The charts a report may have. */
  static final List<String> NAMES = List.of("opportunities-by-tier", "opportunities-by-outcome",
      "grievances", "investigations-by-origin", "investigations-by-outcome", "deadlines");

  private static final Color BLUE = new Color(0x1d4ed8);
  private static final Color GREEN = new Color(0x166534);
  private static final Color RED = new Color(0xb00020);
  private static final Color TEXT = new Color(0x1b1b1b);
  private static final Color GRID = new Color(0xd1d5db);
  private static final int WIDTH = 720;
  private static final int HEIGHT = 360;

  private ReportCharts() {}

  /** The chart as PNG, or empty when the report has no such chart. */
  static Optional<byte[]> png(ReportFigures f, String name) {
    JFreeChart chart = switch (name) {
      case "opportunities-by-tier" -> bars("Opportunities assessed by risk tier",
          f.opportunities().byTier(), f.threshold());
      case "opportunities-by-outcome" -> bars("Opportunities assessed by outcome",
          f.opportunities().byOutcome(), f.threshold());
      case "grievances" -> {
        Map<String, Count> counts = new LinkedHashMap<>();
        counts.put("Received", f.grievances().received());
        counts.put("Acknowledged within 7 days", f.grievances().acknowledgedInTime());
        counts.put("Feedback within 3 months", f.grievances().feedbackInTime());
        yield bars("Grievances", counts, f.threshold());
      }
      case "investigations-by-origin" -> bars("Investigations opened by origin",
          f.investigations().byOrigin(), f.threshold());
      case "investigations-by-outcome" -> bars("Investigations opened by outcome",
          f.investigations().byOutcome(), f.threshold());
      case "deadlines" -> f.deadlines().isEmpty() ? null : deadlines(f);
      default -> null;
    };
    if (chart == null) {
      return Optional.empty();
    }
    int height = "deadlines".equals(name)
        ? Math.max(HEIGHT, 120 + 34 * f.deadlines().size()) : HEIGHT;
    return Optional.of(encode(chart, WIDTH, height));
  }

  private static JFreeChart bars(String title, Map<String, Count> counts, int threshold) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    boolean anySuppressed = false;
    for (Map.Entry<String, Count> entry : counts.entrySet()) {
      Count count = entry.getValue();
      String label = ReportLabels.shortLabel(entry.getKey());
      if (Suppression.withheld(count)) {
        anySuppressed = true;
        label += " (not shown)";
      } else if (count.suppressed()) {
        anySuppressed = true;
        label += " (<" + threshold + ")";
      }
      data.addValue(count.value(), "Number", label);
    }
    JFreeChart chart = ChartFactory.createBarChart(title, null, "Number", data,
        PlotOrientation.VERTICAL, false, false, false);
    style(chart, anySuppressed, threshold);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setSeriesPaint(0, BLUE);
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    CategoryAxis axis = plot.getDomainAxis();
    axis.setMaximumCategoryLabelLines(3);
    if (counts.size() > 5) {
      axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    return chart;
  }

  private static JFreeChart deadlines(ReportFigures f) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    boolean anySuppressed = false;
    for (StageDeadlines d : f.deadlines()) {
      boolean suppressed = d.met().suppressed() || d.missed().suppressed();
      String label = d.process() + ": " + d.stage() + (suppressed ? " (<" + f.threshold() + ")"
          : "");
      anySuppressed |= suppressed;
      data.addValue(d.met().value(), "Met", label);
      data.addValue(d.missed().value(), "Missed", label);
    }
    JFreeChart chart = ChartFactory.createStackedBarChart("Deadlines met and missed per stage",
        null, "Deadlines", data, PlotOrientation.HORIZONTAL, true, false, false);
    style(chart, anySuppressed, f.threshold());
    BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
    renderer.setSeriesPaint(0, GREEN);
    renderer.setSeriesPaint(1, RED);
    chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(0.5f);
    chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(2);
    return chart;
  }

  private static void style(JFreeChart chart, boolean anySuppressed, int threshold) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    chart.getTitle().setPaint(TEXT);
    if (anySuppressed) {
      TextTitle note = new TextTitle("(<" + threshold + "): fewer than " + threshold
          + ", not drawn; (not shown): withheld so that a small count cannot be worked out",
          new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      note.setPaint(TEXT);
      chart.addSubtitle(note);
    }
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlineVisible(false);
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    range.setLabelPaint(TEXT);
    range.setTickLabelPaint(TEXT);
    plot.getDomainAxis().setTickLabelPaint(TEXT);
    plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setMaximumBarWidth(0.12);
  }

  private static byte[] encode(JFreeChart chart, int width, int height) {
    BufferedImage image = chart.createBufferedImage(width, height);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeBufferedImageAsPNG(out, image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
