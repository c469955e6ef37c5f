package com.oversight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.oversight.testing.TestMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.oversight.audit.AuditLedger;
import com.oversight.identity.Groups;
import com.oversight.identity.IdentitySeeder;
import com.oversight.testing.SaleCases;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A committee member votes on a HIGH-risk sale in Tasklist, in a real browser: the case is set up
 * as in {@code SaleApprovalEndToEndTest} (sara submits a deal for Mexico over the API, the
 * asynchronous jobs run, carl completes the dossier), then gina works her vote task in Tasklist.
 * Also: sara, the submitter, sees none of the committee's or compliance's tasks of her own case.
 */
class CommitteeVoteBrowserIT extends BrowserTestSupport {

  static final String DEAL = """
      {"customerAgency": "Fiscalia General", "customerType": "LAW_ENFORCEMENT",
       "country": "MX", "product": "Forensics Suite 5", "capabilityClass": "DEVICE_FORENSICS",
       "intendedEndUse": {"category": "SERIOUS_CRIME", "description": "Cartel investigations"},
       "intermediaries": [], "endUseStatementAttached": true, "contractValue": 900000,
       "currency": "USD", "expectedSigningDate": "%s"}""";
  static final String DEAL_TITLE = "Fiscalia General, Mexico";
  static final String VOTE_TASK = "Vote on sale: " + DEAL_TITLE;
  static final String DOSSIER_TASK = "Prepare due-diligence dossier: " + DEAL_TITLE;
  static final String RATIONALE_REFUSAL = "a rationale is required unless you simply approve";
  static final String RATIONALE = "Documented targeting of journalists in Mexico; the dossier "
      + "cannot exclude that this agency was involved";
  /**
   * A picture of the vote form, written by every run (copy it to docs/images/ to refresh the
   * docs' picture); a test run leaves the working tree unchanged.
   */
  static final Path DOCS_SCREENSHOT =
      Paths.get("target", "browser-screenshots", "tasklist-committee-vote.png");

  /** The notification jobs send mail: GreenMail listens on the test profile's SMTP port. */
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(TestMail.SMTP);

  @LocalServerPort
  int port;
  @Autowired ObjectMapper objectMapper;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired FilterService filterService;
  @Autowired AuditLedger ledger;
  @Autowired JdbcTemplate jdbc;

