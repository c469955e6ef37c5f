package com.oversight.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

  private final TemplateRenderer renderer = new TemplateRenderer();

  @Test
  void fillsPlaceholdersWithToStringAndMarksUnknownOnes() {
    Map<String, Object> values = new HashMap<>();
    values.put("agency", "National Police");
    values.put("country", "Norway");
    values.put("contractValue", 1_250_000L);
    values.put("caseUpdate", null);

    RenderedMessage message = renderer.render("notify-test", values);

    assertThat(message.subject()).isEqualTo("Decision on National Police (Norway)");
    assertThat(message.body()).isEqualTo("Case [unknown] of [unknown]: [unknown]\n"
        + "Contract value: 1250000\n"
        + "Typo: [unknown]\n");
  }

  @Test
  void aValueIsNeverInterpretedAndCannotBreakOutOfTheSubject() {
    RenderedMessage message = renderer.render("notify-test",
        Map.of("agency", "${country} $1 \\", "country", "X\r\nBcc: someone@example.org"));

    assertThat(message.subject()).isEqualTo("Decision on ${country} $1 \\ (X Bcc: someone@example.org)");
  }

  @Test
  void theGenericCaseUpdateTemplateRenders() {
    RenderedMessage message = renderer.render("case-update", Map.of(
        Notifications.PROCESS_NAME, "Sale approval", Notifications.BUSINESS_KEY, "SALE-42",
        Notifications.CASE_UPDATE, "The committee has decided.",
        Notifications.TASKLIST_URL, "http://localhost:8080/camunda/app/tasklist/"));

    assertThat(message.subject())
        .isEqualTo("Oversight: Sale approval SALE-42: The committee has decided.");
    assertThat(message.body()).contains("case SALE-42:\n\nThe committee has decided.\n")
        .contains("http://localhost:8080/camunda/app/tasklist/")
        .doesNotContain(TemplateRenderer.UNKNOWN);
  }

  @Test
  void aMissingTemplateIsAConfigurationError() {
    assertThatThrownBy(() -> renderer.render("no-such-template", Map.of()))
        .isInstanceOf(NotificationException.class)
        .hasMessage("Notification template 'no-such-template' not found: expected "
            + "notifications/no-such-template.txt on the class path "
            + "(src/main/resources/notifications/no-such-template.txt)");
  }

  @Test
  void aTemplateNameCannotLeaveTheTemplateFolder() {
    assertThatThrownBy(() -> renderer.render("../application", Map.of()))
        .isInstanceOf(NotificationException.class)
        .hasMessageStartingWith("'../application' is not a notification template name");
  }

  @Test
  void aTemplateNeedsASubjectLine() {
    assertThatThrownBy(() -> renderer.render("no-subject", Map.of()))
        .isInstanceOf(NotificationException.class)
        .hasMessageContaining("must start with a line 'Subject: ...'");
  }
}
