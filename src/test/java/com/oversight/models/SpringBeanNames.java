package com.oversight.models;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * The names of Oversight's Spring beans, found without starting Spring: component-scanned
 * classes under com.oversight and the {@code @Bean} methods of those classes.
 */
final class SpringBeanNames {

  private SpringBeanNames() {}

  static Set<String> of(String basePackage) {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(true);
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Set<String> names = new HashSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
      names.add(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry));
      names.addAll(beanMethodNames(candidate.getBeanClassName()));
    }
    return names;
  }

  private static Set<String> beanMethodNames(String className) {
    Set<String> names = new HashSet<>();
    Class<?> type = ClassUtils.resolveClassName(className, SpringBeanNames.class.getClassLoader());
    for (Method method : type.getDeclaredMethods()) {
      Bean bean = AnnotatedElementUtils.findMergedAnnotation(method, Bean.class);
      if (bean != null) {
        names.add(bean.name().length > 0 ? bean.name()[0] : method.getName());
      }
    }
    return names;
  }
}
