package com.oversight.dashboard;

import com.oversight.dashboard.Dashboard.CountryCases;
import com.oversight.dashboard.Dashboard.GroupTasks;
import com.oversight.dashboard.Dashboard.MonthSla;
import com.oversight.dashboard.Dashboard.ProcessCases;
import com.oversight.dashboard.Dashboard.TierDue;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The charts of the dashboard page, as plain data that {@code dashboard.js} hands to ECharts
 * (from the page's {@code data-chart} attributes, since the page runs no inline script). Every
 * number in a chart is also in the table beside it.
 */
final class DashboardCharts {

  static final String RED = "#b00020";
  static final String AMBER = "#b45309";
  static final String BLUE = "#1d4ed8";
  static final String GREEN = "#166534";
  static final String GREY = "#6b7280";
  static final String PURPLE = "#5b21b6";
  static final String NAVY = "#0f2a4a";
  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  private DashboardCharts() {}

  /** One series: its name, values (one per category), stack, colour, and bar or line. */
  record Series(String name, List<? extends Number> values, String stack, String color,
      String kind, int axis) {
    static Series bar(String name, List<? extends Number> values, String stack, String color) {
      return new Series(name, values, stack, color, "bar", 0);
    }
  }

  /**
   * A chart: bars along categories ({@code horizontal}: categories on the vertical axis), and
   * optionally a line on a second axis in percent.
   */
  record Chart(String title, boolean horizontal, boolean percentAxis, List<String> categories,
      List<Series> series) {}

  static Chart openCases(List<ProcessCases> processes) {
    return new Chart("Running instances by process", true, false,
        processes.stream().map(ProcessCases::processName).toList(),
        List.of(Series.bar("Running", processes.stream().map(ProcessCases::running).toList(),
            null, NAVY), Series.bar("With an incident",
            processes.stream().map(ProcessCases::incidents).toList(), null, RED)));
  }

  static Chart tasks(List<GroupTasks> groups, int dueSoonDays) {
    List<GroupTasks> shown = groups.stream().filter(g -> g.open() > 0).toList();
    return new Chart("Open tasks by group", true, false,
        shown.stream().map(GroupTasks::groupName).toList(),
        List.of(Series.bar("Overdue", shown.stream().map(GroupTasks::overdue).toList(),
                "tasks", RED),
            Series.bar("Due within " + days(dueSoonDays),
                shown.stream().map(GroupTasks::dueSoon).toList(), "tasks", AMBER),
            Series.bar("Other open tasks", shown.stream()
                .map(g -> g.open() - g.overdue() - g.dueSoon()).toList(), "tasks", BLUE)));
  }

  static Chart sla(List<MonthSla> months) {
    return new Chart("SLA compliance per month", false, true,
        months.stream().map(m -> monthLabel(m.month())).toList(),
        List.of(Series.bar("Completed on time", months.stream().map(MonthSla::onTime).toList(),
                "completed", GREEN),
            Series.bar("Completed late", months.stream().map(MonthSla::late).toList(),
                "completed", RED),
            new Series("% on time", months.stream().map(MonthSla::onTimePercent).toList(), null,
                NAVY, "line", 1)));
  }

  static Chart reassessments(List<TierDue> tiers, int soonDays, int laterDays) {
    return new Chart("Re-assessments due by tier", false, false,
        tiers.stream().map(TierDue::tier).toList(),
        List.of(Series.bar("Overdue", tiers.stream().map(TierDue::overdue).toList(), null, RED),
            Series.bar("Due within " + days(soonDays),
                tiers.stream().map(TierDue::dueSoon).toList(), null, AMBER),
            Series.bar("Due in " + (soonDays + 1) + "–" + laterDays + " days",
                tiers.stream().map(TierDue::dueLater).toList(), null, BLUE)));
  }

  static Chart countries(List<CountryCases> countries) {
    List<Series> series = new ArrayList<>();
    series.add(Series.bar("Sale cases", countries.stream().map(CountryCases::saleCases).toList(),
        "sales", GREY));
    series.add(Series.bar("Active customers",
        countries.stream().map(CountryCases::activeCustomers).toList(), "customers", GREEN));
    series.add(Series.bar("Suspended customers",
        countries.stream().map(CountryCases::suspendedCustomers).toList(), "customers", AMBER));
    series.add(Series.bar("Terminated customers",
        countries.stream().map(CountryCases::terminatedCustomers).toList(), "customers", RED));
    series.add(Series.bar("Investigations",
        countries.stream().map(CountryCases::investigations).toList(), "investigations",
        PURPLE));
    return new Chart("Cases by country", true, false,
        countries.stream().map(CountryCases::countryName).toList(), series);
  }

  static String monthLabel(String month) {
    return MONTH.format(YearMonth.parse(month));
  }

  static String days(int days) {
    return days == 1 ? "1 day" : days + " days";
  }
}
