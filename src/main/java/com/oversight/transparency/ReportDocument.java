package com.oversight.transparency;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report as its JSON download and the API give it: whether it is a DRAFT or PUBLISHED, its
 * version once published, the period and the figures.
 *
 * @param draftId the draft's id (drafts only)
 * @param suppression how small counts are shown
 */
public record ReportDocument(
    String status,
    Integer version,
    String draftId,
    LocalDate from,
    LocalDate to,
    Instant publishedAt,
    String suppression,
    ReportFigures figures) {

  public static final String DRAFT = "DRAFT";
  public static final String PUBLISHED = "PUBLISHED";

  public boolean draft() {
    return DRAFT.equals(status);
  }

  static String suppressionNote(int threshold) {
    return threshold <= 1 ? "No count is suppressed."
        : "Counts from 1 to " + (threshold - 1) + " are shown as \"fewer than " + threshold
            + "\" and never as their number; where a total is shown with its parts, further "
            + "parts are \"not shown\" so that a small one cannot be worked out by subtraction; "
            + "shares computed from counts not shown are not shown either.";
  }
}
