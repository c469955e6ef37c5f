package com.oversight.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.audit.JdbcAuditLedger;
import com.oversight.platform.work.BackgroundWork;
import com.oversight.platform.work.WorkStatus;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A period of cases written straight into the tables (2091, a year no other test uses; the
 * shared context holds other tests' data): sale cases of every tier and outcome in several
 * countries, grievances acknowledged and answered on time and late, investigations of each
 * origin and several outcomes, suspensions and terminations in the decision ledger, and user
 * tasks done on time, late, cancelled and still open. A draft is computed over the API as long
 * work, and EVERY figure is checked against the data, in JSON and in CSV, with the small counts
 * suppressed ("fewer than 5") and the shares computed from them withheld; nothing that names a
 * case, a customer or a person reaches any format.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransparencyFiguresTest {

  static final LocalDate FROM = LocalDate.of(2091, 1, 1);
  static final LocalDate TO = LocalDate.of(2092, 1, 1);
  /** Marks every row of this test: must never appear in a report. */
  static final String SECRET = "TRX-SECRET";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired BackgroundWork work;
  @Autowired WebApplicationContext context;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> saleCases = new ArrayList<>();
  private final List<String> grievances = new ArrayList<>();
  private final List<String> investigations = new ArrayList<>();
  private final List<String> tasks = new ArrayList<>();
  private MockMvc mvc;

  @BeforeAll
  void aYearOfCases() {
    // sale cases: tier, status, country
    cases(6 - 1, "LOW", "APPROVED_ACTIVE", "NO");
    cases(1, "LOW", "IN_REVIEW", "NO");
    cases(1, "MEDIUM", "APPROVED_ACTIVE", "DE");
    cases(2, "MEDIUM", "REJECTED", "FR");
    cases(2, "HIGH", "REJECTED", "SA");
    cases(1, "HIGH", "WITHDRAWN", "SA");
    cases(4, "HIGH", "WITH_COMMITTEE", "EG");
    cases(3, "PROHIBITED", "REJECTED", "KP");
    cases(1, "PROHIBITED", "REJECTED", "NO");
    cases(1, "PROHIBITED", "REJECTED", "BY");
    // not assessed yet (no tier): not counted
    cases(2, null, "SUBMITTED", "CU");
    // just outside the period: not counted
    saleCase("LOW", "APPROVED_ACTIVE", "NO", Instant.parse("2090-12-31T23:59:59Z"));
    saleCase("PROHIBITED", "REJECTED", "IR", Instant.parse("2092-01-01T00:00:00Z"));

    // grievances: 8 received; 6 acknowledged in time, 1 late, 1 never; 3 answered in time,
    // 2 late
    Instant received = Instant.parse("2091-03-01T10:00:00Z");
    for (int i = 0; i < 8; i++) {
      Instant at = received.plus(Duration.ofDays(i));
      Instant ackDue = at.plus(Duration.ofDays(7));
      Instant ack = i < 6 ? at.plus(Duration.ofDays(2)) : i == 6 ? at.plus(Duration.ofDays(9))
          : null;
      Instant feedbackDue = ack == null ? null : ack.plus(Duration.ofDays(90));
      Instant feedback = i < 3 ? ack.plus(Duration.ofDays(30))
          : i < 5 ? ack.plus(Duration.ofDays(120)) : null;
      grievance(at, ackDue, ack, feedbackDue, feedback);
    }
    grievance(Instant.parse("2090-12-31T12:00:00Z"), Instant.parse("2091-01-07T12:00:00Z"),
        Instant.parse("2091-01-01T12:00:00Z"), Instant.parse("2091-04-01T12:00:00Z"),
        Instant.parse("2091-01-02T12:00:00Z"));

    // investigations: 6 from grievances (5 no misuse, 1 suspension), 2 by the committee
    // (1 termination, 1 not decided yet)
    for (int i = 0; i < 5; i++) {
      investigation("GRIEVANCE", "NO_MISUSE", "CLOSED", "2091-05-0" + (i + 1) + "T09:00:00Z");
    }
    investigation("GRIEVANCE", "SUSPENSION", "CLOSED", "2091-06-01T09:00:00Z");
    investigation("COMMITTEE", "TERMINATION", "CLOSED", "2091-07-01T09:00:00Z");
    investigation("COMMITTEE", null, "OPEN", "2091-12-31T23:00:00Z");
    investigation("EXTERNAL_REPORT", "NO_MISUSE", "CLOSED", "2092-01-02T09:00:00Z");

    // customers: 1 suspension and 5 terminations decided in the period (ledger), one before
    ledgerAt("2091-06-02T10:00:00Z", "CUSTOMER_SUSPENDED");
    for (int i = 1; i <= 5; i++) {
      ledgerAt("2091-08-0" + i + "T10:00:00Z", "CUSTOMER_TERMINATED");
    }
    ledgerAt("2090-06-02T10:00:00Z", "CUSTOMER_SUSPENDED");

    // deadlines: committee votes 6 on time, 1 late, 1 ended by an escalation after the due
    // date, 1 cancelled before it (not counted), 1 still open before it (not counted)
    Instant due = Instant.parse("2091-09-10T17:00:00Z");
    for (int i = 0; i < 6; i++) {
      task("SaleApprovalProcess", "Task_Vote", due, due.minus(Duration.ofHours(i + 1)),
          "completed");
    }
    task("SaleApprovalProcess", "Task_Vote", due, due.plus(Duration.ofDays(1)), "completed");
    task("SaleApprovalProcess", "Task_Vote", due, due.plus(Duration.ofSeconds(1)), "deleted");
    task("SaleApprovalProcess", "Task_Vote", due, due.minus(Duration.ofDays(1)), "deleted");
    task("SaleApprovalProcess", "Task_Vote", due, null, null);
    // acknowledgments: 5 on time (one exactly at the due date)
    for (int i = 0; i < 5; i++) {
      task("GrievanceProcess", "Task_AcknowledgeReport", due, due.minus(Duration.ofDays(i)),
          "completed");
    }
    // one committee decision on an investigation, on time
    task("MisuseInvestigationProcess", "Task_DecideOutcome", due, due.minus(Duration.ofDays(3)),
        "completed");
    // due outside the period: not counted
    task("SaleApprovalProcess", "Task_Vote", Instant.parse("2092-01-01T00:00:00Z"),
        Instant.parse("2091-12-30T00:00:00Z"), "completed");
    // a period of the past with tasks still open after their due date: missed
    Instant pastDue = Instant.parse("2001-01-15T12:00:00Z");
    for (int i = 0; i < 5; i++) {
      task("GrievanceProcess", "Task_TriageReport", pastDue, null, null);
    }
    task("GrievanceProcess", "Task_TriageReport", pastDue, pastDue.minusSeconds(60), "completed");
  }

  @BeforeEach
  void mockMvc() {
    mvc = MockMvcBuilders.webAppContextSetup(context)
        .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers
            .springSecurity())
        .build();
  }

  @AfterAll
  void removeTheRows() {
    saleCases.forEach(id -> jdbc.update("DELETE FROM ov_sale_case WHERE id = ?", id));
    grievances.forEach(id -> jdbc.update("DELETE FROM ov_grievance WHERE id = ?", id));
    investigations.forEach(id -> jdbc.update("DELETE FROM ov_investigation WHERE id = ?", id));
    tasks.forEach(id -> jdbc.update("DELETE FROM ACT_HI_TASKINST WHERE ID_ = ?", id));
  }

  @Test
  void everyFigureOfTheDraftMatchesTheDataInJsonAndCsv() throws Exception {
    String draftId = draftOverTheApi("2091-01-01", "2092-01-01");

    HttpResponse<String> response = call("GET", "/api/transparency/reports/" + draftId, null,
        "rex");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = json.readTree(response.body());
    assertThat(report.path("status").asText()).isEqualTo("DRAFT");
    assertThat(report.path("from").asText()).isEqualTo("2091-01-01");
    assertThat(report.path("to").asText()).isEqualTo("2092-01-01");
    assertThat(report.path("suppression").asText()).contains("fewer than 5");
    JsonNode f = report.path("figures");
    assertThat(f.path("threshold").asInt()).isEqualTo(5);

    JsonNode o = f.path("opportunities");
    shown(o.path("assessed"), 21);
    shown(o.path("byTier").path("LOW"), 6);
    fewer(o.path("byTier").path("MEDIUM"));
    shown(o.path("byTier").path("HIGH"), 7);
    // 21 - 6 - 7 - 5 would give MEDIUM's 3 away: PROHIBITED (the smallest part shown) is withheld
    protectedPart(o.path("byTier").path("PROHIBITED"));
    shown(o.path("byOutcome").path("APPROVED"), 6);
    shown(o.path("byOutcome").path("REJECTED"), 9);
    fewer(o.path("byOutcome").path("WITHDRAWN"));
    protectedPart(o.path("byOutcome").path("IN_PROGRESS"));
    shown(o.path("rejected"), 9);
    share(o.path("rejectedShare"), 42.9, "42.9 %");
    // NO (a PROHIBITED deal), FR and SA (rejected, none approved), KP and BY (PROHIBITED);
    // not DE (approved) nor EG (in progress) nor CU (not assessed) nor IR (next year)
    shown(f.path("countriesExcluded"), 5);

    JsonNode g = f.path("grievances");
    shown(g.path("received"), 8);
    shown(g.path("acknowledgedInTime"), 6);
    share(g.path("acknowledgedInTimeShare"), 75.0, "75 %");
    fewer(g.path("feedbackInTime"));
    withheld(g.path("feedbackInTimeShare"));

    JsonNode i = f.path("investigations");
    shown(i.path("opened"), 8);
    protectedPart(i.path("byOrigin").path("GRIEVANCE"));
    fewer(i.path("byOrigin").path("COMMITTEE"));
    shown(i.path("byOrigin").path("EXTERNAL_REPORT"), 0);
    protectedPart(i.path("byOutcome").path("NO_MISUSE"));
    fewer(i.path("byOutcome").path("SUSPENSION"));
    fewer(i.path("byOutcome").path("TERMINATION"));
    fewer(i.path("byOutcome").path("PENDING"));
    shown(i.path("byOutcome").path("MITIGATIONS_REQUIRED"), 0);
    shown(i.path("byOutcome").path("INSUFFICIENT_INFORMATION"), 0);
    shown(i.path("byOutcome").path("UNRELATED"), 0);

    fewer(f.path("customers").path("suspended"));
    shown(f.path("customers").path("terminated"), 5);

    JsonNode deadlines = f.path("deadlines");
    assertThat(deadlines).hasSize(3);
    assertStage(deadlines.get(0), "Grievance handling", "Acknowledge report");
    shown(deadlines.get(0).path("met"), 5);
    shown(deadlines.get(0).path("missed"), 0);
    share(deadlines.get(0).path("metShare"), 100.0, "100 %");
    assertStage(deadlines.get(1), "Misuse investigation", "Decide investigation outcome");
    fewer(deadlines.get(1).path("met"));
    shown(deadlines.get(1).path("missed"), 0);
    withheld(deadlines.get(1).path("metShare"));
    assertStage(deadlines.get(2), "Sale approval", "Vote on sale");
    shown(deadlines.get(2).path("met"), 6);
    fewer(deadlines.get(2).path("missed"));
    withheld(deadlines.get(2).path("metShare"));
    assertThat(response.body()).doesNotContain(SECRET);

    // the CSV says the same, figure by figure
    String csv = mvc.perform(get("/reports/drafts/" + draftId + "/report.csv")
            .with(user("mona").roles("managers")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(csv).doesNotContain(SECRET);
    Map<String, String> values = csv(csv);
    assertThat(values).containsEntry("report/status/", "DRAFT")
        .containsEntry("report/period_from/", "2091-01-01")
        .containsEntry("report/period_to/", "2092-01-01")
        .containsEntry("report/threshold/", "5")
        .containsEntry("opportunities/assessed/", "21")
        .containsEntry("opportunities/by_tier/LOW", "6")
        .containsEntry("opportunities/by_tier/MEDIUM", "fewer than 5")
        .containsEntry("opportunities/by_tier/HIGH", "7")
        .containsEntry("opportunities/by_tier/PROHIBITED", "not shown (protects a small count)")
        .containsEntry("opportunities/by_outcome/APPROVED", "6")
        .containsEntry("opportunities/by_outcome/REJECTED", "9")
        .containsEntry("opportunities/by_outcome/WITHDRAWN", "fewer than 5")
        .containsEntry("opportunities/by_outcome/IN_PROGRESS",
            "not shown (protects a small count)")
        .containsEntry("opportunities/rejected/", "9")
        .containsEntry("opportunities/rejected_share/", "42.9")
        .containsEntry("countries/countries_excluded/", "5")
        .containsEntry("grievances/received/", "8")
        .containsEntry("grievances/acknowledged_in_time/", "6")
        .containsEntry("grievances/acknowledged_in_time_share/", "75.0")
        .containsEntry("grievances/feedback_in_time/", "fewer than 5")
        .containsEntry("grievances/feedback_in_time_share/", "not shown (small count)")
        .containsEntry("investigations/opened/", "8")
        .containsEntry("investigations/by_origin/GRIEVANCE", "not shown (protects a small count)")
        .containsEntry("investigations/by_origin/COMMITTEE", "fewer than 5")
        .containsEntry("investigations/by_origin/EXTERNAL_REPORT", "0")
        .containsEntry("investigations/by_outcome/NO_MISUSE", "not shown (protects a small count)")
        .containsEntry("investigations/by_outcome/SUSPENSION", "fewer than 5")
        .containsEntry("investigations/by_outcome/TERMINATION", "fewer than 5")
        .containsEntry("investigations/by_outcome/PENDING", "fewer than 5")
        .containsEntry("investigations/by_outcome/MITIGATIONS_REQUIRED", "0")
        .containsEntry("investigations/by_outcome/INSUFFICIENT_INFORMATION", "0")
        .containsEntry("investigations/by_outcome/UNRELATED", "0")
        .containsEntry("customers/suspended/", "fewer than 5")
        .containsEntry("customers/terminated/", "5")
        .containsEntry("deadlines/met/Grievance handling: Acknowledge report", "5")
        .containsEntry("deadlines/missed/Grievance handling: Acknowledge report", "0")
        .containsEntry("deadlines/met_share/Grievance handling: Acknowledge report", "100.0")
        .containsEntry("deadlines/met/Misuse investigation: Decide investigation outcome",
            "fewer than 5")
        .containsEntry("deadlines/missed/Misuse investigation: Decide investigation outcome", "0")
        .containsEntry("deadlines/met_share/Misuse investigation: Decide investigation outcome",
            "not shown (small count)")
        .containsEntry("deadlines/met/Sale approval: Vote on sale", "6")
        .containsEntry("deadlines/missed/Sale approval: Vote on sale", "fewer than 5")
        .containsEntry("deadlines/met_share/Sale approval: Vote on sale",
            "not shown (small count)")
        .hasSize(43);

    // the page, the charts and the PDF: marked DRAFT, the same words for small counts
    String page = mvc.perform(get("/reports/drafts/" + draftId)
            .with(user("gina").roles("grc-committee")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("DRAFT").contains("fewer than 5").contains("42.9 %")
        .contains("Vote on sale").doesNotContain(SECRET).doesNotContain("<script")
        .doesNotContain("style=");
    for (String chart : List.of("opportunities-by-tier", "opportunities-by-outcome",
        "grievances", "investigations-by-origin", "investigations-by-outcome", "deadlines")) {
      assertThat(page).contains("/reports/drafts/" + draftId + "/charts/" + chart + ".png");
      byte[] png = mvc.perform(get("/reports/drafts/" + draftId + "/charts/" + chart + ".png")
              .with(user("rex").roles("reviewers")))
          .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
      assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
    byte[] pdf = mvc.perform(get("/reports/drafts/" + draftId + "/report.pdf")
            .with(user("mona").roles("managers")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    java.nio.file.Files.write(java.nio.file.Path.of("target", "transparency-draft.pdf"), pdf);
    String text = pdfText(pdf);
    assertThat(text).contains("DRAFT").contains("Opportunities assessed").contains("fewer than 5")
        .contains("42.9 %").contains("Vote on sale").doesNotContain(SECRET);
  }

  @Test
  void tasksStillOpenAfterTheirDueDateAreMissed() throws Exception {
    String draftId = draftOverTheApi("2001-01-01", "2001-02-01");
    JsonNode deadlines = json.readTree(call("GET", "/api/transparency/reports/" + draftId, null,
        "gina").body()).path("figures").path("deadlines");
    assertThat(deadlines).hasSize(1);
    assertStage(deadlines.get(0), "Grievance handling", "Triage report");
    fewer(deadlines.get(0).path("met"));
    shown(deadlines.get(0).path("missed"), 5);
  }

  @Test
  void aDraftIsLongWorkThatShowsItsProgressAndResult() throws Exception {
    HttpResponse<String> accepted = call("POST", "/api/transparency/reports",
        "{\"from\": \"2091-01-01\", \"to\": \"2091-07-01\"}", "mona");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String workId = json.readTree(accepted.body()).path("workId").asText();
    assertThat(accepted.headers().firstValue("Location")).hasValue("/api/work/" + workId);
    work.await(workId, Duration.ofSeconds(60));
    // the committee may follow it too, not a salesperson
    JsonNode done = json.readTree(call("GET", "/api/work/" + workId, null, "grace").body());
    assertThat(done.path("status").asText()).isEqualTo("DONE");
    assertThat(done.path("percent").asInt()).isEqualTo(100);
    assertThat(done.path("kind").asText()).isEqualTo("transparency-report");
    assertThat(call("GET", "/api/work/" + workId, null, "sara").statusCode()).isEqualTo(404);
    String draftId = json.readTree(done.path("result").asText()).path("draftId").asText();
    assertThat(json.readTree(accepted.body()).path("draftId").asText()).isEqualTo(draftId);
    // the draft is listed for the committee
    assertThat(call("GET", "/api/transparency/reports", null, "gina").body()).contains(draftId);
    // the progress page names it
    String progress = mvc.perform(get("/reports/work/" + workId)
            .with(user("mona").roles("managers")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(progress).contains("The draft is ready").contains("/reports/drafts/" + draftId);
  }

  @Test
  void aBadPeriodIsRefusedNamingTheFieldAndStartsNoWork() throws Exception {
    int before = count("SELECT COUNT(*) FROM ov_background_work");
    for (String[] bad : new String[][] {
        {"{\"to\": \"2092-01-01\"}", "from"},
        {"{\"from\": \"2091-01-01\"}", "to"},
        {"{\"from\": \"2091-01-01\", \"to\": \"2091-01-01\"}", "to"},
        {"{\"from\": \"2091-01-01\", \"to\": \"2090-01-01\"}", "to"},
        {"{\"from\": \"2001-01-01\", \"to\": \"2091-01-01\"}", "to"},
        {"{\"from\": \"2091-13-01\", \"to\": \"2092-01-01\"}", "from"},
        {"{\"from\": \"2091-01-01\", \"to\": \"2092-01-01\", \"country\": \"NO\"}", "country"},
        {"not json", "body"}}) {
      HttpResponse<String> response = call("POST", "/api/transparency/reports", bad[0], "gina");
      assertThat(response.statusCode()).as(bad[0] + " -> " + response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(json.readTree(response.body()).path("errors").get(0).path("field").asText())
          .as(bad[0]).isEqualTo(bad[1]);
    }
    assertThat(count("SELECT COUNT(*) FROM ov_background_work")).isEqualTo(before);
    assertThat(call("GET", "/api/transparency/reports/no-such-draft", null, "gina")
        .statusCode()).isEqualTo(404);
  }

  // ---- the period's data -------------------------------------------------------------------

  private void cases(int n, String tier, String status, String country) {
    for (int i = 0; i < n; i++) {
      saleCase(tier, status, country, Instant.parse("2091-02-01T08:00:00Z")
          .plus(Duration.ofDays(saleCases.size())));
    }
  }

  private void saleCase(String tier, String status, String country, Instant at) {
    String id = UUID.randomUUID().toString();
    saleCases.add(id);
    jdbc.update("INSERT INTO ov_sale_case (id, business_key, submitter, customer_agency,"
            + " customer_type, country, intermediaries, status, risk_tier, created_at, updated_at)"
            + " VALUES (?, ?, 'sara', ?, 'LAW_ENFORCEMENT', ?, '[]', ?, ?, ?, ?)",
        id, SECRET + "-" + saleCases.size(), SECRET + " Agency " + saleCases.size(), country,
        status, tier, Timestamp.from(at), Timestamp.from(at));
  }

  private void grievance(Instant received, Instant ackDue, Instant ack, Instant feedbackDue,
      Instant feedback) {
    String id = UUID.randomUUID().toString();
    grievances.add(id);
    jdbc.update("INSERT INTO ov_grievance (id, reference, category, people_at_risk,"
            + " disclosure_consent, contact_provided, status, received_at, acknowledgment_due,"
            + " acknowledged_at, acknowledgment_breached, feedback_due, feedback_given_at,"
            + " feedback_breached, investigated, legal_hold) VALUES (?, ?, 'PRODUCT_MISUSE',"
            + " TRUE, FALSE, FALSE, 'ACKNOWLEDGED', ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE)",
        id, SECRET + "-GR-" + grievances.size(), ts(received), ts(ackDue), ts(ack),
        ack == null || ack.isAfter(ackDue), ts(feedbackDue), ts(feedback),
        feedback != null && feedback.isAfter(feedbackDue));
  }

  private void investigation(String origin, String outcome, String status, String createdAt) {
    String id = UUID.randomUUID().toString();
    investigations.add(id);
    Timestamp at = ts(Instant.parse(createdAt));
    jdbc.update("INSERT INTO ov_investigation (id, reference, origin, customer_agency,"
            + " allegation_summary, status, outcome, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, SECRET + "-INV-" + investigations.size(),
        origin, SECRET + " Agency", SECRET + " allegation", status, outcome, at, at);
  }

  /** A ledger entry recorded at that moment (a ledger with its clock there). */
  private void ledgerAt(String at, String action) {
    new JdbcAuditLedger(jdbc, Clock.fixed(Instant.parse(at), ZoneOffset.UTC)).append(
        UUID.randomUUID().toString(), action, "system", Map.of("reason", SECRET));
  }

  private void task(String process, String taskKey, Instant due, Instant end,
      String deleteReason) {
    String id = UUID.randomUUID().toString();
    tasks.add(id);
    Instant start = due.minus(Duration.ofDays(10));
    jdbc.update("INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, NAME_,"
            + " START_TIME_, END_TIME_, DELETE_REASON_, DUE_DATE_) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id, taskKey, process, SECRET + " task", ts(start), ts(end), deleteReason, ts(due));
  }

  // ---- checks ------------------------------------------------------------------------------

  private static void shown(JsonNode count, int value) {
    assertThat(count.path("suppressed").asBoolean()).as(count.toString()).isFalse();
    assertThat(count.path("value").isInt()).as(count.toString()).isTrue();
    assertThat(count.path("value").asInt()).as(count.toString()).isEqualTo(value);
    assertThat(count.path("display").asText()).isEqualTo(Integer.toString(value));
  }

  private static void fewer(JsonNode count) {
    assertThat(count.path("suppressed").asBoolean()).as(count.toString()).isTrue();
    assertThat(count.path("display").asText()).isEqualTo("fewer than 5");
    assertThat(count.has("value")).as("no number: " + count).isFalse();
  }

  /** A part withheld so that a small part of the same total cannot be worked out. */
  private static void protectedPart(JsonNode count) {
    assertThat(count.path("suppressed").asBoolean()).as(count.toString()).isTrue();
    assertThat(count.path("display").asText()).isEqualTo("not shown (protects a small count)");
    assertThat(count.has("value")).as("no number: " + count).isFalse();
  }

  private static void share(JsonNode share, double percent, String display) {
    assertThat(share.path("suppressed").asBoolean()).as(share.toString()).isFalse();
    assertThat(share.path("percent").asDouble()).as(share.toString()).isEqualTo(percent);
    assertThat(share.path("display").asText()).isEqualTo(display);
  }

  private static void withheld(JsonNode share) {
    assertThat(share.path("suppressed").asBoolean()).as(share.toString()).isTrue();
    assertThat(share.has("percent")).as("no number: " + share).isFalse();
    assertThat(share.path("display").asText()).isEqualTo("not shown (small count)");
  }

  private static void assertStage(JsonNode stage, String process, String name) {
    assertThat(stage.path("process").asText()).isEqualTo(process);
    assertThat(stage.path("stage").asText()).isEqualTo(name);
  }

  /** section/figure/category → value. */
  private static Map<String, String> csv(String csv) throws Exception {
    Map<String, String> values = new HashMap<>();
    for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .get().parse(new StringReader(csv))) {
      String key = record.get("section") + "/" + record.get("figure") + "/"
          + record.get("category");
      assertThat(values.put(key, record.get("value"))).as("one line per figure: " + key)
          .isNull();
    }
    return values;
  }

  static String pdfText(byte[] pdf) throws Exception {
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private String draftOverTheApi(String from, String to) throws Exception {
    HttpResponse<String> accepted = call("POST", "/api/transparency/reports",
        "{\"from\": \"" + from + "\", \"to\": \"" + to + "\"}", "gina");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String workId = json.readTree(accepted.body()).path("workId").asText();
    WorkStatus done = work.await(workId, Duration.ofSeconds(60));
    assertThat(done.status()).as(done.message()).isEqualTo("DONE");
    return json.readTree(done.result()).path("draftId").asText();
  }

  private HttpResponse<String> call(String method, String path, String body, String user)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + path));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int count(String sql) {
    Integer n = jdbc.queryForObject(sql, Integer.class);
    return n == null ? 0 : n;
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
