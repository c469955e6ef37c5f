package com.oversight.identity;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates Oversight's groups, the administrator, the demo users (try-it mode only), the
 * authorizations of {@link AccessPolicy} and the shared Tasklist filters. Idempotent: safe at
 * every start-up, adds what is missing and changes nothing that is there.
 */
@Component
public class IdentitySeeder {

  public static final String DEMO_PASSWORD = "demo";
  public static final String FILTER_MY_TASKS = "My tasks";
  public static final String FILTER_GROUP_TASKS = "Tasks for my groups";
  public static final String FILTER_COMMITTEE_VOTES = "My committee votes";
  public static final String FILTER_DUE_DILIGENCE = "Due diligence";
  public static final String FILTER_LEGAL = "Legal";
  public static final String FILTER_INVESTIGATIONS = "Investigations";
  public static final String FILTER_REASSESSMENTS = "Re-assessments";
  public static final String FILTER_POLICY_REVIEW = "Policy review";
  static final String SALE_APPROVAL_PROCESS = "SaleApprovalProcess";
  private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);

  /** Demo users of try-it mode: id, first name, last name, group. */
  static final List<List<String>> DEMO_USERS = List.of(
      List.of("sara", "Sara", "Salinas", Groups.SALES),
      List.of("carl", "Carl", "Compton", Groups.COMPLIANCE),
      List.of("gina", "Gina", "Gomez", Groups.GRC_COMMITTEE),
      List.of("greg", "Greg", "Green", Groups.GRC_COMMITTEE),
      List.of("grace", "Grace", "Grant", Groups.GRC_COMMITTEE),
      List.of("ivan", "Ivan", "Ivanov", Groups.INVESTIGATORS),
      List.of("iris", "Iris", "Ito", Groups.INVESTIGATORS),
      List.of("lena", "Lena", "Lund", Groups.LEGAL),
      List.of("mona", "Mona", "Moreau", Groups.MANAGERS),
      List.of("rex", "Rex", "Reed", Groups.REVIEWERS));

  /**
   * A shared Tasklist filter: its name, description, priority (Tasklist lists filters by
   * ascending priority and opens the first), the tasks it shows, and the groups that may read
   * it. The group filters come first, so that each user lands on their own work.
   */
  record TaskFilter(String name, String description, int priority,
      UnaryOperator<TaskQuery> criteria, List<String> readers) {}

  /** Oversight's shared Tasklist filters; a user sees only those of their groups. */
  static final List<TaskFilter> TASK_FILTERS = List.of(
      new TaskFilter(FILTER_COMMITTEE_VOTES,
          "Sale approvals waiting for my vote as a member of the GRC committee", -30,
          q -> q.processDefinitionKey(SALE_APPROVAL_PROCESS).taskAssigneeExpression(
              "${currentUser()}"), List.of(Groups.GRC_COMMITTEE)),
      new TaskFilter(FILTER_DUE_DILIGENCE,
          "Human-rights due diligence of the compliance team: dossiers, low-risk reviews, "
              + "country data", -30,
          q -> q.taskCandidateGroup(Groups.COMPLIANCE).includeAssignedTasks(),
          List.of(Groups.COMPLIANCE)),
      new TaskFilter(FILTER_LEGAL,
          "Legal: contract clauses and export-authority notifications", -30,
          q -> q.taskCandidateGroup(Groups.LEGAL).includeAssignedTasks(),
          List.of(Groups.LEGAL)),
      new TaskFilter(FILTER_INVESTIGATIONS,
          "Grievances and misuse investigations of the investigators", -30,
          q -> q.taskCandidateGroup(Groups.INVESTIGATORS).includeAssignedTasks(),
          List.of(Groups.INVESTIGATORS)),
      new TaskFilter(FILTER_REASSESSMENTS,
          "Customer re-assessments: compliance reviews and the committee's decisions", -20,
          q -> q.processDefinitionKey("CustomerReassessmentProcess"),
          List.of(Groups.COMPLIANCE, Groups.GRC_COMMITTEE)),
      new TaskFilter(FILTER_POLICY_REVIEW,
          "The periodic policy review: expert review, stakeholder dialogue, amendments and the "
              + "committee's approval", -15,
          q -> q.processDefinitionKey("PolicyReviewProcess"),
          List.of(Groups.COMPLIANCE, Groups.GRC_COMMITTEE, Groups.REVIEWERS)),
      new TaskFilter(FILTER_MY_TASKS, "Tasks assigned to me", -10,
          q -> q.taskAssigneeExpression("${currentUser()}"), Groups.TASK_WORKERS),
      new TaskFilter(FILTER_GROUP_TASKS, "Unclaimed tasks for the groups I belong to", -5,
          q -> q.taskCandidateGroupInExpression("${currentUserGroups()}"), Groups.TASK_WORKERS));

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final IdentityProperties identity;
  private final TryItProperties tryIt;

  public IdentitySeeder(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, IdentityProperties identity,
      TryItProperties tryIt) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.identity = identity;
    this.tryIt = tryIt;
    if (!tryIt.enabled()) {
      AdminPasswordPolicy.problem(identity.adminUser(), identity.adminPassword()).ifPresent(p -> {
        throw new IllegalStateException("Oversight refuses to start: " + p);
      });
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void seed() {
    Groups.ALL.forEach(this::ensureGroup);
    String adminPassword = tryIt.enabled() ? DEMO_PASSWORD : identity.adminPassword();
    ensureUser(identity.adminUser(), "Oversight", "Administrator", adminPassword,
        Groups.CAMUNDA_ADMIN);
    if (tryIt.enabled()) {
      DEMO_USERS.forEach(u -> ensureUser(u.get(0), u.get(1), u.get(2), DEMO_PASSWORD, u.get(3)));
      LOG.info("Try-it mode: demo users {} with the password '{}'",
          DEMO_USERS.stream().map(u -> u.get(0)).toList(), DEMO_PASSWORD);
    }
    AccessPolicy.grants().forEach(g ->
        grant(g.groupId(), g.resource(), g.resourceId(), g.permissions()));
    TASK_FILTERS.forEach(this::ensureFilter);
  }

  private void ensureGroup(String groupId) {
    if (identityService.createGroupQuery().groupId(groupId).singleResult() == null) {
      Group group = identityService.newGroup(groupId);
      group.setName(Groups.displayName(groupId));
      group.setType(Groups.CAMUNDA_ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void ensureUser(String id, String first, String last, String password, String group) {
    if (identityService.createUserQuery().userId(id).singleResult() == null) {
      User user = identityService.newUser(id);
      user.setFirstName(first);
      user.setLastName(last);
      user.setEmail(id + "@oversight.example");
      user.setPassword(password);
      identityService.saveUser(user);
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identityService.createMembership(id, group);
    }
  }

  private void grant(String groupId, org.camunda.bpm.engine.authorization.Resource resource,
      String resourceId, List<Permission> permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list().stream()
        .filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
        .findFirst().orElse(null);
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (permissions.stream().allMatch(authorization::isPermissionGranted)) {
      return;
    }
    permissions.forEach(authorization::addPermission);
    authorizationService.saveAuthorization(authorization);
  }

  private void ensureFilter(TaskFilter definition) {
    Filter filter = filterService.createFilterQuery().filterName(definition.name()).list()
        .stream().findFirst().orElse(null);
    if (filter == null) {
      filter = filterService.newTaskFilter(definition.name())
          .setQuery(definition.criteria().apply(taskService.createTaskQuery()))
          .setProperties(Map.of("description", definition.description(),
              "priority", definition.priority(), "refresh", true));
      filterService.saveFilter(filter);
    }
    for (String group : definition.readers()) {
      grant(group, Resources.FILTER, filter.getId(), List.of(Permissions.READ));
    }
  }
}
