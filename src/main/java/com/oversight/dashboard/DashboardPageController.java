package com.oversight.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.dashboard.Dashboard.CountryCases;
import com.oversight.sales.CaseStatus;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The governance dashboard page ({@code /dashboard}) for managers, the committee and
 * administrators (sign-in and groups: identity.SecurityConfig). Every figure is an HTML table,
 * readable without script; {@code dashboard.js} draws the charts from the {@code data-chart}
 * attributes with ECharts. The same figures as {@code GET /api/dashboard}.
 */
@Controller
public class DashboardPageController {

  static final String VIEW = "dashboard/dashboard";
  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  /** A sale-case status as a column of the table of countries. */
  public record StatusColumn(String status, String label) {}

  private final DashboardService dashboard;
  private final ObjectMapper json;

  public DashboardPageController(DashboardService dashboard, ObjectMapper json) {
    this.dashboard = dashboard;
    this.json = json;
  }

  @GetMapping({"/dashboard", "/dashboard/"})
  public ModelAndView page(Principal user) throws JsonProcessingException {
    Dashboard d = dashboard.compute();
    ModelAndView page = new ModelAndView(VIEW);
    page.addObject("d", d);
    page.addObject("user", user.getName());
    page.addObject("computedAt", DAY_AND_TIME.format(d.computedAt().atZone(ZoneId.of(d.zone()))));
    page.addObject("today", DAY.format(d.reassessments().today()));
    page.addObject("dueSoon", DashboardCharts.days(d.tasks().dueSoonDays()));
    page.addObject("reassessmentSoon", DashboardCharts.days(d.reassessments().soonDays()));
    page.addObject("reassessmentLater", (d.reassessments().soonDays() + 1) + "–"
        + d.reassessments().laterDays() + " days");
    page.addObject("months", d.slaCompliance().stream()
        .map(m -> DashboardCharts.monthLabel(m.month())).toList());
    page.addObject("statusColumns", statusColumns(d.countries()));
    page.addObject("openCaseTotal", d.openCases().stream()
        .mapToLong(Dashboard.ProcessCases::running).sum());
    Map<String, String> charts = new LinkedHashMap<>();
    charts.put("openCases", json.writeValueAsString(DashboardCharts.openCases(d.openCases())));
    charts.put("tasks", json.writeValueAsString(DashboardCharts.tasks(d.tasks().groups(),
        d.tasks().dueSoonDays())));
    charts.put("sla", json.writeValueAsString(DashboardCharts.sla(d.slaCompliance())));
    charts.put("reassessments", json.writeValueAsString(DashboardCharts.reassessments(
        d.reassessments().byTier(), d.reassessments().soonDays(),
        d.reassessments().laterDays())));
    charts.put("countries", json.writeValueAsString(DashboardCharts.countries(d.countries())));
    page.addObject("charts", charts);
    return page;
  }

  /** The sale-case statuses that occur, in the order a case moves through them. */
  static List<StatusColumn> statusColumns(List<CountryCases> countries) {
    List<String> known = Arrays.stream(CaseStatus.values()).map(Enum::name).toList();
    java.util.Set<String> present = new java.util.TreeSet<>();
    countries.forEach(c -> present.addAll(c.saleCasesByStatus().keySet()));
    List<StatusColumn> columns = new java.util.ArrayList<>();
    known.stream().filter(present::contains).forEach(s -> columns.add(column(s)));
    present.stream().filter(s -> !known.contains(s)).forEach(s -> columns.add(column(s)));
    return columns;
  }

  private static StatusColumn column(String status) {
    String words = status.replace('_', ' ').toLowerCase(Locale.ENGLISH);
    return new StatusColumn(status, Character.toUpperCase(words.charAt(0)) + words.substring(1));
  }
}
