package com.oversight.grievance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oversight.audit.AuditLedger;
import com.oversight.platform.ApiProblem;
import com.oversight.testing.SaleCases;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Retention: a closed report whose retention period is over (moved into the past here) is purged
 * (content, attachments, messages, receipt hash, the process history) unless under legal hold,
 * and the facts the transparency report counts remain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GrievanceRetentionTest {

  @Autowired
  ReportingService reporting;
  @Autowired
  GrievanceHandling handling;
  @Autowired
  CaseworkService casework;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  AuditLedger ledger;
  @Autowired
  ReceiptCodes receiptCodes;

  @Test
  void aClosedReportIsPurgedUnlessUnderLegalHold() {
    String kept = closedReport("Report under legal hold");
    String purged = closedReport("Report past its retention");
    casework.legalHold(reference(kept), true, "Court order 12/2026", "lena");
    String purgedInstance = instanceOf(purged);
    assertThat(handling.purgeExpired()).as("both still within their retention period").isZero();
    jdbc.update("UPDATE ov_grievance SET purge_after = DATE '2020-01-01' WHERE id IN (?, ?)",
        kept, purged);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(purgedInstance)
        .count()).isOne();

    assertThat(handling.purgeExpired()).isEqualTo(1);

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM ov_grievance WHERE reference = ?",
        reference(purged));
    assertThat(row.get("STATUS")).isEqualTo("PURGED");
    assertThat(row.get("CONTENT")).isNull();
    assertThat(row.get("RECEIPT_HASH")).isNull();
    assertThat(row.get("CATEGORY")).isEqualTo("OTHER");
    assertThat(row.get("OUTCOME")).isEqualTo("ADDRESSED");
    assertThat(row.get("ACKNOWLEDGED_AT")).isNotNull();
    assertThat(count("ov_grievance_message", purged)).isZero();
    assertThat(count("ov_grievance_attachment", purged)).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(purgedInstance)
        .count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(purgedInstance)
        .count()).isZero();
    assertThatThrownBy(() -> reporting.view(codes.get(purged)))
        .isInstanceOf(ApiProblem.class).hasMessageContaining("No report has this receipt code");
    assertThat(ledger.entries(reference(purged))).extracting(AuditLedger.LedgerEntry::action)
        .contains("GRIEVANCE_CLOSED", "GRIEVANCE_PURGED");

    assertThat(jdbc.queryForObject("SELECT status FROM ov_grievance WHERE reference = ?",
        String.class, reference(kept))).isEqualTo("CLOSED");
    assertThat(reporting.view(codes.get(kept)).outcome()).contains("took the action");
    assertThat(count("ov_grievance_message", kept)).isEqualTo(2);

    casework.legalHold(reference(kept), false, null, "lena");
    assertThat(handling.purgeExpired()).isEqualTo(1);
  }

  private final Map<String, String> codes = new java.util.HashMap<>();

  private String closedReport(String description) {
    String code = reporting.submit(new ReportSubmission("OTHER", description, null, null, false,
        null, false), List.of(new Upload("a.txt", "text/plain", "notes".getBytes())));
    String id = jdbc.queryForObject("SELECT id FROM ov_grievance WHERE receipt_hash = ?",
        String.class, receiptCodes.hash(code));
    codes.put(id, code);
    String instance = instanceOf(id);
    complete(instance, "Task_AcknowledgeReport", Map.of("reportRead", true));
    complete(instance, "Task_TriageReport", Map.of("admissible", true, "priority", "LOW",
        "retaliationRisk", "LOW", "peopleAtRisk", false, "investigate", false));
    complete(instance, "Task_CloseReport", Map.of("grievanceOutcome", "ADDRESSED"));
    assertThat(jdbc.queryForObject("SELECT status FROM ov_grievance WHERE id = ?", String.class,
        id)).isEqualTo("CLOSED");
    return id;
  }

  private void complete(String instance, String key, Map<String, Object> variables) {
    SaleCases.runJobs(management, instance);
    Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key)
        .singleResult();
    tasks.complete(task.getId(), variables);
    SaleCases.runJobs(management, instance);
  }

  private String instanceOf(String id) {
    return jdbc.queryForObject("SELECT process_instance_id FROM ov_grievance WHERE id = ?",
        String.class, id);
  }

  private String reference(String id) {
    return jdbc.queryForObject("SELECT reference FROM ov_grievance WHERE id = ?", String.class,
        id);
  }

  private int count(String table, String id) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE grievance_id = ?",
        Integer.class, id);
  }
}
