package com.oversight.transparency;

import java.util.Map;

/** The words a report uses for the categories of its figures. */
final class ReportLabels {

  private ReportLabels() {}

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("LOW", "Low risk"),
      Map.entry("MEDIUM", "Medium risk"),
      Map.entry("HIGH", "High risk"),
      Map.entry("PROHIBITED", "Prohibited"),
      Map.entry("APPROVED", "Approved (customer active)"),
      Map.entry("REJECTED", "Rejected"),
      Map.entry("WITHDRAWN", "Withdrawn (information not completed in time)"),
      Map.entry("IN_PROGRESS", "Still in progress"),
      Map.entry("GRIEVANCE", "A grievance (public reporting channel)"),
      Map.entry("COMMITTEE", "The GRC committee"),
      Map.entry("EXTERNAL_REPORT", "An external report (media, NGO, research lab)"),
      Map.entry("NO_MISUSE", "No misuse found"),
      Map.entry("MITIGATIONS_REQUIRED", "Mitigations required"),
      Map.entry("SUSPENSION", "Customer suspended"),
      Map.entry("TERMINATION", "Relationship terminated"),
      Map.entry("INSUFFICIENT_INFORMATION", "Insufficient information"),
      Map.entry("UNRELATED", "Unrelated to our products or customers"),
      Map.entry("PENDING", "Not yet decided"));

  /** Short words for the charts' axes. */
  private static final Map<String, String> SHORT = Map.ofEntries(
      Map.entry("APPROVED", "Approved"),
      Map.entry("WITHDRAWN", "Withdrawn"),
      Map.entry("IN_PROGRESS", "In progress"),
      Map.entry("GRIEVANCE", "Grievance"),
      Map.entry("COMMITTEE", "Committee"),
      Map.entry("EXTERNAL_REPORT", "External report"),
      Map.entry("MITIGATIONS_REQUIRED", "Mitigations"),
      Map.entry("SUSPENSION", "Suspension"),
      Map.entry("TERMINATION", "Termination"),
      Map.entry("INSUFFICIENT_INFORMATION", "Insufficient info."),
      Map.entry("UNRELATED", "Unrelated"),
      Map.entry("PENDING", "Pending"));

  static String label(String key) {
    return LABELS.getOrDefault(key, key);
  }

  static String shortLabel(String key) {
    return SHORT.getOrDefault(key, label(key));
  }
}
