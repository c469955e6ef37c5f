package com.oversight.notification;

/**
 * A notification task that is configured wrongly (unknown template, no recipients named, a
 * template without a subject line). Thrown out of the delegate so that the job fails and, once
 * its retries are used up, an incident with this message appears in Cockpit.
 */
public class NotificationException extends RuntimeException {

  public NotificationException(String message) {
    super(message);
  }
}
