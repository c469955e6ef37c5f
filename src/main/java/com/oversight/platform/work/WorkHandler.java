package com.oversight.platform.work;

import java.util.List;

/**
 * One kind of long work that {@link BackgroundWork} runs off the request: a Spring bean per
 * kind (for example the decision-impact replay or a transparency report over a long period).
 * The input and the result are text (JSON) stored with the work, so that the work survives a
 * restart and its result can be fetched later. Work must be safe to run again from the start:
 * a node that stops leaves it RUNNING, and the next node to start runs it again.
 */
public interface WorkHandler {

  /** The kind stored with the work, for example {@code decision-impact}. */
  String kind();

  /** Groups whose members may read any work of this kind, besides the person who started it. */
  default List<String> readerGroups() {
    return List.of();
  }

  /**
   * Does the work. Report progress through {@code progress} (cheap to call often); return the
   * result (JSON) or throw: the message of the exception is shown as the reason it failed.
   */
  String run(String input, Progress progress) throws Exception;

  /** Progress of one piece of work: how many of how many items are done, and what is going on. */
  interface Progress {

    void total(int total);

    void done(int done, String message);
  }
}
