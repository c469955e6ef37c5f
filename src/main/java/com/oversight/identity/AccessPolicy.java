package com.oversight.identity;

import static com.oversight.identity.Groups.CAMUNDA_ADMIN;
import static com.oversight.identity.Groups.COMPLIANCE;
import static com.oversight.identity.Groups.GRC_COMMITTEE;
import static com.oversight.identity.Groups.INVESTIGATORS;
import static com.oversight.identity.Groups.LEGAL;
import static com.oversight.identity.Groups.MANAGERS;
import static com.oversight.identity.Groups.REVIEWERS;
import static com.oversight.identity.Groups.SALES;
import static com.oversight.platform.ProcessKeys.CUSTOMER_REASSESSMENT;
import static com.oversight.platform.ProcessKeys.GRIEVANCE;
import static com.oversight.platform.ProcessKeys.MISUSE_INVESTIGATION;
import static com.oversight.platform.ProcessKeys.POLICY_REVIEW;
import static com.oversight.platform.ProcessKeys.REASSESSMENT_SCHEDULE;
import static com.oversight.platform.ProcessKeys.REFERENCE_DATA_REVIEW;
import static com.oversight.platform.ProcessKeys.SALE_APPROVAL;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Who may do what in Camunda, in one table. Applied at every start-up by {@link IdentitySeeder}
 * (idempotently: a permission is added once, never removed, so changes made in Camunda Admin
 * survive). Task-level access comes from the models: the engine grants a task's candidate group
 * the right to work on that task.
 */
public final class AccessPolicy {

  private AccessPolicy() {}

  /** One grant: a group receives permissions on a resource (id {@code *} = all of them). */
  public record Grant(String groupId, Resource resource, String resourceId,
      List<Permission> permissions) {
    Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
      this(groupId, resource, resourceId, List.of(permissions));
    }
  }

  /** The processes each group may start from Tasklist or the API. */
  public static final Map<String, List<String>> STARTABLE = Map.of(
      SALES, List.of(SALE_APPROVAL),
      COMPLIANCE, List.of(REFERENCE_DATA_REVIEW, MISUSE_INVESTIGATION, CUSTOMER_REASSESSMENT,
          POLICY_REVIEW),
      GRC_COMMITTEE, List.of(MISUSE_INVESTIGATION, POLICY_REVIEW));

  /**
   * The processes whose instances, tasks and history each group may read. Sales see only their
   * own cases (granted per instance when a case starts), so they get none here. Grievances are
   * not here either: investigators get each grievance's instance and tasks one by one (instance
   * grant when the report arrives, task grants through the candidate group), so that a user-level
   * revoke can cut an excluded investigator off (identity.CaseExclusions).
   */
  public static final Map<String, List<String>> READABLE = Map.of(
      COMPLIANCE, List.of(SALE_APPROVAL, REFERENCE_DATA_REVIEW, MISUSE_INVESTIGATION,
          CUSTOMER_REASSESSMENT, POLICY_REVIEW, REASSESSMENT_SCHEDULE),
      GRC_COMMITTEE, List.of(SALE_APPROVAL, MISUSE_INVESTIGATION, CUSTOMER_REASSESSMENT,
          POLICY_REVIEW),
      INVESTIGATORS, List.of(MISUSE_INVESTIGATION),
      LEGAL, List.of(SALE_APPROVAL),
      REVIEWERS, List.of(POLICY_REVIEW));

  /** Every grant, filters aside (those are granted when the filters are created). */
  public static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    // Webapps: Tasklist for task workers, Cockpit for managers, everything for admins.
    for (String group : Groups.TASK_WORKERS) {
      grants.add(new Grant(group, APPLICATION, "tasklist", ACCESS));
    }
    grants.add(new Grant(MANAGERS, APPLICATION, "cockpit", ACCESS));
    for (Resources resource : Resources.values()) {
      grants.add(new Grant(CAMUNDA_ADMIN, resource, "*", ALL));
    }
    STARTABLE.forEach((group, keys) -> {
      grants.add(new Grant(group, PROCESS_INSTANCE, "*", CREATE));
      keys.forEach(key -> grants.add(new Grant(group, PROCESS_DEFINITION, key, READ,
          CREATE_INSTANCE)));
    });
    READABLE.forEach((group, keys) -> keys.forEach(key -> grants.add(
        new Grant(group, PROCESS_DEFINITION, key, READ, READ_INSTANCE, READ_TASK, READ_HISTORY))));
    // Investigators see the grievance definition (names, forms), not its instances as a whole.
    grants.add(new Grant(INVESTIGATORS, PROCESS_DEFINITION, GRIEVANCE, READ));
    // Managers: read everything the engine holds, change nothing.
    grants.add(new Grant(MANAGERS, PROCESS_DEFINITION, "*", READ, READ_INSTANCE, READ_TASK,
        READ_HISTORY));
    grants.add(new Grant(MANAGERS, PROCESS_INSTANCE, "*", READ));
    grants.add(new Grant(MANAGERS, TASK, "*", READ));
    grants.add(new Grant(MANAGERS, DECISION_DEFINITION, "*", READ, READ_HISTORY));
    grants.add(new Grant(MANAGERS, DECISION_REQUIREMENTS_DEFINITION, "*", READ));
    grants.add(new Grant(MANAGERS, DEPLOYMENT, "*", READ));
    return grants;
  }
}
