package com.oversight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.oversight.testing.TestMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.oversight.grievance.ReceiptCodes;
import com.oversight.testing.SaleCases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a salesperson or an anonymous reporter types is shown as text everywhere and never runs:
 * script tags, event-handler attributes, {@code javascript:} links and Angular/template
 * expressions in a sale's free-text fields (customer agency, product, intended end use,
 * intermediaries) and in a grievance (description, customer, contact, file name, messages both
 * ways). Checked in Tasklist (task list and form, as carl), Cockpit (the process instance's
 * variables, as mona and admin), the investigators' case page and the reporter's follow-up page.
 * Every payload would set {@code window.__xss} or open a dialog if it ran; neither happens, no
 * injected element exists, and the payload is visible as the literal text that was typed.
 */
class XssBrowserIT extends BrowserTestSupport {

  /**
   * Every payload at once (under the 300 characters of a short field); the template expression
   * first, so that it is in the deal title too (which keeps 160 characters of the agency).
   */
  static final String PAYLOAD = "{{constructor.constructor('window.__xss=\"ng\";alert(1)')()}}"
      + " Agency <script>window.__xss='script';alert('script')</script>"
      + "<img src=x onerror=\"window.__xss='img';alert('img')\">"
      + "<a id=\"xss-link\" href=\"javascript:window.__xss='link'\">link</a> ${7*7}";
  /** A piece of the payload that is there only if it was shown as typed, not interpreted. */
  static final String LITERAL = "{{constructor.constructor('window.__xss=";
  static final String FILE_NAME = "<img src=x onerror=alert('file')>.txt";

  /** The sale's notification jobs send mail: GreenMail listens on the test profile's port. */
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(TestMail.SMTP);

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired ReceiptCodes codes;

  private final List<String> dialogs = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aSalespersonsTextIsShownAsTextInTasklistAndCockpit() throws Exception {
    String instanceId = SaleCases.instanceOf(jdbc, SaleCases.submit(port, "sara",
        json.writeValueAsString(hostileDeal()), json));
    SaleCases.runJobs(management, instanceId);
    Task dossier = tasks.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("Task_PrepareDossier").singleResult();
    assertThat(dossier.getName()).contains(LITERAL);

    // carl opens the dossier task in Tasklist: the name and the form show the text as typed
    watchDialogs(tasklist.page());
    tasklist.login("carl", "demo");
    tasklist.openFilter("Due diligence");
    Locator inList = tasklist.page().locator(".tasks-list a[href*=\"" + dossier.getId() + "\"]");
    assertThat(inList).containsText(LITERAL);
    inList.click();
    assertThat(tasklist.page().locator(".task-details")).containsText(LITERAL);
    assertThat(tasklist.form()).isVisible();
    assertThat(tasklist.page().locator("body")).containsText("Agency <script>");
    assertNothingRan(tasklist.page(), "Tasklist, dossier task of carl");

    // mona and admin look at the instance's variables in Cockpit (the deal's title names the agency;
    // the opportunity itself is in the case record, not in the process)
    for (String user : List.of("mona", "admin")) {
      TasklistBrowser cockpit = TasklistBrowser.open(tasklist.page().context().browser(),
          base());
      try {
        Page page = cockpit.page();
        watchDialogs(page);
        signInToCockpit(page, user);
        page.navigate(base() + "/camunda/app/cockpit/default/#/process-instance/" + instanceId
            + "/runtime?tab=variables-tab");
        Locator variables = page.locator("[cam-widget-variables-table], .cam-table")
            .filter(new Locator.FilterOptions().setHasText("dealTitle")).first();
        assertThat(variables).containsText(LITERAL);
        assertThat(variables).containsText("Agency <script>");
        assertNothingRan(page, "Cockpit variables of " + user);
      } finally {
        cockpit.close();
      }
    }
  }

