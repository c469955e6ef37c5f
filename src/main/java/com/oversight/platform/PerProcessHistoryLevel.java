package com.oversight.platform;

import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.context.CoreExecutionContext;
import org.camunda.bpm.engine.impl.core.instance.CoreExecution;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * Camunda's history level {@code full} for every process, except the processes configured
 * {@code lean} ({@code oversight.history.processes}), whose history keeps only what Oversight does
 * not record itself (docs/history.md):
 *
 * <ul>
 *   <li>kept: the process instance, its tasks (dashboard, transparency report, SLA figures), the
 *       task's candidate groups and assignees (identity links), the user operation log, incidents
 *       and failed jobs, the activity instances of events, user tasks, call activities,
 *       sub-processes and multi-instance bodies, and the last value of the variables named in
 *       {@code oversight.history.lean-variables};</li>
 *   <li>left out: every intermediate value of a variable and every submitted form field
 *       ({@code ACT_HI_DETAIL}: the decisions and their authors are in Oversight's ledger), the
 *       other variables (Oversight's tables hold the case), the risk decision's inputs and
 *       outputs when the process evaluates it (the case's risk snapshot holds them), the job log
 *       of jobs created, done or deleted (failures are kept), and the instances of the activity
 *       types in {@code oversight.history.lean-skipped-activity-types} (gateways and service
 *       tasks by default: each service task of a lean process writes its result to the ledger).</li>
 * </ul>
 *
 * <p>Its id is stored in {@code ACT_GE_PROPERTY} like every history level's;
 * {@link PerProcessHistory} changes a database between {@code full} and this level when the
 * configuration does.
 */
public final class PerProcessHistoryLevel implements HistoryLevel {

  /** The name to configure ({@code camunda.bpm.history-level}). */
  public static final String NAME = "per-process";
  /** The id stored in the database (Camunda's own levels are 0 to 3). */
  public static final int ID = 30;

  private final Set<String> leanProcesses;
  private final Set<String> leanVariables;
  private final Set<String> skippedActivityTypes;

  public PerProcessHistoryLevel(Set<String> leanProcesses, Set<String> leanVariables,
      Set<String> skippedActivityTypes) {
    this.leanProcesses = Set.copyOf(leanProcesses);
    this.leanVariables = Set.copyOf(leanVariables);
    this.skippedActivityTypes = Set.copyOf(skippedActivityTypes);
  }

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  public Set<String> leanProcesses() {
    return leanProcesses;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    // without an entity the engine asks whether the event is produced at all (e.g. to attach
    // its history listeners when it parses a model): as at level full
    if (entity == null || leanProcesses.isEmpty()) {
      return true;
    }
    String key = processDefinitionKey(eventType, entity);
    return key == null || !leanProcesses.contains(key) || lean(eventType, entity);
  }

  private boolean lean(HistoryEventType eventType, Object entity) {
    if (!(eventType instanceof HistoryEventTypes type)) {
      return true;
    }
    return switch (type) {
      case ACTIVITY_INSTANCE_START, ACTIVITY_INSTANCE_UPDATE, ACTIVITY_INSTANCE_END,
           ACTIVITY_INSTANCE_MIGRATE -> !skippedActivityTypes.contains(activityType(entity));
      case VARIABLE_INSTANCE_CREATE, VARIABLE_INSTANCE_UPDATE, VARIABLE_INSTANCE_DELETE,
           VARIABLE_INSTANCE_MIGRATE -> entity instanceof VariableInstanceEntity variable
               && leanVariables.contains(variable.getName());
      case VARIABLE_INSTANCE_UPDATE_DETAIL, FORM_PROPERTY_UPDATE, DMN_DECISION_EVALUATE,
           JOB_CREATE, JOB_SUCCESS, JOB_DELETE -> false;
      default -> true;
    };
  }

  private static String activityType(Object entity) {
    if (entity instanceof ExecutionEntity execution) {
      ActivityImpl activity = execution.getActivity();
      return activity == null ? null : activity.getProperties().get(BpmnProperties.TYPE);
    }
    return null;
  }

  /** The key of the process the event belongs to, or null if it belongs to none. */
  private static String processDefinitionKey(HistoryEventType eventType, Object entity) {
    if (eventType == HistoryEventTypes.DMN_DECISION_EVALUATE) {
      // a decision evaluated by a delegate of a process belongs to that process's history
      CoreExecutionContext<? extends CoreExecution> context = Context.getCoreExecutionContext();
      return context != null && context.getExecution() instanceof ExecutionEntity execution
          ? keyOf(execution) : null;
    }
    if (entity instanceof ExecutionEntity execution) {
      return keyOf(execution);
    }
    if (entity instanceof TaskEntity task) {
      return keyOfDefinition(task.getProcessDefinitionId());
    }
    if (entity instanceof VariableInstanceEntity variable) {
      return keyOfDefinition(variable.getProcessDefinitionId());
    }
    if (entity instanceof JobEntity job) {
      return job.getProcessDefinitionKey();
    }
    if (entity instanceof HistoryEvent event) {
      // the engine asks again before it writes a variable update to ACT_HI_DETAIL
      return event.getProcessDefinitionKey();
    }
    return null;
  }

  private static String keyOf(ExecutionEntity execution) {
    ProcessDefinitionEntity definition = execution.getProcessDefinition();
    return definition == null ? null : definition.getKey();
  }

  private static String keyOfDefinition(String definitionId) {
    if (definitionId == null || Context.getProcessEngineConfiguration() == null) {
      return null;
    }
    ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
        .getDeploymentCache().findDeployedProcessDefinitionById(definitionId);
    return definition == null ? null : definition.getKey();
  }
}
