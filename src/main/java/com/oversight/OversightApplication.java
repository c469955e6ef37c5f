package com.oversight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Oversight: human-rights governance of surveillance technology sales, on Camunda Platform 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OversightApplication {

  public static void main(String[] args) {
    SpringApplication.run(OversightApplication.class, args);
  }
}
