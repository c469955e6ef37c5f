package com.oversight.review;

import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.DRAFT_REPORT_ID;
import static com.oversight.platform.ProcessVariables.DRAFT_REPORT_PATH;
import static com.oversight.platform.ProcessVariables.REVIEW_ID;

import com.oversight.transparency.TransparencyReports;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ComputeEffectivenessFigures: the effectiveness figures of the review's period, computed
 * from the process data as a draft transparency report ({@link TransparencyReports#draft}); the
 * draft's id and page go into the process for the reviewers' and the committee's forms.
 */
@Component
public class ComputeEffectivenessFiguresDelegate implements JavaDelegate {

  private final PolicyReviewService service;
  private final TransparencyReports reports;

  public ComputeEffectivenessFiguresDelegate(PolicyReviewService service,
      TransparencyReports reports) {
    this.service = service;
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TransparencyReports.Draft draft = service.draftFigures(reports,
        text(execution, REVIEW_ID));
    execution.setVariable(DRAFT_REPORT_ID, draft.id());
    execution.setVariable(DRAFT_REPORT_PATH, draft.path());
  }
}
