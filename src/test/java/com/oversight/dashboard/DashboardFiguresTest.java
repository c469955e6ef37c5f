package com.oversight.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.oversight.dashboard.Dashboard.CountryCases;
import com.oversight.dashboard.Dashboard.GroupTasks;
import com.oversight.dashboard.Dashboard.MonthSla;
import com.oversight.dashboard.Dashboard.ProcessCases;
import com.oversight.dashboard.Dashboard.Stage;
import com.oversight.dashboard.Dashboard.TierDue;
import com.oversight.identity.Groups;
import com.oversight.identity.SecurityConfig;
import com.oversight.platform.ProcessKeys;
import com.oversight.testing.Customers;
import com.oversight.testing.SaleCases;
import com.oversight.testing.TestMail;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * "The numbers match the underlying process data": cases are created (two sale cases, customers
 * with re-assessments overdue and due soon, a suspended customer, a misuse investigation), tasks
 * made overdue and completed late and on time (one last month), then every figure of
 * {@code GET /api/dashboard} is checked against the engine's and the database's records, counted
 * here another way (task by task, row by row), and the changes against the figures read before
 * against what the test did. The shared test database holds other tests' data: nothing assumes
 * it is empty. The page {@code /dashboard} shows the same numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardFiguresTest {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(TestMail.SMTP);

  static final String HIGH_RISK_DEAL = """
      {"customerAgency": "Dashboard Fiscalia", "customerType": "LAW_ENFORCEMENT",
       "country": "MX", "product": "Forensics Suite 5", "capabilityClass": "DEVICE_FORENSICS",
       "intendedEndUse": {"category": "SERIOUS_CRIME", "description": "Cartel investigations"},
       "intermediaries": [], "endUseStatementAttached": true, "contractValue": 900000,
       "currency": "USD", "expectedSigningDate": "%s"}""";

  static final String OTHER_DEAL = """
      {"customerAgency": "Dashboard Politi", "customerType": "LAW_ENFORCEMENT",
       "country": "DE", "product": "Forensics Suite 5", "capabilityClass": "DEVICE_FORENSICS",
       "intendedEndUse": {"category": "SERIOUS_CRIME", "description": "Seized phones"},
       "intermediaries": [], "endUseStatementAttached": true, "contractValue": 1000,
       "currency": "EUR", "expectedSigningDate": "%s"}""";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired WebApplicationContext context;
  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    // built from the shared context (not @AutoConfigureMockMvc: no second context)
    mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
        .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers
            .springSecurity())
        .build();
  }

  @Test
  void everyFigureMatchesTheEngineAndTheDatabase() throws Exception {
    Dashboard before = dashboard("mona");
    LocalDate today = before.reassessments().today();
    String signing = LocalDate.now().plusMonths(3).toString();

    // a HIGH-risk sale case: its dossier is completed last month, on time; the committee's
    // votes are then open
    String highCase = SaleCases.submit(port, "sara", HIGH_RISK_DEAL.formatted(signing), json);
    String highInstance = SaleCases.instanceOf(jdbc, highCase);
    SaleCases.runJobs(managementService, highInstance);
    Task dossier = single(highInstance, "Task_PrepareDossier");
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().minus(Duration.ofDays(35))));
    try {
      as("carl", Groups.COMPLIANCE, () -> formService.submitTaskForm(dossier.getId(), Map.of(
          "dossierFindings", "No link to the agency", "dossierSources", "Sample register",
          "proposedConditions", "")));
    } finally {
      ClockUtil.reset();
    }
    SaleCases.runJobs(managementService, highInstance);
    assertThat(taskService.createTaskQuery().processInstanceId(highInstance)
        .taskDefinitionKey("Task_Vote").count()).isEqualTo(3);

    // a case in Germany: its compliance review is overdue, then completed late
    String lowCase = SaleCases.submit(port, "sara", OTHER_DEAL.formatted(signing), json);
    String lowInstance = SaleCases.instanceOf(jdbc, lowCase);
    SaleCases.runJobs(managementService, lowInstance);
    Task review = complianceTask(lowInstance);
    review.setDueDate(java.util.Date.from(Instant.now().minus(Duration.ofDays(2))));
    taskService.saveTask(review);
    Dashboard overdue = dashboard("gina");
    assertThat(group(overdue, Groups.COMPLIANCE).overdue())
        .isEqualTo(group(before, Groups.COMPLIANCE).overdue() + 1);
    as("carl", Groups.COMPLIANCE, () -> formService.submitTaskForm(review.getId(),
        "Task_ReviewLowRisk".equals(review.getTaskDefinitionKey())
            ? Map.of("lowRiskDecision", "REJECT", "lowRiskRationale", "End use not credible")
            : Map.of("dossierFindings", "None", "dossierSources", "Sample register",
                "proposedConditions", "")));
    SaleCases.runJobs(managementService, lowInstance);

    // another compliance task, due tomorrow: near its deadline
    String soonCase = SaleCases.submit(port, "sara", OTHER_DEAL.formatted(signing), json);
    String soonInstance = SaleCases.instanceOf(jdbc, soonCase);
    SaleCases.runJobs(managementService, soonInstance);
    Task soon = complianceTask(soonInstance);
    soon.setDueDate(java.util.Date.from(Instant.now().plus(Duration.ofHours(26))));
    taskService.saveTask(soon);

    // customers in Mexico: re-assessments overdue (HIGH), due within 30 days (MEDIUM), due
    // within 90 days (LOW), one suspended; and an investigation about the first
    String overdueCustomer = customer("HIGH", today.minusDays(1), "ACTIVE");
    customer("MEDIUM", today.plusDays(30), "ACTIVE");
    customer("LOW", today.plusDays(31), "ACTIVE");
    customer("LOW", today.plusDays(400), "ACTIVE");
    customer("HIGH", today.minusDays(10), "SUSPENDED");
    String investigation = openInvestigation(overdueCustomer);

    Dashboard after = dashboard("mona");

    // open cases: one or two more sale approvals at the votes (the German case too, when its
    // review was a dossier), one more at the compliance review, one more investigation; every
    // process's count and stage as the engine has them
    assertThat(stage(after, ProcessKeys.SALE_APPROVAL, "Task_Vote") - stage(before,
        ProcessKeys.SALE_APPROVAL, "Task_Vote"))
        .isEqualTo("Task_PrepareDossier".equals(review.getTaskDefinitionKey()) ? 2 : 1);
    assertThat(stage(after, ProcessKeys.SALE_APPROVAL, soon.getTaskDefinitionKey())
        - stage(before, ProcessKeys.SALE_APPROVAL, soon.getTaskDefinitionKey()))
        .isGreaterThanOrEqualTo(1);
    assertThat(running(after, ProcessKeys.MISUSE_INVESTIGATION)
        - running(before, ProcessKeys.MISUSE_INVESTIGATION)).isEqualTo(1);
    assertThat(stageOf(after, ProcessKeys.SALE_APPROVAL, "Task_Vote").activityName())
        .isEqualTo("Vote on sale");
    checkOpenCases(after);

    // tasks: compliance has one more due soon; overdue back where it was (completed); the
    // committee has three more votes
    assertThat(group(after, Groups.COMPLIANCE).dueSoon())
        .isEqualTo(group(before, Groups.COMPLIANCE).dueSoon() + 1);
    assertThat(group(after, Groups.COMPLIANCE).overdue())
        .isEqualTo(group(before, Groups.COMPLIANCE).overdue());
    assertThat(group(after, Groups.GRC_COMMITTEE).open())
        .isGreaterThanOrEqualTo(group(before, Groups.GRC_COMMITTEE).open() + 3);
    checkTasks(after);

    // SLA: one more on time last month (the dossier), one more late this month (the review)
    ZoneId zone = ZoneId.of(after.zone());
    YearMonth thisMonth = YearMonth.from(after.computedAt().atZone(zone));
    YearMonth lastMonth = YearMonth.from(Instant.now().minus(Duration.ofDays(35)).atZone(zone));
    assertThat(month(after, thisMonth).late() - month(before, thisMonth).late()).isEqualTo(1);
    assertThat(month(after, lastMonth).onTime() - month(before, lastMonth).onTime())
        .isEqualTo(1);
    assertThat(after.slaCompliance()).hasSize(12);
    assertThat(after.slaCompliance().get(11).month()).isEqualTo(thisMonth.toString());
    checkSla(after);

    // re-assessments: by tier, as the customers were written
    assertThat(tier(after, "HIGH").overdue() - tier(before, "HIGH").overdue()).isEqualTo(1);
    assertThat(tier(after, "MEDIUM").dueSoon() - tier(before, "MEDIUM").dueSoon()).isEqualTo(1);
    assertThat(tier(after, "LOW").dueLater() - tier(before, "LOW").dueLater()).isEqualTo(1);
    assertThat(tier(after, "LOW").activeCustomers() - tier(before, "LOW").activeCustomers())
        .isEqualTo(2);
    assertThat(after.reassessments().total().overdue() - before.reassessments().total()
        .overdue()).isEqualTo(1);
    checkReassessments(after);

    // countries: Mexico has six more sale cases (the HIGH one, and the approved case of each
    // customer), four more active customers, one suspended and one more open investigation;
    // Germany two more sale cases
    CountryCases mxBefore = country(before, "MX");
    CountryCases mx = country(after, "MX");
    assertThat(mx.countryName()).isEqualTo("Mexico");
    assertThat(mx.saleCases() - mxBefore.saleCases()).isEqualTo(6);
    assertThat(mx.activeCustomers() - mxBefore.activeCustomers()).isEqualTo(4);
    assertThat(mx.suspendedCustomers() - mxBefore.suspendedCustomers()).isEqualTo(1);
    assertThat(mx.investigations() - mxBefore.investigations()).isEqualTo(1);
    assertThat(mx.openInvestigations() - mxBefore.openInvestigations()).isEqualTo(1);
    assertThat(country(after, "DE").saleCases() - country(before, "DE").saleCases())
        .isEqualTo(2);
    checkCountries(after);
    assertThat(investigation).startsWith("INV-");

    // the page shows the same numbers, in tables, with the charts' data and no inline script
    checkPage(dashboard("mona"));
  }

  @Test
  void theWindowOfNearDeadlinesCanBeChosenAndBadValuesAreRefused() throws Exception {
    Dashboard week = json.readValue(api("/api/dashboard?dueWithinDays=7", "mona").getBody(),
        Dashboard.class);
    assertThat(week.tasks().dueSoonDays()).isEqualTo(7);
    checkTasks(week);
    for (String bad : List.of("0", "366", "-1", "soon")) {
      ResponseEntity<String> refused = api("/api/dashboard?dueWithinDays=" + bad, "mona");
      assertThat(refused.getStatusCode().value()).as(bad).isEqualTo(400);
      assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(json.readTree(refused.getBody()).path("errors").get(0).path("field").asText())
          .isEqualTo("dueWithinDays");
    }
  }

  @Test
  void onlyManagersTheCommitteeAndAdministratorsSeeTheDashboard() throws Exception {
    assertThat(api("/api/dashboard", "sara").getStatusCode().value()).isEqualTo(403);
    assertThat(api("/api/dashboard", "ivan").getStatusCode().value()).isEqualTo(403);
    assertThat(api("/api/dashboard", "admin").getStatusCode().value()).isEqualTo(200);
    assertThat(rest.getForEntity("/api/dashboard", String.class).getStatusCode().value())
        .isEqualTo(401);
    MockHttpServletResponse anonymous = mvc.perform(get("/dashboard")).andReturn().getResponse();
    assertThat(anonymous.getStatus()).isEqualTo(302);
    assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
    assertThat(mvc.perform(get("/dashboard").with(user("sara").roles(Groups.SALES))).andReturn()
        .getResponse().getStatus()).isEqualTo(403);
    assertThat(mvc.perform(get("/dashboard/assets/echarts.min.js")
        .with(user("sara").roles(Groups.SALES))).andReturn().getResponse().getStatus())
        .isEqualTo(403);
    MockHttpServletResponse script = mvc.perform(get("/dashboard/assets/echarts.min.js")
        .with(user("gina").roles(Groups.GRC_COMMITTEE))).andReturn().getResponse();
    assertThat(script.getStatus()).isEqualTo(200);
    assertThat(script.getContentAsString()).contains("echarts");
  }

  // --- the figures, counted another way ---------------------------------------------------

  /** Running instances per process; instances at each user task from the open tasks. */
  private void checkOpenCases(Dashboard d) {
    List<Task> open = taskService.createTaskQuery().list();
    for (ProcessCases p : d.openCases()) {
      assertThat(p.running()).as(p.processKey()).isEqualTo(runtimeService
          .createProcessInstanceQuery().processDefinitionKey(p.processKey()).count());
      assertThat(p.incidents()).as(p.processKey()).isEqualTo(runtimeService.createIncidentQuery()
          .processDefinitionKeyIn(p.processKey()).count());
      assertThat(p.processName()).isNotBlank().doesNotContain("${");
      Set<String> definitionIds = repositoryDefinitions(p.processKey());
      Map<String, Set<String>> atTask = new HashMap<>();
      open.stream().filter(t -> definitionIds.contains(t.getProcessDefinitionId()))
          .forEach(t -> atTask.computeIfAbsent(t.getTaskDefinitionKey(), k -> new HashSet<>())
              .add(t.getProcessInstanceId()));
      atTask.forEach((taskKey, instances) -> assertThat(p.stages().stream()
          .filter(s -> s.activityId().equals(taskKey)).mapToLong(Stage::instances).sum())
          .as(p.processKey() + " " + taskKey).isEqualTo(instances.size()));
      p.stages().forEach(s -> assertThat(s.activityName()).doesNotContain("${"));
    }
    assertThat(d.openCases()).extracting(ProcessCases::processKey)
        .contains(ProcessKeys.SALE_APPROVAL, ProcessKeys.MISUSE_INVESTIGATION);
  }

  private Set<String> repositoryDefinitions(String key) {
    return context.getBean(org.camunda.bpm.engine.RepositoryService.class)
        .createProcessDefinitionQuery().processDefinitionKey(key).list().stream()
        .map(org.camunda.bpm.engine.repository.ProcessDefinition::getId)
        .collect(Collectors.toSet());
  }

  /** Every open task, its candidate groups read from its identity links, at computedAt. */
  private void checkTasks(Dashboard d) {
    java.util.Date now = java.util.Date.from(d.computedAt());
    java.util.Date windowEnd = java.util.Date.from(d.computedAt()
        .plus(Duration.ofDays(d.tasks().dueSoonDays())));
    Map<String, long[]> counts = new TreeMap<>();
    for (Group g : identityService.createGroupQuery().list()) {
      counts.put(g.getId(), new long[3]);
    }
    counts.put(DashboardService.NO_GROUP, new long[3]);
    long[] total = new long[3];
    for (Task task : taskService.createTaskQuery().list()) {
      Set<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(IdentityLink::getGroupId).collect(Collectors.toSet());
      if (groups.isEmpty()) {
        groups = Set.of(DashboardService.NO_GROUP);
      }
      java.util.Date due = task.getDueDate();
      boolean late = due != null && due.before(now);
      boolean near = due != null && !due.before(now) && due.before(windowEnd);
      for (long[] c : List.of(total)) {
        count(c, late, near);
      }
      groups.stream().filter(counts::containsKey).forEach(g -> count(counts.get(g), late, near));
    }
    assertThat(new long[] {d.tasks().open(), d.tasks().overdue(), d.tasks().dueSoon()})
        .isEqualTo(total);
    assertThat(d.tasks().groups()).extracting(GroupTasks::group)
        .containsExactlyInAnyOrderElementsOf(counts.keySet());
    for (GroupTasks g : d.tasks().groups()) {
      assertThat(new long[] {g.open(), g.overdue(), g.dueSoon()}).as(g.group())
          .isEqualTo(counts.get(g.group()));
    }
  }

  private static void count(long[] c, boolean late, boolean near) {
    c[0]++;
    if (late) {
      c[1]++;
    }
    if (near) {
      c[2]++;
    }
  }

  /** Completed tasks with a due date from the task history, by month of completion. */
  private void checkSla(Dashboard d) {
    ZoneId zone = ZoneId.of(d.zone());
    Map<String, long[]> byMonth = new HashMap<>();
    for (HistoricTaskInstance t : historyService.createHistoricTaskInstanceQuery().finished()
        .list()) {
      if (t.getDueDate() == null || !"completed".equals(t.getDeleteReason())) {
        continue;
      }
      long[] c = byMonth.computeIfAbsent(
          YearMonth.from(t.getEndTime().toInstant().atZone(zone)).toString(), m -> new long[2]);
      c[0]++;
      if (!t.getEndTime().after(t.getDueDate())) {
        c[1]++;
      }
    }
    for (MonthSla m : d.slaCompliance()) {
      long[] c = byMonth.getOrDefault(m.month(), new long[2]);
      assertThat(new long[] {m.completed(), m.onTime(), m.late()}).as(m.month())
          .isEqualTo(new long[] {c[0], c[1], c[0] - c[1]});
      assertThat(m.onTimePercent()).as(m.month())
          .isEqualTo(c[0] == 0 ? null : Math.round(c[1] * 1000.0 / c[0]) / 10.0);
    }
  }

  /** ACTIVE customers row by row, classified by their re-assessment date. */
  private void checkReassessments(Dashboard d) {
    LocalDate today = d.reassessments().today();
    Map<String, long[]> byTier = new TreeMap<>();
    long[] total = new long[4];
    for (Map<String, Object> row : jdbc.queryForList(
        "SELECT risk_tier, reassessment_due FROM ov_customer WHERE status = 'ACTIVE'")) {
      LocalDate due = ((Date) row.get("REASSESSMENT_DUE")).toLocalDate();
      long[] c = byTier.computeIfAbsent((String) row.get("RISK_TIER"), t -> new long[4]);
      for (long[] counts : List.of(c, total)) {
        counts[0]++;
        if (due.isBefore(today)) {
          counts[1]++;
        } else if (!due.isAfter(today.plusDays(d.reassessments().soonDays()))) {
          counts[2]++;
        } else if (!due.isAfter(today.plusDays(d.reassessments().laterDays()))) {
          counts[3]++;
        }
      }
    }
    for (TierDue t : d.reassessments().byTier()) {
      assertThat(new long[] {t.activeCustomers(), t.overdue(), t.dueSoon(), t.dueLater()})
          .as(t.tier()).isEqualTo(byTier.getOrDefault(t.tier(), new long[4]));
    }
    assertThat(d.reassessments().byTier()).extracting(TierDue::tier)
        .containsAll(byTier.keySet()).startsWith("HIGH", "MEDIUM", "LOW");
    TierDue all = d.reassessments().total();
    assertThat(new long[] {all.activeCustomers(), all.overdue(), all.dueSoon(), all.dueLater()})
        .isEqualTo(total);
    assertThat(d.reassessments().runningProcesses()).isEqualTo(runtimeService
        .createProcessInstanceQuery().processDefinitionKey(ProcessKeys.CUSTOMER_REASSESSMENT)
        .count());
  }

  /** Sale cases, customers and investigations row by row, by country. */
  private void checkCountries(Dashboard d) {
    Map<String, Map<String, Long>> sales = rows("SELECT country, status FROM ov_sale_case");
    Map<String, Map<String, Long>> customers = rows("SELECT country, status FROM ov_customer");
    Map<String, Map<String, Long>> investigations =
        rows("SELECT country, status FROM ov_investigation");
    Set<String> countries = new HashSet<>(sales.keySet());
    countries.addAll(customers.keySet());
    countries.addAll(investigations.keySet());
    assertThat(d.countries()).extracting(CountryCases::country)
        .containsExactlyInAnyOrderElementsOf(countries);
    for (CountryCases c : d.countries()) {
      Map<String, Long> s = sales.getOrDefault(c.country(), Map.of());
      Map<String, Long> cu = customers.getOrDefault(c.country(), Map.of());
      Map<String, Long> inv = investigations.getOrDefault(c.country(), Map.of());
      assertThat(c.saleCasesByStatus()).as(c.country()).isEqualTo(s);
      assertThat(c.saleCases()).isEqualTo(s.values().stream().mapToLong(Long::longValue).sum());
      assertThat(c.activeCustomers()).isEqualTo(cu.getOrDefault("ACTIVE", 0L));
      assertThat(c.suspendedCustomers()).isEqualTo(cu.getOrDefault("SUSPENDED", 0L));
      assertThat(c.terminatedCustomers()).isEqualTo(cu.getOrDefault("TERMINATED", 0L));
      long allInvestigations = inv.values().stream().mapToLong(Long::longValue).sum();
      assertThat(c.investigations()).isEqualTo(allInvestigations);
      assertThat(c.openInvestigations())
          .isEqualTo(allInvestigations - inv.getOrDefault("CLOSED", 0L));
    }
  }

  private Map<String, Map<String, Long>> rows(String sql) {
    Map<String, Map<String, Long>> counts = new HashMap<>();
    for (Map<String, Object> row : jdbc.queryForList(sql)) {
      Object country = row.get("COUNTRY");
      counts.computeIfAbsent(country == null ? "" : country.toString().strip(),
          k -> new TreeMap<>()).merge((String) row.get("STATUS"), 1L, Long::sum);
    }
    return counts;
  }

  /** The page: the same numbers as the API, in tables; charts as data; no inline script. */
  private void checkPage(Dashboard d) throws Exception {
    MockHttpServletResponse response = mvc.perform(get("/dashboard")
        .with(user("mona").roles(Groups.MANAGERS))).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(SecurityConfig.PAGE_CSP);
    String html = response.getContentAsString();
    assertThat(html).doesNotContain("style=").doesNotContain("Dashboard Fiscalia")
        .doesNotContain("Dashboard Politi").doesNotContain("${");
    Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
    while (scripts.find()) {
      assertThat(scripts.group(1)).as("every script is a file of Oversight's").contains(
          "src=\"/dashboard/assets/");
    }
    assertThat(html).contains("id=\"chart-open-cases\"", "id=\"chart-tasks\"",
        "id=\"chart-sla\"", "id=\"chart-reassessments\"", "id=\"chart-countries\"");
    assertThat(cells(html, "data-tier=\"HIGH\"")).containsExactly(
        n(tier(d, "HIGH").activeCustomers()), n(tier(d, "HIGH").overdue()),
        n(tier(d, "HIGH").dueSoon()), n(tier(d, "HIGH").dueLater()));
    GroupTasks compliance = group(d, Groups.COMPLIANCE);
    assertThat(cells(html, "data-group=\"compliance\"")).containsExactly(n(compliance.open()),
        n(compliance.overdue()), n(compliance.dueSoon()));
    CountryCases mx = country(d, "MX");
    assertThat(cells(html, "data-country=\"MX\"")).endsWith(n(mx.saleCases()),
        n(mx.activeCustomers()), n(mx.suspendedCustomers()), n(mx.terminatedCustomers()),
        n(mx.investigations()), n(mx.openInvestigations()));
    assertThat(html).contains("id=\"kpi-open-cases\">" + d.openCases().stream()
        .mapToLong(ProcessCases::running).sum() + "<");
  }

  /** The numbers of the cells of the table row with this attribute. */
  private static List<String> cells(String html, String rowAttribute) {
    Matcher row = Pattern.compile("<tr " + Pattern.quote(rowAttribute) + ">(.*?)</tr>",
        Pattern.DOTALL).matcher(html);
    assertThat(row.find()).as(rowAttribute).isTrue();
    Matcher cell = Pattern.compile("<td class=\"num[^\"]*\">([^<]*)</td>").matcher(row.group(1));
    List<String> cells = new java.util.ArrayList<>();
    while (cell.find()) {
      cells.add(cell.group(1).strip());
    }
    return cells;
  }

  private static String n(long value) {
    return Long.toString(value);
  }

  // --- helpers ------------------------------------------------------------------------------

  private Dashboard dashboard(String user) throws Exception {
    ResponseEntity<String> response = api("/api/dashboard", user);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    JsonNode tree = json.readTree(response.getBody());
    assertThat(tree.has("computedAt")).isTrue();
    return json.treeToValue(tree, Dashboard.class);
  }

  private ResponseEntity<String> api(String path, String user) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  private String customer(String tier, LocalDate due, String status) {
    String id = Customers.active(jdbc, "SALE-DASH-" + UUID.randomUUID().toString().substring(0, 8),
        "Dashboard customer", "MX");
    jdbc.update("UPDATE ov_customer SET risk_tier = ?, reassessment_due = ?, status = ?"
        + " WHERE id = ?", tier, Date.valueOf(due), status, id);
    return id;
  }

  /** Compliance opens an investigation on an external report about the customer. */
  private String openInvestigation(String customerId) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> started = rest.withBasicAuth("carl", "demo").postForEntity(
        "/engine-rest/process-definition/key/MisuseInvestigationProcess/submit-form",
        new HttpEntity<>("""
            {"variables": {
              "investigationOrigin": {"value": "EXTERNAL_REPORT"},
              "sourceType": {"value": "MEDIA"},
              "sourceName": {"value": "A newspaper"},
              "sourceLink": {"value": "https://news.example/dashboard"},
              "customerId": {"value": "%s"},
              "allegationSummary": {"value": "Phones of activists searched"}}}"""
            .formatted(customerId), headers), String.class);
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    String instanceId = json.readTree(started.getBody()).path("id").asText();
    SaleCases.runJobs(managementService, instanceId);
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult().getBusinessKey();
  }

  /** The case's one open task: compliance's review (low risk) or dossier (higher risk). */
  private Task complianceTask(String instanceId) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instanceId).list();
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).getTaskDefinitionKey())
        .isIn("Task_ReviewLowRisk", "Task_PrepareDossier");
    return tasks.get(0);
  }

  private Task single(String instanceId, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(taskKey).list();
    assertThat(tasks).as(taskKey).hasSize(1);
    return tasks.get(0);
  }

  private void as(String user, String group, Runnable action) {
    identityService.setAuthentication(user, List.of(group));
    try {
      action.run();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static GroupTasks group(Dashboard d, String group) {
    return d.tasks().groups().stream().filter(g -> g.group().equals(group)).findFirst()
        .orElseThrow();
  }

  private static ProcessCases process(Dashboard d, String key) {
    return d.openCases().stream().filter(p -> p.processKey().equals(key)).findFirst()
        .orElseThrow();
  }

  private static long running(Dashboard d, String key) {
    return process(d, key).running();
  }

  private static Stage stageOf(Dashboard d, String key, String activityId) {
    return process(d, key).stages().stream().filter(s -> s.activityId().equals(activityId))
        .findFirst().orElseThrow();
  }

  private static long stage(Dashboard d, String key, String activityId) {
    return process(d, key).stages().stream().filter(s -> s.activityId().equals(activityId))
        .mapToLong(Stage::instances).sum();
  }

  private static MonthSla month(Dashboard d, YearMonth month) {
    return d.slaCompliance().stream().filter(m -> m.month().equals(month.toString()))
        .findFirst().orElseThrow();
  }

  private static TierDue tier(Dashboard d, String tier) {
    return d.reassessments().byTier().stream().filter(t -> t.tier().equals(tier)).findFirst()
        .orElseThrow();
  }

  private static CountryCases country(Dashboard d, String code) {
    return d.countries().stream().filter(c -> c.country().equals(code)).findFirst()
        .orElse(new CountryCases(code, code, Map.of(), 0, 0, 0, 0, 0, 0));
  }
}
