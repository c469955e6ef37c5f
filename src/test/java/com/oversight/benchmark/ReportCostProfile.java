package com.oversight.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a public report costs beyond its hash, measured over the load phase of
 * {@link PublicReportsBenchmark}: SQL statements and transactions per report
 * (pg_stat_statements, pg_stat_database), PostgreSQL's CPU (its processes under /proc, which the
 * JVM's figure leaves out), the JVM's CPU by thread group (Tomcat's request threads, the job
 * executor, the clients, GC and JIT) and how often requests waited for a pooled connection.
 */
final class ReportCostProfile {

  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
  private static final Pattern CAMUNDA_TABLE = Pattern.compile("\\bact_(ru|hi|re|ge|id)_");

  private final JdbcTemplate jdbc;
  private final HikariPoolMXBean pool;
  private final int poolSize;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> threadCpuAtStart = new HashMap<>();
  private final Map<Long, String> threadNames = new HashMap<>();
  private long postgresTicksAtStart;
  private long commitsAtStart;
  private volatile boolean sampling;
  private Thread sampler;
  private long samples;
  private long samplesWaiting;
  private long awaitingSum;
  private long activeSum;

  ReportCostProfile(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    HikariDataSource hikari = unwrap(dataSource);
    this.pool = hikari == null ? null : hikari.getHikariPoolMXBean();
    this.poolSize = hikari == null ? 0 : hikari.getMaximumPoolSize();
  }

  /** The PostgreSQL settings the profile needs (pg_stat_statements). */
  static Map<String, String> serverConfig() {
    return Map.of("shared_preload_libraries", "pg_stat_statements",
        "pg_stat_statements.max", "1000");
  }

