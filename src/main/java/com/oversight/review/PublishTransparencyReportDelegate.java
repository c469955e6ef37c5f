package com.oversight.review;

import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.APPROVED_BY;
import static com.oversight.platform.ProcessVariables.PUBLISHED_REPORT_PATH;
import static com.oversight.platform.ProcessVariables.PUBLISHED_VERSION;
import static com.oversight.platform.ProcessVariables.REVIEW_ID;

import com.oversight.transparency.TransparencyReports;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PublishTransparencyReport: the committee approved; the review's draft becomes the next
 * published version of the transparency report (ledger TRANSPARENCY_REPORT_PUBLISHED).
 */
@Component
public class PublishTransparencyReportDelegate implements JavaDelegate {

  private final PolicyReviewService service;
  private final TransparencyReports reports;

  public PublishTransparencyReportDelegate(PolicyReviewService service,
      TransparencyReports reports) {
    this.service = service;
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TransparencyReports.Published published = service.publish(
        reports,
        text(execution, REVIEW_ID), text(execution, APPROVED_BY));
    execution.setVariable(PUBLISHED_VERSION, published.version());
    execution.setVariable(PUBLISHED_REPORT_PATH, published.path());
  }
}
