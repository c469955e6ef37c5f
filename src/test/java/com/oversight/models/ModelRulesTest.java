package com.oversight.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.platform.ModelDeployer;
import com.oversight.platform.ModelDeployer.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Oversight's model rules: every file in processes/ must pass them, and each rule is shown to
 * catch what it should on the broken fixtures under src/test/resources/model-rules/.
 */
class ModelRulesTest {

  private static final Set<String> BEANS = SpringBeanNames.of("com.oversight");
  private final ModelRules rules = new ModelRules(BEANS);

  @Test
  void everyModelInProcessesFollowsTheRules() {
    List<ModelFile> models = ModelDeployer.findModels();

    assertThat(models).extracting(ModelFile::name)
        .contains("reference-data-review.bpmn", "update-country-data.form");
    List<String> violations = rules.check(models);
    assertThat(violations)
        .withFailMessage(() -> "Models in processes/ break Oversight's model rules "
            + "(see docs/process-owners.md):\n  " + String.join("\n  ", violations))
        .isEmpty();
  }

  @Test
  void findsTheDelegateBeansOfOversight() {
    assertThat(BEANS).contains("findOutdatedCountryDataDelegate", "modelDeployer", "clock");
  }

  @Test
  void validFixturesPass() {
    assertThat(check("valid.bpmn", "valid.dmn", "valid.form")).isEmpty();
  }

  @Test
  void definitionsDeclareThePlatformAndHaveADiagram() {
    assertThat(check("no-platform-no-diagram.bpmn")).containsExactly(
        "no-platform-no-diagram.bpmn: Definitions_Fixture: definitions do not declare "
            + "modeler:executionPlatform=\"Camunda Platform\"",
        "no-platform-no-diagram.bpmn: Definitions_Fixture: definitions do not declare "
            + "modeler:executionPlatformVersion=\"7.24.0\"",
        "no-platform-no-diagram.bpmn: Definitions_Fixture: no diagram interchange (BPMNDiagram): "
            + "open and save the file in Camunda Modeler");
  }

  @Test
  void everyFlowNodeHasAShapeAndEveryFlowAnEdge() {
    assertThat(check("missing-shapes.bpmn")).containsExactly(
        "missing-shapes.bpmn: Task_Forgotten: flow node has no shape in the diagram",
        "missing-shapes.bpmn: Flow_ToDone: sequence flow has no edge in the diagram");
  }

  @Test
  void processesAreExecutableWithHistoryTimeToLiveAndAConventionalId() {
    assertThat(check("process-rules.bpmn")).containsExactly(
        "process-rules.bpmn: countryReview: process id does not follow the naming convention "
            + "(expected PascalCase ending in \"Process\", e.g. SaleApprovalProcess)",
        "process-rules.bpmn: countryReview: process is not executable (isExecutable=\"true\")",
        "process-rules.bpmn: countryReview: process has no camunda:historyTimeToLive");
  }

  @Test
  void userTasksHaveAKnownFormCandidateGroupsAndADueDate() {
    assertThat(check("user-task-rules.bpmn", "valid.form")).containsExactly(
        "user-task-rules.bpmn: Task_Bare: user task has no form (camunda:formRef or camunda:formKey)",
        "user-task-rules.bpmn: Task_Bare: user task has no candidate groups (camunda:candidateGroups)",
        "user-task-rules.bpmn: Task_Bare: user task has no due date (camunda:dueDate)",
        "user-task-rules.bpmn: Task_UnknownForm: camunda:formRef \"Form_Missing\" names no form "
            + "in processes/*.form");
  }

