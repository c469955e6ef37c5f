package com.oversight.grievance;

import java.time.Instant;
import java.util.List;

/**
 * A message between the reporter and the handlers, decrypted for someone allowed to read it.
 *
 * @param authorRole REPORTER or HANDLER
 * @param author the handler's user id (never shown to the reporter); null for the reporter
 * @param kind MESSAGE, ACKNOWLEDGMENT, FEEDBACK or OUTCOME
 */
public record GrievanceMessage(String id, String authorRole, String author, String kind,
    Instant sentAt, String text, List<AttachmentInfo> attachments) {

  public static final String REPORTER = "REPORTER";
  public static final String HANDLER = "HANDLER";

  public static final String MESSAGE = "MESSAGE";
  public static final String ACKNOWLEDGMENT = "ACKNOWLEDGMENT";
  public static final String FEEDBACK = "FEEDBACK";
  public static final String OUTCOME = "OUTCOME";

  /** An attachment's description (not its bytes). */
  public record AttachmentInfo(String id, String name, String contentType, long sizeBytes) {}
}
