package com.oversight.platform;

/**
 * The names of every process variable Oversight reads or writes, in one place. Models refer to
 * them in expressions; delegates use these constants. Nothing confidential is ever a process
 * variable: grievance text and reporter data stay in Oversight's encrypted tables, and a process
 * carries only their ids.
 */
public final class ProcessVariables {

  private ProcessVariables() {}

  // ReferenceDataReviewProcess
  /** Number of tracked countries whose indicators are missing or older than the allowed age. */
  public static final String OUTDATED_COUNTRY_COUNT = "outdatedCountryCount";
  /** Human-readable list of those countries and what is missing or stale. */
  public static final String OUTDATED_COUNTRIES = "outdatedCountries";
  /** The analyst's note on what was updated (form field of Task_UpdateCountryData). */
  public static final String DATA_UPDATE_NOTE = "dataUpdateNote";
}
