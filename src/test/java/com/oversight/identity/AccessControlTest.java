package com.oversight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/** Who gets in where: engine REST, Oversight's API, the webapps, and the Camunda grants. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccessControlTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentitySeeder seeder;
  @Autowired FilterService filterService;

  @Test
  void engineRestNeedsCredentials() {
    ResponseEntity<String> anonymous = rest.getForEntity("/engine-rest/process-definition",
        String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<String> admin = rest.withBasicAuth("admin", "demo")
        .getForEntity("/engine-rest/process-definition", String.class);
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void engineRestAppliesCamundaAuthorizations() {
    // sara (sales) may not list deployments; mona (managers) may read them
    ResponseEntity<String> sara = rest.withBasicAuth("sara", "demo")
        .getForEntity("/engine-rest/deployment", String.class);
    assertThat(sara.getBody()).isEqualTo("[]");
    ResponseEntity<String> mona = rest.withBasicAuth("mona", "demo")
        .getForEntity("/engine-rest/deployment", String.class);
    assertThat(mona.getBody()).contains("oversight-processes");
  }

  @Test
  void apiNeedsCredentialsAndAnswersWithProblemJson() {
    ResponseEntity<String> anonymous = rest.getForEntity("/api/reference/countries", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("Basic");

    // a user of its own: Camunda locks a user out for a few seconds after a wrong password
    if (identityService.createUserQuery().userId("probe").count() == 0) {
      org.camunda.bpm.engine.identity.User probe = identityService.newUser("probe");
      probe.setPassword("probe-password");
      identityService.saveUser(probe);
      identityService.createMembership("probe", Groups.COMPLIANCE);
    }
    ResponseEntity<String> wrongPassword = rest.withBasicAuth("probe", "not-the-password")
        .getForEntity("/api/reference/countries", String.class);
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void apiChecksTheGroupBeforeReadingTheInput() {
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> sara = rest.withBasicAuth("sara", "demo").postForEntity(
        "/api/risk/assessments", new HttpEntity<>("{\"country\": 42}", json), String.class);
    assertThat(sara.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(sara.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

    HttpHeaders csv = new HttpHeaders();
    csv.setContentType(MediaType.parseMediaType("text/csv"));
    ResponseEntity<String> mona = rest.withBasicAuth("mona", "demo").postForEntity(
        "/api/reference/countries/imports", new HttpEntity<>("alpha2\n", csv), String.class);
    assertThat(mona.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anApiPathWithoutAnAccessRuleIsClosedEvenToAdministrators() {
    ResponseEntity<String> admin = rest.withBasicAuth("admin", "demo")
        .getForEntity("/api/not-yet-built", String.class);
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void apiDocumentationNeedsASignedInUser() {
    assertThat(rest.getForEntity("/v3/api-docs", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> docs = rest.withBasicAuth("mona", "demo")
        .getForEntity("/v3/api-docs", String.class);
    assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(docs.getBody()).contains("Oversight API");
  }

  @ParameterizedTest(name = "{0} signing in to {1}: {2}")
  @CsvSource({
      "sara,  tasklist, 200", "sara,  cockpit, 403", "sara,  admin, 403",
      "carl,  tasklist, 200", "carl,  cockpit, 403",
      "grace, tasklist, 200", "ivan,  tasklist, 200", "lena,  tasklist, 200",
      "rex,   tasklist, 200",
      "mona,  cockpit,  200", "mona,  tasklist, 403", "mona,  admin, 403",
      "admin, cockpit,  200", "admin, tasklist, 200", "admin, admin, 200"})
  void webappsAreOpenToTheRightGroups(String user, String app, int expected) {
    // Camunda's webapps protect their login with a CSRF token: fetch it first, like a browser
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/",
        String.class);
    List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-XSRF-TOKEN", token);
    cookies.forEach(c -> headers.add(HttpHeaders.COOKIE, c.substring(0, c.indexOf(';'))));
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", "demo");
    ResponseEntity<String> login = rest.exchange(
        "/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode().value()).isEqualTo(expected);
  }

  @Test
  void everyGroupAndDemoUserExists() {
    assertThat(identityService.createGroupQuery().list()).extracting("id")
        .containsAll(Groups.ALL);
    for (List<String> user : IdentitySeeder.DEMO_USERS) {
      assertThat(identityService.checkPassword(user.get(0), "demo")).isTrue();
      assertThat(identityService.createUserQuery().userId(user.get(0))
          .memberOfGroup(user.get(3)).count()).isEqualTo(1);
    }
  }

  @Test
  void seedingAgainChangesNothing() {
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long users = identityService.createUserQuery().count();
    long demoUsers = identityService.createUserQuery().userIdIn(IdentitySeeder.DEMO_USERS.stream()
        .map(u -> u.get(0)).toArray(String[]::new)).count();
    long filters = filterService.createFilterQuery().count();
    seeder.seed();
    seeder.seed();
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters)
        .isEqualTo(IdentitySeeder.TASK_FILTERS.size());
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(demoUsers).isEqualTo(IdentitySeeder.DEMO_USERS.size());
  }

  @ParameterizedTest(name = "{0} sees the Tasklist filters [{1}]")
  @CsvSource({
      "sara,  My tasks|Tasks for my groups",
      "carl,  Due diligence|Re-assessments|Policy review|My tasks|Tasks for my groups",
      "gina,  My committee votes|Re-assessments|Policy review|My tasks|Tasks for my groups",
      "grace, My committee votes|Re-assessments|Policy review|My tasks|Tasks for my groups",
      "ivan,  Investigations|My tasks|Tasks for my groups",
      "iris,  Investigations|My tasks|Tasks for my groups",
      "lena,  Legal|My tasks|Tasks for my groups",
      "rex,   Policy review|My tasks|Tasks for my groups",
      "mona,  ''"})
  void eachUserSeesExactlyTheFiltersOfTheirGroups(String user, String expected) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList();
    identityService.setAuthentication(user, groups);
    try {
      List<String> names = filterService.createTaskFilterQuery().list().stream()
          .map(Filter::getName).toList();
      assertThat(names).containsExactlyInAnyOrder(
          expected.isEmpty() ? new String[0] : expected.split("\\|"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void groupFiltersComeFirstAndSayWhatTheyShow() {
    List<Filter> filters = filterService.createTaskFilterQuery().list();
    assertThat(filters).allSatisfy(f -> {
      assertThat(f.getProperties()).containsKeys("description", "priority");
      assertThat((String) f.getProperties().get("description")).isNotBlank();
    });
    assertThat(priority(IdentitySeeder.FILTER_DUE_DILIGENCE))
        .isLessThan(priority(IdentitySeeder.FILTER_MY_TASKS));
    TaskQueryImpl votes = query(IdentitySeeder.FILTER_COMMITTEE_VOTES);
    assertThat(votes.getProcessDefinitionKey()).isEqualTo("SaleApprovalProcess");
    assertThat(votes.getExpressions()).containsEntry("taskAssignee", "${currentUser()}");
    assertThat(query(IdentitySeeder.FILTER_DUE_DILIGENCE).getCandidateGroup())
        .isEqualTo(Groups.COMPLIANCE);
    assertThat(query(IdentitySeeder.FILTER_LEGAL).getCandidateGroup()).isEqualTo(Groups.LEGAL);
    assertThat(query(IdentitySeeder.FILTER_INVESTIGATIONS).getCandidateGroup())
        .isEqualTo(Groups.INVESTIGATORS);
  }

  private Filter filter(String name) {
    return filterService.createTaskFilterQuery().filterName(name).singleResult();
  }

  private int priority(String name) {
    return ((Number) filter(name).getProperties().get("priority")).intValue();
  }

  private TaskQueryImpl query(String name) {
    return (TaskQueryImpl) filter(name).getQuery();
  }

  @Test
  void managersReadButDoNotChange() {
    assertThat(can("mona", Permissions.READ, Resources.PROCESS_INSTANCE, "any")).isTrue();
    assertThat(can("mona", Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION,
        "SaleApprovalProcess")).isTrue();
    assertThat(can("mona", Permissions.READ, Resources.TASK, "any")).isTrue();
    assertThat(can("mona", Permissions.UPDATE, Resources.PROCESS_INSTANCE, "any")).isFalse();
    assertThat(can("mona", Permissions.DELETE, Resources.PROCESS_INSTANCE, "any")).isFalse();
    assertThat(can("mona", Permissions.UPDATE, Resources.TASK, "any")).isFalse();
    assertThat(can("mona", Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "SaleApprovalProcess")).isFalse();
  }

  @Test
  void eachGroupStartsOnlyItsProcesses() {
    assertThat(can("sara", Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "SaleApprovalProcess")).isTrue();
    assertThat(can("sara", Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "PolicyReviewProcess")).isFalse();
    assertThat(can("carl", Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "ReferenceDataReviewProcess")).isTrue();
    assertThat(can("carl", Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "SaleApprovalProcess")).isFalse();
    // investigators read grievances one instance at a time (granted when a report arrives), so
    // that naming one of them in a report can revoke it; they see the definition itself
    assertThat(can("ivan", Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION,
        "GrievanceProcess")).isFalse();
    assertThat(can("ivan", Permissions.READ, Resources.PROCESS_DEFINITION,
        "GrievanceProcess")).isTrue();
    assertThat(can("carl", Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION,
        "GrievanceProcess")).isFalse();
    assertThat(can("mona", Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION,
        "GrievanceProcess")).isTrue();
    // sales see only their own cases: no blanket read of sale-approval instances
    assertThat(can("sara", Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION,
        "SaleApprovalProcess")).isFalse();
  }

  private boolean can(String user, Permission permission, Resource resource, String id) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList();
    return authorizationService.isUserAuthorized(user, groups, permission, resource, id);
  }
}
