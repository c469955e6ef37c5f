package com.oversight.dashboard;

import com.oversight.platform.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The governance dashboard's figures as JSON for managers, the committee and administrators
 * (rule in SecurityConfig.apiAccess): the same figures as the page {@code /dashboard}.
 */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "Governance dashboard", description = "Read-only figures for managers and the"
    + " committee: counts only, never a case's content")
public class DashboardController {

  static final String DUE_WITHIN_DAYS = "dueWithinDays";

  private final DashboardService dashboard;

  public DashboardController(DashboardService dashboard) {
    this.dashboard = dashboard;
  }

  @Operation(summary = "Open cases by process and stage, tasks overdue or near their deadline by"
      + " group, SLA compliance per month, re-assessments due, cases by country")
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public Dashboard figures(
      @Parameter(description = "A task due within this many days is near its deadline"
          + " (1-365; default oversight.dashboard.due-soon-days)")
      @RequestParam(name = DUE_WITHIN_DAYS, required = false) Integer dueWithinDays) {
    if (dueWithinDays == null) {
      return dashboard.compute();
    }
    if (dueWithinDays < 1 || dueWithinDays > DashboardSettings.MAX_DUE_SOON_DAYS) {
      throw ApiProblem.badField(DUE_WITHIN_DAYS, "must be a whole number of days from 1 to "
          + DashboardSettings.MAX_DUE_SOON_DAYS);
    }
    return dashboard.compute(dueWithinDays);
  }
}
