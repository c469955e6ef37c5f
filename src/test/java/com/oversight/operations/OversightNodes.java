package com.oversight.operations;

import com.oversight.OversightApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Oversight nodes for the operations tests (*IT, Failsafe): profile postgres on an embedded
 * PostgreSQL, each node with an engine name, port and job-executor setting of its own, emails to
 * a GreenMail on a port of these tests (not 3025, which the Surefire tests use).
 */
final class OversightNodes {

  /** A fixed report-encryption key shared by all nodes (a test key, never used elsewhere). */
  static final String TEST_KEY = Base64.getEncoder()
      .encodeToString("operations-test-key-32-bytes!!!!".getBytes(StandardCharsets.US_ASCII));

  private OversightNodes() {}

  static EmbeddedPostgres postgres() throws IOException {
    return EmbeddedPostgres.builder().start();
  }

  static String jdbcUrl(int port) {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  /**
   * The arguments of one node: its name (engine name, job-log host name), HTTP port, database,
   * mail port and whether its job executor runs (with short acquisition waits and a short job
   * lock, so that another node takes over the jobs of a dead one within seconds).
   */
  static List<String> args(String name, int port, String jdbcUrl, int mailPort,
      boolean jobExecutor) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--camunda.bpm.process-engine-name=" + name,
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--camunda.bpm.job-execution.enabled=" + jobExecutor,
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--camunda.bpm.job-execution.lock-time-in-millis=10000",
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
        "--spring.mail.port=" + mailPort,
        "--oversight.grievance.encryption-key=" + TEST_KEY,
        "--oversight.grievance.key-file=target/operations-grievance.key",
        "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN",
        "--spring.main.banner-mode=off"));
    return args;
  }

  /** A node in this JVM. */
  static ConfigurableApplicationContext start(List<String> args) {
    return new SpringApplicationBuilder(OversightApplication.class).profiles("postgres")
        .run(args.toArray(String[]::new));
  }

  /** A node in a JVM of its own (so that it can be killed like a crashed server). */
  static Process startProcess(List<String> args, File log) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), OversightApplication.class.getName(),
        "--spring.profiles.active=postgres"));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log).start();
    // never left running, even if the test JVM ends without its @AfterAll
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    return process;
  }

  /** Waits until the node answers /actuator/health with 200. */
  static void awaitHealthy(int port, Duration timeout, Process process) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    await(timeout, "node on port " + port + " healthy", () -> {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException("node on port " + port + " exited");
      }
      try {
        return http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    });
  }

  static void await(Duration timeout, String what, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
        .getBytes(StandardCharsets.UTF_8));
  }

  /** A small HTTP client for the nodes' APIs. */
  static final class Api {
    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> post(int port, String path, String body, String user)
        throws IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + path))
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
      if (user != null) {
        request.header("Authorization", basic(user));
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(int port, String path, String user)
        throws IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30)).GET();
      if (user != null) {
        request.header("Authorization", basic(user));
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