  @Test
  void jobsHaveAnImplementationAnAsyncContinuationAndARetryCycle() {
    assertThat(check("job-rules.bpmn")).containsExactly(
        "job-rules.bpmn: Task_NoImplementation: service task has no implementation "
            + "(camunda:delegateExpression, class, expression or external topic)",
        "job-rules.bpmn: Task_NoImplementation: service task is not asynchronous "
            + "(camunda:asyncBefore=\"true\")",
        "job-rules.bpmn: Task_NoImplementation: service task has no retry cycle "
            + "(camunda:failedJobRetryTimeCycle)",
        "job-rules.bpmn: Task_UnknownBean: camunda:delegateExpression ${noSuchBean} names no "
            + "Spring bean of Oversight",
        "job-rules.bpmn: Task_ExternalWithoutTopic: service task has no implementation "
            + "(camunda:delegateExpression, class, expression or external topic)",
        "job-rules.bpmn: Task_NotifySync: send task is not asynchronous "
            + "(camunda:asyncBefore=\"true\")",
        "job-rules.bpmn: Task_DecideWithoutDecision: business rule task has no implementation "
            + "(camunda:delegateExpression, class, expression, decisionRef or external topic)");
  }

  @Test
  void idsFollowTheNamingConventions() {
    assertThat(check("id-rules.bpmn")).containsExactlyInAnyOrder(
        "id-rules.bpmn: Start: id does not follow the naming convention (expected StartEvent_ "
            + "followed by PascalCase or a Modeler-generated suffix)",
        "id-rules.bpmn: Activity_0abc123: id does not follow the naming convention (expected "
            + "Task_ followed by PascalCase or a Modeler-generated suffix)",
        "id-rules.bpmn: Gateway1: id does not follow the naming convention (expected Gateway_ "
            + "followed by PascalCase or a Modeler-generated suffix)",
        "id-rules.bpmn: Event_wait: id does not follow the naming convention (expected Event_ "
            + "followed by PascalCase or a Modeler-generated suffix)",
        "id-rules.bpmn: SequenceFlow_1: id does not follow the naming convention (expected Flow_ "
            + "followed by PascalCase or a Modeler-generated suffix)");
  }

  @Test
  void decisionsHaveHistoryTimeToLiveAShapeAndAConventionalId() {
    assertThat(check("decision-rules.dmn")).containsExactly(
        "decision-rules.dmn: Definitions_Fixture: definitions do not declare "
            + "modeler:executionPlatform=\"Camunda Platform\"",
        "decision-rules.dmn: Definitions_Fixture: definitions do not declare "
            + "modeler:executionPlatformVersion=\"7.24.0\"",
        "decision-rules.dmn: riskDecision: id does not follow the naming convention (expected "
            + "Decision_ followed by PascalCase or a Modeler-generated suffix)",
        "decision-rules.dmn: riskDecision: decision has no camunda:historyTimeToLive",
        "decision-rules.dmn: riskDecision: decision has no shape in the diagram");
  }

  @Test
  void decisionModelsHaveDiagramInterchange() {
    assertThat(check("no-dmndi.dmn")).containsExactly(
        "no-dmndi.dmn: Definitions_Fixture: no diagram interchange (DMNDI): open and save the "
            + "file in Camunda Modeler");
  }

  @Test
  void formsHaveAConventionalIdAndDeclareThePlatform() {
    assertThat(check("form-rules.form")).containsExactly(
        "form-rules.form: updateForm: id does not follow the naming convention (expected Form_ "
            + "followed by PascalCase or a Modeler-generated suffix)",
        "form-rules.form: updateForm: form does not declare executionPlatform \"Camunda Platform\"",
        "form-rules.form: updateForm: form does not declare executionPlatformVersion \"7.24.0\"");
  }

  @Test
  void unreadableFilesAreReportedNotThrown() {
    assertThat(check("broken.form")).singleElement().asString()
        .startsWith("broken.form: (file): not a readable Camunda Form (JSON): ");
  }

  private List<String> check(String... fixtures) {
    return rules.check(Arrays.stream(fixtures).map(ModelRulesTest::fixture).toList());
  }

  private static ModelFile fixture(String name) {
    try (InputStream in = ModelRulesTest.class.getResourceAsStream("/model-rules/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture model-rules/" + name);
      }
      return new ModelFile(name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
