package com.oversight.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** Rules for Camunda Forms (form-js JSON, *.form). */
final class FormModelRules {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormModelRules() {}

  /** The form's id, if the file is a JSON object with one. */
  static Optional<String> formId(byte[] content) {
    try {
      JsonNode id = JSON.readTree(content).path("id");
      return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static void check(byte[] content, Violations violations) {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      violations.add("(file)", "not a readable Camunda Form (JSON): " + e.getOriginalMessage());
      return;
    } catch (IOException e) {
      violations.add("(file)", "not a readable Camunda Form: " + e.getMessage());
      return;
    }
    String id = form.path("id").isTextual() ? form.path("id").asText() : null;
    if (!IdConventions.hasPrefix(id, "Form")) {
      violations.add(id, IdConventions.expectation("Form"));
    }
    if (!ModelRules.PLATFORM.equals(form.path("executionPlatform").asText(null))) {
      violations.add(id, "form does not declare executionPlatform \"" + ModelRules.PLATFORM + "\"");
    }
    if (!ModelRules.PLATFORM_VERSION.equals(form.path("executionPlatformVersion").asText(null))) {
      violations.add(id, "form does not declare executionPlatformVersion \""
          + ModelRules.PLATFORM_VERSION + "\"");
    }
  }
}
