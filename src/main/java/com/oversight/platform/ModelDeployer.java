package com.oversight.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process owners' models from {@code processes/} (packaged on the classpath under
 * {@code processes/}) as one deployment. Resource names are the paths relative to
 * {@code processes/}, the same whether Oversight runs from {@code mvn spring-boot:run} or from
 * the jar; duplicate filtering deploys only changed files, so a restart with unchanged files
 * creates no new version, and running instances keep the version they started with.
 */
@Component
public class ModelDeployer {

  public static final String DEPLOYMENT_NAME = "oversight-processes";
  public static final String DEPLOYMENT_SOURCE = "oversight";
  static final String ROOT = "processes/";
  private static final String[] PATTERNS = {"**/*.bpmn", "**/*.dmn", "**/*.form"};
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repositoryService;

  public ModelDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** Runs before the rest of the start-up work that needs the models (see {@link Order}). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void deployOnStartup() {
    deploy();
  }

  /** Deploys the changed models; with nothing changed, the engine keeps the last deployment (null without models). */
  public Deployment deploy() {
    return deploy(findModels());
  }

  /** Deploys the given model files under their names, only those that changed. */
  public Deployment deploy(List<ModelFile> models) {
    if (models.isEmpty()) {
      LOG.warn("No models found under {}: nothing deployed", ROOT);
      return null;
    }
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_SOURCE)
        .enableDuplicateFiltering(true);
    for (ModelFile model : models) {
      builder.addInputStream(model.name(), model.content());
    }
    Deployment deployment = builder.deploy();
    LOG.info("Models in {}: {} file(s), current deployment {}", ROOT, models.size(),
        deployment.getId());
    return deployment;
  }

  /** The model files under processes/ with their stable names, sorted by name. */
  public static List<ModelFile> findModels() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<ModelFile> models = new ArrayList<>();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources("classpath*:" + ROOT + pattern)) {
          String url = resource.getURL().toString();
          String name = url.substring(url.lastIndexOf(ROOT) + ROOT.length());
          try (InputStream in = resource.getInputStream()) {
            models.add(new ModelFile(name, in.readAllBytes()));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the models under " + ROOT, e);
    }
    models.sort(Comparator.comparing(ModelFile::name));
    return models;
  }

  /** One model file: its name relative to processes/ and its bytes. */
  public record ModelFile(String name, byte[] bytes) {
    public InputStream content() {
      return new java.io.ByteArrayInputStream(bytes);
    }
  }
}
