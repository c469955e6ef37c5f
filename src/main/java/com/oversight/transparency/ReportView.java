package com.oversight.transparency;

import com.oversight.transparency.ReportFigures.Count;
import com.oversight.transparency.ReportFigures.Share;
import com.oversight.transparency.ReportFigures.StageDeadlines;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report laid out for reading: sections with their explanation, charts and tables, every
 * figure as published. The HTML page, the PDF and the CSV are all written from this one view,
 * so they always say the same.
 */
public record ReportView(
    String title,
    String status,
    Integer version,
    String draftId,
    LocalDate from,
    LocalDate to,
    String period,
    String computedAt,
    String publishedAt,
    String suppression,
    List<Section> sections) {

  public boolean draft() {
    return ReportDocument.DRAFT.equals(status);
  }

  /** A part of the report. */
  public record Section(String key, String title, String intro, List<Chart> charts,
      List<Table> tables) {}

  /** A chart (PNG drawn on the server) and its text alternative. */
  public record Chart(String name, String alt) {}

  /** A table: a caption, its column headings (the first names the rows), its rows. */
  public record Table(String caption, List<String> columns, List<Row> rows) {}

  /** A row: its category key (for the CSV), what it is, and its values. */
  public record Row(String category, String label, List<Cell> cells) {}

  /**
   * A value: the figure it is (CSV), what is shown, whether it is suppressed, the CSV value and
   * its unit (count, percent).
   */
  public record Cell(String figure, String display, boolean suppressed, String value,
      String unit) {}

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /** Lays out a report document. */
  public static ReportView of(ReportDocument document) {
    ReportFigures f = document.figures();
    List<Section> sections = new ArrayList<>();

    var o = f.opportunities();
    sections.add(new Section("opportunities", "Sale opportunities assessed",
        "Every sale opportunity passes human-rights due diligence before a contract: screening,"
            + " the risk decision (tier and red flags), and for medium and high risk the"
            + " committee's vote. Counted: the opportunities submitted in the period whose risk"
            + " was assessed, by risk tier and by where they stand now.",
        List.of(new Chart("opportunities-by-tier", "Bar chart of the opportunities assessed by"
                + " risk tier: " + describe(o.byTier())),
            new Chart("opportunities-by-outcome", "Bar chart of the opportunities assessed by"
                + " outcome: " + describe(o.byOutcome()))),
        List.of(new Table("Opportunities assessed", List.of("Figure", "Number"), List.of(
                row("", "Opportunities assessed", count("assessed", o.assessed())),
                row("", "Rejected after due diligence", count("rejected", o.rejected())),
                row("", "Share rejected after due diligence",
                    share("rejected_share", o.rejectedShare())))),
            table("By risk tier", "Risk tier", "by_tier", o.byTier()),
            table("By outcome", "Outcome", "by_outcome", o.byOutcome()))));

    sections.add(new Section("countries", "Countries excluded",
        "A country is counted as excluded when, among the opportunities assessed in the period"
            + " for it, one was assessed PROHIBITED, or at least one was rejected and none was"
            + " approved. The countries are not named: with few deals a country can point to"
            + " the agency concerned.",
        List.of(),
        List.of(new Table("Countries excluded", List.of("Figure", "Number"), List.of(
            row("", "Countries excluded", count("countries_excluded", f.countriesExcluded())))))));

    var g = f.grievances();
    sections.add(new Section("grievances", "Grievances",
        "Reports of suspected misuse received through the public, anonymous channel in the"
            + " period, and whether the company met its commitments: an acknowledgment within 7"
            + " days of receipt, and feedback to the reporter within 3 months of the"
            + " acknowledgment (EU Whistleblower Directive, Art. 9). Nothing of what reporters"
            + " wrote is used.",
        List.of(new Chart("grievances", "Bar chart: grievances received " + g.received().display()
            + ", acknowledged within 7 days " + g.acknowledgedInTime().display()
            + ", given feedback within 3 months " + g.feedbackInTime().display())),
        List.of(new Table("Grievances received", List.of("Figure", "Number", "Share"), List.of(
            row("", "Grievances received", count("received", g.received()), blank()),
            row("", "Acknowledged within 7 days",
                count("acknowledged_in_time", g.acknowledgedInTime()),
                share("acknowledged_in_time_share", g.acknowledgedInTimeShare())),
            row("", "Given feedback within 3 months", count("feedback_in_time", g.feedbackInTime()),
                share("feedback_in_time_share", g.feedbackInTimeShare())))))));

    var i = f.investigations();
    sections.add(new Section("investigations", "Misuse investigations",
        "Investigations of alleged misuse opened in the period, by what started them and by the"
            + " committee's decision.",
        List.of(new Chart("investigations-by-origin", "Bar chart of the investigations opened by"
                + " origin: " + describe(i.byOrigin())),
            new Chart("investigations-by-outcome", "Bar chart of the investigations opened by"
                + " outcome: " + describe(i.byOutcome()))),
        List.of(new Table("Investigations opened", List.of("Figure", "Number"), List.of(
                row("", "Investigations opened", count("opened", i.opened())))),
            table("By origin", "Origin", "by_origin", i.byOrigin()),
            table("By outcome", "Outcome", "by_outcome", i.byOutcome()))));

    var c = f.customers();
    sections.add(new Section("customers", "Customers suspended and terminated",
        "Decisions to suspend a customer's access or to terminate the relationship taken in the"
            + " period, after a misuse investigation or a re-assessment.",
        List.of(),
        List.of(new Table("Customers", List.of("Figure", "Number"), List.of(
            row("", "Customers suspended", count("suspended", c.suspended())),
            row("", "Customers terminated", count("terminated", c.terminated())))))));

    List<Row> stages = new ArrayList<>();
    for (StageDeadlines d : f.deadlines()) {
      stages.add(new Row(d.process() + ": " + d.stage(), d.process() + ": " + d.stage(),
          List.of(count("met", d.met()), count("missed", d.missed()),
              share("met_share", d.metShare()))));
    }
    sections.add(new Section("deadlines", "Deadlines met per stage",
        "Every step that waits for a person has a deadline. Counted: the steps whose deadline"
            + " fell in the period; met when done by the deadline, missed when done later,"
            + " ended by an escalation, or still open after it.",
        stages.isEmpty() ? List.of() : List.of(new Chart("deadlines",
            "Bar chart of the deadlines met and missed per stage; the table below gives the"
                + " numbers")),
        List.of(new Table("Deadlines per stage", List.of("Stage", "Met", "Missed",
            "Share met"), stages))));

    return new ReportView(
        (document.draft() ? "DRAFT transparency report" : "Transparency report")
            + " " + period(f.from(), f.to()),
        document.status(), document.version(), document.draftId(), f.from(), f.to(),
        period(f.from(), f.to()), MOMENT.format(f.computedAt()),
        document.publishedAt() == null ? null : MOMENT.format(document.publishedAt()),
        document.suppression(), sections);
  }

  /** "1 January 2026 to 31 December 2026" for [2026-01-01, 2027-01-01). */
  static String period(LocalDate from, LocalDate to) {
    return DAY.format(from) + " to " + DAY.format(to.minusDays(1));
  }

  private static Table table(String caption, String heading, String figure,
      Map<String, Count> counts) {
    List<Row> rows = new ArrayList<>();
    counts.forEach((key, value) -> rows.add(new Row(key, ReportLabels.label(key),
        List.of(count(figure, value)))));
    return new Table(caption, List.of(heading, "Number"), rows);
  }

  private static Row row(String category, String label, Cell... cells) {
    return new Row(category, label, List.of(cells));
  }

  private static Cell count(String figure, Count count) {
    return new Cell(figure, count.display(), count.suppressed(), count.display(), "count");
  }

  private static Cell share(String figure, Share share) {
    String value = share.percent() != null ? share.percent().toString()
        : share.suppressed() ? share.display() : "";
    return new Cell(figure, share.display(), share.suppressed(), value, "percent");
  }

  private static Cell blank() {
    return new Cell(null, "", false, null, null);
  }

  private static String describe(Map<String, Count> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((key, value) -> parts.add(ReportLabels.label(key) + " " + value.display()));
    return String.join(", ", parts);
  }
}
