package com.oversight.identity;

import static com.oversight.platform.ProcessVariables.CASE_REF;
import static com.oversight.platform.ProcessVariables.RELATED_CASE_REF;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conflict-of-interest exclusions, enforced by the server. A user excluded from a case (named in
 * a grievance, or who declared a conflict) gets a user-level REVOKE on every task and process
 * instance of the case, which overrides the grants of their groups, so the case disappears from
 * their Tasklist and from the engine REST API; {@link CaseExclusionListener} refuses any attempt
 * to assign or complete its tasks; capability code asks {@link #isExcluded} before showing
 * content. A case is found by its {@code caseRef} variable; a case started from another (an
 * investigation from a grievance) also honours the exclusions of its {@code relatedCaseRef}.
 */
@Service
public class CaseExclusions {

  /** Why a user is excluded. */
  public enum Reason { NAMED_IN_REPORT, DECLARED_CONFLICT }

  private final JdbcTemplate jdbc;
  private final AuthorizationService authorizations;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final Clock clock;

  public CaseExclusions(JdbcTemplate jdbc, @Lazy AuthorizationService authorizations,
      @Lazy TaskService tasks, @Lazy RuntimeService runtime, Clock clock) {
    this.jdbc = jdbc;
    this.authorizations = authorizations;
    this.tasks = tasks;
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * Excludes a user from a case and cuts their access at once: open tasks of the case (and of
   * the cases started from it) assigned to them are unassigned, and every open task and instance
   * is revoked for them. Idempotent.
   */
  @Transactional
  public void exclude(String caseRef, String userId, Reason reason, String recordedBy) {
    Objects.requireNonNull(caseRef, "caseRef");
    Objects.requireNonNull(userId, "userId");
    Integer known = jdbc.queryForObject(
        "SELECT COUNT(*) FROM ov_case_exclusion WHERE case_ref = ? AND user_id = ?",
        Integer.class, caseRef, userId);
    if (known == 0) {
      jdbc.update("INSERT INTO ov_case_exclusion (case_ref, user_id, reason, recorded_by,"
          + " recorded_at) VALUES (?, ?, ?, ?, ?)", caseRef, userId, reason.name(), recordedBy,
          Timestamp.from(clock.instant()));
    }
    for (String variable : List.of(CASE_REF, RELATED_CASE_REF)) {
      for (ProcessInstance instance : runtime.createProcessInstanceQuery()
          .variableValueEquals(variable, caseRef).list()) {
        revoke(userId, Resources.PROCESS_INSTANCE, instance.getId());
        for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
          if (userId.equals(task.getAssignee())) {
            tasks.setAssignee(task.getId(), null);
          }
          revoke(userId, Resources.TASK, task.getId());
        }
      }
    }
  }

  /** Whether the user is excluded from any of the cases (null references are ignored). */
  public boolean isExcluded(String userId, String... caseRefs) {
    return userId != null && excludedUsers(caseRefs).contains(userId);
  }

  /** The users excluded from any of the cases. */
  public Set<String> excludedUsers(String... caseRefs) {
    List<String> refs = Arrays.stream(caseRefs).filter(Objects::nonNull).toList();
    Set<String> users = new LinkedHashSet<>();
    for (String ref : refs) {
      users.addAll(jdbc.queryForList(
          "SELECT user_id FROM ov_case_exclusion WHERE case_ref = ? ORDER BY user_id",
          String.class, ref));
    }
    return users;
  }

  /** Revokes a task for the given users (used when a task of an excluded case is created). */
  void revokeTask(String taskId, Collection<String> userIds) {
    userIds.forEach(user -> revoke(user, Resources.TASK, taskId));
  }

  /** Revokes a process instance for the given users. */
  public void revokeInstance(String processInstanceId, Collection<String> userIds) {
    userIds.forEach(user -> revoke(user, Resources.PROCESS_INSTANCE, processInstanceId));
  }

  private void revoke(String userId, Resource resource, String resourceId) {
    boolean present = authorizations.createAuthorizationQuery().userIdIn(userId)
        .resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_REVOKE)
        .count() > 0;
    if (present) {
      return;
    }
    Authorization revoke = authorizations.createNewAuthorization(AUTH_TYPE_REVOKE);
    revoke.setUserId(userId);
    revoke.setResource(resource);
    revoke.setResourceId(resourceId);
    revoke.removePermission(Permissions.ALL);
    authorizations.saveAuthorization(revoke);
  }
}
