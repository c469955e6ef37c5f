package com.oversight.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.oversight.OversightApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the load-side benchmarks share: one Oversight node in this JVM (profile postgres, job
 * executor on with production settings) on an embedded PostgreSQL 17 with
 * {@code synchronous_commit=on} as in production; a small HTTP client; percentiles; and the
 * figure file {@code target/benchmarks/<id>.json} of the suite's shared format.
 */
final class LoadBench {

  /** A fixed report-encryption key for benchmark nodes only. */
  static final String BENCH_KEY = Base64.getEncoder()
      .encodeToString("benchmark-only-test-key-32bytes!".getBytes(StandardCharsets.US_ASCII));

  /** A HIGH-risk deal (Mexico, documented abuse): screening, the risk decision, a dossier. */
  static final String HIGH_RISK_DEAL = """
      {"customerAgency": "Fiscalia General", "customerType": "LAW_ENFORCEMENT",
       "country": "MX", "product": "Forensics Suite 5", "capabilityClass": "DEVICE_FORENSICS",
       "intendedEndUse": {"category": "SERIOUS_CRIME", "description": "Cartel investigations"},
       "intermediaries": [], "endUseStatementAttached": true, "contractValue": 900000,
       "currency": "USD", "expectedSigningDate": "%s"}"""
      .formatted(java.time.LocalDate.now().plusMonths(2));

  private LoadBench() {}

  /** A text field of a JSON answer. */
  static String field(String json, String name) {
    try {
      return new ObjectMapper().readTree(json).path(name).asText();
    } catch (IOException e) {
      throw new IllegalStateException(json, e);
    }
  }

  /** One node and its database; closing stops the node, then the database. */
  record Node(EmbeddedPostgres postgres, ConfigurableApplicationContext app, int port)
      implements AutoCloseable {

    <T> T bean(Class<T> type) {
      return app.getBean(type);
    }

    @Override
    public void close() throws IOException {
      app.close();
      postgres.close();
    }
  }

  /**
   * Starts PostgreSQL and one node. Notifications are rendered but not sent
   * ({@code oversight.notification.enabled=false}): no mail server is part of these figures.
   */
  static Node start(String... extraArgs) throws IOException {
    return start(Map.of(), extraArgs);
  }

  /** As {@link #start(String...)}, with more PostgreSQL settings (e.g. for profiling). */
  static Node start(Map<String, String> serverConfig, String... extraArgs) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("max_connections", "100");
    serverConfig.forEach(builder::setServerConfig);
    EmbeddedPostgres postgres = builder.start();
    int port = freePort();
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
        "--oversight.notification.enabled=false",
        "--oversight.grievance.encryption-key=" + BENCH_KEY,
        "--oversight.grievance.key-file=target/benchmark-grievance.key",
        "--logging.level.root=WARN",
        "--logging.level.com.oversight=WARN",
        "--spring.main.banner-mode=off"));
    args.addAll(List.of(extraArgs));
    ConfigurableApplicationContext app = new SpringApplicationBuilder(OversightApplication.class)
        .profiles("postgres").run(args.toArray(String[]::new));
    return new Node(postgres, app, port);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A small HTTP client (HTTP/1.1, as Tasklist and curl). */
  static final class Http {
    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;

    Http(int port) {
      this.port = port;
    }

    HttpResponse<String> post(String path, String json, String user) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + path))
          .timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json));
      if (user != null) {
        request.header("Authorization", basic(user));
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String user) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + path))
          .timeout(Duration.ofSeconds(120))
          .header("Accept", "application/json")
          .GET();
      if (user != null) {
        request.header("Authorization", basic(user));
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
        .getBytes(StandardCharsets.UTF_8));
  }

  /** The p-th percentile (nearest rank) of latencies in nanoseconds, in milliseconds. */
  static double percentileMillis(List<Long> nanos, double p) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = nanos.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }

  static String ms(double millis) {
    return String.format(Locale.ROOT, millis < 10 ? "%.1f ms" : "%.0f ms", millis);
  }

  /**
   * Writes {@code target/benchmarks/<id>.json} in the suite's format and prints it.
   */
  static void writeFigure(String id, String figure, String measured, String reference,
      String target, boolean met, String notes) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("figure", figure);
    json.put("measured", measured);
    json.put("reference", reference);
    json.put("target", target);
    json.put("met", met);
    json.put("notes", notes);
    Path dir = Path.of("target", "benchmarks");
    Files.createDirectories(dir);
    String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(json);
    Files.writeString(dir.resolve(id + ".json"), text + "\n", StandardCharsets.UTF_8);
    System.out.println(text);
  }

  /**
   * An int from a system property ({@code -Dbench.tasks=2000} …), else the full size, or the
   * quick size when the suite runs with {@code -Dbench.quick=true}.
   */
  static int intProperty(String name, int full, int quick) {
    return Integer.getInteger(name, Boolean.getBoolean("bench.quick") ? quick : full);
  }

  static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
  }
}
