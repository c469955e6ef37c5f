package com.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.platform.ModelDeployer.ModelFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The process owners' files are deployed as they are, once, and again only when changed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelDeployerTest {

  @Autowired ModelDeployer deployer;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;

  @Test
  void deploysEveryModelFileUnderItsNameRelativeToProcesses() {
    List<String> names = ModelDeployer.findModels().stream().map(ModelFile::name).toList();
    assertThat(names).contains("human-rights-risk.dmn", "reference-data-review.bpmn",
        "update-country-data.form");
    List<String> deployed = repositoryService.createDeploymentQuery()
        .deploymentName(ModelDeployer.DEPLOYMENT_NAME).list().stream()
        .flatMap(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream())
        .toList();
    assertThat(deployed).containsAll(names).allMatch(n -> !n.contains("/"));
  }

  @Test
  void deployingUnchangedFilesCreatesNoNewVersion() {
    long deployments = repositoryService.createDeploymentQuery().count();
    long processes = repositoryService.createProcessDefinitionQuery().count();
    long decisions = repositoryService.createDecisionDefinitionQuery().count();

    deployer.deploy();
    deployer.deploy();

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(processes);
    assertThat(repositoryService.createDecisionDefinitionQuery().count()).isEqualTo(decisions);
  }

  @Test
  void aChangedFileBecomesANewVersionAndRunningInstancesKeepTheirs() {
    String key = ProcessKeys.REFERENCE_DATA_REVIEW;
    ProcessDefinition before = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(key).latestVersion().singleResult();
    long decisions = repositoryService.createDecisionDefinitionQuery().count();
    // waits at the asynchronous continuation: the job executor is off in tests
    ProcessInstance running = runtimeService.startProcessInstanceByKey(key);

    List<ModelFile> models = new ArrayList<>();
    for (ModelFile model : ModelDeployer.findModels()) {
      models.add(model.name().equals("reference-data-review.bpmn")
          ? new ModelFile(model.name(), (new String(model.bytes(), StandardCharsets.UTF_8)
              + "\n<!-- edited in Camunda Modeler -->\n").getBytes(StandardCharsets.UTF_8))
          : model);
    }
    deployer.deploy(models);

    ProcessDefinition after = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(key).latestVersion().singleResult();
    assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
    assertThat(repositoryService.createDecisionDefinitionQuery().count()).isEqualTo(decisions);
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceId(running.getId()).singleResult().getProcessDefinitionId())
        .isEqualTo(before.getId());
    runtimeService.deleteProcessInstance(running.getId(), "test done");
  }
}
