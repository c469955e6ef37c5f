package com.oversight.dashboard;

import com.oversight.dashboard.Dashboard.CountryCases;
import com.oversight.dashboard.Dashboard.GroupTasks;
import com.oversight.dashboard.Dashboard.MonthSla;
import com.oversight.dashboard.Dashboard.ProcessCases;
import com.oversight.dashboard.Dashboard.Reassessments;
import com.oversight.dashboard.Dashboard.Stage;
import com.oversight.dashboard.Dashboard.TaskDeadlines;
import com.oversight.dashboard.Dashboard.TierDue;
import com.oversight.operations.ProcessFigures;
import com.oversight.platform.ProcessKeys;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Computes the governance dashboard when asked (no cache: the figures are those of the moment
 * they are read). The process figures come from Camunda's query APIs (as the operations figures
 * in /actuator/prometheus); re-assessments and countries from aggregate counts of Oversight's
 * tables. Read-only; nothing confidential is read: no variable, no grievance, no agency name.
 */
@Service
public class DashboardService {

  /** The candidate group of tasks assigned to a person without any candidate group. */
  public static final String NO_GROUP = ProcessFigures.NO_GROUP;

  /** The tier of the totals row of the re-assessments. */
  public static final String ALL_TIERS = "ALL";

  /** Tiers in the order a manager reads them: the riskiest first. */
  static final List<String> TIERS = List.of("HIGH", "MEDIUM", "LOW");

  private static final java.util.Set<String> ISO_COUNTRIES =
      java.util.Set.of(Locale.getISOCountries());

  /** The delete reason Camunda records for a completed (not cancelled) task. */
  static final String COMPLETED = "completed";

  private final ProcessFigures figures;
  private final ProcessNames names;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final DashboardSettings settings;

  public DashboardService(ProcessFigures figures, ProcessNames names,
      RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
      ManagementService managementService, IdentityService identityService, JdbcTemplate jdbc,
      Clock clock, DashboardSettings settings) {
    this.figures = figures;
    this.names = names;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = settings;
  }

  public DashboardSettings settings() {
    return settings;
  }

  /** The dashboard with the configured near-deadline window. */
  public Dashboard compute() {
    return compute(settings.dueSoonDays());
  }

  /** The dashboard as of now, tasks due within {@code dueSoonDays} days counted as near. */
  public Dashboard compute(int dueSoonDays) {
    Instant now = clock.instant();
    ZoneId zone = clock.getZone();
    return new Dashboard(now, zone.getId(), openCases(now), tasks(now, dueSoonDays),
        slaCompliance(YearMonth.from(now.atZone(zone)), zone),
        reassessments(LocalDate.ofInstant(now, zone)), countries());
  }

  /** Running instances per process and where they wait, with the models' names. */
  private List<ProcessCases> openCases(Instant now) {
    ProcessFigures.Snapshot snapshot = figures.compute(now);
    List<ProcessCases> processes = new ArrayList<>();
    snapshot.runningInstances().forEach((key, running) -> {
      Map<String, String> activityNames = names.activities(key);
      List<Stage> stages = snapshot.instancesAtActivity().getOrDefault(key, Map.of())
          .entrySet().stream()
          .map(e -> new Stage(e.getKey(), ProcessNames.activity(activityNames, e.getKey()),
              e.getValue()))
          .sorted(Comparator.comparingLong(Stage::instances).reversed()
              .thenComparing(Stage::activityName))
          .toList();
      processes.add(new ProcessCases(key, names.process(key), running,
          snapshot.openIncidents().getOrDefault(key, 0L), stages));
    });
    processes.sort(Comparator.comparing(ProcessCases::processName));
    return processes;
  }

