package com.oversight.benchmark;

import com.oversight.OversightApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Oversight as the engine-side benchmarks run it: profile postgres on an embedded PostgreSQL 17,
 * in this JVM, job executor ON with Oversight's own settings, try-it users (password demo),
 * notifications rendered and logged but not sent (no mail server in a benchmark).
 */
final class OversightUnderTest implements AutoCloseable {

  static final String KEY = Base64.getEncoder()
      .encodeToString("benchmark-test-key-32-bytes!!!!!".getBytes(StandardCharsets.US_ASCII));

  final EmbeddedPostgres postgres;
  final ConfigurableApplicationContext context;
  final int port;
  final JdbcTemplate jdbc;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private OversightUnderTest(EmbeddedPostgres postgres, ConfigurableApplicationContext context,
      int port) {
    this.postgres = postgres;
    this.context = context;
    this.port = port;
    this.jdbc = context.getBean(JdbcTemplate.class);
  }

  static OversightUnderTest start(String... extraArgs) throws IOException {
    return start(Map.of(), extraArgs);
  }

  /** The same with PostgreSQL server settings (e.g. shared_preload_libraries for a profile). */
  static OversightUnderTest start(Map<String, String> postgresSettings,
      String... extraArgs) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    postgresSettings.forEach(builder::setServerConfig);
    EmbeddedPostgres postgres = builder.start();
    int port = freePort();
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
        "--oversight.notification.enabled=false",
        "--oversight.grievance.encryption-key=" + KEY,
        "--oversight.grievance.key-file=target/benchmark-grievance.key",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR",
        "--logging.level.com.oversight.notification=WARN"));
    args.addAll(List.of(extraArgs));
    // -Dbench.args="--a=b --c=d": settings to try without changing Oversight's configuration
    String tried = System.getProperty("bench.args", "").trim();
    if (!tried.isEmpty()) {
      args.addAll(List.of(tried.split("\\s+")));
    }
    ConfigurableApplicationContext context = new SpringApplicationBuilder(
        OversightApplication.class).profiles("postgres").run(args.toArray(String[]::new));
    return new OversightUnderTest(postgres, context, port);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  HttpResponse<String> post(String path, String body, String user) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static void await(Duration timeout, String what, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A HIGH-risk deal (Mexico, documented abuse): two jobs, then the compliance dossier. */
  static String highRiskDeal(String agency) {
    return """
        {"customerAgency": "%s", "customerType": "LAW_ENFORCEMENT",
         "country": "MX", "product": "Forensics Suite 5", "capabilityClass": "DEVICE_FORENSICS",
         "intendedEndUse": {"category": "SERIOUS_CRIME", "description": "Cartel investigations"},
         "intermediaries": [], "endUseStatementAttached": true, "contractValue": 900000,
         "currency": "USD", "expectedSigningDate": "%s"}"""
        .formatted(agency, java.time.LocalDate.now().plusMonths(2));
  }

  @Override
  public void close() throws IOException {
    context.close();
    postgres.close();
  }
}
