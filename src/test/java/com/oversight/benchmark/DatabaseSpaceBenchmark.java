package com.oversight.benchmark;

import com.oversight.identity.Groups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Figure "database space per closed sale-approval case (runtime and history)": N HIGH-risk
 * deals taken through the whole process as in the walk-through (submission over the API,
 * compliance dossier, three committee votes with one conflict, legal's clauses, the customer
 * activated, every notification), then {@code pg_total_relation_size} (tables, indexes, TOAST)
 * of every table of the database after {@code VACUUM FULL}, before and after, divided by N.
 * Target: at most 40 KB per case.
 */
public final class DatabaseSpaceBenchmark {

  static final String SIZES = """
      SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = 'public'""";

  private DatabaseSpaceBenchmark() {}

  public static void main(String[] args) throws Exception {
    int cases = BenchmarkResult.quick() ? 20 : 200;
    try (OversightUnderTest oversight = OversightUnderTest.start()) {
      // one case first, not counted: lazily created rows (byte arrays of deployments, metrics)
      closeCases(oversight, 1, "warm-up");
      Map<String, Long> before = sizes(oversight.jdbc);
      closeCases(oversight, cases, "run");
      Map<String, Long> after = sizes(oversight.jdbc);
      long total = after.values().stream().mapToLong(Long::longValue).sum()
          - before.values().stream().mapToLong(Long::longValue).sum();
      double perCase = total / (double) cases / 1024;
      String largest = after.entrySet().stream()
          .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
          .filter(e -> e.getValue() > 0)
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
          .map(e -> "%s %.1f KB".formatted(e.getKey(), e.getValue() / (double) cases / 1024))
          .collect(Collectors.joining(", "));
      long variables = oversight.jdbc.queryForObject(
          "SELECT COUNT(*) FROM act_hi_varinst v JOIN act_hi_procinst p "
              + "ON p.proc_inst_id_ = v.proc_inst_id_ WHERE p.proc_def_key_ = 'SaleApprovalProcess'",
          Long.class);
      long details = oversight.jdbc.queryForObject(
          "SELECT COUNT(*) FROM act_hi_detail d JOIN act_hi_procinst p "
              + "ON p.proc_inst_id_ = d.proc_inst_id_ WHERE p.proc_def_key_ = 'SaleApprovalProcess'",
          Long.class);
      long finished = oversight.bean(HistoryService.class).createHistoricProcessInstanceQuery()
          .processDefinitionKey("SaleApprovalProcess").finished().count();
      new BenchmarkResult("db-space-per-case",
          "Database space per closed sale-approval case (runtime and history)",
          "%.1f KB per case".formatted(perCase), BenchmarkResult.NO_REFERENCE, "≤ 40 KB",
          perCase <= 40,
          ("%d HIGH-risk deals taken from submission to an active customer (dossier, 3 votes "
              + "with one conflict, clauses, activation, notifications), job executor on; "
              + "pg_total_relation_size (table, indexes, TOAST) of every table after VACUUM "
              + "FULL, before and after, / %d. Largest per case: %s. History level %s: "
              + "%.0f historic variable instances and %.0f variable updates (act_hi_detail) "
              + "per case; %d sale approvals finished in all.")
              .formatted(cases, cases, largest, historyLevel(oversight), variables / (double) (cases + 1),
                  details / (double) (cases + 1), finished)).write();
    }
    System.exit(0);
  }

  static String historyLevel(OversightUnderTest oversight) {
    return ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) oversight.bean(
        org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration())
        .getHistoryLevel().getName();
  }

  static Map<String, Long> sizes(JdbcTemplate jdbc) {
    jdbc.execute("VACUUM FULL");
    return jdbc.queryForList(SIZES).stream().collect(Collectors.toMap(
        row -> (String) row.get("name"), row -> ((Number) row.get("bytes")).longValue()));
  }

  /** Submits {@code count} deals and takes each through the whole process. */
  static void closeCases(OversightUnderTest oversight, int count, String label) throws Exception {
    TaskService tasks = oversight.bean(TaskService.class);
    FormService forms = oversight.bean(FormService.class);
    IdentityService identity = oversight.bean(IdentityService.class);
    HistoryService history = oversight.bean(HistoryService.class);
    long finishedBefore = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey("SaleApprovalProcess").finished().count();
    List<String> instances = new ArrayList<>();
    SaleApprovalThroughputBenchmark.parallel(count, i -> {
      var response = oversight.post("/api/sales/opportunities",
          OversightUnderTest.highRiskDeal("Fiscalia General " + label + " " + i), "sara");
      if (response.statusCode() != 201) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
    });
    for (Task dossier : await(tasks, "Task_PrepareDossier", count)) {
      as(identity, "carl", Groups.COMPLIANCE, () -> forms.submitTaskForm(dossier.getId(), Map.of(
          "dossierFindings", "Journalists targeted in 2017; agency not named",
          "dossierSources", "Citizen Lab; Freedom House 2025", "proposedConditions", "")));
      instances.add(dossier.getProcessInstanceId());
    }
    for (Task vote : await(tasks, "Task_Vote", count * 3)) {
      String member = vote.getAssignee();
      Map<String, Object> form = switch (member) {
        case "gina" -> Map.of("conflictOfInterest", true);
        case "greg" -> Map.of("conflictOfInterest", false, "vote", "APPROVE");
        default -> Map.of("conflictOfInterest", false, "vote", "APPROVE",
            "rationale", "Dossier shows no link to the agency");
      };
      as(identity, member, Groups.GRC_COMMITTEE, () -> forms.submitTaskForm(vote.getId(), form));
    }
    for (Task clauses : await(tasks, "Task_ConfirmContractClauses", count)) {
      as(identity, "lena", Groups.LEGAL, () -> forms.submitTaskForm(clauses.getId(), Map.of(
          "clauseLawfulUse", true, "clauseNoTargeting", true, "clauseAuditCooperation", true,
          "clauseSuspendTerminate", true, "exportNotificationRequired", false)));
    }
    OversightUnderTest.await(Duration.ofMinutes(20), "finished sale approvals",
        () -> history.createHistoricProcessInstanceQuery().processDefinitionKey(
            "SaleApprovalProcess").finished().count() >= finishedBefore + count);
  }

  static List<Task> await(TaskService tasks, String key, int count) throws InterruptedException {
    OversightUnderTest.await(Duration.ofMinutes(20), count + " tasks " + key,
        () -> tasks.createTaskQuery().taskDefinitionKey(key).count() >= count);
    return tasks.createTaskQuery().taskDefinitionKey(key).list();
  }

  static void as(IdentityService identity, String user, String group, Runnable action) {
    identity.setAuthentication(user, List.of(group));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
