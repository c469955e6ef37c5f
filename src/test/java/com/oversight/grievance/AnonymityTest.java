package com.oversight.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.testing.SaleCases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The anonymity promise, checked where it could break: after a report, an acknowledgment, a
 * follow-up and an answer from the reporter, no table (Oversight's and the engine's: process
 * variables, history, byte arrays) and no log line holds the client's IP address, its user
 * agent, the receipt code or the plain text of the report and the messages. The content is
 * readable only with the key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class AnonymityTest {

  static final String FORWARDED_IP = "198.51.100.23";
  static final String LOOPBACK_IP = "127.0.0.1";
  static final String USER_AGENT = "OversightAnonymityProbe/7.3 (X11; Marker)";
  static final String DESCRIPTION = "Zebra-Quartz-Marker-9931 saw the tool used on a journalist";
  static final String CONTACT = "Contact-Marker-5520";
  static final String ANSWER = "Second-Marker-7717 with more details";

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
  GrievanceVault vault;
  @Autowired
  ReceiptCodes codes;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void noTraceOfTheReporterAndNoPlainTextAnywhere(CapturedOutput output) throws Exception {
    HttpResponse<String> submitted = post("/api/public/reports", """
        {"category": "UNLAWFUL_SURVEILLANCE", "description": "%s", "country": "MX",
         "customer": "Customer-Marker-3141", "peopleAtRisk": true, "contact": "%s",
         "disclosureConsent": false}""".formatted(DESCRIPTION, CONTACT));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String grouped = json.readTree(submitted.body()).path("receiptCode").asText();
    String code = grouped.replace(" ", "");

    String id = jdbc.queryForObject("SELECT id FROM ov_grievance WHERE receipt_hash = ?",
        String.class, codes.hash(code));
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM ov_grievance"
        + " WHERE id = ?", String.class, id);
    Task acknowledge = tasks.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("Task_AcknowledgeReport").singleResult();
    tasks.complete(acknowledge.getId(), Map.of("reportRead", true));
    SaleCases.runJobs(management, acknowledge.getProcessInstanceId());
    assertThat(post("/api/public/reports/status", "{\"receiptCode\": \"" + grouped + "\"}")
        .statusCode()).isEqualTo(200);
    assertThat(post("/api/public/reports/messages",
        "{\"receiptCode\": \"" + code + "\", \"text\": \"" + ANSWER + "\"}").statusCode())
        .isEqualTo(201);
    assertThat(post("/api/public/reports/status", "{\"receiptCode\": \"0000" + code.substring(4)
        + "\"}").statusCode()).isIn(404, 200);

    List<String> forbidden = List.of(FORWARDED_IP, LOOPBACK_IP, USER_AGENT, "AnonymityProbe",
        code, grouped, "Zebra-Quartz-Marker", CONTACT, "Customer-Marker", "Second-Marker");
    List<String> found = new ArrayList<>();
    for (String table : jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
        + " WHERE TABLE_SCHEMA = 'PUBLIC'", String.class)) {
      for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM \"" + table + "\"")) {
        for (Map.Entry<String, Object> cell : row.entrySet()) {
          String text = text(cell.getValue());
          forbidden.stream().filter(text::contains)
              .forEach(marker -> found.add(table + "." + cell.getKey() + " holds " + marker));
        }
      }
    }
    assertThat(found).as("traces of the reporter or plain text in the database").isEmpty();
    assertThat(forbidden).noneMatch(marker -> output.getAll().contains(marker));

    // the content is there, encrypted: readable with the key, and only with it
    byte[] stored = jdbc.queryForObject("SELECT content FROM ov_grievance WHERE id = ?",
        byte[].class, id);
    assertThat(vault.decrypt(stored, id, "content")).contains(DESCRIPTION).contains(CONTACT);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ?"
        + " AND NAME_ NOT IN ('grievanceId', 'caseRef', 'acknowledgmentDue', 'feedbackDue',"
        + " 'feedbackReminderAt', 'reportRead', 'unreadMessages')", Integer.class, instance))
        .as("process variables other than ids, deadlines and the handler's checkboxes").isZero();
  }

  private static String text(Object value) throws Exception {
    if (value == null) {
      return "";
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.ISO_8859_1) + new String(bytes,
          StandardCharsets.UTF_8);
    }
    if (value instanceof Blob blob) {
      return text(blob.getBytes(1, (int) blob.length()));
    }
    if (value instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return value.toString();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header("X-Forwarded-For", FORWARDED_IP)
            .header("X-Real-IP", FORWARDED_IP)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
