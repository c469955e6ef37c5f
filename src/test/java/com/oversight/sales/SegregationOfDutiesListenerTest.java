package com.oversight.sales;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

class SegregationOfDutiesListenerTest {

  private final SegregationOfDutiesListener listener = new SegregationOfDutiesListener();

  @Test
  void theSubmitterCannotBeAssignedTheReview() {
    DelegateTask task = task(TaskListener.EVENTNAME_ASSIGNMENT, "sara", null);
    assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(BadUserRequestException.class)
        .hasMessage("Segregation of duties: sara submitted SALE-2026-0001 and cannot be "
            + "assigned its compliance review");
  }

  @Test
  void theSubmitterCannotCompleteTheReviewEvenUnassigned() {
    DelegateTask task = task(TaskListener.EVENTNAME_COMPLETE, null, "sara");
    assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(BadUserRequestException.class)
        .hasMessage("Segregation of duties: sara submitted SALE-2026-0001 and cannot complete "
            + "its compliance review");
  }

  @Test
  void anotherAnalystMayCompleteIt() {
    assertThatCode(() -> listener.notify(task(TaskListener.EVENTNAME_COMPLETE, "carl", "carl")))
        .doesNotThrowAnyException();
    assertThatCode(() -> listener.notify(task(TaskListener.EVENTNAME_CREATE, null, null)))
        .doesNotThrowAnyException();
  }

  private static DelegateTask task(String event, String assignee, String signedIn) {
    DelegateTask task = mock(DelegateTask.class, RETURNS_DEEP_STUBS);
    when(task.getEventName()).thenReturn(event);
    when(task.getAssignee()).thenReturn(assignee);
    when(task.getTaskDefinitionKey()).thenReturn("Task_ReviewLowRisk");
    when(task.getVariable("submitter")).thenReturn("sara");
    when(task.getVariable("businessKey")).thenReturn("SALE-2026-0001");
    when(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
        .thenReturn(signedIn == null ? null : new Authentication(signedIn, List.of()));
    return task;
  }
}
