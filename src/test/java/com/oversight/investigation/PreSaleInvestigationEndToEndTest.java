package com.oversight.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.audit.AuditLedger;
import com.oversight.identity.Groups;
import com.oversight.testing.SaleCases;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The committee's "request investigation" on a real sale: the sale approval calls the real
 * MisuseInvestigationProcess with the contract's variables, the submitter is kept out of it, a
 * prospect cannot be terminated, and the outcome and summary come back to a new voting round.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PreSaleInvestigationEndToEndTest {

  static final String DEAL = """
      {"customerAgency": "Unidad de Analisis Prospecto", "customerType": "LAW_ENFORCEMENT",
       "country": "MX", "product": "Forensics Suite 5", "capabilityClass": "DEVICE_FORENSICS",
       "intendedEndUse": {"category": "SERIOUS_CRIME", "description": "Cartel investigations"},
       "intermediaries": [], "endUseStatementAttached": true, "contractValue": 400000,
       "currency": "USD", "expectedSigningDate": "%s"}""";

  @LocalServerPort int port;
  @Autowired ObjectMapper objectMapper;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired AuditLedger ledger;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theCommitteesInvestigationRunsAndItsOutcomeReachesTheNextRound() throws Exception {
    String caseId = SaleCases.submit(port, "sara", DEAL.formatted(LocalDate.now().plusMonths(2)),
        objectMapper);
    String saleInstance = SaleCases.instanceOf(jdbc, caseId);
    SaleCases.runJobs(managementService, saleInstance);
    as("carl", Groups.COMPLIANCE, () -> formService.submitTaskForm(
        single(saleInstance, "Task_PrepareDossier").getId(), Map.of(
            "dossierFindings", "Unknown agency", "dossierSources", "Press", "proposedConditions", "")));
    SaleCases.runJobs(managementService, saleInstance);
    for (String member : List.of("gina", "greg", "grace")) {
      as(member, Groups.GRC_COMMITTEE, () -> formService.submitTaskForm(
          vote(saleInstance, member).getId(), Map.of("conflictOfInterest", false,
              "vote", "REQUEST_INVESTIGATION", "rationale", "Who is this agency?")));
    }
    SaleCases.runJobs(managementService, saleInstance);

    ProcessInstance investigation = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(saleInstance).processDefinitionKey("MisuseInvestigationProcess")
        .singleResult();
    assertThat(investigation).isNotNull();
    SaleCases.runJobs(managementService, investigation.getId());
    String reference = runtimeService.createProcessInstanceQuery()
        .processInstanceId(investigation.getId()).singleResult().getBusinessKey();
    assertThat(reference).startsWith("INV-");
    assertThat(runtimeService.getVariable(investigation.getId(), "relatedCaseRef"))
        .isEqualTo(runtimeService.getVariable(saleInstance, "businessKey"));
    assertThat(runtimeService.getVariable(investigation.getId(), "customerStatus"))
        .isEqualTo("NONE");

    Task plan = single(investigation.getId(), "Task_PlanInvestigation");
    assertThatThrownBy(() -> taskService.setAssignee(plan.getId(), "sara"))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Segregation of duties: sara submitted SALE-");
    as("iris", Groups.INVESTIGATORS, () -> formService.submitTaskForm(plan.getId(),
        Map.of("investigationPlan", "Registry and press search")));
    SaleCases.runJobs(managementService, investigation.getId());
    as("iris", Groups.INVESTIGATORS, () -> formService.submitTaskForm(
        single(investigation.getId(), "Task_GatherEvidence").getId(), Map.of(
            "investigationNextStep", "REPORT_FINDINGS",
            "findingsSummary", "A registered unit of the attorney general; no abuse record",
            "recommendedOutcome", "NO_MISUSE")));
    SaleCases.runJobs(managementService, investigation.getId());

    Task decision = single(investigation.getId(), "Task_DecideOutcome");
    assertThatThrownBy(() -> as("grace", Groups.GRC_COMMITTEE, () -> formService.submitTaskForm(
        decision.getId(), Map.of("investigationOutcome", "TERMINATION",
            "outcomeRationale", "Do not sell"))))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("TERMINATION needs a customer");
    as("grace", Groups.GRC_COMMITTEE, () -> formService.submitTaskForm(decision.getId(), Map.of(
        "investigationOutcome", "NO_MISUSE", "outcomeRationale", "The agency is legitimate")));
    SaleCases.runJobs(managementService, investigation.getId());
    SaleCases.runJobs(managementService, saleInstance);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(investigation.getId())
        .count()).isZero();
    assertThat(runtimeService.getVariable(saleInstance, "investigationOutcome"))
        .isEqualTo("NO_MISUSE");
    assertThat((String) runtimeService.getVariable(saleInstance, "investigationSummary"))
        .startsWith(reference + ": no misuse found. Findings: A registered unit");
    assertThat(runtimeService.getVariable(saleInstance, "votingRound")).isEqualTo(2);
    assertThat(taskService.createTaskQuery().processInstanceId(saleInstance)
        .taskDefinitionKey("Task_Vote").count()).isEqualTo(3);
    assertThat(ledger.entries(caseId)).extracting(AuditLedger.LedgerEntry::action)
        .containsSubsequence("COMMITTEE_TALLIED", "INVESTIGATION_COMPLETED",
            "COMMITTEE_ROUND_OPENED");
  }

  private Task single(String instanceId, String key) {
    return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key)
        .singleResult();
  }

  private Task vote(String instanceId, String member) {
    return taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("Task_Vote").taskAssignee(member).singleResult();
  }

  private void as(String user, String group, Runnable action) {
    identityService.setAuthentication(user, List.of(group));
    try {
      action.run();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
