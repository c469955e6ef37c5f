package com.oversight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.identity.IdentitySeeder;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A compliance analyst's country-data review, worked in Tasklist in a real browser. */
class TasklistBrowserIT extends BrowserTestSupport {

  static final String PROCESS_KEY = "ReferenceDataReviewProcess";
  static final String TASK_NAME = "Update country data";
  static final String OUTDATED_FIELD = "Countries with missing or outdated data";
  static final String NOTE_FIELD = "What did you update?";

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @Test
  void tasklistCarriesOversightsNameAndNoEndOfLifeBanner() {
    tasklist.openLogin();
    assertThat(tasklist.page().locator(".login-logo")).isVisible();
    tasklist.login("carl", "demo");

    assertThat(tasklist.page()).hasTitle("Oversight Tasklist");
    assertThat(tasklist.page().locator(".navbar-brand .brand-name"))
        .hasText("Oversight Tasklist");
    assertThat(tasklist.page().locator(".ce-eol-banner")).isHidden();
    // carl lands on his group's work: the compliance filter comes first
    assertThat(tasklist.filters().first()).containsText(IdentitySeeder.FILTER_DUE_DILIGENCE);
    assertThat(tasklist.filters()).hasCount(5);
    assertThat(tasklist.filters().nth(1)).containsText(IdentitySeeder.FILTER_REASSESSMENTS);
    assertThat(tasklist.filters().nth(2)).containsText(IdentitySeeder.FILTER_POLICY_REVIEW);
  }

  @Test
  void complianceAnalystStartsAReviewAndUpdatesTheCountryData() {
    Date before = new Date(System.currentTimeMillis() - 1000);
    tasklist.login("carl", "demo");

    tasklist.startProcess("Country data review");

    HistoricProcessInstance started = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).startedBy("carl").startedAfter(before).singleResult();
    assertThat(started).as("the review carl started in Tasklist").isNotNull();
    String instanceId = started.getId();
    // the job executor is off in tests: run the asynchronous lookup of outdated data here
    Job lookup = managementService.createJobQuery().processInstanceId(instanceId).singleResult();
    managementService.executeJob(lookup.getId());
    Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(task.getName()).isEqualTo(TASK_NAME);
    String outdated = (String) runtimeService.getVariable(instanceId, "outdatedCountries");
    assertThat(outdated).isNotBlank();

    tasklist.reload()
        .openFilter(IdentitySeeder.FILTER_DUE_DILIGENCE)
        .openTask(TASK_NAME);
    assertThat(tasklist.field(OUTDATED_FIELD))
        .hasValue(TasklistBrowser.literally(outdated.lines().findFirst().orElseThrow()));
    tasklist.claim()
        .fillField(NOTE_FIELD, "Imported Freedom in the World 2026 (fiw-2026.csv) for all countries")
        .screenshot(SCREENSHOTS.resolve("tasklist-task.png"))
        .complete();

    assertThat(tasklist.page().locator(".tasks-list a[href*=\"" + task.getId() + "\"]"))
        .hasCount(0);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(instanceId).singleResult();
    assertThat(ended.getEndTime()).as("the review has ended").isNotNull();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
        .activityId("EndEvent_CountryDataUpdated").count()).isEqualTo(1);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName("dataUpdateNote").singleResult().getValue())
        .isEqualTo("Imported Freedom in the World 2026 (fiw-2026.csv) for all countries");
  }
}
