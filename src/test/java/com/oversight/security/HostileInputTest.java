package com.oversight.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.grievance.ReceiptCodes;
import com.oversight.platform.work.BackgroundWork;
import com.oversight.security.Hostile.Raw;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Fuzz and property tests of the public and internal APIs with hostile input from a seeded
 * random generator ({@link Hostile}): malformed JSON, huge bodies, wrong types, invalid country
 * codes, script and SQL injection, Unicode edge cases. For every request: never a 5xx; every
 * error is {@code application/problem+json}; a refused request changes no row of Oversight's
 * tables nor the engine's; an accepted one is stored exactly as sent (less surrounding blanks).
 * Every failure names the seed and the try: rerun with {@code -Dfuzz.seed=<seed>}, more tries
 * with {@code -Dfuzz.tries=<n>} (default 40 per endpoint, or per group of endpoints).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

  static final long SEED = Long.getLong("fuzz.seed", 20261130L);
  static final int TRIES = Integer.getInteger("fuzz.tries", 40);

  /** The tables a request may write to; a refused request leaves every count as it was. */
  static final List<String> TABLES = List.of("ov_grievance", "ov_grievance_message",
      "ov_grievance_attachment", "ov_case_exclusion", "ov_sale_case", "ov_customer",
      "ov_ledger_entry", "ov_reference_import", "ov_country", "ov_country_indicator",
      "ov_abuse_entry", "ov_denied_party", "ov_reassessment", "ov_background_work",
      "ov_transparency_draft", "ACT_HI_PROCINST", "ACT_RU_TASK", "ACT_RU_VARIABLE");

  static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

  static final List<String> COUNTRY_CODES = List.of("XX", "Atlantis", "mx ", "M X", "\uFF2D\uFF38",
      "MEX", "1", "ZZ", "\u0130T", "DE\u0000", "de", "EU", "UK", "D", "DEUT", "<b>DE</b>",
      "DE' OR '1'='1");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReceiptCodes codes;
  @Autowired BackgroundWork work;

  private final HttpClient http = HttpClient.newHttpClient();
  private String code;
  private String reference;
  /** Receipt-code look-ups are throttled for everyone together: this test takes only a few. */
  private int lookups;

  @BeforeAll
  void aReportToFollowUp() throws Exception {
    HttpResponse<String> reported = send("POST", "/api/public/reports", "application/json",
        bytes(Hostile.json(report())), null);
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    code = json.readTree(reported.body()).path("receiptCode").asText();
    reference = referenceOf(code);
  }

  // ---- public reporting channel ------------------------------------------------------------

  @Test
  void publicReportsAsJson() throws Exception {
    Hostile hostile = hostile(1);
    for (int i = 0; i < TRIES; i++) {
      Map<String, Object> report = report();
      byte[] body = null;
      switch (hostile.random().nextInt(7)) {
        case 0, 1 -> report.put(hostile.pick(List.of("description", "customer", "contact")),
            hostile.string());
        case 2 -> report.put("country", hostile.chance(50) ? hostile.pick(COUNTRY_CODES)
            : hostile.string());
        case 3 -> report.put(hostile.pick(List.copyOf(report.keySet())), hostile.wrongType());
        case 4 -> report.put(hostile.chance(50) ? "category" : hostile.string(),
            hostile.string());
        case 5 -> body = hostile.malformed(Hostile.json(report));
        default -> {
          report.put("description", hostile.string());
          report.put("customer", hostile.string());
          report.put("country", hostile.pick(COUNTRY_CODES));
        }
      }
      if (hostile.chance(3)) {
        report.put("description", Hostile.lengthen(hostile.string() + "y", 1_000_000));
      }
      byte[] sent = body != null ? body : bytes(Hostile.json(report));
      String what = what(1, i, "POST /api/public/reports", sent);
      Map<String, Long> before = counts();
      HttpResponse<String> response = send("POST", "/api/public/reports", "application/json",
          sent, null);
      checkAnswer(what, response, before, 201, r -> checkStoredReport(what, r, report));
      if (body == null && response.statusCode() == 201) {
        Object country = report.get("country");
        assertThat(country instanceof String c && !c.isBlank()
            && !ISO_COUNTRIES.contains(c.trim().toUpperCase(Locale.ROOT)))
            .as(what + ": accepted an unknown country").isFalse();
      }
    }
  }

  @Test
  void publicReportsAsMultipart() throws Exception {
    Hostile hostile = hostile(2);
    for (int i = 0; i < TRIES / 2; i++) {
      Map<String, Object> report = report();
      report.put("description", hostile.string());
      String part = hostile.chance(20) ? new String(hostile.malformed(Hostile.json(report)),
          StandardCharsets.ISO_8859_1) : Hostile.json(report);
      String fileName = hostile.chance(50) ? "notes.txt" : safeFileName(hostile.string());
      String type = hostile.pick(List.of("text/plain", "application/pdf", "image/png",
          "application/x-msdownload", "text/html", "image/svg+xml"));
      byte[] file = switch (hostile.random().nextInt(4)) {
        case 0 -> bytes(hostile.string());
        case 1 -> Hostile.concat(bytes("%PDF-1.7\n"), randomBytes(hostile, 200));
        case 2 -> bytes("<svg onload=\"window.__xss=1\"/>");
        default -> randomBytes(hostile, 300);
      };
      boolean withFile = hostile.chance(80);
      String what = what(2, i, "POST /api/public/reports multipart " + fileName + " " + type,
          bytes(part));
      Map<String, Long> before = counts();
      HttpResponse<String> response = multipart("/api/public/reports",
          hostile.chance(10) ? "wrong-part" : "report", part, withFile ? fileName : null, type,
          file);
      checkAnswer(what, response, before, 201, r -> {
        JsonNode caseFile = checkStoredReport(what, r, report);
        if (withFile) {
          JsonNode attachment = caseFile.path("reportAttachments").get(0);
          assertThat(attachment.path("name").asText()).as(what).isEqualTo(fileName.strip());
          HttpResponse<byte[]> download = sendForBytes("/api/grievances/"
              + caseFile.path("grievance").path("reference").asText() + "/attachments/"
              + attachment.path("id").asText(), "ivan");
          assertThat(download.body()).as(what).isEqualTo(file);
        }
      });
    }
  }

  @Test
  void statusAndMessagesWithTheReceiptCode() throws Exception {
    Hostile hostile = hostile(3);
    for (int i = 0; i < TRIES; i++) {
      boolean status = hostile.chance(50);
      String path = status ? "/api/public/reports/status" : "/api/public/reports/messages";
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("receiptCode", code);
      if (!status) {
        request.put("text", hostile.string());
      }
      byte[] body;
      switch (hostile.random().nextInt(4)) {
        case 0 -> body = hostile.malformed(Hostile.json(request));
        case 1 -> {
          request.put("receiptCode", hostile.pick(List.of(Raw.of("[]"), Raw.of("{}"),
              Raw.of("[\"1\"]"))));
          body = bytes(Hostile.json(request));
        }
        case 2 -> {
          request.put(hostile.string() + "!", hostile.string());
          body = bytes(Hostile.json(request));
        }
        default -> {
          // reaches the look-up (throttled for everyone): a hostile code, or a message to file
          boolean lookUp = !status && passesMessageRules((String) request.get("text"));
          if (status || !lookUp) {
            request.put("receiptCode", hostile.string());
          }
          if ((status || lookUp) && lookups >= 6) {
            request.put("receiptCode", Raw.of("[]"));
          } else if (status || lookUp) {
            lookups++;
          }
          body = bytes(Hostile.json(request));
        }
      }
      String what = what(3, i, "POST " + path, body);
      Map<String, Long> before = counts();
      HttpResponse<String> response = send("POST", path, "application/json", body, null);
      checkAnswer(what, response, before, status ? 200 : 201, r -> {
        if (!status) {
          assertThat(lastMessage("REPORTER")).as(what)
              .isEqualTo(((String) request.get("text")).strip());
        }
      });
    }
  }

  // ---- sales and risk ----------------------------------------------------------------------

  @Test
  void saleOpportunities() throws Exception {
    Hostile hostile = hostile(4);
    for (int i = 0; i < TRIES; i++) {
      Map<String, Object> deal = deal();
      byte[] body = null;
      switch (hostile.random().nextInt(8)) {
        case 0, 1 -> deal.put(hostile.pick(List.of("customerAgency", "product")),
            hostile.string());
        case 2 -> Hostile.cast((Map<?, ?>) deal.get("intendedEndUse")).put(
            hostile.pick(List.of("description", "category")), hostile.string());
        case 3 -> deal.put("country", hostile.chance(70) ? hostile.pick(COUNTRY_CODES)
            : hostile.string());
        case 4 -> deal.put(hostile.pick(List.copyOf(deal.keySet())), hostile.wrongType());
        case 5 -> deal.put(hostile.pick(List.of("contractValue", "expectedSigningDate",
            "currency")), hostile.pick(List.of(Raw.of("0"), Raw.of("-1"), Raw.of("1E+30"),
            Raw.of("12345678901234567890.125"), Raw.of("0.001"), Raw.of("1e-10"),
            Raw.of("1E+999999999"), Raw.of("99999999999999999.125"), Raw.of("0.125"), "2026-02-30",
            "+999999999-12-31", "9999-12-31", "1970-01-01", "tomorrow", Raw.of("20270101"),
            "eur", "XXX", "EURO", "\u20AC", "E\u0301UR")));
        case 6 -> {
          // a few hostile names, or many valid ones of the longest allowed length
          List<Object> intermediaries = new ArrayList<>();
          boolean many = hostile.chance(50);
          for (int n = hostile.random().nextInt(many ? 60 : 3); n >= 0; n--) {
            intermediaries.add(Map.of("name", many ? Hostile.lengthen(
                "\u0001\u00e9", 300) : hostile.string(), "disclosed", hostile.chance(50)));
          }
          deal.put("intermediaries", intermediaries);
        }
        default -> body = hostile.malformed(Hostile.json(deal));
      }
      byte[] sent = body != null ? body : bytes(Hostile.json(deal));
      String what = what(4, i, "POST /api/sales/opportunities", sent);
      Map<String, Long> before = counts();
      HttpResponse<String> response = send("POST", "/api/sales/opportunities",
          "application/json", sent, "sara");
      checkAnswer(what, response, before, 201, r -> {
        String id = read(r.body()).path("caseId").asText();
        JsonNode saleCase = read(send("GET", "/api/sales/opportunities/" + id, null, null,
            "sara").body());
        expectText(what, saleCase.path("customerAgency"), deal.get("customerAgency"));
        expectText(what, saleCase.path("product"), deal.get("product"));
        if (deal.get("country") instanceof String country) {
          assertThat(saleCase.path("country").asText()).as(what)
              .isEqualTo(country.trim().toUpperCase(Locale.ROOT));
        }
        if (deal.get("contractValue") instanceof Raw value) {
          assertThat(saleCase.path("contractValue").decimalValue()).as(what)
              .isEqualByComparingTo(new BigDecimal(value.json()).setScale(2,
                  RoundingMode.HALF_UP));
        }
      });
    }
  }

  @Test
  void whatIfRiskAssessmentsWriteNothing() throws Exception {
    Hostile hostile = hostile(5);
    for (int i = 0; i < TRIES; i++) {
      Map<String, Object> deal = new LinkedHashMap<>(Map.of("customerAgency", "Police",
          "customerType", "LAW_ENFORCEMENT", "country", "DE", "capabilityClass",
          "DEVICE_FORENSICS", "endUseCategory", "SERIOUS_CRIME", "intermediaries", List.of(),
          "endUseStatementProvided", true));
      byte[] body = null;
      switch (hostile.random().nextInt(5)) {
        case 0 -> deal.put("customerAgency", hostile.string());
        case 1 -> deal.put("country", hostile.chance(70) ? hostile.pick(COUNTRY_CODES)
            : hostile.string());
        case 2 -> deal.put(hostile.pick(List.copyOf(deal.keySet())), hostile.chance(50)
            ? hostile.wrongType() : hostile.string());
        case 3 -> deal.put("intermediaries", List.of(Map.of("name", hostile.string(),
            "disclosed", false)));
        default -> body = hostile.malformed(Hostile.json(deal));
      }
      byte[] sent = body != null ? body : bytes(Hostile.json(deal));
      String what = what(5, i, "POST /api/risk/assessments", sent);
      Map<String, Long> before = counts();
      HttpResponse<String> response = send("POST", "/api/risk/assessments", "application/json",
          sent, "carl");
      checkAnswer(what, response, before, 200, r -> {
        assertThat(read(r.body()).path("tier").asText()).as(what).isNotEmpty();
        assertThat(counts()).as(what + ": a what-if assessment writes nothing")
            .isEqualTo(before);
      });
    }
  }

  // ---- re-assessments, transparency drafts, decision impact ---------------------------------

  @Test
  void reassessmentsReportDraftsAndDecisionImpacts() throws Exception {
    Hostile hostile = hostile(8);
    String dmn = new String(getClass().getResourceAsStream("/processes/human-rights-risk.dmn")
        .readAllBytes(), StandardCharsets.UTF_8);
    List<String> dates = List.of("2026-01-01", "2027-01-01", "2026-02-30", "2026-1-1", "",
        "01/01/2026", "2026-01-01T00:00:00Z", "9999-12-31", "0000-01-01", "-2026-01-01",
        "2026-13-01", "yesterday");
    for (int i = 0; i < TRIES; i++) {
      int endpoint = hostile.random().nextInt(3);
      Map<String, Object> fields = new LinkedHashMap<>();
      String path;
      String user;
      int success;
      switch (endpoint) {
        case 0 -> {
          path = "/api/reassessments";
          user = "carl";
          success = 201;
          fields.put("customerId", hostile.chance(70) ? hostile.string() : hostile.wrongType());
        }
        case 1 -> {
          path = "/api/transparency/reports";
          user = "mona";
          success = 202;
          fields.put("from", hostile.chance(70) ? hostile.pick(dates) : hostile.wrongType());
          fields.put("to", hostile.chance(70) ? hostile.pick(dates) : hostile.string());
        }
        default -> {
          path = "/api/review/decision-impact";
          user = "carl";
          success = 202;
          fields.put("dmnXml", switch (hostile.random().nextInt(5)) {
            case 0 -> hostile.string();
            case 1 -> dmn.substring(0, hostile.random().nextInt(dmn.length()));
            case 2 -> dmn.replace("<definitions", "<!DOCTYPE d [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><definitions");
            case 3 -> dmn.replace("Decision_HumanRightsRisk", hostile.string());
            default -> hostile.wrongType();
          });
          fields.put("from", hostile.pick(dates));
          fields.put("to", hostile.pick(dates));
        }
      }
      if (hostile.chance(15)) {
        fields.put(hostile.string(), hostile.string());
      }
      byte[] sent = hostile.chance(15) ? hostile.malformed(Hostile.json(fields))
          : bytes(Hostile.json(fields));
      String what = what(8, i, "POST " + path, sent);
      Map<String, Long> before = counts();
      HttpResponse<String> response = send("POST", path, "application/json", sent, user);
      checkAnswer(what, response, before, success, r -> {
        // accepted long work: let it finish so that it writes nothing during the next try
        String id = read(r.body()).path("id").asText();
        if (success == 202 && !id.isEmpty()) {
          assertThat(work.await(id, java.time.Duration.ofSeconds(60)).finished()).as(what)
              .isTrue();
        }
      });
    }
  }

  // ---- reference-data imports --------------------------------------------------------------

  @Test
  void referenceDataImports() throws Exception {
    Hostile hostile = hostile(6);
    Map<String, String> headers = Map.of("countries", "alpha2,alpha3,name",
        "country-indicators", "country,indicator,value,as_of,source",
        "abuse-register", "country,agency,level,description,source_url,date",
        "denied-parties", "name,aliases,country,list_source");
    boolean huge = false;
    for (int i = 0; i < TRIES; i++) {
      String dataset = hostile.pick(List.copyOf(headers.keySet()));
      String fileName = "fuzz.csv";
      boolean dryRun = true;
      String countryName = null;
      String alpha2 = null;
      byte[] csv;
      switch (hostile.random().nextInt(6)) {
        case 0 -> {
          // a real import of a user-assigned code (QM-QZ): the name is stored as sent
          dataset = "countries";
          dryRun = false;
          alpha2 = "Q" + (char) ('M' + hostile.random().nextInt(14));
          countryName = hostile.string();
          csv = bytes(headers.get(dataset) + "\n" + alpha2 + "," + alpha2 + "Q," + quoted(
              countryName) + "\n");
        }
        case 1 -> csv = bytes(headers.get(dataset) + "\n" + row(hostile, headers.get(dataset))
            + "\n");
        case 2 -> csv = hostile.pick(List.of(
            bytes(headers.get(dataset) + "\n\"unterminated,QM,x\n"),
            Hostile.concat(bytes(headers.get(dataset) + "\nQM,QMQ,"), new byte[] {(byte) 0xC3,
                0x28, 0, (byte) 0xFF}, bytes("\n")),
            randomBytes(hostile, 500),
            bytes(""),
            bytes(headers.get(dataset)),
            bytes(headers.get(hostile.pick(List.copyOf(headers.keySet()))) + "\nQM,QMQ,x\n"),
            bytes("\uFEFF" + headers.get(dataset).toUpperCase(Locale.ROOT) + ",extra\n1,2\n")));
        case 3 -> {
          // (at most 400 characters: Tomcat refuses URLs over 8 KB before the application)
          fileName = hostile.string();
          fileName = fileName.length() > 400 ? fileName.substring(0, 400) : fileName;
          dryRun = hostile.chance(50);
          csv = bytes(headers.get(dataset) + "\n" + row(hostile, headers.get(dataset)) + "\n");
        }
        case 4 -> {
          dryRun = hostile.chance(50);
          StringBuilder rows = new StringBuilder(headers.get(dataset)).append('\n');
          for (int r = 0; r < 200; r++) {
            rows.append(row(hostile, headers.get(dataset))).append('\n');
          }
          csv = bytes(rows.toString());
        }
        default -> {
          if (huge) {
            csv = bytes(headers.get(dataset) + "\n" + hostile.string() + "\n");
          } else {
            huge = true;
            csv = bytes(headers.get(dataset) + "\n" + "QM,QMQ,x\n".repeat(1_200_000));
          }
        }
      }
      String path = "/api/reference/" + dataset + "/imports?dryRun=" + dryRun + "&fileName="
          + URLEncoder.encode(fileName, StandardCharsets.UTF_8);
      String what = what(6, i, "POST " + path, csv);
      Map<String, Long> before = counts();
      HttpResponse<String> response = send("POST", path, "text/csv", csv, "carl");
      boolean stored = !dryRun;
      String name = countryName;
      String code2 = alpha2;
      checkAnswer(what, response, before, 200, r -> {
        if (!stored) {
          assertThat(counts()).as(what + ": a dry run writes nothing").isEqualTo(before);
        } else if (name != null) {
          JsonNode country = read(send("GET", "/api/reference/countries/" + code2, null, null,
              "carl").body());
          // as sent: UTF-8 bytes (an unpaired surrogate cannot be encoded, it went as "?")
          assertThat(country.path("name").asText()).as(what)
              .isEqualTo(new String(bytes(name), StandardCharsets.UTF_8).trim());
        }
      });
    }
  }

  // ---- the handlers' grievance API ---------------------------------------------------------

  @Test
  void grievanceHandlerEndpoints() throws Exception {
    Hostile hostile = hostile(7);
    for (int i = 0; i < TRIES; i++) {
      String method = "POST";
      String path;
      Map<String, Object> request = new LinkedHashMap<>();
      int expected;
      switch (hostile.random().nextInt(4)) {
        case 0 -> {
          path = "/api/grievances/" + reference + "/messages";
          request.put("text", hostile.string());
          request.put("feedback", hostile.chance(70) ? hostile.chance(50)
              : hostile.wrongType());
          expected = 201;
        }
        case 1 -> {
          path = "/api/grievances/" + reference + "/named-persons";
          request.put("userId", hostile.chance(80) ? hostile.string() : hostile.wrongType());
          expected = 201;
        }
        case 2 -> {
          method = "PUT";
          path = "/api/grievances/" + reference + "/legal-hold";
          request.put("hold", i % 4 == 0 ? Boolean.TRUE : hostile.chance(80)
              ? (Object) hostile.chance(50) : hostile.wrongType());
          // besides random lengths, every fourth try at the stored column's limit (500)
          request.put("reason", i % 4 == 0 ? Hostile.lengthen(hostile.string() + "r",
              499 + hostile.random().nextInt(3)) : hostile.string());
          expected = 204;
        }
        default -> {
          method = "GET";
          // Tomcat itself refuses, before the application, URLs over its 8 KB header limit and
          // encoded slashes or NULs (400 with its own page): path segments are short, without
          // slash, backslash or NUL (the application answers every other URL)
          path = "/api/grievances/" + segment(hostile.string()) + (hostile.chance(50) ? ""
              : "/attachments/" + segment(hostile.string()));
          expected = 200;
        }
      }
      byte[] body = method.equals("GET") ? null : hostile.chance(15)
          ? hostile.malformed(Hostile.json(request)) : bytes(Hostile.json(request));
      String what = what(7, i, method + " " + path, body);
      Map<String, Long> before = counts();
      HttpResponse<String> response = send(method, path, body == null ? null
          : "application/json", body, "ivan");
      String sentPath = path;
      checkAnswer(what, response, before, expected, r -> {
        if (sentPath.endsWith("/messages")) {
          assertThat(lastMessage("HANDLER")).as(what)
              .isEqualTo(((String) request.get("text")).strip());
        } else if (sentPath.endsWith("/legal-hold") && Boolean.TRUE.equals(request.get("hold"))) {
          assertThat(jdbc.queryForObject("SELECT legal_hold_reason FROM ov_grievance"
              + " WHERE reference = ?", String.class, reference)).as(what)
              .isEqualTo(((String) request.get("reason")).strip());
        }
      });
      assertThat(response.statusCode()).as(what + ": no hostile string names a user")
          .isNotEqualTo(sentPath.endsWith("/named-persons") ? 201 : -1);
    }
  }

  // ---- requests no endpoint takes ------------------------------------------------------------

  @Test
  void wrongMethodsContentTypesAndUrls() throws Exception {
    Hostile hostile = hostile(8);
    List<String> paths = List.of("/api/public/reports", "/api/public/reports/status",
        "/api/public/reports/messages", "/api/public/reports/" + segment(hostile.string()),
        "/api/sales/opportunities", "/api/risk/assessments", "/api/reference/countries/imports",
        "/api/grievances/" + reference + "/messages", "/api/grievances/" + reference
            + "/attachments/", "/api/reference/countries/");
    List<String> users = List.of("carl", "sara", "ivan");
    for (int i = 0; i < TRIES; i++) {
      String path = hostile.pick(paths);
      String method = hostile.pick(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
      String type = hostile.pick(List.of("text/plain", "application/xml",
          "application/x-www-form-urlencoded", "multipart/form-data",
          "multipart/form-data; boundary=", "application/json; charset=EBCDIC",
          "text/csv; charset=utf-16", "*/*", "application/json"));
      byte[] body = hostile.chance(50) ? bytes(Hostile.json(report()))
          : hostile.malformed("{}");
      String user = hostile.pick(users);
      String what = what(8, i, method + " " + path + " (" + type + ") as " + user, body);
      Map<String, Long> before = counts();
      HttpResponse<String> response = send(method, path, type, body, user);
      checkAnswer(what, response, before, response.statusCode(), r -> { });
    }
  }

  // ---- the oracle ----------------------------------------------------------------------------

  /**
   * Never a 5xx; an error is problem+json and leaves every table as it was; a success has the
   * expected status, and {@code stored} checks what was stored.
   */
  private void checkAnswer(String what, HttpResponse<String> response, Map<String, Long> before,
      int success, ThrowingConsumer stored) throws Exception {
    String answer = what + "\n  -> " + response.statusCode() + " " + abbreviate(response.body());
    assertThat(response.statusCode()).as(answer).isLessThan(500);
    if (response.statusCode() >= 400) {
      assertThat(response.headers().firstValue("Content-Type")).as(answer)
          .hasValue("application/problem+json");
      assertThat(read(response.body()).path("status").asInt()).as(answer)
          .isEqualTo(response.statusCode());
      assertThat(counts()).as(answer + "\n  a refused request wrote something")
          .isEqualTo(before);
    } else {
      assertThat(response.statusCode()).as(answer).isEqualTo(success);
      stored.accept(response);
    }
  }

  /** A check of what an accepted request stored. */
  @FunctionalInterface
  interface ThrowingConsumer {
    void accept(HttpResponse<String> response) throws Exception;
  }

  private JsonNode checkStoredReport(String what, HttpResponse<String> response,
      Map<String, Object> report) throws Exception {
    String ref = referenceOf(read(response.body()).path("receiptCode").asText());
    JsonNode caseFile = read(send("GET", "/api/grievances/" + ref, null, null, "ivan").body());
    JsonNode content = caseFile.path("content");
    expectText(what, content.path("description"), report.get("description"));
    expectText(what, content.path("customer"), report.get("customer"));
    expectText(what, content.path("contact"), report.get("contact"));
    return caseFile;
  }

  /**
   * A text field stored as sent, less surrounding blanks (Java's strip() or trim(): bean
   * validation's @NotBlank, for one, takes "\u2028" as text); strings only: Raw was coerced.
   */
  private static void expectText(String what, JsonNode stored, Object sent) {
    if (sent instanceof String text) {
      String value = stored.isMissingNode() || stored.isNull() ? "" : stored.asText();
      assertThat(value).as(what).isIn(text.strip(), text.trim());
    }
  }

  private String lastMessage(String role) throws Exception {
    JsonNode messages = read(send("GET", "/api/grievances/" + reference, null, null, "ivan")
        .body()).path("messages");
    String last = null;
    for (JsonNode message : messages) {
      if (role.equals(message.path("authorRole").asText())) {
        last = message.path("text").asText();
      }
    }
    return last;
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    return counts;
  }

  // ---- inputs --------------------------------------------------------------------------------

  private static Hostile hostile(int test) {
    return new Hostile(new Random(SEED * 31 + test));
  }

  private static Map<String, Object> report() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("category", "PRODUCT_MISUSE");
    report.put("description", "The unit used the tool on a journalist.");
    report.put("country", "MX");
    report.put("customer", "Federal Police");
    report.put("peopleAtRisk", false);
    report.put("contact", "signal: +00 000");
    report.put("disclosureConsent", false);
    return report;
  }

  private static Map<String, Object> deal() {
    Map<String, Object> deal = new LinkedHashMap<>();
    deal.put("customerAgency", "Fuzz Police");
    deal.put("customerType", "LAW_ENFORCEMENT");
    deal.put("country", "DE");
    deal.put("product", "Forensics Suite 5");
    deal.put("capabilityClass", "DEVICE_FORENSICS");
    Map<String, Object> endUse = new LinkedHashMap<>();
    endUse.put("category", "SERIOUS_CRIME");
    endUse.put("description", "Seized phones");
    deal.put("intendedEndUse", endUse);
    deal.put("intermediaries", List.of());
    deal.put("endUseStatementAttached", true);
    deal.put("contractValue", Raw.of("1000"));
    deal.put("expectedSigningDate", LocalDate.now().plusMonths(3).toString());
    return deal;
  }

  /** A CSV row of hostile cells, one per column of the header. */
  private static String row(Hostile hostile, String header) {
    List<String> cells = new ArrayList<>();
    for (String column : header.split(",")) {
      cells.add(hostile.chance(30) ? switch (column) {
        case "country", "alpha2" -> "QM";
        case "alpha3" -> "QMQ";
        case "indicator" -> "TOTAL_SCORE";
        case "level" -> "DOCUMENTED_ABUSE";
        case "date", "as_of" -> "2020-01-01";
        case "source_url", "source" -> "https://reports.example/1";
        default -> "ok";
      } : quoted(hostile.string()));
    }
    return String.join(",", cells);
  }

  private static String quoted(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }

  /** A file name a browser could send in a multipart header. */
  private static String safeFileName(String name) {
    String safe = name.replaceAll("[\"\\\\\r\n\u0000-\u001f]", "_").replaceAll("[^\\x20-\\x7e]",
        "_");
    return safe.isBlank() ? "file.txt" : safe;
  }

  private static byte[] randomBytes(Hostile hostile, int max) {
    byte[] bytes = new byte[1 + hostile.random().nextInt(max)];
    hostile.random().nextBytes(bytes);
    return bytes;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  private HttpResponse<String> send(String method, String path, String contentType, byte[] body,
      String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> sendForBytes(String path, String user) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":demo").getBytes(StandardCharsets.UTF_8))).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> multipart(String path, String partName, String part,
      String fileName, String type, byte[] file) throws Exception {
    String boundary = "----hostile" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName
        + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] json = part.getBytes(StandardCharsets.ISO_8859_1); // ASCII JSON, or broken bytes
    byte[] files = fileName == null ? new byte[0] : Hostile.concat(("\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8), file);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    return http.send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(Hostile.concat(head, json, files, tail)))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static String segment(String text) {
    String segment = (text.length() > 200 ? text.substring(0, 200) : text).replace('/', '_')
        .replace('\\', '_').replace('\0', '_');
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static boolean passesMessageRules(String text) {
    return text != null && !text.isBlank() && text.length() <= 20_000 && text.indexOf(0) < 0;
  }

  private String referenceOf(String receiptCode) {
    return jdbc.queryForObject("SELECT reference FROM ov_grievance WHERE receipt_hash = ?",
        String.class, codes.hash(ReceiptCodes.normalized(receiptCode)));
  }

  private JsonNode read(String body) throws Exception {
    return json.readTree(body);
  }

  private static String what(int test, int trial, String request, byte[] body) {
    String shown = body == null ? "" : abbreviate(Hostile.json(new String(body,
        StandardCharsets.UTF_8)));
    return "seed " + SEED + " test " + test + " try " + trial + ": " + abbreviate(request) + " "
        + shown;
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 400 ? text : text.substring(0, 400) + "… ("
        + text.length() + " chars)";
  }

}
