package com.oversight.benchmark;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a benchmark (the runner skips it): what one case of {@link SaleApprovalThroughputBenchmark}
 * costs the database, beside the minimal process. Runs both as the benchmark does (8 clients,
 * job executor on) on an embedded PostgreSQL with pg_stat_statements, and prints per case the
 * transactions, the statements and every statement with its calls, time and rows, most frequent
 * first. docs/PERFORMANCE.md quotes it. Run after {@code mvn -Pbench verify -Dbench.only=sale
 * -Dbench.quick=true} (which compiles):
 * {@code java -cp target/classes:target/test-classes:<test class path>
 * -Dcases=150 com.oversight.benchmark.SaleApprovalSqlProfile}.
 */
final class SaleApprovalSqlProfile {

  private SaleApprovalSqlProfile() {}

  public static void main(String[] args) throws Exception {
    int cases = Integer.getInteger("cases", 150);
    try (OversightUnderTest oversight = OversightUnderTest.start(Map.of(
        "shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.max", "1000"))) {
      JdbcTemplate jdbc = oversight.jdbc;
      jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      oversight.bean(RepositoryService.class).createDeployment().name("benchmark")
          .addModelInstance("benchmark-minimal.bpmn", Bpmn.createExecutableProcess(
                  SaleApprovalThroughputBenchmark.MINIMAL).camundaHistoryTimeToLive(1)
              .startEvent("StartEvent_Started").userTask("Task_Work")
              .camundaCandidateGroups("sales").endEvent("EndEvent_Done").done())
          .deploy();
      TaskService tasks = oversight.bean(TaskService.class);
      SaleApprovalThroughputBenchmark.sales(oversight, tasks, 20, "warm-up");
      SaleApprovalThroughputBenchmark.minimal(oversight, tasks, 20);
      for (String kind : List.of("sale approval", "minimal process")) {
        jdbc.queryForList("SELECT pg_stat_statements_reset()");
        long commits = commits(jdbc);
        if (kind.equals("sale approval")) {
          SaleApprovalThroughputBenchmark.sales(oversight, tasks, cases, "run");
        } else {
          SaleApprovalThroughputBenchmark.minimal(oversight, tasks, cases);
        }
        double transactions = (commits(jdbc) - commits) / (double) cases;
        String own = "query NOT LIKE '%pg_stat%' AND query NOT LIKE '%pg_backend_pid%'";
        long statements = jdbc.queryForObject(
            "SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements WHERE " + own, Long.class);
        System.out.printf("%n==== %s: %.1f transactions and %.1f statements per case (%d cases; "
            + "the benchmark's own polling for the tasks included)%n", kind, transactions,
            statements / (double) cases, cases);
        for (Map<String, Object> row : jdbc.queryForList("SELECT calls, round(total_exec_time::"
            + "numeric, 1) AS ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 150) AS q "
            + "FROM pg_stat_statements WHERE " + own + " ORDER BY calls DESC, "
            + "total_exec_time DESC")) {
          System.out.printf("%6.2f/case %9s ms %7s rows  %s%n",
              ((Number) row.get("calls")).longValue() / (double) cases, row.get("ms"),
              row.get("rows"), row.get("q"));
        }
      }
    }
    System.exit(0);
  }

  private static long commits(JdbcTemplate jdbc) {
    return jdbc.queryForObject("SELECT xact_commit FROM pg_stat_database "
        + "WHERE datname = current_database()", Long.class);
  }
}
