package com.oversight.benchmark;

import com.oversight.OversightApplication;
import com.oversight.benchmark.bare.BareCamundaApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Figures "start-up time" and "resident memory": Oversight (profile postgres) against a bare
 * Camunda 7.24 Spring Boot starter application ({@link BareCamundaApplication}), each in a JVM of
 * its own with the same options, on the same embedded PostgreSQL (a database each). Each is
 * started once on its empty database (schema created, not measured), stopped, then started
 * {@code RUNS} times more: start-up is the wall time from launching the JVM until the
 * application answers (Oversight: /actuator/health/readiness 200, its models deployed; the bare
 * application: /engine-rest/engine 200 and Spring Boot's "Started" line); resident memory is
 * VmRSS from /proc/&lt;pid&gt;/status 5 s after that. The medians are compared. Target: at most
 * 1.3× each.
 */
public final class StartupBenchmark {

  static final List<String> JVM_OPTIONS = List.of("-Xmx512m");

  private StartupBenchmark() {}

  record Start(double seconds, double rssMb) {}

  public static void main(String[] args) throws Exception {
    int runs = BenchmarkResult.quick() ? 1 : 3;
    Files.createDirectories(Path.of("target", "benchmarks", "logs"));
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      try (var connection = postgres.getPostgresDatabase().getConnection()) {
        connection.createStatement().execute("CREATE DATABASE oversight");
        connection.createStatement().execute("CREATE DATABASE bare");
      }
      String base = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
      List<Start> oversight = new ArrayList<>();
      List<Start> bare = new ArrayList<>();
      for (int run = 0; run <= runs; run++) {
        // alternate, so that both see the same noise
        Start o = start(oversight(base + "oversight"), true, "oversight-" + run);
        Start b = start(bare(base + "bare"), false, "bare-" + run);
        if (run > 0) {
          oversight.add(o);
          bare.add(b);
        }
      }
      Start o = median(oversight);
      Start b = median(bare);
      double timeRatio = o.seconds() / b.seconds();
      double rssRatio = o.rssMb() / b.rssMb();
      String common = ("JVM options %s for both; %d measured starts each after a first start on "
          + "the empty database (not measured), alternating; medians. Oversight: profile "
          + "postgres, job executor on, its models deployed (unchanged: no new version). Bare: "
          + "Camunda's engine, REST API and webapps with only the auto-configuration they need "
          + "(com.oversight.benchmark.bare.BareCamundaApplication), nothing deployed. Logs in "
          + "target/benchmarks/logs.").formatted(String.join(" ", JVM_OPTIONS), runs);
      new BenchmarkResult("startup-time", "Start-up time",
          "%.1f s (%.2f× the bare application)".formatted(o.seconds(), timeRatio),
          "bare Camunda 7.24 Spring Boot starter application: %.1f s".formatted(b.seconds()),
          "≤ 1.3×", timeRatio <= 1.3,
          "From launching the JVM until it answers. " + common
              + " Class paths: " + (Files.exists(Path.of("target", "benchmarks",
              "runtime-classpath.txt")) ? "Oversight's runtime dependencies (the bare "
              + "application: the same jars and its own class)" : "this JVM's (test class path)")
              + ".").write();
      new BenchmarkResult("startup-memory", "Resident memory after start-up",
          "%.0f MB (%.2f× the bare application)".formatted(o.rssMb(), rssRatio),
          "bare Camunda 7.24 Spring Boot starter application: %.0f MB".formatted(b.rssMb()),
          "≤ 1.3×", rssRatio <= 1.3,
          "VmRSS of the JVM 5 s after it answers. " + common).write();
    }
    System.exit(0);
  }

  static Start median(List<Start> starts) {
    List<Double> seconds = starts.stream().map(Start::seconds).sorted().toList();
    List<Double> rss = starts.stream().map(Start::rssMb).sorted().toList();
    return new Start(seconds.get(seconds.size() / 2), rss.get(rss.size() / 2));
  }

  static List<String> oversight(String url) {
    return List.of(OversightApplication.class.getName(), "--spring.profiles.active=postgres",
        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--oversight.grievance.encryption-key=" + OversightUnderTest.KEY,
        "--oversight.grievance.key-file=target/benchmark-grievance.key");
  }

  static List<String> bare(String url) {
    return List.of(BareCamundaApplication.class.getName(),
        "--spring.config.location=classpath:/benchmark/bare-application.yml",
        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres");
  }

  static Start start(List<String> application, boolean isOversight, String name)
      throws Exception {
    int port = OversightUnderTest.freePort();
    File log = Path.of("target", "benchmarks", "logs", name + ".log").toFile();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", classPath(isOversight)));
    command.add(application.get(0));
    command.add("--server.port=" + port);
    command.addAll(application.subList(1, application.size()));
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log)
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    try {
      HttpClient http = HttpClient.newHttpClient();
      String path = isOversight ? "/actuator/health/readiness" : "/engine-rest/engine";
      OversightUnderTest.await(Duration.ofMinutes(5), name + " ready", () -> {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited: see " + log);
        }
        try {
          boolean answers = http.send(HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port + path)).build(),
              HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
          return answers && Files.readString(log.toPath()).contains("Started ");
        } catch (Exception e) {
          return false;
        }
      });
      double seconds = (System.nanoTime() - launched) / 1e9;
      Thread.sleep(5000);
      double rss = rssMb(process.pid());
      System.out.printf("[benchmark] %s: ready after %.1f s, RSS %.0f MB%n", name, seconds, rss);
      return new Start(seconds, rss);
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /**
   * Oversight on its own class path (target/classes and its runtime dependencies, as the jar
   * runs), the bare application on the same dependencies and the test classes it lives in;
   * outside Maven's bench profile (no target/benchmarks/runtime-classpath.txt) this JVM's.
   */
  static String classPath(boolean isOversight) throws Exception {
    Path runtime = Path.of("target", "benchmarks", "runtime-classpath.txt");
    if (!Files.exists(runtime)) {
      return System.getProperty("java.class.path");
    }
    String dependencies = Files.readString(runtime).trim();
    String own = isOversight ? "target/classes" : "target/test-classes";
    return own + File.pathSeparator + dependencies;
  }

  static double rssMb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }
}
