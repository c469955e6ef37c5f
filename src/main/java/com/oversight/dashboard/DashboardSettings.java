package com.oversight.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard's windows ({@code oversight.dashboard.*}, docs/dashboard.md).
 *
 * @param dueSoonDays an open task due within this many days is "near its deadline"
 * @param slaMonths how many months (the current one included) the SLA compliance covers
 * @param reassessmentSoonDays the first window of re-assessments due (e.g. within 30 days)
 * @param reassessmentLaterDays the second window (e.g. within 90 days)
 */
@ConfigurationProperties("oversight.dashboard")
public record DashboardSettings(
    @DefaultValue("3") int dueSoonDays,
    @DefaultValue("12") int slaMonths,
    @DefaultValue("30") int reassessmentSoonDays,
    @DefaultValue("90") int reassessmentLaterDays) {

  /** The largest near-deadline window the API accepts, in days. */
  public static final int MAX_DUE_SOON_DAYS = 365;

  public DashboardSettings {
    if (dueSoonDays < 1 || dueSoonDays > MAX_DUE_SOON_DAYS) {
      throw new IllegalArgumentException("oversight.dashboard.due-soon-days must be 1.."
          + MAX_DUE_SOON_DAYS + ", not " + dueSoonDays);
    }
    if (slaMonths < 1 || slaMonths > 120) {
      throw new IllegalArgumentException("oversight.dashboard.sla-months must be 1..120, not "
          + slaMonths);
    }
    if (reassessmentSoonDays < 1 || reassessmentLaterDays <= reassessmentSoonDays) {
      throw new IllegalArgumentException("oversight.dashboard.reassessment-soon-days must be at"
          + " least 1 and less than reassessment-later-days");
    }
  }

  /** The defaults, for tests. */
  public static DashboardSettings defaults() {
    return new DashboardSettings(3, 12, 30, 90);
  }
}
