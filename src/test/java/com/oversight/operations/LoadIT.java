package com.oversight.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A bounded load test on loopback: one Oversight node (job executor on) on an embedded
 * PostgreSQL; for a fixed time (60 s, {@code -Doversight.load.seconds}) and at most a fixed
 * number of requests per kind, concurrent clients submit sales (sara), public reports
 * (anonymous) and complete acknowledgment tasks (ivan, claim and complete over the engine REST
 * API). Afterwards every accepted request is in the database, no request got a 5xx, and the job
 * executor drains its backlog. The figures (requests per second, p50/p95/p99 latency, errors,
 * backlog drain time) are printed and written to target/load-test.txt; they are never asserted.
 */
class LoadIT {

  static final int SECONDS = Integer.getInteger("oversight.load.seconds", 60);
  static final int MAX_PER_KIND = 5_000;
  static final String ENGINE = "load";

  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext node;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    postgres = OversightNodes.postgres();
    port = OversightNodes.freePort();
    List<String> args = new ArrayList<>(OversightNodes.args(ENGINE, port,
        OversightNodes.jdbcUrl(postgres.getPort()), OversightNodes.freePort(), true));
    // one node: a job waits in its queue under load, never long enough to be taken twice
    args.removeIf(a -> a.startsWith("--camunda.bpm.job-execution.lock-time-in-millis"));
    node = OversightNodes.start(args);
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  record Sample(String kind, int status, long nanos) {}

  @Test
  void salesReportsAndTaskCompletionsUnderLoadAreAllStoredAndTheBacklogDrains() throws Exception {
    // warm-up, not counted: the first request of each kind initialises servlets and caches
    OversightNodes.Api warmUp = new OversightNodes.Api();
    Workload.submitReport(warmUp, port);
    Workload.submitDeal(warmUp, port, Workload.HIGH_RISK_DEAL);
    warmUp.get(port, "/engine-rest/engine/" + ENGINE + "/task?maxResults=1", "ivan");
    int warmUpRequests = 1;

    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> accepted = new ConcurrentHashMap<>();
    Set<String> taken = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(6);
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      workers.add(clients.submit(() -> loop(running, samples, accepted, "sale submission", 201,
          api -> api.post(port, "/api/sales/opportunities", Workload.HIGH_RISK_DEAL, "sara"))));
      workers.add(clients.submit(() -> loop(running, samples, accepted, "public report", 201,
          api -> api.post(port, "/api/public/reports", Workload.REPORT, null))));
      workers.add(clients.submit(() -> completeTasks(running, samples, accepted, taken)));
    }
    long start = System.nanoTime();
    Thread.sleep(SECONDS * 1000L);
    running.set(false);
    for (Future<?> worker : workers) {
      worker.get(60, TimeUnit.SECONDS);
    }
    clients.shutdown();
    double loadSeconds = (System.nanoTime() - start) / 1e9;

    // the job executor drains what the load left behind
    ManagementService management = node.getBean(ManagementService.class);
    long backlog = management.createJobQuery().executable().count();
    long drainStart = System.nanoTime();
    OversightNodes.await(Duration.ofMinutes(3), "the job backlog drained",
        () -> management.createJobQuery().executable().count() == 0);
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

    String report = figures(samples, loadSeconds, backlog, drainSeconds);
    System.out.println(report);
    Files.writeString(Path.of("target", "load-test.txt"), report, StandardCharsets.UTF_8);