  @Test
  void committeeMemberSeesTheRiskAndCannotRejectWithoutARationale() throws Exception {
    String caseId = submitAsSara();
    String instanceId = instanceOf(caseId);
    runJobs(instanceId);
    completeDossierAsCarl(instanceId);
    Task vote = voteOf(instanceId, "gina");
    assertThat(vote.getName()).isEqualTo(VOTE_TASK);
    String redFlags = (String) runtimeService.getVariable(instanceId, "redFlags");
    String explanation = (String) runtimeService.getVariable(instanceId, "riskExplanationText");

    tasklist.login("gina", "demo");
    // gina lands on her committee filter, and her vote is in it
    assertThat(tasklist.filters().first()).containsText(IdentitySeeder.FILTER_COMMITTEE_VOTES);
    tasklist.openFilter(IdentitySeeder.FILTER_COMMITTEE_VOTES);
    Locator voteInList = tasklist.page().locator(".tasks-list a[href*=\"" + vote.getId() + "\"]");
    assertThat(voteInList).hasCount(1);
    assertThat(voteInList).hasText(VOTE_TASK);

    voteInList.click();
    assertThat(tasklist.page().locator(".task-details")).containsText(VOTE_TASK);
    assertThat(tasklist.form()).isVisible();
    // the form shows the deal, the tier, the red flags and the explanation, readable as text
    assertThat(tasklist.field("Deal")).hasValue(DEAL_TITLE);
    assertThat(tasklist.field("Risk tier")).hasValue("HIGH");
    // the tier stands out at the top of the form, above the details
    assertThat(tasklist.form()).containsText("Risk tier: HIGH");
    assertThat(tasklist.field("Red flags")).hasValue(TasklistBrowser.literally(redFlags.strip()));
    assertThat(tasklist.field("Red flags")).hasValue(Pattern.compile("AT_RISK_GROUP_TARGETING"));
    assertThat(tasklist.field("Why this tier")).hasValue(TasklistBrowser.literally(
        explanation.strip()));
    assertThat(tasklist.field("Why this tier")).hasValue(Pattern.compile("Tier HIGH"));
    assertThat(tasklist.field("Dossier: findings")).hasValue(
        Pattern.compile("Journalists targeted in 2017"));
    assertThat(tasklist.field("Dossier: sources consulted")).hasValue(
        Pattern.compile("Citizen Lab Reckless Exploit"));
    assertThat(tasklist.field("Why this tier")).isVisible();
    assertThat(tasklist.page().getByRole(AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("Complete"))).isEnabled();
    screenshotOfTheRiskInTheForm(DOCS_SCREENSHOT);

    // no conflict, a reject without a rationale: the server refuses, Tasklist says why
    Locator conflict = tasklist.field("I have a conflict of interest");
    conflict.setChecked(false);
    assertThat(conflict).not().isChecked();
    tasklist.form().getByLabel("Reject", new Locator.GetByLabelOptions().setExact(true)).check();
    tasklist.page().getByRole(AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("Complete")).click();
    Locator refusal = tasklist.page().locator(".notifications .alert");
    assertThat(refusal).containsText(RATIONALE_REFUSAL);
    assertThat(refusal).isVisible();
    assertThat(tasklist.form()).isVisible();
    assertThat(taskService.createTaskQuery().taskId(vote.getId()).count()).isOne();
    assertThat(ledger.entries(caseId)).extracting(AuditLedger.LedgerEntry::action)
        .doesNotContain("VOTE_CAST");

    // she dismisses the message (it lies over the Complete button); with a rationale the vote
    // is recorded
    refusal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("×")).click();
    assertThat(refusal).hasCount(0);
    tasklist.fillField("Rationale", RATIONALE).complete();
    assertThat(voteInList).hasCount(0);
    assertThat(taskService.createTaskQuery().taskId(vote.getId()).count()).isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(vote.getId())
        .singleResult().getDeleteReason()).isEqualTo("completed");
    AuditLedger.LedgerEntry cast = ledger.entries(caseId).stream()
        .filter(e -> e.action().equals("VOTE_CAST")).findFirst().orElseThrow();
    assertThat(cast.actor()).isEqualTo("gina");
    assertThat(cast.details()).contains("\"vote\":\"REJECT\"").contains("\"tier\":\"HIGH\"")
        .contains("Documented targeting of journalists");
    assertThat((String) runtimeService.getVariable(instanceId, "committeeVotes"))
        .contains("gina").contains("REJECT");
  }

  @Test
  void theSubmitterSeesNoneOfTheReviewTasksOfHerOwnCase() throws Exception {
    String caseId = submitAsSara();
    String instanceId = instanceOf(caseId);
    runJobs(instanceId);
    Task dossier = taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("Task_PrepareDossier").singleResult();
    assertThat(dossier.getName()).isEqualTo(DOSSIER_TASK);

    tasklist.login("sara", "demo");
    assertThat(tasklist.filters()).hasCount(2);
    assertNoTaskOfTheCaseInSarasFilters(instanceId);

    completeDossierAsCarl(instanceId);
    assertThat(taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("Task_Vote").count()).isEqualTo(3);
    tasklist.reload();
    assertNoTaskOfTheCaseInSarasFilters(instanceId);
  }

  /**
   * The vote form from the deal to the dossier in a taller window: Tasklist scrolls the form
   * inside its task pane, so the form is scrolled to the deal first; the window is restored after.
   */
  private void screenshotOfTheRiskInTheForm(Path file) {
    Page page = tasklist.page();
    page.setViewportSize(1280, 1500);
    try {
      tasklist.field("Deal").evaluate(
          "e => (e.closest('.fjs-form-field') || e).scrollIntoView({block: 'start'})");
      assertThat(tasklist.field("Risk tier")).isInViewport();
      assertThat(tasklist.field("Why this tier")).isInViewport();
      tasklist.screenshot(file);
    } finally {
      page.setViewportSize(1280, 800);
    }
  }

  /** Each of sara's filters, in Tasklist and on the engine as sara: no task of the case. */
  private void assertNoTaskOfTheCaseInSarasFilters(String instanceId) {
    List<Task> open = taskService.createTaskQuery().processInstanceId(instanceId).list();
    assertThat(open).isNotEmpty();
    for (String name : List.of(IdentitySeeder.FILTER_MY_TASKS,
        IdentitySeeder.FILTER_GROUP_TASKS)) {
      tasklist.openFilter(name);
      // the filter's count is shown once Tasklist has queried it
      Locator active = tasklist.filters().filter(new Locator.FilterOptions().setHasText(name));
      assertThat(active.locator(".counter")).hasText(Pattern.compile("^\\s*\\d+\\s*$"));
      assertThat(tasklist.tasks().filter(new Locator.FilterOptions().setHasText(DEAL_TITLE)))
          .hasCount(0);
      for (Task task : open) {
        assertThat(tasklist.page().locator(".tasks-list a[href*=\"" + task.getId() + "\"]"))
            .hasCount(0);
      }
      Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
      identityService.setAuthentication("sara", List.of(Groups.SALES));
      try {
        List<Task> seen = filterService.list(filter.getId());
        assertThat(seen).extracting(Task::getProcessInstanceId).doesNotContain(instanceId);
      } finally {
        identityService.clearAuthentication();
      }
    }
  }

  private String submitAsSara() throws Exception {
    return SaleCases.submit(port, "sara", DEAL.formatted(LocalDate.now().plusMonths(2)),
        objectMapper);
  }

  private String instanceOf(String caseId) {
    return SaleCases.instanceOf(jdbc, caseId);
  }

  private void runJobs(String instanceId) {
    SaleCases.runJobs(managementService, instanceId);
  }

  private void completeDossierAsCarl(String instanceId) {
    assertThat(runtimeService.getVariable(instanceId, "riskTier")).isEqualTo("HIGH");
    Task dossier = taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("Task_PrepareDossier").singleResult();
    identityService.setAuthentication("carl", List.of(Groups.COMPLIANCE));
    try {
      formService.submitTaskForm(dossier.getId(), Map.of(
          "dossierFindings", "Journalists targeted in 2017; agency not named",
          "dossierSources", "Citizen Lab Reckless Exploit; Freedom House 2025",
          "proposedConditions", ""));
    } finally {
      identityService.clearAuthentication();
    }
    runJobs(instanceId);
  }

  private Task voteOf(String instanceId, String member) {
    return taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("Task_Vote").taskAssignee(member).singleResult();
  }
}
