package com.oversight.grievance;

import java.util.List;

/**
 * A report as the public page or {@code POST /api/public/reports} sends it.
 *
 * @param category what happened (GrievanceCategory name)
 * @param description what happened, in the reporter's words (required)
 * @param country ISO 3166-1 alpha-2 code of the country concerned, if known
 * @param customer the customer (agency) concerned, if known
 * @param peopleAtRisk journalists, human-rights defenders, opposition or minorities are concerned
 * @param contact an optional way to reach the reporter (email, Signal, ...)
 * @param disclosureConsent the reporter consents to their identity being disclosed
 */
public record ReportSubmission(String category, String description, String country,
    String customer, Boolean peopleAtRisk, String contact, Boolean disclosureConsent) {

  /** With the attachments sent alongside (multipart). */
  public record WithFiles(ReportSubmission report, List<Upload> attachments) {}
}
