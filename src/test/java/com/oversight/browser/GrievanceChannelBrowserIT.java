package com.oversight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.oversight.grievance.GrievanceStatus;
import com.oversight.identity.IdentitySeeder;
import com.oversight.testing.SaleCases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The grievance channel end to end in a real browser: an anonymous reporter sends a report with a
 * file from {@code /report} (no login, no cookie) and keeps the receipt code; ivan (investigators)
 * acknowledges it in Tasklist and reads it on the case page, where the reporter's
 * {@code <script>} is shown as text and never runs; he writes to the reporter, who reads the
 * acknowledgment and his message on {@code /report/follow-up} with the code and answers. sara
 * (sales) sees nothing of it, neither in Tasklist nor through the engine REST API.
 */
class GrievanceChannelBrowserIT extends BrowserTestSupport {

  static final String DESCRIPTION = "Our Forensics Suite was used on the phones of two"
      + " journalists in Monterrey. <script>alert(1)</script>";
  static final String EVIDENCE = "2026-03-02: both phones seized at the border\n";
  static final String IVAN_MESSAGE = "Thank you. Do you know when the phones were returned?";
  static final String REPORTER_REPLY = "They were returned after two days.";
  static final Pattern CODE = Pattern.compile("^\\d{4}( \\d{4}){4}$");
  /**
   * Pictures of the receipt and follow-up pages, written by every run (copy them to docs/images/
   * to refresh the docs' pictures); a test run leaves the working tree unchanged.
   */
  static final Path RECEIPT_SCREENSHOT = SCREENSHOTS.resolve("report-receipt.png");
  static final Path FOLLOW_UP_SCREENSHOT = SCREENSHOTS.resolve("report-follow-up.png");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;

  @Test
  void aReportTravelsFromTheAnonymousReporterToTheInvestigatorAndBack() throws Exception {
    String base = "http://localhost:" + port;
    List<String> dialogs = new ArrayList<>();
    TasklistBrowser reporter = TasklistBrowser.open(tasklist.page().context().browser(), base);
    try {
      Page page = reporter.page();
      page.onDialog(d -> {
        dialogs.add(d.message());
        d.dismiss();
      });
      tasklist.page().onDialog(d -> {
        dialogs.add(d.message());
        d.dismiss();
      });

      // the reporter: no login, a report with a file, the receipt code kept from the page
      Set<String> before = references();
      String code = report(page, base);
      assertThat(page.context().cookies()).isEmpty();
      assertThat(page.url()).doesNotContain(code.replace(" ", "").substring(0, 8));
      Set<String> after = references();
      after.removeAll(before);
      assertThat(after).hasSize(1);
      String reference = after.iterator().next();
      String instanceId = jdbc.queryForObject(
          "SELECT process_instance_id FROM ov_grievance WHERE reference = ?", String.class,
          reference);

      // ivan acknowledges the report in Tasklist; the acknowledgment job then tells the reporter
      tasklist.login("ivan", "demo");
      tasklist.openFilter(IdentitySeeder.FILTER_INVESTIGATIONS);
      tasklist.openTask("Acknowledge report " + reference).claim();
      assertThat(tasklist.form()).containsText("Open the case page of " + reference);
      tasklist.field("I have read the report").check();
      tasklist.complete();
      SaleCases.runJobs(managementService, instanceId);
      assertThat(jdbc.queryForObject("SELECT status FROM ov_grievance WHERE reference = ?",
          String.class, reference)).isEqualTo(GrievanceStatus.ACKNOWLEDGED.name());

      // ivan opens the case page: sign-in form, then the report, the script shown as text
      readAndAnswerOnTheCasePage(tasklist.page(), base, reference);

      // the reporter reads the acknowledgment and ivan's message with the code, and answers
      followUp(page, base, code);
      assertThat(taskService.createTaskQuery().processInstanceId(instanceId)
          .taskDefinitionKey("Task_ReadReporterMessage").count()).isOne();
      assertThat(page.context().cookies()).isEmpty();
      assertThat(dialogs).as("no script of the reporter ran").isEmpty();

      // sara (sales) sees nothing of the report, in Tasklist or through the engine REST API
      sarasViewOf(reference, instanceId, base);
    } finally {
      reporter.close();
    }
  }