  void start() {
    jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    jdbc.queryForList("SELECT pg_stat_statements_reset()");
    commitsAtStart = commits();
    postgresTicksAtStart = postgresTicks();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) {
        threadCpuAtStart.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    sampling = true;
    sampler = new Thread(() -> {
      while (sampling) {
        if (pool != null) {
          int awaiting = pool.getThreadsAwaitingConnection();
          awaitingSum += awaiting;
          activeSum += pool.getActiveConnections();
          samplesWaiting += awaiting > 0 ? 1 : 0;
          samples++;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-pool-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** JVM thread CPU by group (ms), read before the clients' threads end. */
  Map<String, Double> threadCpuMillis() {
    Map<String, Double> groups = new TreeMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) {
        continue;
      }
      long before = threadCpuAtStart.getOrDefault(info.getThreadId(), 0L);
      threadNames.put(info.getThreadId(), info.getThreadName());
      groups.merge(group(info.getThreadName()), (cpu - before) / 1e6, Double::sum);
    }
    return groups;
  }

  /** The profile's sentence for the figure's notes. */
  String describe(int reports, double jvmCpuMillis, Map<String, Double> threadCpu)
      throws InterruptedException {
    sampling = false;
    sampler.join(1000);
    long ticks = postgresTicks() - postgresTicksAtStart;
    double postgresMillis = ticks * 1000.0 / TICKS_PER_SECOND;
    long commits = commits() - commitsAtStart;
    List<Map<String, Object>> statements = jdbc.queryForList("SELECT query, calls,"
        + " total_exec_time FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%'"
        + " ORDER BY calls DESC");
    long calls = 0;
    double execMillis = 0;
    long camunda = 0;
    long oversight = 0;
    for (Map<String, Object> row : statements) {
      long n = ((Number) row.get("calls")).longValue();
      calls += n;
      execMillis += ((Number) row.get("total_exec_time")).doubleValue();
      String query = ((String) row.get("query")).toLowerCase(Locale.ROOT);
      if (CAMUNDA_TABLE.matcher(query).find()) {
        camunda += n;
      } else if (query.contains("ov_")) {
        oversight += n;
      }
    }
    for (Map<String, Object> row : statements) {
      LoadBench.log("%.2f per report, %.3f ms each: %s",
          ((Number) row.get("calls")).longValue() / (double) reports,
          ((Number) row.get("total_exec_time")).doubleValue()
              / Math.max(1, ((Number) row.get("calls")).longValue()),
          shorten((String) row.get("query")));
    }
    String top = statements.stream().limit(12)
        .map(row -> String.format(Locale.ROOT, "%.2f× %s",
            ((Number) row.get("calls")).longValue() / (double) reports,
            shorten((String) row.get("query"))))
        .collect(Collectors.joining("; "));
    String threadText = threadCpu.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .filter(e -> e.getValue() / reports >= 0.05)
        .map(e -> String.format(Locale.ROOT, "%s %.1f ms", e.getKey(), e.getValue() / reports))
        .collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "Profile of the measured phase, per accepted report:"
            + " %.1f SQL statements (%.1f on Camunda's tables, %.1f on Oversight's; %.2f ms of"
            + " PostgreSQL execution time) in %.2f commits; PostgreSQL's processes %.1f ms of CPU,"
            + " the JVM %.1f ms (by thread group: %s). Connection pool (%d connections): %.1f"
            + " in use and %.1f requests waiting for one on average, someone waiting in %.0f%%"
            + " of the samples. Most frequent statements (calls per report): %s.",
        calls / (double) reports, camunda / (double) reports, oversight / (double) reports,
        execMillis / reports, commits / (double) reports, postgresMillis / reports,
        jvmCpuMillis / reports, threadText, poolSize,
        activeSum / (double) Math.max(samples, 1), awaitingSum / (double) Math.max(samples, 1),
        100.0 * samplesWaiting / Math.max(samples, 1), top);
  }

  private long commits() {
    Long n = jdbc.queryForObject("SELECT xact_commit FROM pg_stat_database"
        + " WHERE datname = current_database()", Long.class);
    return n == null ? 0 : n;
  }

  /** CPU ticks of the postmaster, its reaped children and its living children. */
  private long postgresTicks() {
    try {
      String dataDir = jdbc.queryForObject("SHOW data_directory", String.class);
      long postmaster = Long.parseLong(Files.readAllLines(Path.of(dataDir, "postmaster.pid"))
          .get(0).trim());
      long ticks = 0;
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        for (Path proc : procs.toList()) {
          String name = proc.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          String[] stat;
          try {
            String text = Files.readString(proc.resolve("stat"));
            stat = text.substring(text.lastIndexOf(')') + 2).split(" ");
          } catch (IOException e) {
            continue; // ended meanwhile
          }
          // after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
          long pid = Long.parseLong(name);
          long ppid = Long.parseLong(stat[1]);
          if (pid == postmaster) {
            ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12])
                + Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
          } else if (ppid == postmaster) {
            ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
          }
        }
      }
      return ticks;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static String group(String threadName) {
    if (threadName.startsWith("http-nio-")) {
      return "Tomcat request threads";
    }
    if (threadName.startsWith("camundaTaskExecutor") || threadName.contains("JobExecutor")) {
      return "job executor";
    }
    if (threadName.startsWith("pool-") || threadName.startsWith("HttpClient")) {
      return "clients";
    }
    if (threadName.startsWith("GC ") || threadName.startsWith("G1 ")
        || threadName.contains("GC Thread")) {
      return "GC";
    }
    if (threadName.startsWith("C1 ") || threadName.startsWith("C2 ")) {
      return "JIT";
    }
    return "other";
  }

  private static String shorten(String query) {
    String flat = query.replaceAll("\\s+", " ").trim();
    return flat.length() > 90 ? flat.substring(0, 90) + "…" : flat;
  }

  private static HikariDataSource unwrap(DataSource dataSource) {
    try {
      return dataSource.unwrap(HikariDataSource.class);
    } catch (Exception e) {
      return null;
    }
  }
}
