package com.oversight.reassessment;

import com.oversight.reassessment.ReassessmentController.Entry;
import com.oversight.reassessment.ReassessmentController.Running;
import com.oversight.reassessment.ReassessmentRecords.CustomerFile;
import com.oversight.reassessment.ReassessmentRecords.Reassessment;
import com.oversight.referencedata.ReferenceData;
import com.oversight.sales.SaleSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/** What the re-assessment API shows: running re-assessments, customers due, their stage. */
@Service
public class ReassessmentViews {

  /** The stage of a running re-assessment, by the activities where it is, first match wins. */
  static final Map<String, String> STAGES = stages();

  private final ReassessmentRecords records;
  private final ReassessmentService service;
  private final ReferenceData referenceData;
  private final RuntimeService runtime;
  private final TaskService tasks;

  public ReassessmentViews(ReassessmentRecords records, ReassessmentService service,
      ReferenceData referenceData, @Lazy RuntimeService runtime, @Lazy TaskService tasks) {
    this.records = records;
    this.service = service;
    this.referenceData = referenceData;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  private static Map<String, String> stages() {
    Map<String, String> stages = new LinkedHashMap<>();
    stages.put("Task_DecideReassessment", "COMMITTEE_DECISION");
    stages.put("Task_ExcludeConflictedMember", "COMMITTEE_DECISION");
    stages.put("Task_ReviewReassessment", "COMPLIANCE_REVIEW");
    stages.put("Task_RescoreCustomer", "RE_SCORING");
    stages.put("Task_UpdateCustomerStatus", "APPLYING_DECISION");
    stages.put("Task_NotifyCustomerStatus", "APPLYING_DECISION");
    stages.put("Task_NotifyConditions", "APPLYING_DECISION");
    stages.put("Task_ScheduleNextReassessment", "CLOSING");
    return stages;
  }

  /** Checks a manual start (refusals name the field customerId). */
  public void checkStartable(String customerId) {
    service.checkStart(customerId, ReassessmentTrigger.MANUAL.name());
  }

  /** Running re-assessments and ACTIVE customers due within the days, earliest due first. */
  public List<Entry> list(int dueWithinDays) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Reassessment r : records.running()) {
      if (!service.instanceRuns(r)) {
        continue;
      }
      records.customer(r.customerId()).ifPresent(c -> entries.put(c.id(),
          entry(c, running(r))));
    }
    LocalDate until = SaleSettings.today().plusDays(dueWithinDays);
    for (CustomerFile c : records.activeDueBy(until)) {
      entries.putIfAbsent(c.id(), entry(c, null));
    }
    List<Entry> list = new ArrayList<>(entries.values());
    list.sort(Comparator.comparing(Entry::reassessmentDue).thenComparing(Entry::customerId));
    return list;
  }

  private Entry entry(CustomerFile c, Running running) {
    String countryName = referenceData.findCountry(c.country()).map(ReferenceData.Country::name)
        .orElse(null);
    return new Entry(c.id(), c.agency(), c.country(), countryName, c.riskTier(),
        c.reassessmentDue(), !c.reassessmentDue().isAfter(SaleSettings.today()), running);
  }

  private Running running(Reassessment r) {
    Set<String> at = activities(r.processInstanceId());
    String stage = STAGES.entrySet().stream().filter(s -> at.contains(s.getKey()))
        .map(Map.Entry::getValue).findFirst().orElse("STARTING");
    Instant due = tasks.createTaskQuery().processInstanceId(r.processInstanceId()).list()
        .stream().map(Task::getDueDate).filter(Objects::nonNull).min(Comparator.naturalOrder())
        .map(java.util.Date::toInstant).orElse(null);
    return new Running(r.reference(), r.trigger(), r.triggerDetail(), r.startedAt(), stage, due,
        r.newTier());
  }

  /** The activities where the instance is, waiting for a job included. */
  private Set<String> activities(String processInstanceId) {
    Set<String> ids = new LinkedHashSet<>();
    ActivityInstance root = runtime.getActivityInstance(processInstanceId);
    if (root != null) {
      collect(root, ids);
    }
    return ids;
  }

  private static void collect(ActivityInstance instance, Set<String> ids) {
    ids.add(instance.getActivityId());
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      ids.add(transition.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, ids);
    }
  }
}
