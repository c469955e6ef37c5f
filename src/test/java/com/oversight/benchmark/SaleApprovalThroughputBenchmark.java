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
  /** CPU time per case of the last run of each kind: [JVM ms, PostgreSQL ms]. */
  static double[] lastCpu = {Double.NaN, Double.NaN};

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
      double[] minimalCpu = lastCpu;
      double saleRate = sales(oversight, tasks, cases, "run");
      double[] saleCpu = lastCpu;
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
              + "%s. While the sales ran, %s. %s FEEL engine factory: %s.")
              .formatted(cases, CLIENTS, warmUp, cases, failedJobs, cases, submitted,
                  cases / saleRate, cases / submitted, postgresSettings, lastWaits,
                  CpuMeter.describe(saleCpu, minimalCpu), feel))
          .write();
    }
    System.exit(0);
  }

  /** Starts {@code count} minimal instances with 8 clients: instances per second. */
  static double minimal(OversightUnderTest oversight, TaskService tasks, int count)
      throws Exception {
    long before = tasks.createTaskQuery().processDefinitionKey(MINIMAL).count();
    CpuMeter cpu = new CpuMeter(oversight);
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
    double rate = count / ((System.nanoTime() - start) / 1e9);
    lastCpu = cpu.perCase(count);
    return rate;
  }

  /** Submits {@code count} deals, waits for every dossier task: cases per second. */
  static double sales(OversightUnderTest oversight, TaskService tasks, int count, String label)
      throws Exception {
    long before = tasks.createTaskQuery().taskDefinitionKey("Task_PrepareDossier").count();
    WaitSampler waits = new WaitSampler(oversight);
    waits.start();
    CpuMeter cpu = new CpuMeter(oversight);
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
    lastCpu = cpu.perCase(count);
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

  /**
   * CPU time used from its creation on: this JVM's (Oversight, its job executor and the benchmark's
   * HTTP clients) and PostgreSQL's (the postmaster and its children, from /proc). A figure that
   * holds better than rates on a machine shared with other work: the rate on idle cores is at
   * most cores / CPU time per case.
   */
  static final class CpuMeter {
    private final OversightUnderTest oversight;
    private final long jvmStart;
    private final long postgresStart;

    CpuMeter(OversightUnderTest oversight) {
      this.oversight = oversight;
      this.jvmStart = jvmNanos();
      this.postgresStart = postgresNanos(oversight);
    }

    /** [JVM ms, PostgreSQL ms] per case since creation (NaN where not readable). */
    double[] perCase(int cases) {
      long postgres = postgresNanos(oversight);
      return new double[] {(jvmNanos() - jvmStart) / 1e6 / cases,
          postgres < 0 || postgresStart < 0 ? Double.NaN
              : (postgres - postgresStart) / 1e6 / cases};
    }

    static String describe(double[] sales, double[] minimal) {
      if (Double.isNaN(sales[1]) || Double.isNaN(minimal[1])) {
        return "CPU per case: sale approval %.0f ms in the JVM, minimal process %.0f ms."
            .formatted(sales[0], minimal[0]);
      }
      int cores = Runtime.getRuntime().availableProcessors();
      double saleTotal = sales[0] + sales[1];
      double minimalTotal = minimal[0] + minimal[1];
      return ("CPU per case (JVM with the HTTP clients + PostgreSQL): sale approval %.0f ms "
          + "(%.0f + %.0f), minimal process %.0f ms (%.0f + %.0f), a ratio of %.0f%%; on %d idle "
          + "cores at most %.0f sale approvals/s and %.0f minimal processes/s.")
          .formatted(saleTotal, sales[0], sales[1], minimalTotal, minimal[0], minimal[1],
              100 * minimalTotal / saleTotal, cores, cores * 1000 / saleTotal,
              cores * 1000 / minimalTotal);
    }

    static long jvmNanos() {
      return ((com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The postmaster's and its children's user + system time (Linux /proc), or -1. */
    static long postgresNanos(OversightUnderTest oversight) {
      try {
        int backend = oversight.jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
        long postmaster = Long.parseLong(stat(backend)[3]);
        long ticks = 0;
        try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
          for (var path : processes.toList()) {
            String name = path.getFileName().toString();
            if (!name.chars().allMatch(Character::isDigit)) {
              continue;
            }
            try {
              String[] stat = stat(Long.parseLong(name));
              if (name.equals(String.valueOf(postmaster))
                  || stat[3].equals(String.valueOf(postmaster))) {
                ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
              }
            } catch (java.io.IOException | RuntimeException gone) {
              // the process ended meanwhile
            }
          }
        }
        return ticks * 10_000_000L; // USER_HZ = 100 on Linux
      } catch (Exception notLinux) {
        return -1;
      }
    }

    /** The fields of /proc/<pid>/stat after the command name: [2] is the state, [3] ppid... */
    private static String[] stat(long pid) throws java.io.IOException {
      String line = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid + "",
          "stat"));
      String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
      String[] fields = new String[rest.length + 2];
      fields[0] = line.substring(0, line.indexOf(' '));
      fields[1] = line.substring(line.indexOf('('), line.lastIndexOf(')') + 1);
      System.arraycopy(rest, 0, fields, 2, rest.length);
      return fields;
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
