package com.oversight.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task listener's refusal of an action on a task (claim, assignment, completion), with the
 * reason in plain words. The engine REST API answers it with 403 ({@link #forbidden}: segregation
 * of duties, personal tasks) or 400 ({@link #invalid}: a form value the form could not check),
 * instead of the 500 the engine would give a wrapped listener exception; Tasklist shows the
 * message.
 */
public class TaskRefusal extends BadUserRequestException {

  private final boolean forbidden;

  private TaskRefusal(String message, boolean forbidden) {
    super(message);
    this.forbidden = forbidden;
  }

  /** This user may not do this, whatever the input (segregation of duties). */
  public static TaskRefusal forbidden(String message) {
    return new TaskRefusal(message, true);
  }

  /** The input is not acceptable; the message names the field. */
  public static TaskRefusal invalid(String message) {
    return new TaskRefusal(message, false);
  }

  public boolean isForbidden() {
    return forbidden;
  }
}
