package com.oversight.grievance;

/** Where a report stands; the reporter sees the plain-language description. */
public enum GrievanceStatus {
  RECEIVED("Received. An investigator will acknowledge it within 7 days."),
  ACKNOWLEDGED("Acknowledged. An investigator is assessing your report."),
  UNDER_INVESTIGATION("Under investigation."),
  CLOSED("Closed. The outcome is in the messages below."),
  PURGED("Deleted at the end of the retention period.");

  private final String description;

  GrievanceStatus(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
