package com.oversight.operations;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The process figures in {@code /actuator/prometheus}, read at each scrape from
 * {@link ProcessFigures} (cached there for about 30 s):
 * <ul>
 *   <li>{@code oversight_process_instances_running{process}}: open cases by process;</li>
 *   <li>{@code oversight_process_instances_at_activity{process,activity}}: open cases by process
 *       and current activity (the stage: a task, a timer, a message, a job);</li>
 *   <li>{@code oversight_tasks_overdue{group}}: open tasks past their due date by candidate group
 *       ({@code none}: assigned to a person without a group);</li>
 *   <li>{@code oversight_incidents_open{process}}: incidents by process;</li>
 *   <li>{@code oversight_jobs_executable} and {@code oversight_jobs_failed}: jobs ready to run and
 *       jobs out of retries (each of those has an incident).</li>
 * </ul>
 */
@Component
public class ProcessMetrics implements MultiCollector {

  private final ProcessFigures figures;

  public ProcessMetrics(ProcessFigures figures, ObjectProvider<PrometheusRegistry> registry) {
    this.figures = figures;
    registry.ifAvailable(r -> r.register(this));
  }

  @Override
  public MetricSnapshots collect() {
    ProcessFigures.Snapshot now = figures.current();
    GaugeSnapshot.Builder atActivity = GaugeSnapshot.builder()
        .name("oversight_process_instances_at_activity")
        .help("Running process instances by process definition key and current activity");
    now.instancesAtActivity().forEach((process, activities) -> activities.forEach(
        (activity, count) -> atActivity.dataPoint(point(count, "process", process,
            "activity", activity))));
    return MetricSnapshots.of(
        byLabel("oversight_process_instances_running",
            "Running process instances by process definition key", "process",
            now.runningInstances()),
        atActivity.build(),
        byLabel("oversight_tasks_overdue",
            "Open tasks past their due date by candidate group", "group", now.overdueTasks()),
        byLabel("oversight_incidents_open", "Open incidents by process definition key",
            "process", now.openIncidents()),
        GaugeSnapshot.builder().name("oversight_jobs_executable")
            .help("Jobs ready to run (retries left, due, not suspended)")
            .dataPoint(point(now.executableJobs())).build(),
        GaugeSnapshot.builder().name("oversight_jobs_failed")
            .help("Jobs without retries left (each has an incident)")
            .dataPoint(point(now.failedJobs())).build());
  }

  @Override
  public List<String> getPrometheusNames() {
    return List.of("oversight_process_instances_running",
        "oversight_process_instances_at_activity", "oversight_tasks_overdue",
        "oversight_incidents_open", "oversight_jobs_executable", "oversight_jobs_failed");
  }

  private static GaugeSnapshot byLabel(String name, String help, String label,
      Map<String, Long> counts) {
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
    counts.forEach((value, count) -> gauge.dataPoint(point(count, label, value)));
    return gauge.build();
  }

  private static GaugeDataPointSnapshot point(long value, String... labels) {
    return GaugeDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build();
  }
}
