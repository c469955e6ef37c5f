package com.oversight.platform;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code oversight.history}: Camunda's history per process (docs/history.md), used when the
 * engine's history level is {@value PerProcessHistoryLevel#NAME}
 * ({@code camunda.bpm.history-level}).
 *
 * @param processes the history of each process key: {@code full} (Camunda's level full, the
 *     default of every process not named) or {@code lean} (only what Oversight does not record
 *     itself; see {@link PerProcessHistoryLevel})
 * @param leanVariables the variables a lean process still keeps in its history (their last value)
 * @param leanSkippedActivityTypes the activity types (BPMN element types as Camunda names them)
 *     whose instances a lean process leaves out of its history
 */
@ConfigurationProperties("oversight.history")
public record HistorySettings(
    @DefaultValue Map<String, String> processes,
    @DefaultValue({"caseId", "businessKey", "submitter", "riskTier", "committeeOutcome"})
    List<String> leanVariables,
    @DefaultValue({"exclusiveGateway", "inclusiveGateway", "parallelGateway",
        "eventBasedGateway", "serviceTask"})
    List<String> leanSkippedActivityTypes) {

  public static final String FULL = "full";
  public static final String LEAN = "lean";

  /** The keys of the processes with lean history; any other value than full or lean fails. */
  public List<String> leanProcesses() {
    processes.forEach((key, level) -> {
      if (!FULL.equalsIgnoreCase(level.trim()) && !LEAN.equalsIgnoreCase(level.trim())) {
        throw new IllegalArgumentException("oversight.history.processes." + key + ": \"" + level
            + "\" is not a history of a process: use full or lean");
      }
    });
    return processes.entrySet().stream().filter(e -> LEAN.equalsIgnoreCase(e.getValue().trim()))
        .map(Map.Entry::getKey).sorted().toList();
  }
}
