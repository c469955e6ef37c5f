package com.oversight.platform.work;

import com.oversight.platform.ApiProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs long work off the request thread and keeps its progress in {@code ov_background_work}:
 * whoever started it can leave and come back ({@code GET /api/work/{id}}). Accepted work is never
 * lost: it is stored before it is queued (in the caller's transaction when there is one, and run
 * only once that has committed), and work left QUEUED or RUNNING by a node that stopped (no
 * heartbeat for {@code oversight.work.stale-after}; progress reports are the heartbeat) is taken
 * up by a node's sweep ({@code oversight.work.sweep-every}) or start-up. At most
 * {@code oversight.work.threads} pieces run at once on a node.
 */
@Service
public class BackgroundWork implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);
  private static final int MAX_MESSAGE = 1000;
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Supplier<List<WorkHandler>> handlerLookup;
  private volatile Map<String, WorkHandler> handlers;
  private final ExecutorService executor;
  private final String node;
  private final Duration staleAfter;
  private final Duration sweepEvery;
  private final ScheduledExecutorService sweeper;

  /**
   * The handlers are looked up when first needed, so that a handler may itself submit work
   * (no cycle between the beans).
   */
  @Autowired
  public BackgroundWork(JdbcClient jdbc, Clock clock, ObjectProvider<WorkHandler> handlers,
      @Value("${oversight.work.threads:2}") int threads,
      @Value("${camunda.bpm.generic-properties.properties.hostname:oversight}") String node,
      @Value("${oversight.work.stale-after:PT2M}") Duration staleAfter,
      @Value("${oversight.work.sweep-every:PT1M}") Duration sweepEvery) {
    this(jdbc, clock, () -> handlers.orderedStream().toList(), threads, node, staleAfter,
        sweepEvery);
  }

  BackgroundWork(JdbcClient jdbc, Clock clock, Supplier<List<WorkHandler>> handlers,
      int threads,
      String node, Duration staleAfter, Duration sweepEvery) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.handlerLookup = handlers;
    AtomicInteger count = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread thread = new Thread(r, "oversight-work-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.node = node;
    this.staleAfter = staleAfter;
    this.sweepEvery = sweepEvery;
    this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "oversight-work-sweeper");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Stores the work and queues it; returns its id at once. */
  public String submit(String kind, String input, String requestedBy) {
    if (!handlers().containsKey(kind)) {
      throw new IllegalArgumentException("No handler for work of kind " + kind);
    }
    String id = UUID.randomUUID().toString();
    jdbc.sql("INSERT INTO ov_background_work (id, kind, requested_by, input, status, done_count, "
            + "attempts, created_at) VALUES (?, ?, ?, ?, ?, 0, 0, ?)")
        .params(id, kind, requestedBy, input, WorkStatus.QUEUED, now())
        .update();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // stored with the caller's transaction: run once it has committed (never if it rolls back)
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          executor.submit(() -> run(id));
        }
      });
    } else {
      executor.submit(() -> run(id));
    }
    return id;
  }

  /**
   * The work with this id, if the caller may read it: the person who started it, or a member
   * of a group its kind names ({@link WorkHandler#readerGroups()}). Anyone else gets a 404.
   */
  public WorkStatus status(String id, String user, Collection<String> groups) {
    return find(id).filter(w -> mayRead(w, user, groups))
        .orElseThrow(() -> ApiProblem.notFound("Work " + id));
  }

  /** The caller's own work, newest first (at most 50). */
  public List<WorkStatus> startedBy(String user) {
    return jdbc.sql("SELECT id, kind, requested_by, status, done_count, total_count, message, "
            + "created_at, finished_at, NULL AS result FROM ov_background_work "
            + "WHERE requested_by = ? ORDER BY created_at DESC")
        .param(user).query(BackgroundWork::map).list().stream().limit(50).toList();
  }

  public Optional<WorkStatus> find(String id) {
    return jdbc.sql("SELECT id, kind, requested_by, status, done_count, total_count, message, "
            + "created_at, finished_at, result FROM ov_background_work WHERE id = ?")
        .param(id).query(BackgroundWork::map).optional();
  }

  /** The input stored with the work (for its handler and its result pages). */
  public Optional<String> input(String id) {
    return jdbc.sql("SELECT input FROM ov_background_work WHERE id = ?").param(id)
        .query(String.class).optional();
  }

  /** Blocks until the work is finished or the timeout passes (for tests and drivers). */
  public WorkStatus await(String id, Duration timeout) throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (true) {
      WorkStatus status = find(id).orElseThrow();
      if (status.finished() || Instant.now().isAfter(end)) {
        return status;
      }
      Thread.sleep(50);
    }
  }

  /**
   * At start-up, and then every {@code oversight.work.sweep-every}: takes up the work a stopped
   * node left unfinished (queued or running with no heartbeat for {@code stale-after}).
   */
  @EventListener(ApplicationReadyEvent.class)
  public void startSweeping() {
    resumeUnfinished();
    sweeper.scheduleWithFixedDelay(() -> {
      try {
        resumeUnfinished();
      } catch (RuntimeException e) {
        LOG.warn("Could not look for unfinished work: {}", e.toString());
      }
    }, sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Takes up again the work a stopped node left unfinished; returns the ids taken up. */
  public List<String> resumeUnfinished() {
    LocalDateTime staleBefore = staleBefore();
    List<String> ids = jdbc.sql("SELECT id FROM ov_background_work WHERE "
            + "(status = ? AND created_at < ?) OR (status = ? AND heartbeat_at < ?)")
        .params(WorkStatus.QUEUED, staleBefore, WorkStatus.RUNNING, staleBefore)
        .query(String.class).list();
    for (String id : ids) {
      LOG.info("Taking up unfinished work {}", id);
      executor.submit(() -> run(id));
    }
    return ids;
  }

  private LocalDateTime staleBefore() {
    return LocalDateTime.ofInstant(clock.instant().minus(staleAfter), ZoneOffset.UTC);
  }

  private void run(String id) {
    Map<String, Object> row = jdbc.sql("SELECT kind, input, status FROM ov_background_work "
        + "WHERE id = ?").param(id).query().listOfRows().stream().findFirst().orElse(null);
    if (row == null || WorkStatus.DONE.equals(row.get("status"))
        || WorkStatus.FAILED.equals(row.get("status"))) {
      return;
    }
    // one node claims it: queued, or running on a node that stopped beating
    int claimed = jdbc.sql("UPDATE ov_background_work SET status = ?, node = ?, heartbeat_at = ?, "
            + "attempts = attempts + 1, done_count = 0, message = NULL WHERE id = ? "
            + "AND (status = ? OR (status = ? AND heartbeat_at < ?))")
        .params(WorkStatus.RUNNING, node, now(), id, WorkStatus.QUEUED, WorkStatus.RUNNING,
            staleBefore())
        .update();
    if (claimed == 0) {
      return;
    }
    WorkHandler handler = handlers().get((String) row.get("kind"));
    try {
      String result = handler.run((String) row.get("input"), new StoredProgress(id));
      // progress is written at most once a second: the last steps are recorded here
      jdbc.sql("UPDATE ov_background_work SET status = ?, result = ?, finished_at = ?, "
              + "heartbeat_at = ?, message = 'Done', "
              + "done_count = COALESCE(total_count, done_count) WHERE id = ?")
          .params(WorkStatus.DONE, result, now(), now(), id).update();
    } catch (Exception | LinkageError e) {
      LOG.warn("Work {} ({}) failed", id, row.get("kind"), e);
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      jdbc.sql("UPDATE ov_background_work SET status = ?, message = ?, finished_at = ? "
              + "WHERE id = ?")
          .params(WorkStatus.FAILED, clip(reason), now(), id).update();
    }
  }

  private boolean mayRead(WorkStatus work, String user, Collection<String> groups) {
    if (work.requestedBy().equals(user)) {
      return true;
    }
    WorkHandler handler = handlers().get(work.kind());
    return handler != null && handler.readerGroups().stream().anyMatch(groups::contains);
  }

  private Map<String, WorkHandler> handlers() {
    if (handlers == null) {
      Map<String, WorkHandler> byKind = new HashMap<>();
      handlerLookup.get().forEach(h -> byKind.put(h.kind(), h));
      handlers = byKind;
    }
    return handlers;
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String clip(String text) {
    return text == null || text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE);
  }

  private static WorkStatus map(ResultSet rs, int row) throws SQLException {
    int done = rs.getInt("done_count");
    Integer total = (Integer) rs.getObject("total_count");
    String status = rs.getString("status");
    Integer percent = WorkStatus.DONE.equals(status) ? Integer.valueOf(100)
        : total == null || total == 0 ? null : Integer.valueOf((int) (100L * done / total));
    LocalDateTime finished = rs.getObject("finished_at", LocalDateTime.class);
    return new WorkStatus(rs.getString("id"), rs.getString("kind"), rs.getString("requested_by"),
        status, done, total, percent, rs.getString("message"),
        rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
        finished == null ? null : finished.toInstant(ZoneOffset.UTC), rs.getString("result"));
  }

  @Override
  public void destroy() throws InterruptedException {
    sweeper.shutdownNow();
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Writes progress at most once a second (and always the total), which is the heartbeat. */
  private final class StoredProgress implements WorkHandler.Progress {

    private final String id;
    private Instant lastWrite = Instant.EPOCH;

    StoredProgress(String id) {
      this.id = id;
    }

    @Override
    public void total(int total) {
      jdbc.sql("UPDATE ov_background_work SET total_count = ?, heartbeat_at = ? WHERE id = ?")
          .params(total, now(), id).update();
    }

    @Override
    public void done(int done, String message) {
      Instant current = Instant.now();
      if (Duration.between(lastWrite, current).compareTo(HEARTBEAT) < 0) {
        return;
      }
      lastWrite = current;
      jdbc.sql("UPDATE ov_background_work SET done_count = ?, message = ?, heartbeat_at = ? "
              + "WHERE id = ?")
          .params(done, clip(message), now(), id).update();
    }
  }
}
