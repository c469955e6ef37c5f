package com.oversight.benchmark;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Figure "sale-approval cases per second, from API submission until the first human task is
 * ready": {@code POST /api/sales/opportunities} of HIGH-risk deals by 8 clients at once, until
 * every case's first human task (the compliance dossier) exists, its jobs (register, screening
 * and risk decision) run by the job executor. Reference in the same run, on the same engine and
 * database: a minimal process (start event → user task), deployed by this benchmark and
 * started over {@code POST /engine-rest/process-definition/key/.../start} by the same clients.
 * Target: at least 100 cases/s and at least 30% of the minimal process's rate.
 */
public final class SaleApprovalThroughputBenchmark {

  static final String MINIMAL = "BenchmarkMinimalProcess";
  static final int CLIENTS = 8;
  /** How long the submissions of the last sales run took (all API answers received). */
  static double lastSubmissionSeconds;
  /** What the database sessions waited for while the last sales run went on. */
  static String lastWaits = "";

  private SaleApprovalThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    boolean quick = BenchmarkResult.quick();
    int cases = quick ? 60 : 600;
    int warmUp = quick ? 20 : 60;
    try (OversightUnderTest oversight = OversightUnderTest.start()) {
      RepositoryService repository = oversight.bean(RepositoryService.class);
      BpmnModelInstance minimal = Bpmn.createExecutableProcess(MINIMAL)
          .camundaHistoryTimeToLive(1)
          .startEvent("StartEvent_Started")
          .userTask("Task_Work").camundaCandidateGroups("sales")
          .endEvent("EndEvent_Done").done();
      repository.createDeployment().name("benchmark").addModelInstance("benchmark-minimal.bpmn",
          minimal).deploy();
      TaskService tasks = oversight.bean(TaskService.class);
      ManagementService management = oversight.bean(ManagementService.class);

      // warm-up: both kinds, not measured
      minimal(oversight, tasks, warmUp);
      sales(oversight, tasks, warmUp, "warm-up");

      double minimalRate = minimal(oversight, tasks, cases);
      double saleRate = sales(oversight, tasks, cases, "run");
      double submitted = lastSubmissionSeconds;
      String postgresSettings = oversight.jdbc.queryForObject(
          "SELECT 'synchronous_commit=' || current_setting('synchronous_commit') || ', fsync='"
              + " || current_setting('fsync') || ', shared_buffers=' "
              + "|| current_setting('shared_buffers')", String.class);
      long failedJobs = management.createJobQuery().withException().count();

      String feel = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
          oversight.bean(org.camunda.bpm.engine.ProcessEngine.class)
              .getProcessEngineConfiguration()).getDmnEngineConfiguration()
          .getFeelEngineFactory().getClass().getName();
      double ratio = saleRate / minimalRate;
      boolean met = saleRate >= 100 && ratio >= 0.30;
      new BenchmarkResult("sale-approval-throughput",
          "Sale-approval cases per second, API submission until the first human task is ready",
          "%.1f cases/s (%.0f%% of the minimal process)".formatted(saleRate, ratio * 100),
          "minimal start → user task process: %.1f cases/s".formatted(minimalRate),
          "≥ 100 cases/s and ≥ 30% of the minimal rate", met,
          ("%d HIGH-risk deals (Mexico) by %d concurrent clients over HTTP as sara, after %d "
              + "not measured; from the first request until all %d dossier tasks exist (jobs "
              + "'register' and 'screen and assess' run by the job executor with Oversight's "
              + "settings); embedded PostgreSQL 17 and Oversight in one JVM; the minimal "
              + "process started the same way as admin over /engine-rest; failed jobs: %d. "
              + "The %d API answers took %.1f s of the %.1f s (%.1f submissions/s); PostgreSQL "
              + "%s. While the sales ran, %s. FEEL engine factory: %s.")
              .formatted(cases, CLIENTS, warmUp, cases, failedJobs, cases, submitted,
                  cases / saleRate, cases / submitted, postgresSettings, lastWaits, feel))
          .write();
    }
    System.exit(0);
  }

  /** Starts {@code count} minimal instances with 8 clients: instances per second. */
  static double minimal(OversightUnderTest oversight, TaskService tasks, int count)
      throws Exception {
    long before = tasks.createTaskQuery().processDefinitionKey(MINIMAL).count();
    long start = System.nanoTime();
    parallel(count, i -> {
      HttpResponse<String> response = oversight.post(
          "/engine-rest/process-definition/key/" + MINIMAL + "/start", "{}", "admin");
      if (response.statusCode() != 200) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
    });
    OversightUnderTest.await(Duration.ofMinutes(10), "minimal tasks",
        () -> tasks.createTaskQuery().processDefinitionKey(MINIMAL).count() >= before + count);
    return count / ((System.nanoTime() - start) / 1e9);
  }

  /** Submits {@code count} deals, waits for every dossier task: cases per second. */
  static double sales(OversightUnderTest oversight, TaskService tasks, int count, String label)
      throws Exception {
    long before = tasks.createTaskQuery().taskDefinitionKey("Task_PrepareDossier").count();
    WaitSampler waits = new WaitSampler(oversight);
    waits.start();
    long start = System.nanoTime();
    parallel(count, i -> {
      HttpResponse<String> response = oversight.post("/api/sales/opportunities",
          OversightUnderTest.highRiskDeal("Fiscalia General " + label + " " + i), "sara");
      if (response.statusCode() != 201) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
    });
    lastSubmissionSeconds = (System.nanoTime() - start) / 1e9;
    OversightUnderTest.await(Duration.ofMinutes(20), "dossier tasks",
        () -> tasks.createTaskQuery().taskDefinitionKey("Task_PrepareDossier").count()
            >= before + count);
    double rate = count / ((System.nanoTime() - start) / 1e9);
    lastWaits = waits.finish();
    return rate;
  }

  /**
   * Samples pg_stat_activity every 50 ms: how many of Oversight's sessions are active, how many
   * wait for a lock, and the statements they wait in (the most frequent).
   */
  static final class WaitSampler extends Thread {
    private final OversightUnderTest oversight;
    private volatile boolean done;
    private long samples;
    private long active;
    private long waiting;
    private final java.util.Map<String, Long> statements = new java.util.HashMap<>();

    WaitSampler(OversightUnderTest oversight) {
      this.oversight = oversight;
      setDaemon(true);
    }

    @Override
    public void run() {
      while (!done) {
        try {
          for (var row : oversight.jdbc.queryForList("SELECT wait_event_type, query "
              + "FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() "
              + "AND datname = current_database()")) {
            active++;
            if ("Lock".equals(row.get("wait_event_type"))) {
              waiting++;
              String query = String.valueOf(row.get("query")).replaceAll("\\s+", " ");
              statements.merge(query.length() > 70 ? query.substring(0, 70) : query, 1L,
                  Long::sum);
            }
          }
          samples++;
          Thread.sleep(50);
        } catch (Exception e) {
          return;
        }
      }
    }

    String finish() throws InterruptedException {
      done = true;
      join();
      String top = statements.entrySet().stream()
          .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(2)
          .map(e -> "'" + e.getKey() + "' " + Math.round(100.0 * e.getValue() / Math.max(waiting, 1)) + "%")
          .collect(java.util.stream.Collectors.joining(", "));
      return ("on average %.1f of Oversight's database sessions were active and %.1f of them "
          + "waited for a lock (%d samples); lock waits in: %s")
          .formatted(active / (double) Math.max(samples, 1),
              waiting / (double) Math.max(samples, 1), samples, top.isEmpty() ? "none" : top);
    }
  }

  interface Request {
    void send(int index) throws Exception;
  }

  static void parallel(int count, Request request) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      futures.add(clients.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          request.send(i);
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    clients.shutdown();
  }
}
