package com.oversight.reassessment;

import static com.oversight.platform.ProcessValues.actor;
import static com.oversight.platform.ProcessValues.flag;
import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.*;
import static com.oversight.reassessment.ReassessmentService.choice;

import com.oversight.platform.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of the re-assessment's user tasks: checks what the form cannot (the review and
 * recommendation; the decision, rationale and conditions, unless a conflict is declared),
 * refusing with a {@link com.oversight.platform.TaskRefusal} that names the field; stores them
 * through {@link ReassessmentService}; writes the variables the gateways and the next form read.
 */
@Component
public class ReassessmentRecordListener implements TaskListener {

  static final String REVIEW = "Task_ReviewReassessment";
  static final String DECIDE = "Task_DecideReassessment";

  private final ReassessmentService service;

  public ReassessmentRecordListener(ReassessmentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = actor(task);
    String id = ReassessmentProcess.reassessmentId(task);
    DelegateExecution instance = task.getExecution().getProcessInstance();
    switch (task.getTaskDefinitionKey()) {
      case REVIEW -> {
        ReassessmentDecision recommended = choice(ReassessmentDecision.class,
            RECOMMENDED_DECISION, text(task, RECOMMENDED_DECISION));
        String note = text(task, REVIEW_NOTE);
        service.recordReview(id, actor, note, recommended);
        instance.setVariable(REVIEW_NOTE, ProcessVariables.fitting(note));
        instance.setVariable(RECOMMENDED_DECISION, recommended.name());
        instance.setVariable(REVIEWED_BY, actor);
      }
      case DECIDE -> {
        if (flag(task, CONFLICT_OF_INTEREST)) {
          instance.setVariable(CONFLICT_DECLARED_BY, actor);
          return;
        }
        ReassessmentDecision decision = choice(ReassessmentDecision.class,
            REASSESSMENT_DECISION, text(task, REASSESSMENT_DECISION));
        String rationale = text(task, DECISION_RATIONALE);
        String conditions = decision == ReassessmentDecision.CONTINUE_WITH_CONDITIONS
            ? text(task, DECISION_CONDITIONS) : null;
        service.checkDecision(decision, rationale, conditions, text(task, CUSTOMER_ID));
        service.recordDecision(id, decision, rationale, conditions, actor);
        instance.setVariable(REASSESSMENT_DECISION, decision.name());
        instance.setVariable(DECISION_RATIONALE, ProcessVariables.fitting(rationale));
        instance.setVariable(DECISION_CONDITIONS, ProcessVariables.fitting(conditions));
        instance.setVariable(DECIDED_BY, actor);
        instance.setVariable(CONFLICT_DECLARED_BY, null);
      }
      default -> { }
    }
  }
}