  /** Open tasks per candidate group, overdue and due within the window. */
  private TaskDeadlines tasks(Instant now, int dueSoonDays) {
    java.util.Date nowDate = java.util.Date.from(now);
    // dueAfter is strict: a task due at this very moment is due soon, not overdue
    java.util.Date justBefore = java.util.Date.from(now.minusMillis(1));
    java.util.Date windowEnd = java.util.Date.from(now.plus(Duration.ofDays(dueSoonDays)));
    List<GroupTasks> groups = new ArrayList<>();
    for (Group group : identityService.createGroupQuery().orderByGroupId().asc().list()) {
      groups.add(groupTasks(group.getId(), group.getName() == null ? group.getId()
          : group.getName(), () -> taskService.createTaskQuery()
              .taskCandidateGroup(group.getId()).includeAssignedTasks(), nowDate, justBefore,
          windowEnd));
    }
    groups.add(groupTasks(NO_GROUP, "Assigned to a person (no candidate group)",
        () -> taskService.createTaskQuery().withoutCandidateGroups(), nowDate, justBefore,
        windowEnd));
    GroupTasks all = groupTasks("", "", () -> taskService.createTaskQuery(), nowDate,
        justBefore, windowEnd);
    return new TaskDeadlines(dueSoonDays, all.open(), all.overdue(), all.dueSoon(), groups);
  }

  private static GroupTasks groupTasks(String group, String name,
      java.util.function.Supplier<TaskQuery> query, java.util.Date now, java.util.Date justBefore,
      java.util.Date windowEnd) {
    return new GroupTasks(group, name, query.get().count(), query.get().dueBefore(now).count(),
        query.get().dueAfter(justBefore).dueBefore(windowEnd).count());
  }

  /**
   * Per month, oldest first: user tasks with a due date completed (not cancelled) in the month,
   * and those completed by their due date. Counted in the database (a native query over the
   * engine's task history), not by loading every task.
   */
  private List<MonthSla> slaCompliance(YearMonth current, ZoneId zone) {
    String table = managementService.getTableName(HistoricTaskInstance.class);
    String completedIn = "SELECT COUNT(*) FROM " + table + " WHERE END_TIME_ >= #{from}"
        + " AND END_TIME_ < #{to} AND DUE_DATE_ IS NOT NULL AND DELETE_REASON_ = '"
        + COMPLETED + "'";
    List<MonthSla> months = new ArrayList<>();
    for (int back = settings.slaMonths() - 1; back >= 0; back--) {
      YearMonth month = current.minusMonths(back);
      java.util.Date from = java.util.Date.from(month.atDay(1).atStartOfDay(zone).toInstant());
      java.util.Date to = java.util.Date.from(month.plusMonths(1).atDay(1).atStartOfDay(zone)
          .toInstant());
      long completed = historyService.createNativeHistoricTaskInstanceQuery().sql(completedIn)
          .parameter("from", from).parameter("to", to).count();
      long onTime = completed == 0 ? 0 : historyService.createNativeHistoricTaskInstanceQuery()
          .sql(completedIn + " AND END_TIME_ <= DUE_DATE_")
          .parameter("from", from).parameter("to", to).count();
      months.add(new MonthSla(month.toString(), completed, onTime, completed - onTime,
          percent(onTime, completed)));
    }
    return months;
  }

  /** A share in percent with one decimal, or null when there is nothing to share. */
  static Double percent(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }

