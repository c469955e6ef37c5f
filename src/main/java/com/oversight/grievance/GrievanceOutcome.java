package com.oversight.grievance;

/** How a report was closed (Task_CloseReport); the reporter reads the plain-language text. */
public enum GrievanceOutcome {
  NOT_ADMISSIBLE("We could not take your report further: it falls outside what this channel"
      + " handles, or it did not contain enough to act on."),
  ADDRESSED("We assessed your report and took the action described in our messages."),
  NO_MISUSE_FOUND("We investigated your report and found no misuse of our products."),
  REMEDIATION_TAKEN("We investigated your report and took remedial action with the customer"
      + " concerned (mitigations, suspension or termination)."),
  INSUFFICIENT_INFORMATION("We investigated your report but could not establish the facts with"
      + " the information available. You may send more at any time by making a new report."),
  REFERRED("Your report concerns matters outside the company's control; we referred it as"
      + " described in our messages.");

  private final String reporterText;

  GrievanceOutcome(String reporterText) {
    this.reporterText = reporterText;
  }

  public String reporterText() {
    return reporterText;
  }
}
