package com.oversight.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.grievance.ReceiptCodes;
import com.oversight.platform.ProcessKeys;
import com.oversight.testing.SaleCases;
import com.oversight.transparency.TransparencyReports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The whole access policy in one table: every endpoint of Oversight's API, the engine REST
 * resources that hold case data, and the sign-in to each webapp, against anonymous callers and
 * one user of every group. A cell says what the caller gets:
 *
 * <ul>
 *   <li>{@code ok}: 2xx, the caller is served;</li>
 *   <li>{@code in}: the caller passes the access rules, and the deliberately incomplete body of
 *       the probe is refused with a 400 problem (so the matrix changes nothing);</li>
 *   <li>{@code list}: 200 with a non-empty list; {@code empty}: 200 with {@code []} — the engine
 *       filters lists by authorization instead of refusing them;</li>
 *   <li>{@code deny}: 403; {@code auth}: 401 (sign in first); {@code none}: 404, what the
 *       caller may not see does not exist for them.</li>
 * </ul>
 *
 * <p>Placeholders: {@code {reference}}/{@code {grievance}} a grievance reported with one
 * attachment, in which iris is named (so she is excluded from it); {@code {id}}/{@code {sale}}
 * a sale case submitted by sara; {@code {draftId}} a draft transparency report and
 * {@code {version}} a published one. {@code WEBAPP x} rows sign in to Camunda's webapp {@code x}
 * (anonymous: calls the webapp's engine API without a session). Refusals from {@code /api}
 * are {@code application/problem+json}. Sales read their own running case (a grant on the
 * instance) but not its history, which the engine grants per process definition only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  /** One user per group (gina: grc-committee; iris: investigator excluded from the case). */
  static final List<String> CALLERS =
      List.of("anon", "admin", "sara", "carl", "gina", "ivan", "iris", "lena", "mona", "rex");

  static final String MATRIX = """
      endpoint                                                     anon  admin sara  carl  gina  ivan  iris  lena  mona  rex
      GET  /api/reference/countries                                auth  ok    ok    ok    ok    ok    ok    ok    ok    ok
      GET  /api/reference/countries/{code}                         auth  ok    ok    ok    ok    ok    ok    ok    ok    ok
      GET  /api/reference/countries/{code}/indicators              auth  ok    ok    ok    ok    ok    ok    ok    ok    ok
      GET  /api/reference/abuse-register                           auth  ok    ok    ok    ok    ok    ok    ok    ok    ok
      GET  /api/reference/denied-parties                           auth  ok    ok    ok    ok    ok    ok    ok    ok    ok
      GET  /api/reference/denied-parties/screening?name=Acme       auth  ok    ok    ok    ok    ok    ok    ok    ok    ok
      GET  /api/reference/data-gaps                                auth  ok    ok    ok    ok    ok    ok    ok    ok    ok
      GET  /api/reference/imports                                  auth  ok    ok    ok    ok    ok    ok    ok    ok    ok
      POST /api/reference/{dataset}/imports                        auth  in    deny  in    deny  deny  deny  deny  deny  deny
      POST /api/risk/assessments                                   auth  deny  deny  in    in    deny  deny  deny  deny  deny
      GET  /api/audit/verify                                       auth  ok    deny  deny  deny  deny  deny  deny  ok    deny
      GET  /api/audit/entries?caseId={sale}                        auth  ok    deny  ok    ok    deny  deny  deny  ok    deny
      POST /api/sales/opportunities                                auth  deny  in    deny  deny  deny  deny  deny  deny  deny
      GET  /api/sales/opportunities                                auth  ok    ok    ok    ok    deny  deny  ok    ok    deny
      GET  /api/sales/opportunities/{id}                           auth  ok    ok    ok    ok    deny  deny  ok    ok    deny
      GET  /api/grievances/stages                                  auth  ok    deny  deny  ok    ok    ok    deny  ok    deny
      GET  /api/grievances/summary                                 auth  ok    deny  deny  ok    ok    ok    deny  ok    deny
      GET  /api/grievances/{reference}                             auth  deny  deny  deny  deny  ok    deny  deny  deny  deny
      GET  /api/grievances/{reference}/attachments/{attachmentId}  auth  deny  deny  deny  deny  ok    deny  deny  deny  deny
      POST /api/grievances/{reference}/messages                    auth  deny  deny  deny  deny  in    deny  deny  deny  deny
      POST /api/grievances/{reference}/named-persons               auth  deny  deny  deny  deny  in    deny  deny  deny  deny
      PUT  /api/grievances/{reference}/legal-hold                  auth  deny  deny  deny  deny  ok    deny  ok    deny  deny
      GET  /api/work                                               auth  ok    ok    ok    ok    ok    ok    ok    ok    ok
      GET  /api/work/{workId}                                      auth  none  none  ok    ok    none  none  none  none  none
      GET  /api/transparency/reports                               auth  deny  deny  deny  ok    deny  deny  deny  ok    ok
      GET  /api/transparency/reports/{draftId}                     auth  deny  deny  deny  ok    deny  deny  deny  ok    ok
      POST /api/transparency/reports                               auth  deny  deny  deny  in    deny  deny  deny  in    deny
      GET  /api/public/transparency/reports                        ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
      GET  /api/public/transparency/reports/{version}              ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
      GET  /api/reassessments                                      auth  ok    deny  ok    ok    deny  deny  deny  ok    deny
      POST /api/reassessments                                      auth  deny  deny  in    deny  deny  deny  deny  deny  deny
      GET  /api/dashboard                                          auth  ok    deny  deny  ok    deny  deny  deny  ok    deny
      POST /api/public/reports                                     in    in    in    in    in    in    in    in    in    in
      POST /api/public/reports/status                              in    in    in    in    in    in    in    in    in    in
      POST /api/public/reports/messages                            in    in    in    in    in    in    in    in    in    in
      POST /api/review/decision-impact                             auth  deny  deny  in    in    deny  deny  deny  deny  deny
      GET  /api/review/decision-impact                             auth  deny  deny  ok    ok    deny  deny  deny  deny  deny
      GET  /api/review/decision-impact/{runId}                     auth  deny  deny  ok    ok    deny  deny  deny  deny  deny
      GET  /api/review/policy-reviews                              auth  deny  deny  ok    ok    deny  deny  deny  ok    ok
      GET  /api/review/policy-reviews/{reviewId}                   auth  deny  deny  ok    ok    deny  deny  deny  ok    ok
      GET  /engine-rest/process-instance?businessKey={reference}   auth  list  empty empty empty list  empty empty list  empty
      GET  /engine-rest/process-instance/{grievance}/variables     auth  ok    deny  deny  deny  ok    deny  deny  ok    deny
      GET  /engine-rest/task?processInstanceBusinessKey={reference} auth list  empty empty empty list  empty empty list  empty
      GET  /engine-rest/history/process-instance?processInstanceBusinessKey={reference} auth list empty empty empty empty empty empty list empty
      GET  /engine-rest/history/variable-instance?processInstanceId={grievance} auth list empty empty empty empty empty empty list empty
      GET  /engine-rest/process-instance?businessKey={saleKey}     auth  list  list  list  list  empty empty list  list  empty
      GET  /engine-rest/process-instance/{sale}/variables          auth  ok    ok    ok    ok    deny  deny  ok    ok    deny
      GET  /engine-rest/history/process-instance?processInstanceBusinessKey={saleKey} auth list empty list list empty empty list list empty
      GET  /engine-rest/deployment                                 auth  list  empty empty empty empty empty empty list  empty
      WEBAPP tasklist                                              auth  ok    ok    ok    ok    ok    ok    ok    deny  ok
      WEBAPP cockpit                                               auth  ok    deny  deny  deny  deny  deny  deny  ok    deny
      WEBAPP admin                                                 auth  ok    deny  deny  deny  deny  deny  deny  deny  deny
      """;

  /** Bodies of the probes (JSON unless said): incomplete on purpose, or harmless. */
  static final Map<String, String> BODIES = Map.of(
      "POST /api/reference/{dataset}/imports", "csv:no such column\n",
      "PUT /api/grievances/{reference}/legal-hold", "{\"hold\": false}");

  static final String REPORT = """
      {"category": "PRODUCT_MISUSE",
       "description": "MATRIX-SECRET the unit tracked a reporter's phone",
       "country": "MX", "customer": "MATRIX-CUSTOMER", "peopleAtRisk": true,
       "contact": "MATRIX-CONTACT signal", "disclosureConsent": false}""";

  static final String DEAL = """
      {"customerAgency": "Matrix Police", "customerType": "LAW_ENFORCEMENT",
       "country": "DE", "product": "Forensics Suite 5", "capabilityClass": "DEVICE_FORENSICS",
       "intendedEndUse": {"category": "SERIOUS_CRIME", "description": "Seized phones"},
       "intermediaries": [], "endUseStatementAttached": true, "contractValue": 1000,
       "expectedSigningDate": "%s"}""".formatted(LocalDate.now().plusMonths(3));

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired ReceiptCodes codes;
  @Autowired TransparencyReports transparency;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> fixtures = new LinkedHashMap<>();

  /** A grievance with an attachment that names iris, and a sale case of sara's. */
  @BeforeAll
  void fixtures() throws Exception {
    HttpResponse<String> reported = Http.multipart(http, url("/api/public/reports"), "report",
        REPORT, "notes.txt", "text/plain", "dates".getBytes(StandardCharsets.UTF_8));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    String code = json.readTree(reported.body()).path("receiptCode").asText();
    String reference = jdbc.queryForObject(
        "SELECT reference FROM ov_grievance WHERE receipt_hash = ?", String.class,
        codes.hash(ReceiptCodes.normalized(code)));
    fixtures.put("reference", reference);
    fixtures.put("grievance", runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).singleResult().getId());
    assertThat(call("POST", "/api/grievances/" + reference + "/named-persons",
        "{\"userId\": \"iris\"}", "ivan").statusCode()).isEqualTo(201);
    JsonNode caseFile = json.readTree(call("GET", "/api/grievances/" + reference, null, "ivan")
        .body());
    fixtures.put("attachmentId", caseFile.path("reportAttachments").get(0).path("id").asText());

    String sale = SaleCases.submit(port, "sara", DEAL, json);
    fixtures.put("id", sale);
    fixtures.put("sale", SaleCases.instanceOf(jdbc, sale));
    fixtures.put("saleKey", runtime.createProcessInstanceQuery()
        .processInstanceId(fixtures.get("sale")).singleResult().getBusinessKey());
    TransparencyReports.Draft draft = transparency.draft(LocalDate.of(2000, 1, 1),
        LocalDate.of(2000, 2, 1), "gina", null);
    fixtures.put("draftId", draft.id());
    fixtures.put("version", String.valueOf(transparency.publish(draft.id(), "grace").version()));
    // a decision-impact run of carl's (an empty period: nothing to replay) and a policy review
    HttpResponse<String> impact = call("POST", "/api/review/decision-impact",
        json.writeValueAsString(Map.of("dmnXml", new String(getClass().getResourceAsStream(
            "/processes/human-rights-risk.dmn").readAllBytes(), StandardCharsets.UTF_8),
            "from", "2000-01-01", "to", "2000-01-02")), "carl");
    assertThat(impact.statusCode()).as(impact.body()).isEqualTo(202);
    fixtures.put("runId", json.readTree(impact.body()).path("id").asText());
    // its progress: carl's own work, which the committee may read too (kind decision-impact)
    fixtures.put("workId", fixtures.get("runId"));
    String review = runtime.startProcessInstanceByKey(ProcessKeys.POLICY_REVIEW,
        Map.of("periodFrom", "2025-01-01", "periodTo", "2026-01-01")).getId();
    fixtures.put("reviewId", (String) runtime.getVariable(review, "reviewId"));
    fixtures.put("code", "DE");
    fixtures.put("dataset", "countries");
  }

  /** A row of the matrix: what is called and the expected result per caller. */
  record Row(String method, String path, List<String> expected) {
    String endpoint() {
      return method + " " + path;
    }

    /** The endpoint as Spring maps it: method and pattern, without the query. */
    String mapping() {
      int query = path.indexOf('?');
      return method + " " + (query < 0 ? path : path.substring(0, query));
    }
  }

  static List<Row> rows() {
    List<String> lines = MATRIX.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    List<String> header = Arrays.asList(lines.get(0).split("\\s+"));
    assertThat(header.subList(1, header.size())).isEqualTo(CALLERS);
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\\s+");
      assertThat(cells).as(line).hasSize(2 + CALLERS.size());
      rows.add(new Row(cells[0], cells[1], List.of(cells).subList(2, cells.length)));
    }
    return rows;
  }

  static Stream<Arguments> cells() {
    return rows().stream().flatMap(row -> Stream.iterate(0, i -> i < CALLERS.size(), i -> i + 1)
        .map(i -> Arguments.of(row.endpoint(), CALLERS.get(i), row.expected().get(i), row)));
  }

  @ParameterizedTest(name = "{0} as {1}: {2}")
  @MethodSource("cells")
  void everyCallerGetsWhatThePolicySays(String endpoint, String caller, String expected, Row row)
      throws Exception {
    String user = caller.equals("anon") ? null : caller;
    HttpResponse<String> response;
    if (row.method().equals("WEBAPP")) {
      response = user == null
          ? call("GET", "/camunda/api/engine/engine/default/task", null, null)
          : Http.webappLogin(http, url(""), row.path(), user);
    } else {
      String body = BODIES.getOrDefault(row.mapping(), row.method().equals("GET") ? null : "{}");
      response = call(row.method(), fill(row.path()), body, user);
    }
    String what = endpoint + " as " + caller + " -> " + response.statusCode() + " "
        + abbreviate(response.body());
    int status = response.statusCode();
    switch (expected) {
      case "ok" -> assertThat(status).as(what).isBetween(200, 299);
      case "in" -> assertThat(status).as(what).isEqualTo(400);
      case "list" -> {
        assertThat(status).as(what).isEqualTo(200);
        assertThat(json.readTree(response.body()).isArray()).as(what).isTrue();
        assertThat(json.readTree(response.body())).as(what).isNotEmpty();
      }
      case "empty" -> {
        assertThat(status).as(what).isEqualTo(200);
        assertThat(response.body()).as(what).isEqualTo("[]");
      }
      case "deny" -> assertThat(status).as(what).isEqualTo(403);
      case "none" -> assertThat(status).as(what).isEqualTo(404);
      case "auth" -> assertThat(status).as(what).isEqualTo(401);
      default -> throw new IllegalArgumentException("unknown cell " + expected + " in " + what);
    }
    if (row.path().startsWith("/api/") && status >= 400) {
      assertThat(response.headers().firstValue("Content-Type")).as(what)
          .hasValue("application/problem+json");
    }
  }

  @Test
  void everyApiEndpointOfTheApplicationHasARow() {
    Set<String> endpoints = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
        .filter(p -> p.startsWith("/api/"))
        .forEach(pattern -> info.getMethodsCondition().getMethods()
            .forEach(method -> endpoints.add(method.name() + " " + pattern))));
    assertThat(endpoints).as("the API's endpoints").hasSizeGreaterThan(20);
    Set<String> inMatrix = new TreeSet<>(rows().stream().map(Row::mapping).toList());
    assertThat(inMatrix).as("rows of AuthorizationMatrixTest.MATRIX").containsAll(endpoints);
  }

  @Test
  void managersSeeAGrievanceInTheEngineOnlyAsIdsAndDates() throws Exception {
    String instance = fixtures.get("grievance");
    for (String path : List.of("/engine-rest/process-instance/" + instance + "/variables",
        "/engine-rest/history/variable-instance?processInstanceId=" + instance,
        "/engine-rest/history/detail?processInstanceId=" + instance,
        "/engine-rest/task?processInstanceBusinessKey=" + fixtures.get("reference"))) {
      HttpResponse<String> response = call("GET", path, null, "mona");
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).doesNotContain("MATRIX-SECRET")
          .doesNotContain("MATRIX-CUSTOMER").doesNotContain("MATRIX-CONTACT")
          .doesNotContain("tracked a reporter").doesNotContainIgnoringCase("signal");
    }
    JsonNode variables = json.readTree(call("GET",
        "/engine-rest/process-instance/" + instance + "/variables", null, "mona").body());
    assertThat(variables.size()).isPositive();
    variables.fields().forEachRemaining(variable -> assertThat(
        variable.getValue().path("type").asText()).as(variable.getKey())
        .isIn("String", "Date", "Boolean", "Integer", "Long", "Null"));
    assertThat(call("GET", "/api/grievances/" + fixtures.get("reference"), null, "mona")
        .statusCode()).isEqualTo(403);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private String fill(String path) {
    String filled = path;
    for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
      filled = filled.replace("{" + fixture.getKey() + "}", fixture.getValue());
    }
    assertThat(filled).as("placeholders left in " + path).doesNotContain("{");
    return filled;
  }

  private HttpResponse<String> call(String method, String path, String body, String user)
      throws Exception {
    return Http.send(http, method, url(path), body, user);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  /** Small HTTP helpers shared by the security tests. */
  static final class Http {

    private Http() {}

    static String basic(String user) {
      return "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
          .getBytes(StandardCharsets.UTF_8));
    }

    /** body "csv:..." is sent as text/csv, any other body as JSON. */
    static HttpResponse<String> send(HttpClient http, String method, String url, String body,
        String user) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else if (body.startsWith("csv:")) {
        request.header("Content-Type", "text/csv").method(method,
            HttpRequest.BodyPublishers.ofString(body.substring(4)));
      } else {
        request.header("Content-Type", "application/json").method(method,
            HttpRequest.BodyPublishers.ofString(body));
      }
      if (user != null) {
        request.header("Authorization", basic(user));
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> multipart(HttpClient http, String url, String part, String json,
        String fileName, String type, byte[] data) throws Exception {
      String boundary = "----oversight" + System.nanoTime();
      StringBuilder head = new StringBuilder("--" + boundary
          + "\r\nContent-Disposition: form-data; name=\"" + part + "\"\r\n"
          + "Content-Type: application/json\r\n\r\n" + json + "\r\n");
      byte[] body;
      if (fileName == null) {
        body = (head + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
      } else {
        head.append("--").append(boundary)
            .append("\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"")
            .append(fileName).append("\"\r\nContent-Type: ").append(type).append("\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        body = new byte[start.length + data.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(data, 0, body, start.length, data.length);
        System.arraycopy(end, 0, body, start.length + data.length, end.length);
      }
      return http.send(HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in to a Camunda webapp like its login page does (CSRF token first). */
    static HttpResponse<String> webappLogin(HttpClient http, String base, String app,
        String user) throws Exception {
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(
          URI.create(base + "/camunda/app/tasklist/default/")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      List<String> cookies = page.headers().allValues("Set-Cookie").stream()
          .map(c -> c.substring(0, c.indexOf(';'))).toList();
      String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN="))
          .map(c -> c.substring("XSRF-TOKEN=".length())).findFirst().orElseThrow();
      return http.send(HttpRequest.newBuilder(URI.create(
              base + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", token)
          .header("Cookie", String.join("; ", cookies))
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
          .build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