  @Test
  void aFileOverTheUploadLimitGivesAPageThatSaysSo() {
    String base = "http://localhost:" + port;
    Page page = tasklist.page();
    Set<String> before = references();
    page.navigate(base + "/report");
    page.getByLabel("Something else").check();
    page.getByLabel("What happened?").fill("A report with a file that is too large");
    byte[] large = new byte[11 * 1024 * 1024];
    java.util.Arrays.fill(large, (byte) 'a');
    page.getByLabel("Files (optional)").setInputFiles(new FilePayload("large.txt", "text/plain",
        large));
    Response refused = page.waitForResponse(r -> r.url().endsWith("/report")
            && "POST".equals(r.request().method()),
        () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
            .setName("Send report")).click());
    assertThat(refused.status()).isEqualTo(413);
    assertThat(page.locator(".error-summary")).containsText("Your files are too large");
    assertThat(page.locator(".error-summary a")).hasAttribute("href", "#attachments");
    assertThat(page.getByLabel("What happened?")).isVisible();
    assertThat(references()).isEqualTo(before);
  }

  /** Fills and sends the report form; returns the receipt code as shown. */
  private String report(Page page, String base) {
    page.navigate(base + "/report");
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
        .setName("What happens next"))).isVisible();
    page.getByLabel("Misuse of one of our products against a person or group").check();
    page.getByLabel("What happened?").fill(DESCRIPTION);
    page.getByLabel("Country where it happened (optional)").selectOption("MX");
    page.getByLabel("Customer or agency concerned (optional)").fill("Fiscalia General");
    page.getByLabel("People at risk are concerned").check();
    page.getByLabel("Files (optional)").setInputFiles(new FilePayload("evidence.txt",
        "text/plain", EVIDENCE.getBytes(StandardCharsets.UTF_8)));
    assertThat(page.getByLabel("You may disclose my identity")).not().isChecked();
    Response sent = page.waitForResponse(r -> r.url().endsWith("/report")
            && "POST".equals(r.request().method()),
        () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
            .setName("Send report")).click());
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.allHeaders()).containsEntry("cache-control", "no-store")
        .doesNotContainKey("set-cookie").containsKey("content-security-policy");
    Locator code = page.locator("#receipt-code");
    assertThat(code).hasText(Pattern.compile("\\d{4}( \\d{4}){4}"));
    assertThat(page.getByText("This code is shown only once.")).isVisible();
    screenshot(page, RECEIPT_SCREENSHOT);
    String shown = code.textContent().strip();
    assertThat(shown).matches(CODE);
    return shown;
  }

  private void readAndAnswerOnTheCasePage(Page page, String base, String reference)
      throws Exception {
    page.navigate(base + "/casework/grievances/" + reference);
    assertThat(page).hasURL(Pattern.compile("/login$"));
    page.getByLabel("User id").fill("ivan");
    page.getByLabel("Password").fill("demo");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page).hasURL(Pattern.compile("/casework/grievances/" + reference + "$"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Report " + reference);
    assertThat(page.locator("#description")).hasText(DESCRIPTION);
    assertThat(page.locator("#country")).hasText("Mexico (MX)");
    assertThat(page.locator("#customer")).hasText("Fiscalia General");
    assertThat(page.locator(".facts").first()).containsText("ACKNOWLEDGED");

    Locator file = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
        .setName("evidence.txt"));
    Download download = page.waitForDownload(file::click);
    assertThat(download.suggestedFilename()).isEqualTo("evidence.txt");
    assertThat(Files.readString(download.path())).isEqualTo(EVIDENCE);

    page.getByLabel("Message to the reporter").fill(IVAN_MESSAGE);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
        .setName("Send to the reporter")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your message was sent");
    assertThat(page.locator(".messages")).containsText(IVAN_MESSAGE);
  }

  private void followUp(Page page, String base, String code) {
    page.navigate(base + "/report/follow-up");
    page.getByLabel("Your receipt code").fill(code);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show my report"))
        .click();
    assertThat(page.locator(".status")).hasText(GrievanceStatus.ACKNOWLEDGED.description());
    Locator messages = page.locator(".messages > li");
    assertThat(messages).hasCount(2);
    assertThat(messages.nth(0)).containsText("Investigator");
    assertThat(messages.nth(0)).containsText("Thank you for your report");
    assertThat(messages.nth(1)).containsText(IVAN_MESSAGE);
    assertThat(page.locator(".messages")).not().containsText("ivan");
    assertThat(page).hasURL(base + "/report/follow-up");

    page.getByLabel("Your message").fill(REPORTER_REPLY);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send message"))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your message was sent");
    assertThat(messages).hasCount(3);
    assertThat(messages.nth(2)).containsText("You");
    assertThat(messages.nth(2)).containsText(REPORTER_REPLY);
    screenshot(page, FOLLOW_UP_SCREENSHOT);
  }

  private void sarasViewOf(String reference, String instanceId, String base) throws Exception {
    TasklistBrowser sara = TasklistBrowser.open(tasklist.page().context().browser(), base);
    try {
      sara.login("sara", "demo");
      for (String name : List.of(IdentitySeeder.FILTER_MY_TASKS,
          IdentitySeeder.FILTER_GROUP_TASKS)) {
        sara.openFilter(name);
        Locator filter = sara.filters().filter(new Locator.FilterOptions().setHasText(name));
        assertThat(filter.locator(".counter")).hasText(Pattern.compile("^\\s*\\d+\\s*$"));
        assertThat(sara.tasks().filter(new Locator.FilterOptions().setHasText(reference)))
            .hasCount(0);
      }
    } finally {
      sara.close();
    }
    JsonNode tasks = json.readTree(engineRestAsSara(base + "/engine-rest/task"));
    assertThat(tasks.isArray()).isTrue();
    for (JsonNode task : tasks) {
      assertThat(task.path("processInstanceId").asText()).isNotEqualTo(instanceId);
      assertThat(task.path("name").asText()).doesNotContain(reference);
    }
    assertThat(json.readTree(engineRestAsSara(base
        + "/engine-rest/process-instance?processDefinitionKey=GrievanceProcess")))
        .isEqualTo(json.readTree("[]"));
  }

  private static String engineRestAsSara(String url) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(url)).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("sara:demo".getBytes(StandardCharsets.UTF_8))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private Set<String> references() {
    return new HashSet<>(jdbc.queryForList("SELECT reference FROM ov_grievance", String.class));
  }

  private static void screenshot(Page page, Path file) {
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
  }
}
