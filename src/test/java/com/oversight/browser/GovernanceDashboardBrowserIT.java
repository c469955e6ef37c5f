package com.oversight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.oversight.identity.Groups;
import com.oversight.testing.Customers;
import com.oversight.testing.SaleCases;
import com.oversight.testing.TestMail;
import com.oversight.transparency.TransparencyReports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The governance dashboard in a real browser, as the issue asks: after some months of cases
 * (sale cases whose reviews were finished on time or late, overdue and nearly due tasks,
 * customers in several countries with re-assessments due, a suspended and a terminated one, an
 * investigation), mona (managers) signs in at {@code /login}, lands on {@code /dashboard} and
 * sees the five charts drawn by ECharts (no Content Security Policy violation, no script error)
 * and the same figures as {@code GET /api/dashboard} in the tables; without script the tables
 * are all there. Then anyone, without signing in, reads the committee's published transparency
 * report on {@code /transparency}. The pages are saved as
 * {@code target/browser-screenshots/dashboard.png}, {@code transparency-list.png} and
 * {@code transparency-report.png} (copy them to docs/images/ to refresh the docs' pictures; a
 * test run leaves the working tree unchanged).
 */
class GovernanceDashboardBrowserIT extends BrowserTestSupport {

  /** The sale's notification jobs send mail: GreenMail listens on the test profile's port. */
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(TestMail.SMTP);

  static final Path DASHBOARD_SCREENSHOT = SCREENSHOTS.resolve("dashboard.png");
  /** The pictures of docs/transparency.md and the README. */
  static final Path TRANSPARENCY_LIST_SCREENSHOT = SCREENSHOTS.resolve("transparency-list.png");
  static final Path TRANSPARENCY_SCREENSHOT = SCREENSHOTS.resolve("transparency-report.png");

  /** The cases are made once: every test of the class runs on the same application. */
  private static boolean casesMade;

  static final String DEAL = """
      {"customerAgency": "%s", "customerType": "LAW_ENFORCEMENT",
       "country": "%s", "product": "Forensics Suite 5", "capabilityClass": "DEVICE_FORENSICS",
       "intendedEndUse": {"category": "SERIOUS_CRIME", "description": "Seized phones"},
       "intermediaries": [], "endUseStatementAttached": true, "contractValue": 50000,
       "currency": "EUR", "expectedSigningDate": "%s"}""";

  static final List<String> CHARTS = List.of("chart-open-cases", "chart-tasks", "chart-sla",
      "chart-reassessments", "chart-countries");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ObjectMapper json;
  @Autowired TransparencyReports reports;

  @Test
  void monaSeesTheFiguresAndChartsOfTheDashboard() throws Exception {
    String base = "http://localhost:" + port;
    someMonthsOfCases();
    JsonNode figures = json.readTree(apiAsMona(base + "/api/dashboard"));

    Page page = tasklist.page();
    List<String> problems = watch(page);

    signInAsMona(page, base);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Governance dashboard");
    for (String chart : CHARTS) {
      Locator figure = page.locator("#" + chart);
      assertThat(figure).hasAttribute("data-chart-state", "drawn");
      assertThat(figure.locator("canvas")).isVisible();
    }

    // the figures of the page are those of the API
    long running = 0;
    for (JsonNode process : figures.path("openCases")) {
      running += process.path("running").asLong();
    }
    assertThat(page.locator("#kpi-open-cases")).hasText(Long.toString(running));
    assertThat(page.locator("#kpi-overdue-tasks"))
        .hasText(figures.path("tasks").path("overdue").asText());
    assertThat(page.locator("#kpi-reassessments-overdue"))
        .hasText(figures.path("reassessments").path("total").path("overdue").asText());
    JsonNode high = figures.path("reassessments").path("byTier").get(0);
    assertThat(high.path("tier").asText()).isEqualTo("HIGH");
    assertThat(page.locator("#table-reassessments tr[data-tier=HIGH] td")).hasText(new String[] {
        high.path("activeCustomers").asText(), high.path("overdue").asText(),
        high.path("dueSoon").asText(), high.path("dueLater").asText()});
    JsonNode mexico = country(figures, "MX");
    Locator mexicoRow = page.locator("#table-countries tr[data-country=MX]");
    assertThat(mexicoRow.locator("th")).hasText("Mexico (MX)");
    assertThat(mexicoRow.locator("td").last())
        .hasText(mexico.path("openInvestigations").asText());
    assertThat(page.locator("#table-sla tbody tr")).hasCount(12);
    assertThat(page.locator("#table-tasks tr[data-group=compliance] td").nth(1))
        .hasText(group(figures, Groups.COMPLIANCE).path("overdue").asText());
    assertThat(page.locator("body")).not().containsText("Dashboard agency");

    assertThat(problems).as("no CSP violation or script error").isEmpty();
    page.screenshot(new Page.ScreenshotOptions().setPath(DASHBOARD_SCREENSHOT)
        .setFullPage(true));

    withoutScript(base);
  }

