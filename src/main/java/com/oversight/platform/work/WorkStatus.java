package com.oversight.platform.work;

import java.time.Instant;

/** Where a piece of long work stands; {@code result} only once it is DONE. */
public record WorkStatus(
    String id,
    String kind,
    String requestedBy,
    String status,
    int done,
    Integer total,
    Integer percent,
    String message,
    Instant createdAt,
    Instant finishedAt,
    String result) {

  public static final String QUEUED = "QUEUED";
  public static final String RUNNING = "RUNNING";
  public static final String DONE = "DONE";
  public static final String FAILED = "FAILED";

  public boolean finished() {
    return DONE.equals(status) || FAILED.equals(status);
  }
}
