package com.oversight.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Every Spring Boot test run by Surefire uses the one shared test context. A second context in
 * the same JVM registers its process engine under the name "default" as well, and the first
 * context's /engine-rest then answers from the wrong engine: tests pass or fail by their order.
 * Tests that need an application of their own (a spy bean, other properties) give its engine a
 * name of its own ({@code camunda.bpm.process-engine-name}), or are {@code *IT} classes run by
 * Failsafe in a JVM of their own (see DEVELOPERS.md).
 */
class SharedTestContextTest {

  @Test
  void springBootTestsShareOneContext() {
    List<String> offenders = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
        .importPackages("com.oversight").stream()
        .filter(c -> c.isAnnotatedWith(SpringBootTest.class))
        .filter(c -> !c.getSimpleName().endsWith("IT") && !c.getModifiers().contains(
            com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
        .filter(SharedTestContextTest::ownContext)
        .map(JavaClass::getName)
        .toList();
    assertThat(offenders).as("Spring Boot tests that would start a second context").isEmpty();
  }

  /** A context of its own whose engine would still be called "default". */
  private static boolean ownContext(JavaClass test) {
    SpringBootTest annotation = test.getAnnotationOfType(SpringBootTest.class);
    boolean ownEngineName = Arrays.stream(annotation.properties())
        .anyMatch(p -> p.startsWith("camunda.bpm.process-engine-name="));
    boolean ownContext = annotation.webEnvironment() != WebEnvironment.RANDOM_PORT
        || annotation.properties().length > 0 || annotation.classes().length > 0
        || test.isAnnotatedWith(AutoConfigureMockMvc.class)
        || test.getAllFields().stream().anyMatch(f -> f.isAnnotatedWith(MockitoBean.class)
            || f.isAnnotatedWith(MockitoSpyBean.class));
    return ownContext && !ownEngineName;
  }
}