  /**
   * The committee's published report on {@code /transparency}: anyone, without signing in and
   * without a cookie, finds it in the list and reads it with its charts.
   */
  @Test
  void anyoneReadsThePublishedReportOnTransparency() throws Exception {
    String base = "http://localhost:" + port;
    someMonthsOfCases();
    LocalDate today = LocalDate.now();
    TransparencyReports.Draft draft = reports.draft(today.minusMonths(11).withDayOfMonth(1),
        today.plusDays(1), "grace", null);
    TransparencyReports.Published published = reports.publish(draft.id(), "grace");

    Page page = tasklist.page();
    List<String> problems = watch(page);
    page.navigate(base + "/transparency");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Transparency reports");
    page.screenshot(new Page.ScreenshotOptions().setPath(TRANSPARENCY_LIST_SCREENSHOT)
        .setFullPage(true));
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
        .setName("Version " + published.version())).first().click();
    assertThat(page).hasURL(base + published.path());
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .isVisible();
    Locator charts = page.locator("main img");
    assertThat(charts.first()).isVisible();
    for (int i = 0; i < charts.count(); i++) {
      // the charts load as they come into view
      charts.nth(i).scrollIntoViewIfNeeded();
      page.waitForFunction("img => img.complete && img.naturalWidth > 0",
          charts.nth(i).elementHandle());
    }
    assertThat(page.locator("body")).not().containsText("Dashboard agency");
    assertThat(page.context().cookies()).as("no cookie on the public pages").isEmpty();
    assertThat(problems).as("no CSP violation, script error or failed load").isEmpty();
    page.screenshot(new Page.ScreenshotOptions().setPath(TRANSPARENCY_SCREENSHOT)
        .setFullPage(true));
  }

  /** Without script: no chart, every table and figure still there. */
  private void withoutScript(String base) {
    Browser browser = tasklist.page().context().browser();
    BrowserContext noScript = browser.newContext(new Browser.NewContextOptions()
        .setJavaScriptEnabled(false).setViewportSize(1280, 800));
    try {
      Page page = noScript.newPage();
      signInAsMona(page, base);
      assertThat(page.locator("figure[data-chart-state=drawn]")).hasCount(0);
      for (String table : List.of("table-open-cases", "table-tasks", "table-sla",
          "table-reassessments", "table-countries")) {
        assertThat(page.locator("#" + table)).isVisible();
      }
      assertThat(page.locator("#table-countries tr[data-country=MX]")).isVisible();
    } finally {
      noScript.close();
    }
  }

  /** Console errors and warnings, script errors and failed loads of the page, as they come. */
  private static List<String> watch(Page page) {
    List<String> problems = new ArrayList<>();
    page.onConsoleMessage(m -> {
      // a refused load is reported with its address below
      if (("error".equals(m.type()) || "warning".equals(m.type()))
          && !m.text().startsWith("Failed to load resource")) {
        problems.add(m.text());
      }
    });
    page.onPageError(problems::add);
    page.onResponse(r -> {
      // the browser asks for /favicon.ico by itself; Oversight's pages have none
      if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
        problems.add(r.status() + " " + r.url());
      }
    });
    return problems;
  }

  private static void signInAsMona(Page page, String base) {
    page.navigate(base + "/login");
    page.getByLabel("User id").fill("mona");
    page.getByLabel("Password").fill("demo");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page).hasURL(Pattern.compile("/dashboard$"));
  }

  /**
   * Five months of reviews finished (on time, or late every other month), this month's overdue
   * and nearly due reviews, customers in four countries with re-assessments due, a suspended
   * and a terminated customer, and an investigation.
   */
  private void someMonthsOfCases() throws Exception {
    if (casesMade) {
      return;
    }
    casesMade = true;
    String signing = LocalDate.now().plusMonths(3).toString();
    String[] countries = {"DE", "MX", "DE", "SA", "DE"};
    for (int monthsBack = 5; monthsBack >= 1; monthsBack--) {
      for (int i = 0; i < monthsBack; i++) {
        Task review = review(DEAL.formatted("Dashboard agency", countries[i], signing));
        ZonedDateTime finished = ZonedDateTime.now().minusMonths(monthsBack).plusDays(i);
        if ((monthsBack + i) % 3 == 0) {
          review.setDueDate(java.util.Date.from(finished.minusDays(2).toInstant()));
          taskService.saveTask(review);
        }
        ClockUtil.setCurrentTime(java.util.Date.from(finished.toInstant()));
        try {
          complete(review);
        } finally {
          ClockUtil.reset();
        }
        SaleCases.runJobs(managementService, review.getProcessInstanceId());
      }
    }
    Task overdue = review(DEAL.formatted("Dashboard agency", "MX", signing));
    overdue.setDueDate(java.util.Date.from(ZonedDateTime.now().minusDays(3).toInstant()));
    taskService.saveTask(overdue);
    Task soon = review(DEAL.formatted("Dashboard agency", "NO", signing));
    soon.setDueDate(java.util.Date.from(ZonedDateTime.now().plusDays(1).toInstant()));
    taskService.saveTask(soon);
    review(DEAL.formatted("Dashboard agency", "SA", signing));

    LocalDate today = LocalDate.now();
    String first = customer("MX", "HIGH", today.minusDays(12), "ACTIVE");
    customer("MX", "HIGH", today.plusDays(20), "ACTIVE");
    customer("MX", "MEDIUM", today.minusDays(3), "ACTIVE");
    customer("DE", "LOW", today.plusDays(75), "ACTIVE");
    customer("DE", "MEDIUM", today.plusDays(25), "ACTIVE");
    customer("NO", "LOW", today.plusDays(400), "ACTIVE");
    customer("SA", "HIGH", today.plusDays(60), "SUSPENDED");
    customer("MX", "HIGH", today.minusDays(100), "TERMINATED");
    investigate(first);
  }

  /** A sale case submitted by sara, screened: its compliance review task. */
  private Task review(String deal) throws Exception {
    String instance = SaleCases.instanceOf(jdbc, SaleCases.submit(port, "sara", deal, json));
    SaleCases.runJobs(managementService, instance);
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance).list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private void complete(Task review) {
    identityService.setAuthentication("carl", List.of(Groups.COMPLIANCE));
    try {
      formService.submitTaskForm(review.getId(),
          "Task_ReviewLowRisk".equals(review.getTaskDefinitionKey())
              ? Map.of("lowRiskDecision", "APPROVE")
              : Map.of("dossierFindings", "No link to the agency",
                  "dossierSources", "Sample register", "proposedConditions", ""));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String customer(String country, String tier, LocalDate due, String status) {
    String id = Customers.active(jdbc, "SALE-DB-" + java.util.UUID.randomUUID().toString()
        .substring(0, 8), "Dashboard agency", country);
    jdbc.update("UPDATE ov_customer SET risk_tier = ?, reassessment_due = ?, status = ?"
        + " WHERE id = ?", tier, Date.valueOf(due), status, id);
    return id;
  }

  /** Compliance opens an investigation about the customer (engine REST, as in Tasklist). */
  private void investigate(String customerId) throws Exception {
    HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/process-definition/key/"
                + "MisuseInvestigationProcess/submit-form"))
        .header("Authorization", basic("carl"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"variables": {
              "investigationOrigin": {"value": "EXTERNAL_REPORT"},
              "sourceType": {"value": "MEDIA"},
              "sourceName": {"value": "A newspaper"},
              "sourceLink": {"value": "https://news.example/dashboard"},
              "customerId": {"value": "%s"},
              "allegationSummary": {"value": "Phones of activists searched"}}}"""
            .formatted(customerId))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    SaleCases.runJobs(managementService, json.readTree(started.body()).path("id").asText());
  }

  private String apiAsMona(String url) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(url)).header("Authorization", basic("mona")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
        .getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode country(JsonNode figures, String code) {
    for (JsonNode country : figures.path("countries")) {
      if (code.equals(country.path("country").asText())) {
        return country;
      }
    }
    throw new AssertionError("no row for " + code);
  }

  private static JsonNode group(JsonNode figures, String group) {
    for (JsonNode g : figures.path("tasks").path("groups")) {
      if (group.equals(g.path("group").asText())) {
        return g;
      }
    }
    throw new AssertionError("no row for " + group);
  }
}
