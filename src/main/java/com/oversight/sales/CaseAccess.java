package com.oversight.sales;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Sales see their own cases only: the submitter gets READ on the one process instance of the
 * case (AccessPolicy grants sales nothing on sale approvals as a whole).
 */
@Component
public class CaseAccess {

  private final AuthorizationService authorizationService;

  public CaseAccess(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void grantSubmitterRead(String submitter, String processInstanceId) {
    if (submitter == null || authorizationService.createAuthorizationQuery().userIdIn(submitter)
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).count() > 0) {
      return;
    }
    grantSubmitterReadOfNewInstance(submitter, processInstanceId);
  }

  /** The same for an instance just started in this transaction: nobody has a grant on it yet. */
  public void grantSubmitterReadOfNewInstance(String submitter, String processInstanceId) {
    Authorization grant = authorizationService.createNewAuthorization(
        Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(submitter);
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(processInstanceId);
    grant.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(grant);
  }
}