  /** ACTIVE customers by tier: re-assessment overdue, due within the two windows. */
  private Reassessments reassessments(LocalDate today) {
    LocalDate soon = today.plusDays(settings.reassessmentSoonDays());
    LocalDate later = today.plusDays(settings.reassessmentLaterDays());
    Map<String, TierDue> byTier = new LinkedHashMap<>();
    TIERS.forEach(t -> byTier.put(t, new TierDue(t, 0, 0, 0, 0)));
    jdbc.query("SELECT risk_tier,"
            + " COUNT(*) AS active_customers,"
            + " SUM(CASE WHEN reassessment_due < ? THEN 1 ELSE 0 END) AS overdue,"
            + " SUM(CASE WHEN reassessment_due >= ? AND reassessment_due <= ? THEN 1 ELSE 0 END)"
            + " AS due_soon,"
            + " SUM(CASE WHEN reassessment_due > ? AND reassessment_due <= ? THEN 1 ELSE 0 END)"
            + " AS due_later"
            + " FROM ov_customer WHERE status = 'ACTIVE' GROUP BY risk_tier",
        rs -> {
          String tier = rs.getString("risk_tier");
          byTier.put(tier, new TierDue(tier, rs.getLong("active_customers"),
              rs.getLong("overdue"), rs.getLong("due_soon"), rs.getLong("due_later")));
        },
        Date.valueOf(today), Date.valueOf(today), Date.valueOf(soon), Date.valueOf(soon),
        Date.valueOf(later));
    List<TierDue> tiers = new ArrayList<>(byTier.values());
    TierDue total = new TierDue(ALL_TIERS,
        tiers.stream().mapToLong(TierDue::activeCustomers).sum(),
        tiers.stream().mapToLong(TierDue::overdue).sum(),
        tiers.stream().mapToLong(TierDue::dueSoon).sum(),
        tiers.stream().mapToLong(TierDue::dueLater).sum());
    long running = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CUSTOMER_REASSESSMENT).count();
    return new Reassessments(today, settings.reassessmentSoonDays(),
        settings.reassessmentLaterDays(), tiers, total, running);
  }

  /** Sale cases, customers and investigations per country (counts only). */
  private List<CountryCases> countries() {
    Map<String, Map<String, Long>> sales = grouped(
        "SELECT country, status, COUNT(*) AS n FROM ov_sale_case GROUP BY country, status");
    Map<String, Map<String, Long>> customers = grouped(
        "SELECT country, status, COUNT(*) AS n FROM ov_customer GROUP BY country, status");
    Map<String, Map<String, Long>> investigations = grouped(
        "SELECT country, status, COUNT(*) AS n FROM ov_investigation GROUP BY country, status");
    TreeMap<String, Boolean> codes = new TreeMap<>();
    sales.keySet().forEach(c -> codes.put(c, true));
    customers.keySet().forEach(c -> codes.put(c, true));
    investigations.keySet().forEach(c -> codes.put(c, true));
    Function<Map<String, Long>, Long> sum =
        m -> m.values().stream().mapToLong(Long::longValue).sum();
    List<CountryCases> rows = new ArrayList<>();
    for (String code : codes.keySet()) {
      Map<String, Long> saleStatuses = new TreeMap<>(sales.getOrDefault(code, Map.of()));
      Map<String, Long> customerStatuses = customers.getOrDefault(code, Map.of());
      Map<String, Long> investigationStatuses = investigations.getOrDefault(code, Map.of());
      long allInvestigations = sum.apply(investigationStatuses);
      rows.add(new CountryCases(code, countryName(code), saleStatuses, sum.apply(saleStatuses),
          customerStatuses.getOrDefault("ACTIVE", 0L),
          customerStatuses.getOrDefault("SUSPENDED", 0L),
          customerStatuses.getOrDefault("TERMINATED", 0L), allInvestigations,
          allInvestigations - investigationStatuses.getOrDefault("CLOSED", 0L)));
    }
    rows.sort(Comparator.comparing(CountryCases::countryName));
    return rows;
  }

  /** country (empty when not recorded) -> status -> count. */
  private Map<String, Map<String, Long>> grouped(String sql) {
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    jdbc.query(sql, rs -> {
      String country = rs.getString("country");
      counts.computeIfAbsent(country == null ? "" : country.strip(), c -> new TreeMap<>())
          .merge(rs.getString("status"), rs.getLong("n"), Long::sum);
    });
    return counts;
  }

  /** The country's English name from its ISO code, "Not recorded" for none. */
  static String countryName(String code) {
    if (code == null || code.isBlank()) {
      return "Not recorded";
    }
    if (!ISO_COUNTRIES.contains(code)) {
      return code;
    }
    String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    return name.isBlank() ? code : name;
  }
}
