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
      writeBreakdown(oversight.jdbc, before, after, cases);
    }
    System.exit(0);
  }

  /**
   * target/benchmarks/db-space-per-case-breakdown.txt: every table's growth per case, and what
   * the sale approval's history holds per case (variables by name, their updates, activity
   * instances by type, jobs and operations): where the space goes.
   */
  static void writeBreakdown(JdbcTemplate jdbc, Map<String, Long> before, Map<String, Long> after,
      int cases) throws java.io.IOException {
    StringBuilder out = new StringBuilder("Growth per case (bytes), by table:\n");
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() != 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.append("  %-28s %8.0f%n".formatted(e.getKey(), e.getValue() / (double) cases)));
    String sale = " JOIN act_hi_procinst p ON p.proc_inst_id_ = x.proc_inst_id_"
        + " WHERE p.proc_def_key_ = 'SaleApprovalProcess'";
    double n = jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_procinst"
        + " WHERE proc_def_key_ = 'SaleApprovalProcess'", Long.class);
    section(out, jdbc, n, "Historic variable instances per case, by name and type",
        "SELECT x.name_ || ' (' || x.var_type_ || ')' AS k, COUNT(*) AS c FROM act_hi_varinst x"
            + sale + " GROUP BY x.name_, x.var_type_ ORDER BY c DESC, k");
    section(out, jdbc, n, "Variable updates (act_hi_detail) per case, by type and name",
        "SELECT x.type_ || ' ' || COALESCE(x.name_, '') AS k, COUNT(*) AS c FROM act_hi_detail x"
            + sale + " GROUP BY x.type_, x.name_ ORDER BY c DESC, k");
    section(out, jdbc, n, "Activity instances per case, by type",
        "SELECT x.act_type_ AS k, COUNT(*) AS c FROM act_hi_actinst x" + sale
            + " GROUP BY x.act_type_ ORDER BY c DESC, k");
    section(out, jdbc, n, "Job log per case, by job definition type and state",
        "SELECT COALESCE(x.job_def_type_, '?') || ' state ' || x.job_state_ AS k, COUNT(*) AS c"
            + " FROM act_hi_job_log x WHERE x.process_def_key_ = 'SaleApprovalProcess'"
            + " GROUP BY x.job_def_type_, x.job_state_ ORDER BY c DESC, k");
    section(out, jdbc, n, "Decision instances, inputs, outputs (all, per sale case)",
        "SELECT 'act_hi_decinst' AS k, COUNT(*) AS c FROM act_hi_decinst UNION ALL "
            + "SELECT 'act_hi_dec_in', COUNT(*) FROM act_hi_dec_in UNION ALL "
            + "SELECT 'act_hi_dec_out', COUNT(*) FROM act_hi_dec_out");
    section(out, jdbc, n, "Other history rows (all, per sale case)",
        "SELECT 'act_hi_op_log' AS k, COUNT(*) AS c FROM act_hi_op_log UNION ALL "
            + "SELECT 'act_hi_identitylink', COUNT(*) FROM act_hi_identitylink UNION ALL "
            + "SELECT 'act_hi_taskinst', COUNT(*) FROM act_hi_taskinst UNION ALL "
            + "SELECT 'act_ge_bytearray', COUNT(*) FROM act_ge_bytearray UNION ALL "
            + "SELECT 'act_ru_authorization', COUNT(*) FROM act_ru_authorization UNION ALL "
            + "SELECT 'ov_ledger_entry', COUNT(*) FROM ov_ledger_entry");
    java.nio.file.Files.writeString(BenchmarkResult.DIRECTORY.resolve(
        "db-space-per-case-breakdown.txt"), out);
  }

  private static void section(StringBuilder out, JdbcTemplate jdbc, double cases, String title,
      String sql) {
    out.append("\n").append(title).append(":\n");
    try {
      jdbc.queryForList(sql).forEach(row -> out.append("  %-60s %6.2f%n".formatted(
          row.get("k"), ((Number) row.get("c")).doubleValue() / cases)));
    } catch (RuntimeException e) {
      out.append("  (").append(e.getMessage()).append(")\n");
    }
  }

  static String historyLevel(OversightUnderTest oversight) {
    String name = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) oversight.bean(
        org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration())
        .getHistoryLevel().getName();
    if (!com.oversight.platform.PerProcessHistoryLevel.NAME.equals(name)) {
      return name;
    }
    var lean = oversight.bean(com.oversight.platform.PerProcessHistory.class).level()
        .leanProcesses();
    return name + " (lean: " + (lean.isEmpty() ? "none" : String.join(", ",
        lean.stream().sorted().toList())) + "; full for the other processes, docs/history.md)";
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
