package com.oversight.models;

import java.util.ArrayList;
import java.util.List;

/** The rule violations found in one model file, each "file: elementId: rule". */
final class Violations {

  private final String file;
  private final List<String> messages = new ArrayList<>();

  Violations(String file) {
    this.file = file;
  }

  void add(String elementId, String rule) {
    messages.add(file + ": " + (elementId == null ? "(no id)" : elementId) + ": " + rule);
  }

  List<String> messages() {
    return messages;
  }
}
