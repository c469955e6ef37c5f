package com.oversight.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.oversight.testing.TestMail;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The notification contract end to end: NotificationTestProcess (a test-only model with one
 * asynchronous notification task, retry cycle R3/PT1M) on the real Spring context, emails
 * received by GreenMail on port 3025. Jobs are executed by hand (job executor off).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NotificationProcessTest {

  private static final String GROUP = "notify-test-group";
  private static final String NO_EMAIL_USER = "notifytestnomail";

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(TestMail.SMTP);

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;

  @BeforeEach
  void setUp() {
    repositoryService.createDeployment().name("notification-test")
        .addClasspathResource("notification/notify-test.bpmn")
        .enableDuplicateFiltering(true)
        .deploy();
    // gina (gina@oversight.example, a demo user) and a user without an email address
    Group group = identityService.newGroup(GROUP);
    identityService.saveGroup(group);
    User noEmail = identityService.newUser(NO_EMAIL_USER);
    identityService.saveUser(noEmail);
    identityService.createMembership("gina", GROUP);
    identityService.createMembership(NO_EMAIL_USER, GROUP);
  }

  @AfterEach
  void tearDown() {
    identityService.deleteGroup(GROUP);
    identityService.deleteUser(NO_EMAIL_USER);
  }

  @Test
  void membersOfTheGroupsAndTheUsersEachReceiveTheRenderedEmailOnce() throws Exception {
    ProcessInstance instance = start("notify-test", GROUP, "sara, gina");

    managementService.executeJob(job(instance).getId());

    MimeMessage[] received = MAIL.getReceivedMessages();
    // gina is in the group and named again: one email; the user without an address is skipped
    assertThat(received).extracting(NotificationProcessTest::to)
        .containsExactlyInAnyOrder("gina@oversight.example", "sara@oversight.example");
    for (MimeMessage message : received) {
      assertThat(message.getRecipients(RecipientType.TO)).hasSize(1);
      assertThat(message.getFrom()[0].toString()).isEqualTo("oversight@oversight.example");
      assertThat(message.getSubject()).isEqualTo("Decision on National Police (Norway)");
      assertThat(GreenMailUtil.getBody(message).replace("\r\n", "\n").strip()).isEqualTo(
          "Case SALE-42 of Notification test: The committee decided.\n"
              + "Contract value: 1250000\n"
              + "Typo: [unknown]");
    }
    assertEnded(instance);
  }

  @Test
  void mailServerDownRetriesByTheCycleThenAnIncidentAndAfterARetryTheEmailGoesOutOnce() {
    ProcessInstance instance = start("notify-test", GROUP, "sara");
    MAIL.stop();

    for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
      Instant failedAt = Instant.now();
      String jobId = job(instance).getId();
      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .hasStackTraceContaining("MailSendException");
      Job job = job(instance);
      assertThat(job.getRetries()).isEqualTo(retriesLeft);
      assertThat(job.getExceptionMessage()).contains("Mail server connection failed");
      if (retriesLeft > 0) {
        // the next try is due one minute later (R3/PT1M)
        assertThat(job.getDuedate().toInstant())
            .isBetween(failedAt.plus(Duration.ofSeconds(59)), Instant.now().plus(Duration.ofMinutes(1)));
      }
    }
    Incident incident = runtimeService.createIncidentQuery()
        .processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo("Task_Notify");
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceId(instance.getId()).count()).isOne();

    MAIL.start();
    String jobId = job(instance).getId();
    managementService.setJobRetries(jobId, 1);
    managementService.executeJob(jobId);

    assertThat(MAIL.getReceivedMessages()).extracting(NotificationProcessTest::to)
        .containsExactlyInAnyOrder("gina@oversight.example", "sara@oversight.example");
    assertThat(runtimeService.createIncidentQuery()
        .processInstanceId(instance.getId()).count()).isZero();
    assertEnded(instance);
  }

  @Test
  void aMissingTemplateFailsTheJobWithAClearMessageAndSendsNothing() {
    ProcessInstance instance = start("no-such-template", GROUP, "sara");
    String jobId = job(instance).getId();

    assertThatThrownBy(() -> managementService.executeJob(jobId))
        .hasStackTraceContaining("NotificationException");

    Job job = job(instance);
    assertThat(job.getExceptionMessage()).isEqualTo("Notification template 'no-such-template' "
        + "not found: expected notifications/no-such-template.txt on the class path "
        + "(src/main/resources/notifications/no-such-template.txt)");
    assertThat(job.getRetries()).isEqualTo(2);
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void aTaskWithoutRecipientsIsAConfigurationError() {
    ProcessInstance instance = start("notify-test", " ", "");
    String jobId = job(instance).getId();

    assertThatThrownBy(() -> managementService.executeJob(jobId))
        .hasStackTraceContaining("no recipients");
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  private ProcessInstance start(String template, String groups, String users) {
    return runtimeService.startProcessInstanceByKey("NotificationTestProcess", "SALE-42",
        Map.of("template", template, "groups", groups, "users", users,
            "agency", "National Police", "country", "Norway", "contractValue", 1_250_000L));
  }

  private Job job(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  private void assertEnded(ProcessInstance instance) {
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult().getEndTime()).isNotNull();
  }

  private static String to(MimeMessage message) {
    try {
      return Arrays.toString(message.getRecipients(RecipientType.TO)).replaceAll("[\\[\\]]", "");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