    // no 5xx; every accepted request is in the database and went as far as it should
    assertThat(samples).filteredOn(s -> s.status() >= 500 || s.status() < 0).isEmpty();
    JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
    TaskService tasks = node.getBean(TaskService.class);
    HistoryService history = node.getBean(HistoryService.class);
    int sales = accepted.getOrDefault("sale submission", 0) + warmUpRequests;
    int reports = accepted.getOrDefault("public report", 0) + warmUpRequests;
    int completions = accepted.getOrDefault("task completion", 0);
    assertThat(sales).isGreaterThan(warmUpRequests);
    assertThat(reports).isGreaterThan(warmUpRequests);
    assertThat(completions).isPositive();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ov_sale_case", Integer.class))
        .isEqualTo(sales);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ov_sale_case WHERE risk_tier = 'HIGH'",
        Integer.class)).isEqualTo(sales);
    assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_PrepareDossier").count())
        .isEqualTo(sales);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ov_grievance", Integer.class))
        .isEqualTo(reports);
    assertThat(history.createHistoricTaskInstanceQuery().taskDefinitionKey(
        "Task_AcknowledgeReport").finished().count()).isEqualTo(completions);
    assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_TriageReport").count())
        .isEqualTo(completions);
    assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_AcknowledgeReport").count())
        .isEqualTo(reports - completions);
    assertThat(node.getBean(RuntimeService.class).createIncidentQuery().count()).isZero();
    HttpResponse<String> verify = new OversightNodes.Api().get(port, "/api/audit/verify", "mona");
    assertThat(verify.body()).contains("\"intact\":true");
  }

  interface Call {
    HttpResponse<String> send(OversightNodes.Api api) throws Exception;
  }

  private static void loop(AtomicBoolean running, List<Sample> samples,
      Map<String, Integer> accepted, String kind, int expected, Call call) {
    OversightNodes.Api api = new OversightNodes.Api();
    for (int i = 0; i < MAX_PER_KIND / 2 && running.get(); i++) {
      long start = System.nanoTime();
      int status;
      try {
        status = call.send(api).statusCode();
      } catch (Exception e) {
        status = -1;
      }
      samples.add(new Sample(kind, status, System.nanoTime() - start));
      if (status == expected) {
        accepted.merge(kind, 1, Integer::sum);
      }
    }
  }

  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  /** ivan takes unassigned acknowledgment tasks (each by one client only), claims, completes. */
  private static void completeTasks(AtomicBoolean running, List<Sample> samples,
      Map<String, Integer> accepted, Set<String> taken) {
    OversightNodes.Api api = new OversightNodes.Api();
    String base = "/engine-rest/engine/" + ENGINE + "/task";
    int done = 0;
    while (running.get() && done < MAX_PER_KIND / 2) {
      try {
        long start = System.nanoTime();
        HttpResponse<String> list = api.get(port, base + "?taskDefinitionKey="
            + "Task_AcknowledgeReport&unassigned=true&maxResults=10", "ivan");
        samples.add(new Sample("task query", list.statusCode(), System.nanoTime() - start));
        List<String> ids = new ArrayList<>();
        Matcher matcher = ID.matcher(list.body());
        while (matcher.find()) {
          ids.add(matcher.group(1));
        }
        boolean any = false;
        for (String id : ids) {
          if (!running.get() || !taken.add(id)) {
            continue;
          }
          any = true;
          start = System.nanoTime();
          int claim = api.post(port, base + "/" + id + "/claim", "{\"userId\": \"ivan\"}",
              "ivan").statusCode();
          int complete = claim != 204 ? claim : api.post(port, base + "/" + id + "/complete",
              "{\"variables\": {\"reportRead\": {\"value\": true}}}", "ivan").statusCode();
          samples.add(new Sample("task completion", complete, System.nanoTime() - start));
          if (complete == 204) {
            accepted.merge("task completion", 1, Integer::sum);
            done++;
          }
        }
        if (!any) {
          Thread.sleep(50);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        samples.add(new Sample("task completion", -1, 0));
      }
    }
  }

  private static String figures(List<Sample> all, double seconds, long backlog,
      double drainSeconds) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "Oversight load test: one node, embedded PostgreSQL, loopback, %.1f s of load, "
            + "%d available processors%n", seconds, Runtime.getRuntime().availableProcessors()));
    out.append(String.format(Locale.ROOT, "%-16s %7s %7s %8s %8s %8s %7s %7s%n", "kind",
        "count", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "5xx"));
    List<Sample> samples;
    synchronized (all) {
      samples = new ArrayList<>(all);
    }
    for (String kind : List.of("sale submission", "public report", "task completion",
        "task query")) {
      List<Long> latencies = samples.stream().filter(s -> s.kind().equals(kind))
          .map(Sample::nanos).sorted().toList();
      long errors = samples.stream().filter(s -> s.kind().equals(kind))
          .filter(s -> s.status() < 200 || s.status() >= 300).count();
      long serverErrors = samples.stream().filter(s -> s.kind().equals(kind))
          .filter(s -> s.status() >= 500 || s.status() < 0).count();
      out.append(String.format(Locale.ROOT, "%-16s %7d %7.1f %8.1f %8.1f %8.1f %7d %7d%n", kind,
          latencies.size(), latencies.size() / seconds, percentile(latencies, 50),
          percentile(latencies, 95), percentile(latencies, 99), errors, serverErrors));
    }
    out.append(String.format(Locale.ROOT,
        "job backlog when the load stopped: %d jobs; drained in %.1f s%n", backlog,
        drainSeconds));
    return out.toString();
  }

  private static double percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }
}
