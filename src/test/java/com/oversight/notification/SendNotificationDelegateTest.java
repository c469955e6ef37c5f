package com.oversight.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.MailSendException;

/** The delegate's own decisions, without an engine: inputs, disabled mode, mail failures. */
class SendNotificationDelegateTest {

  private static final List<Recipient> GINA = List.of(new Recipient("gina", "gina@oversight.example"));

  private final RecipientResolver resolver = mock(RecipientResolver.class);
  private final MailComposer mail = mock(MailComposer.class);

  @Test
  void recipientsMayBeAListAndEveryoneIsToldOnce() {
    when(resolver.resolve(List.of("grc-committee", "legal"), List.of("sara"))).thenReturn(GINA);

    delegate(true).execute(execution(Map.of(Notifications.TEMPLATE, "notify-test",
        Notifications.TO_GROUPS, List.of("grc-committee", " legal", "grc-committee"),
        Notifications.TO_USERS, "sara,,", "agency", "National Police")));

    ArgumentCaptor<RenderedMessage> message = ArgumentCaptor.forClass(RenderedMessage.class);
    verify(mail).send(message.capture(), any());
    assertThat(message.getValue().subject()).startsWith("Decision on National Police");
  }

  @Test
  void disabledRendersButSendsNothing() {
    when(resolver.resolve(any(), any())).thenReturn(GINA);

    delegate(false).execute(execution(Map.of(Notifications.TEMPLATE, "notify-test",
        Notifications.TO_USERS, "gina")));

    verify(mail, never()).send(any(), any());
  }

  @Test
  void aMailFailureIsNeverSwallowed() {
    when(resolver.resolve(any(), any())).thenReturn(GINA);
    doThrow(new MailSendException("Mail server connection failed")).when(mail).send(any(), any());

    assertThatThrownBy(() -> delegate(true).execute(execution(Map.of(
        Notifications.TEMPLATE, "notify-test", Notifications.TO_USERS, "gina"))))
        .isInstanceOf(MailSendException.class);
  }

  @Test
  void aTaskWithoutTemplateIsAConfigurationError() {
    assertThatThrownBy(() -> delegate(true).execute(execution(Map.of(
        Notifications.TO_USERS, "gina"))))
        .isInstanceOf(NotificationException.class)
        .hasMessageContaining("input parameter notificationTemplate is missing");
  }

  private SendNotificationDelegate delegate(boolean enabled) {
    return new SendNotificationDelegate(new TemplateRenderer(), resolver, mail,
        new NotificationProperties("oversight@oversight.example", enabled, "http://tasklist/"));
  }

  private static DelegateExecution execution(Map<String, Object> inputs) {
    Map<String, Object> variables = new HashMap<>(inputs);
    variables.put(Notifications.PROCESS_NAME, "Sale approval");
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.hasVariable(any())).thenAnswer(i -> variables.containsKey(i.<String>getArgument(0)));
    when(execution.getVariable(any())).thenAnswer(i -> variables.get(i.<String>getArgument(0)));
    when(execution.getCurrentActivityId()).thenReturn("Task_Notify");
    return execution;
  }
}