  @Test
  void aReportersTextIsShownAsTextOnTheCaseAndFollowUpPages() throws Exception {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("category", "PRODUCT_MISUSE");
    report.put("description", PAYLOAD + "\nSecond line <b>bold?</b>");
    report.put("country", "MX");
    report.put("customer", PAYLOAD);
    report.put("contact", PAYLOAD);
    HttpResponse<String> sent = multipart(json.writeValueAsString(report), FILE_NAME,
        "text/plain", "evidence".getBytes(StandardCharsets.UTF_8));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    String code = json.readTree(sent.body()).path("receiptCode").asText();
    String reference = jdbc.queryForObject(
        "SELECT reference FROM ov_grievance WHERE receipt_hash = ?", String.class,
        codes.hash(ReceiptCodes.normalized(code)));

    // ivan acknowledges and writes to the reporter, who answers (all with the payload)
    Task acknowledge = tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_AcknowledgeReport").singleResult();
    tasks.claim(acknowledge.getId(), "ivan");
    tasks.complete(acknowledge.getId(), Map.of("reportRead", true));
    SaleCases.runJobs(management, acknowledge.getProcessInstanceId());
    assertThat(post("/api/grievances/" + reference + "/messages", Map.of("text",
        "Investigator: " + PAYLOAD), "ivan").statusCode()).isEqualTo(201);
    assertThat(post("/api/public/reports/messages", Map.of("receiptCode", code, "text",
        "Reporter: " + PAYLOAD), null).statusCode()).isEqualTo(201);

    // ivan's case page
    Page page = tasklist.page();
    watchDialogs(page);
    page.navigate(base() + "/casework/grievances/" + reference);
    page.getByLabel("User id").fill("ivan");
    page.getByLabel("Password").fill("demo");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page).hasURL(Pattern.compile("/casework/grievances/" + reference + "$"));
    assertThat(page.locator("#description")).containsText(PAYLOAD);
    assertThat(page.locator("#customer")).hasText(PAYLOAD);
    assertThat(page.locator("body")).containsText("Investigator: " + PAYLOAD);
    assertThat(page.locator("body")).containsText("Reporter: " + PAYLOAD);
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(FILE_NAME)))
        .isVisible();
    assertNothingRan(page, "case page of ivan");

    // the reporter's follow-up page, with the receipt code alone
    TasklistBrowser reporter = TasklistBrowser.open(page.context().browser(), base());
    try {
      Page followUp = reporter.page();
      watchDialogs(followUp);
      followUp.navigate(base() + "/report/follow-up");
      followUp.getByLabel("Your receipt code").fill(code);
      followUp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
          .setName("Show my report")).click();
      Locator messages = followUp.locator(".messages");
      assertThat(messages).containsText("Investigator: " + PAYLOAD);
      assertThat(messages).containsText("Reporter: " + PAYLOAD);
      assertNothingRan(followUp, "follow-up page of the reporter");
    } finally {
      reporter.close();
    }
  }

  // ---- checks --------------------------------------------------------------------------------

  /** No payload ran: no flag, no dialog, no injected element or script. */
  private void assertNothingRan(Page page, String where) {
    assertThat(page.evaluate("() => typeof window.__xss")).as(where).isEqualTo("undefined");
    assertThat(page.locator("img[src='x']")).hasCount(0);
    assertThat(page.locator("#xss-link")).hasCount(0);
    assertThat(page.locator("a[href^='javascript:window.__xss']")).hasCount(0);
    assertThat((Boolean) page.evaluate(
        "() => [...document.scripts].some(s => s.textContent.includes('__xss'))"))
        .as(where + ": an injected script element").isFalse();
    assertThat(dialogs).as(where + ": dialogs opened").isEmpty();
  }

  private void watchDialogs(Page page) {
    page.onDialog(dialog -> {
      dialogs.add(dialog.message());
      dialog.dismiss();
    });
  }

  private void signInToCockpit(Page page, String user) {
    page.navigate(base() + "/camunda/app/cockpit/default/");
    Locator userField = page.locator("input[placeholder=\"Username\"]");
    assertThat(userField).isVisible();
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    userField.fill(user);
    page.locator("input[type=\"password\"]").fill("demo");
    assertThat(userField).hasValue(user);
    page.locator("button[type=\"submit\"]").click();
    assertThat(page.locator("input[type=\"password\"]")).hasCount(0);
  }

  // ---- inputs --------------------------------------------------------------------------------

  private static Map<String, Object> hostileDeal() {
    Map<String, Object> deal = new LinkedHashMap<>();
    deal.put("customerAgency", PAYLOAD);
    deal.put("customerType", "LAW_ENFORCEMENT");
    deal.put("country", "MX");
    deal.put("product", PAYLOAD);
    deal.put("capabilityClass", "DEVICE_FORENSICS");
    deal.put("intendedEndUse", Map.of("category", "SERIOUS_CRIME", "description", PAYLOAD));
    deal.put("intermediaries", List.of(Map.of("name", PAYLOAD, "disclosed", true)));
    deal.put("endUseStatementAttached", true);
    deal.put("contractValue", 900000);
    deal.put("currency", "USD");
    deal.put("expectedSigningDate", LocalDate.now().plusMonths(2).toString());
    return deal;
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private HttpResponse<String> post(String path, Map<String, Object> body, String user)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> multipart(String report, String fileName, String type,
      byte[] data) throws Exception {
    String boundary = "----xss" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + report + "\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + data.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(data, 0, body, head.length, data.length);
    System.arraycopy(tail, 0, body, head.length + data.length, tail.length);
    return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/public/reports"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
