package com.oversight.platform.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oversight.platform.ApiProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Long work as its starter sees it: the id at once, progress while it runs, the result or the
 * reason it failed afterwards, nobody else's work visible, and work a stopped node left behind
 * taken up again. On an H2 database with the V7 migration.
 */
class BackgroundWorkTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private JdbcClient jdbc;
  private TransactionTemplate transaction;
  private BackgroundWork work;

  /** Counts to the number it is given, waiting for the test's go at the half. */
  private final WorkHandler counter = new WorkHandler() {
    @Override
    public String kind() {
      return "count";
    }

    @Override
    public List<String> readerGroups() {
      return List.of("grc-committee");
    }

    @Override
    public String run(String input, Progress progress) throws Exception {
      int total = Integer.parseInt(input);
      progress.total(total);
      for (int i = 1; i <= total; i++) {
        if (i == total / 2 + 1) {
          progress.done(i - 1, "half way");
          release.await(10, TimeUnit.SECONDS);
        }
      }
      return "{\"counted\": " + total + "}";
    }
  };

  private final WorkHandler failing = new WorkHandler() {
    @Override
    public String kind() {
      return "fail";
    }

    @Override
    public String run(String input, Progress progress) {
      throw new IllegalArgumentException("The candidate has no decision Decision_X");
    }
  };

  @BeforeEach
  void database() throws Exception {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(
        "jdbc:h2:mem:work-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    jdbc = JdbcClient.create(dataSource);
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    String migration = Files.readString(
        Path.of("src/main/resources/db/migration/V7__background_work.sql"));
    for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
      if (!statement.isBlank()) {
        jdbc.sql(statement).update();
      }
    }
    work = new BackgroundWork(jdbc, Clock.systemUTC(), () -> List.of(counter, failing), 2, "node-a",
        Duration.ofMinutes(2), Duration.ofMinutes(1));
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    work.destroy();
  }

  @Test
  void theStarterSeesProgressThenTheResult() throws Exception {
    String id = work.submit("count", "10", "carl");

    WorkStatus halfWay = waitFor(id, s -> "half way".equals(s.message()));
    assertThat(halfWay.status()).isEqualTo(WorkStatus.RUNNING);
    assertThat(halfWay.done()).isEqualTo(5);
    assertThat(halfWay.total()).isEqualTo(10);
    assertThat(halfWay.percent()).isEqualTo(50);
    assertThat(halfWay.result()).isNull();

    release.countDown();
    WorkStatus done = work.await(id, Duration.ofSeconds(10));
    assertThat(done.status()).isEqualTo(WorkStatus.DONE);
    assertThat(done.percent()).isEqualTo(100);
    assertThat(done.done()).isEqualTo(10);
    assertThat(done.message()).isEqualTo("Done");
    assertThat(done.result()).isEqualTo("{\"counted\": 10}");
    assertThat(done.finishedAt()).isNotNull();
    assertThat(work.startedBy("carl")).extracting(WorkStatus::id).containsExactly(id);
    assertThat(work.status(id, "carl", List.of("compliance")).result()).contains("10");
  }

  @Test
  void othersSeeItOnlyThroughTheirGroup() {
    release.countDown();
    String id = work.submit("count", "2", "carl");

    assertThat(work.status(id, "gina", List.of("grc-committee")).id()).isEqualTo(id);
    assertThatThrownBy(() -> work.status(id, "sara", List.of("sales")))
        .isInstanceOf(ApiProblem.class).hasMessageContaining("not found");
    assertThat(work.startedBy("sara")).isEmpty();
  }

  @Test
  void aFailureKeepsItsReason() throws Exception {
    String id = work.submit("fail", "x", "carl");

    WorkStatus failed = work.await(id, Duration.ofSeconds(10));
    assertThat(failed.status()).isEqualTo(WorkStatus.FAILED);
    assertThat(failed.message()).isEqualTo("The candidate has no decision Decision_X");
  }

  @Test
  void workAStoppedNodeLeftBehindIsTakenUpAgain() throws Exception {
    release.countDown();
    String id = UUID.randomUUID().toString();
    // node-b stopped three minutes ago in the middle of this work
    jdbc.sql("INSERT INTO ov_background_work (id, kind, requested_by, input, status, done_count, "
            + "node, attempts, created_at, heartbeat_at) VALUES (?, 'count', 'carl', '4', "
            + "'RUNNING', 1, 'node-b', 1, ?, ?)")
        .params(id, Instant.now().minusSeconds(300).atOffset(ZoneOffset.UTC).toLocalDateTime(),
            Instant.now().minusSeconds(180).atOffset(ZoneOffset.UTC).toLocalDateTime())
        .update();

    assertThat(work.resumeUnfinished()).containsExactly(id);

    WorkStatus done = work.await(id, Duration.ofSeconds(10));
    assertThat(done.status()).isEqualTo(WorkStatus.DONE);
    assertThat(done.result()).isEqualTo("{\"counted\": 4}");
    assertThat(jdbc.sql("SELECT attempts FROM ov_background_work WHERE id = ?").param(id)
        .query(Integer.class).single()).isEqualTo(2);
  }

  @Test
  void workStillBeatingOnAnotherNodeIsLeftAlone() throws Exception {
    String id = UUID.randomUUID().toString();
    jdbc.sql("INSERT INTO ov_background_work (id, kind, requested_by, input, status, done_count, "
            + "node, attempts, created_at, heartbeat_at) VALUES (?, 'count', 'carl', '4', "
            + "'RUNNING', 1, 'node-b', 1, ?, ?)")
        .params(id, Instant.now().atOffset(ZoneOffset.UTC).toLocalDateTime(),
            Instant.now().atOffset(ZoneOffset.UTC).toLocalDateTime())
        .update();

    assertThat(work.resumeUnfinished()).isEmpty();

    WorkStatus status = work.find(id).orElseThrow();
    assertThat(status.status()).isEqualTo(WorkStatus.RUNNING);
    assertThat(status.done()).isEqualTo(1);
  }

  @Test
  void workSubmittedInATransactionRunsOnlyIfItCommits() throws Exception {
    release.countDown();
    String kept = transaction.execute(status -> work.submit("count", "6", "carl"));
    String dropped = transaction.execute(status -> {
      String id = work.submit("count", "8", "carl");
      status.setRollbackOnly();
      return id;
    });

    assertThat(work.await(kept, Duration.ofSeconds(10)).result()).isEqualTo("{\"counted\": 6}");
    assertThat(work.find(dropped)).isEmpty();
    assertThat(work.startedBy("carl")).extracting(WorkStatus::id).containsExactly(kept);
  }

  private WorkStatus waitFor(String id, java.util.function.Predicate<WorkStatus> condition)
      throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      WorkStatus status = work.find(id).orElseThrow();
      if (condition.test(status)) {
        return status;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("Work " + id + " never reached the expected state: "
        + work.find(id).orElseThrow());
  }
}
