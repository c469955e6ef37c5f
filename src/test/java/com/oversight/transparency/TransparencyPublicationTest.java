package com.oversight.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.audit.AuditLedger;
import com.oversight.audit.AuditLedger.LedgerEntry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
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
 * Publication: a draft becomes the next version, publishing it again changes nothing, and a
 * published report (figures, JSON, CSV, PDF) never changes, whatever happens to the data. The
 * public pages list only published reports, without login and without a cookie; drafts are for
 * the committee, reviewers and managers only (others 403, anonymous callers to the login).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransparencyPublicationTest {

  @LocalServerPort int port;
  @Autowired TransparencyReports reports;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired AuditLedger ledger;
  @Autowired WebApplicationContext context;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> saleCases = new ArrayList<>();
  private MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc = MockMvcBuilders.webAppContextSetup(context)
        .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers
            .springSecurity())
        .build();
  }

  @AfterAll
  void removeTheCases() {
    saleCases.forEach(id -> jdbc.update("DELETE FROM ov_sale_case WHERE id = ?", id));
  }

  @Test
  void aPublishedReportIsTheNextVersionAndNeverChanges() throws Exception {
    LocalDate from = LocalDate.of(2094, 1, 1);
    LocalDate to = LocalDate.of(2095, 1, 1);
    cases(7, "2094-03-01T10:00:00Z");
    TransparencyReports.Draft draft = reports.draft(from, to, "gina", "REVIEW-2094");
    assertThat(draft.path()).isEqualTo("/reports/drafts/" + draft.id());
    assertThat(publicList()).doesNotContain("2094-01-01");

    TransparencyReports.Published first = reports.publish(draft.id(), "grace");
    assertThat(first.path()).isEqualTo("/transparency/" + first.version());
    assertThat(first.from()).isEqualTo(from);
    // publishing the same draft again (a retried job) gives the same version
    TransparencyReports.Published again = reports.publish(draft.id(), "grace");
    assertThat(again).isEqualTo(first);

    String publishedJson = get200("/api/public/transparency/reports/" + first.version());
    JsonNode document = json.readTree(publishedJson);
    assertThat(document.path("status").asText()).isEqualTo("PUBLISHED");
    assertThat(document.path("version").asInt()).isEqualTo(first.version());
    assertThat(document.has("draftId")).isFalse();
    assertThat(document.path("figures").path("opportunities").path("assessed").path("value")
        .asInt()).isEqualTo(7);
    byte[] pdf = bytes("/transparency/" + first.version() + "/report.pdf");
    String text = TransparencyFiguresTest.pdfText(pdf);
    assertThat(text).contains("Transparency report").contains("Version " + first.version())
        .contains("Opportunities assessed 7").doesNotContain("DRAFT");
    String csv = get200("/transparency/" + first.version() + "/report.csv");
    assertThat(csv).contains("report,status,,Status,PUBLISHED,")
        .contains("report,version,,Version," + first.version() + ",")
        .contains("opportunities,assessed,,Opportunities assessed,7,count");
    // the ledger holds the publication, with the fingerprint of the PDF
    List<LedgerEntry> entries = ledger.entries(draft.id());
    assertThat(entries).extracting(LedgerEntry::action)
        .containsExactly("TRANSPARENCY_REPORT_DRAFTED", "TRANSPARENCY_REPORT_PUBLISHED");
    assertThat(entries.get(1).actor()).isEqualTo("grace");
    assertThat(entries.get(1).details()).contains(HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(pdf)));

    // the data changes: a new draft sees it, the published version does not
    cases(5, "2094-09-01T10:00:00Z");
    TransparencyReports.Draft second = reports.draft(from, to, "mona", null);
    TransparencyReports.Published next = reports.publish(second.id(), "gina");
    assertThat(next.version()).isGreaterThan(first.version());
    assertThat(json.readTree(get200("/api/public/transparency/reports/" + next.version()))
        .path("figures").path("opportunities").path("assessed").path("value").asInt())
        .isEqualTo(12);
    assertThat(get200("/api/public/transparency/reports/" + first.version()))
        .isEqualTo(publishedJson);
    assertThat(bytes("/transparency/" + first.version() + "/report.pdf")).isEqualTo(pdf);
    assertThat(get200("/transparency/" + first.version() + "/report.csv")).isEqualTo(csv);

    // newest first, with every format
    JsonNode list = json.readTree(publicList());
    List<Integer> versions = new ArrayList<>();
    list.forEach(r -> versions.add(r.path("version").asInt()));
    assertThat(versions).isSortedAccordingTo((a, b) -> b - a)
        .contains(first.version(), next.version());
    JsonNode newest = list.get(0);
    assertThat(newest.path("version").asInt()).isEqualTo(next.version());
    assertThat(newest.path("pdf").asText())
        .isEqualTo("/transparency/" + next.version() + "/report.pdf");
    assertThat(newest.path("csv").asText())
        .isEqualTo("/transparency/" + next.version() + "/report.csv");
    assertThat(newest.path("json").asText())
        .isEqualTo("/transparency/" + next.version() + "/report.json");

    // the drafts show which version they became
    String drafts = mvc.perform(get("/reports").with(user("rex").roles("reviewers")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(drafts).contains("/transparency/" + first.version())
        .contains("REVIEW-2094").doesNotContain("Compute a draft");
  }

  @Test
  void thePublicPagesShowOnlyPublishedReportsWithoutLoginOrCookie() throws Exception {
    cases(3, "2096-05-01T10:00:00Z");
    TransparencyReports.Published published = reports.publish(
        reports.draft(LocalDate.of(2096, 1, 1), LocalDate.of(2097, 1, 1), "gina", null).id(),
        "grace");
    TransparencyReports.Draft unpublished =
        reports.draft(LocalDate.of(2093, 1, 1), LocalDate.of(2094, 1, 1), "gina", null);

    HttpResponse<String> list = send("/transparency");
    assertThat(list.statusCode()).isEqualTo(200);
    assertPublicHeaders(list);
    assertThat(list.body()).contains("href=\"/transparency/" + published.version() + "\"")
        .contains("/transparency/" + published.version() + "/report.pdf")
        .contains("/transparency/" + published.version() + "/report.csv")
        .contains("/transparency/" + published.version() + "/report.json")
        .contains("1 January 2096 to 31 December 2096")
        .doesNotContain("2093").doesNotContain(unpublished.id())
        .doesNotContain("<script").doesNotContain("style=");
    assertThat(publicList()).doesNotContain(unpublished.id()).doesNotContain("2093-01-01");

    HttpResponse<String> page = send("/transparency/" + published.version());
    assertThat(page.statusCode()).isEqualTo(200);
    assertPublicHeaders(page);
    assertThat(page.body()).contains("Transparency report 1 January 2096 to 31 December 2096")
        .contains("fewer than 5")
        .contains("/transparency/" + published.version() + "/charts/opportunities-by-tier.png")
        .doesNotContain("DRAFT").doesNotContain("<script").doesNotContain("style=")
        .doesNotContain("Sign out");
    HttpResponse<byte[]> chart = http.send(request("/transparency/" + published.version()
        + "/charts/grievances.png"), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(chart.statusCode()).isEqualTo(200);
    assertThat(chart.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(chart.headers().firstValue("Set-Cookie")).isEmpty();
    HttpResponse<String> csv = send("/transparency/" + published.version() + "/report.csv");
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/csv"));
    assertThat(csv.body()).contains("opportunities,by_tier,LOW,Low risk,fewer than 5,count");
    assertThat(send("/transparency/" + published.version() + "/report.json").body())
        .contains("\"status\" : \"PUBLISHED\"");

    // a draft is not reachable on the public side, whatever the address
    for (String path : List.of("/transparency/" + unpublished.id(), "/transparency/99999999",
        "/transparency/0", "/transparency/abc/report.pdf",
        "/transparency/" + unpublished.id() + "/report.json",
        "/transparency/" + published.version() + "/charts/unknown.png")) {
      HttpResponse<String> missing = send(path);
      assertThat(missing.statusCode()).as(path).isEqualTo(404);
      assertThat(missing.headers().firstValue("Set-Cookie")).as(path).isEmpty();
    }
    assertThat(send("/api/public/transparency/reports/" + unpublished.id()).statusCode())
        .isEqualTo(404);
    assertThat(send("/api/transparency/reports/" + unpublished.id()).statusCode())
        .isEqualTo(401);
  }

  @Test
  void draftsAreForTheCommitteeReviewersAndManagersOnly() throws Exception {
    String draft = reports.draft(LocalDate.of(2093, 1, 1), LocalDate.of(2093, 7, 1), "mona",
        null).id();
    for (String path : List.of("/reports", "/reports/drafts/" + draft,
        "/reports/drafts/" + draft + "/report.pdf", "/reports/drafts/" + draft + "/report.csv",
        "/reports/drafts/" + draft + "/report.json",
        "/reports/drafts/" + draft + "/charts/grievances.png")) {
      mvc.perform(get(path)).andExpect(status().isFound())
          .andExpect(redirectedUrlPattern("**/login"));
      for (String[] other : new String[][] {{"sara", "sales"}, {"carl", "compliance"},
          {"ivan", "investigators"}, {"lena", "legal"}, {"admin", "camunda-admin"}}) {
        mvc.perform(get(path).with(user(other[0]).roles(other[1])))
            .andExpect(status().isForbidden()).andExpect(forwardedUrl("/casework/forbidden"));
      }
      for (String[] reader : new String[][] {{"gina", "grc-committee"}, {"rex", "reviewers"},
          {"mona", "managers"}}) {
        mvc.perform(get(path).with(user(reader[0]).roles(reader[1])))
            .andExpect(status().isOk());
      }
    }
    String page = mvc.perform(get("/reports/drafts/" + draft)
            .with(user("rex").roles("reviewers")))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("DRAFT").contains("Sign out");
    assertThat(TransparencyFiguresTest.pdfText(mvc.perform(get("/reports/drafts/" + draft
            + "/report.pdf").with(user("mona").roles("managers")))
        .andReturn().getResponse().getContentAsByteArray())).contains("DRAFT - not published");
    mvc.perform(get("/reports/drafts/no-such-draft").with(user("mona").roles("managers")))
        .andExpect(status().isNotFound());

    // the committee and managers compute drafts from the page; reviewers only read them
    String list = mvc.perform(get("/reports").with(user("gina").roles("grc-committee")))
        .andReturn().getResponse().getContentAsString();
    assertThat(list).contains("Compute a draft").contains("name=\"_csrf\"");
    mvc.perform(post("/reports/drafts").with(csrf()).with(user("rex").roles("reviewers"))
            .param("from", "2093-01-01").param("to", "2094-01-01"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/reports/drafts").with(user("gina").roles("grc-committee"))
            .param("from", "2093-01-01").param("to", "2094-01-01"))
        .andExpect(status().isForbidden());
    String refused = mvc.perform(post("/reports/drafts").with(csrf())
            .with(user("gina").roles("grc-committee"))
            .param("from", "2093-02-30").param("to", "2093-01-01"))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
    assertThat(refused).contains("There is a problem").contains("href=\"#from\"")
        .contains("value=\"2093-02-30\"");
    String location = mvc.perform(post("/reports/drafts").with(csrf())
            .with(user("mona").roles("managers"))
            .param("from", "2093-01-01").param("to", "2094-01-01"))
        .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/reports/work/*"))
        .andReturn().getResponse().getRedirectedUrl();
    String workId = location.substring(location.lastIndexOf('/') + 1);
    // another reader may follow it; the page reloads itself until it is done
    String progress = mvc.perform(get(location).with(user("rex").roles("reviewers")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(progress).contains("Draft transparency report");
    assertThat(context.getBean(com.oversight.platform.work.BackgroundWork.class)
        .await(workId, Duration.ofSeconds(60)).status()).isEqualTo("DONE");
    assertThat(mvc.perform(get(location).with(user("mona").roles("managers")))
        .andReturn().getResponse().getContentAsString()).contains("The draft is ready")
        .doesNotContain("http-equiv=\"refresh\"");

    // signing in on the form takes a reviewer to the drafts
    mvc.perform(post("/login").with(csrf()).param("username", "rex").param("password", "demo"))
        .andExpect(status().isFound()).andExpect(redirectedUrl("/reports"));
  }

  // ---- helpers -----------------------------------------------------------------------------

  private void cases(int n, String at) {
    for (int i = 0; i < n; i++) {
      String id = UUID.randomUUID().toString();
      saleCases.add(id);
      Timestamp created = Timestamp.from(Instant.parse(at).plus(Duration.ofHours(i)));
      jdbc.update("INSERT INTO ov_sale_case (id, business_key, submitter, customer_agency,"
              + " country, intermediaries, status, risk_tier, created_at, updated_at)"
              + " VALUES (?, ?, 'sara', 'Publication Test Agency', 'NO', '[]',"
              + " 'APPROVED_ACTIVE', 'LOW', ?, ?)",
          id, "PUB-" + id.substring(0, 8), created, created);
    }
  }

  private static void assertPublicHeaders(HttpResponse<?> response) {
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'self'"));
  }

  private String publicList() throws Exception {
    return get200("/api/public/transparency/reports");
  }

  private String get200(String path) throws Exception {
    HttpResponse<String> response = send(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Set-Cookie")).as(path).isEmpty();
    return response.body();
  }

  private byte[] bytes(String path) throws Exception {
    HttpResponse<byte[]> response = http.send(request(path),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> send(String path) throws Exception {
    return http.send(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
  }
}
