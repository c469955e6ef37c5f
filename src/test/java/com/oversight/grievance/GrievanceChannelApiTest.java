package com.oversight.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.testing.SaleCases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The grievance channel over HTTP on the whole application: a report, its receipt code, the
 * follow-up, bad input that stores nothing, and who may see what. The job executor is off
 * (profile test): the test runs the asynchronous steps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GrievanceChannelApiTest {

  static final String REPORT = """
      {"category": "PRODUCT_MISUSE",
       "description": "The police of Freeland used the phone extraction tool on a journalist.",
       "country": "MX", "customer": "Federal Police", "peopleAtRisk": false,
       "contact": "signal: +00 000", "disclosureConsent": false}""";

  @LocalServerPort
  int port;
  @Autowired
  ObjectMapper json;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  ReceiptCodes codes;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aReporterGetsAReceiptCodeAndFollowsTheReportWithItAlone() throws Exception {
    HttpResponse<String> submitted = post("/api/public/reports", REPORT, null);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    assertThat(submitted.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(submitted.headers().firstValue("Cache-Control")).hasValue("no-store");
    String code = json.readTree(submitted.body()).path("receiptCode").asText();
    assertThat(code).matches("(\\d{4} ){4}\\d{4}");

    JsonNode status = status(code);
    assertThat(status.path("status").asText()).isEqualTo("RECEIVED");
    assertThat(status.path("statusText").asText()).contains("within 7 days");
    assertThat(status.path("messages")).isEmpty();

    // ivan acknowledges in Tasklist; the reporter sees it with the feedback deadline
    String reference = referenceOf(code);
    Task acknowledge = task(reference, "Task_AcknowledgeReport");
    assertThat(acknowledge.getName()).isEqualTo("Acknowledge report " + reference);
    tasks.claim(acknowledge.getId(), "ivan");
    tasks.complete(acknowledge.getId(), Map.of("reportRead", true));
    SaleCases.runJobs(management, acknowledge.getProcessInstanceId());

    status = status(code.replace(" ", ""));
    assertThat(status.path("status").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(status.path("feedbackDue").asText()).isNotEmpty();
    assertThat(status.path("messages").get(0).path("from").asText()).isEqualTo("Investigator");
    assertThat(status.path("messages").get(0).path("text").asText())
        .contains("An investigator has received it");

    // the reporter answers twice: one task for the investigators, with two unread messages
    assertThat(post("/api/public/reports/messages",
        "{\"receiptCode\": \"" + code + "\", \"text\": \"More: it happened twice.\"}", null)
        .statusCode()).isEqualTo(201);
    assertThat(post("/api/public/reports/messages",
        "{\"receiptCode\": \"" + code + "\", \"text\": \"And a third time.\"}", null)
        .statusCode()).isEqualTo(201);
    Task read = task(reference, "Task_ReadReporterMessage");
    assertThat(tasks.getVariable(read.getId(), "unreadMessages")).isEqualTo(2);

    // ivan writes back from the case API; the reporter reads it, never his name
    HttpResponse<String> message = post("/api/grievances/" + reference + "/messages",
        "{\"text\": \"Thank you. Which unit was it?\", \"feedback\": true}", "ivan");
    assertThat(message.statusCode()).as(message.body()).isEqualTo(201);
    status = status(code);
    assertThat(status.path("messages")).hasSize(4);
    assertThat(status.path("messages").get(3).path("text").asText())
        .isEqualTo("Thank you. Which unit was it?");
    assertThat(status.toString()).doesNotContain("ivan");
  }

  @Test
  void aCodeGivenOutBeforeHmacsStillFindsItsReportAndIsStoredAsAnHmacAfterwards()
      throws Exception {
    HttpResponse<String> submitted = post("/api/public/reports", REPORT, null);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String code = ReceiptCodes.normalized(
        json.readTree(submitted.body()).path("receiptCode").asText());
    String hmac = codes.hash(code);
    String id = jdbc.queryForObject("SELECT id FROM ov_grievance WHERE receipt_hash = ?",
        String.class, hmac);
    assertThat(hmac).startsWith("hmac-sha256:").doesNotContain(code);
    // as the report would have been stored before: the code's Argon2id hash
    String legacy = codes.legacyHash(code);
    jdbc.update("UPDATE ov_grievance SET receipt_hash = ? WHERE id = ?", legacy, id);

    // a wrong code is still not found while legacy hashes exist
    assertThat(post("/api/public/reports/status",
        "{\"receiptCode\": \"1111 2222 3333 4444 5555\"}", null).statusCode())
        .isEqualTo(404);
    // the reporter's old code works, and from now on is stored as the HMAC
    assertThat(status(code).path("status").asText()).isEqualTo("RECEIVED");
    assertThat(jdbc.queryForObject("SELECT receipt_hash FROM ov_grievance WHERE id = ?",
        String.class, id)).isEqualTo(hmac);
    assertThat(status(ReceiptCodes.formatted(code)).path("status").asText())
        .isEqualTo("RECEIVED");
  }

  @Test
  void aWrongCodeIsNotFoundAndAMalformedOneIsABadRequest() throws Exception {
    HttpResponse<String> wrong = post("/api/public/reports/status",
        "{\"receiptCode\": \"1111 2222 3333 4444 5555\"}", null);
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    HttpResponse<String> malformed = post("/api/public/reports/status",
        "{\"receiptCode\": \"12\"}", null);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("receiptCode");
  }

  @Test
  void badReportsGetAClearErrorAndStoreNothing() throws Exception {
    int before = count();
    HttpResponse<String> empty = post("/api/public/reports",
        "{\"category\": \"OTHER\", \"description\": \"  \"}", null);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(empty.body()).path("errors").get(0).path("field").asText())
        .isEqualTo("description");

    HttpResponse<String> several = post("/api/public/reports",
        "{\"category\": \"BRIBERY\", \"description\": \"x\", \"country\": \"Atlantis\"}", null);
    assertThat(several.statusCode()).isEqualTo(400);
    assertThat(several.body()).contains("category").contains("country");

    HttpResponse<String> malformed = post("/api/public/reports", "{\"category\": ", null);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");

    HttpResponse<String> wrongType = post("/api/public/reports",
        "{\"category\": \"OTHER\", \"description\": 42, \"peopleAtRisk\": \"perhaps\"}", null);
    assertThat(wrongType.statusCode()).isEqualTo(400);

    HttpResponse<String> tooLong = post("/api/public/reports", "{\"category\": \"OTHER\","
        + " \"description\": \"" + "x".repeat(20_001) + "\"}", null);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("longer than 20000");

    assertThat(count()).isEqualTo(before);
  }

  @Test
  void attachmentsAreCheckedByTypeContentAndSize() throws Exception {
    int before = count();
    String report = "{\"category\": \"OTHER\", \"description\": \"See the attached file\"}";
    HttpResponse<String> fake = multipart(report, "evil.pdf", "application/pdf",
        "MZ\u0090 not a pdf".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(fake.statusCode()).isEqualTo(400);
    assertThat(fake.body()).contains("attachments[0]").contains("content is not application/pdf");

    HttpResponse<String> exe = multipart(report, "tool.exe", "application/x-msdownload",
        new byte[] {'M', 'Z', 0, 0});
    assertThat(exe.statusCode()).isEqualTo(400);
    assertThat(exe.body()).contains("not accepted");

    HttpResponse<String> huge = multipart(report, "big.txt", "text/plain",
        "a".repeat(11 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(count()).isEqualTo(before);

    HttpResponse<String> fine = multipart(report, "notes.txt", "text/plain",
        "Dates and places".getBytes(StandardCharsets.UTF_8));
    assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);
    String reference = referenceOf(json.readTree(fine.body()).path("receiptCode").asText());
    JsonNode caseFile = json.readTree(get("/api/grievances/" + reference, "ivan").body());
    JsonNode attachment = caseFile.path("reportAttachments").get(0);
    assertThat(attachment.path("name").asText()).isEqualTo("notes.txt");
    HttpResponse<String> download = get("/api/grievances/" + reference + "/attachments/"
        + attachment.path("id").asText(), "ivan");
    assertThat(download.body()).isEqualTo("Dates and places");
    assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment");
  }

  @Test
  void onlyInvestigatorsNotExcludedSeeTheContentAndManagersSeeOnlyStages() throws Exception {
    String code = json.readTree(post("/api/public/reports", REPORT, null).body())
        .path("receiptCode").asText();
    String reference = referenceOf(code);

    HttpResponse<String> ivan = get("/api/grievances/" + reference, "ivan");
    assertThat(ivan.statusCode()).isEqualTo(200);
    assertThat(json.readTree(ivan.body()).path("content").path("description").asText())
        .contains("journalist");
    assertThat(get("/api/grievances/" + reference, "sara").statusCode()).isEqualTo(403);
    assertThat(get("/api/grievances/" + reference, "mona").statusCode()).isEqualTo(403);
    assertThat(get("/api/grievances/" + reference, "gina").statusCode()).isEqualTo(403);
    HttpResponse<String> summary = get("/api/grievances/summary", "mona");
    assertThat(summary.statusCode()).isEqualTo(200);
    JsonNode counts = json.readTree(summary.body());
    assertThat(counts.path("received").asInt()).isPositive();
    assertThat(counts.path("byStatus").path("RECEIVED").asInt()).isPositive();
    assertThat(counts.path("open").asInt()).isPositive();
    assertThat(summary.body()).doesNotContain("journalist").doesNotContain(reference);
    HttpResponse<String> stages = get("/api/grievances/stages", "mona");
    assertThat(stages.statusCode()).isEqualTo(200);
    assertThat(stages.body()).contains(reference).doesNotContain("journalist")
        .doesNotContain("Federal Police");

    // iris is seen in Tasklist before; named in the report she loses the task and the content
    assertThat(engineTasks("iris")).contains(reference);
    HttpResponse<String> named = post("/api/grievances/" + reference + "/named-persons",
        "{\"userId\": \"iris\"}", "ivan");
    assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
    assertThat(get("/api/grievances/" + reference, "iris").statusCode()).isEqualTo(403);
    assertThat(engineTasks("iris")).doesNotContain(reference);
    assertThat(engineTasks("ivan")).contains(reference);
    assertThat(engineTasks("sara")).doesNotContain(reference);
    assertThat(get("/engine-rest/process-instance?processDefinitionKey=GrievanceProcess",
        "sara").body()).isEqualTo("[]");
    assertThat(get("/engine-rest/process-instance?businessKey=" + reference, "iris").body())
        .isEqualTo("[]");
    assertThat(get("/engine-rest/process-instance?businessKey=" + reference, "ivan").body())
        .contains(reference);

    HttpResponse<String> unknown = post("/api/grievances/" + reference + "/named-persons",
        "{\"userId\": \"nobody\"}", "ivan");
    assertThat(unknown.statusCode()).isEqualTo(400);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private String referenceOf(String code) {
    return jdbc.queryForObject("SELECT reference FROM ov_grievance WHERE receipt_hash = ?",
        String.class, codes.hash(ReceiptCodes.normalized(code)));
  }

  private Task task(String reference, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key)
        .singleResult();
  }

  private String engineTasks(String user) throws Exception {
    return get("/engine-rest/task?processDefinitionKey=GrievanceProcess", user).body()
        + get("/engine-rest/task?candidateUser=" + user, user).body();
  }

  private JsonNode status(String code) throws Exception {
    HttpResponse<String> response = post("/api/public/reports/status",
        "{\"receiptCode\": \"" + code + "\"}", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private int count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ov_grievance", Integer.class);
  }

  private HttpResponse<String> post(String path, String body, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> multipart(String report, String fileName, String type,
      byte[] data) throws Exception {
    String boundary = "----oversight" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + report + "\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + data.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(data, 0, body, head.length, data.length);
    System.arraycopy(tail, 0, body, head.length + data.length, tail.length);
    return http.send(HttpRequest.newBuilder(URI.create(url("/api/public/reports")))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
        .getBytes(StandardCharsets.UTF_8));
  }
}
