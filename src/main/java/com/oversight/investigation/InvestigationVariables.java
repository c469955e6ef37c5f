package com.oversight.investigation;

import static com.oversight.platform.ProcessVariables.COUNTRY;
import static com.oversight.platform.ProcessVariables.CUSTOMER_AGENCY;
import static com.oversight.platform.ProcessVariables.CUSTOMER_ID;
import static com.oversight.platform.ProcessVariables.CUSTOMER_KNOWN;
import static com.oversight.platform.ProcessVariables.CUSTOMER_STATUS;
import static com.oversight.platform.ProcessVariables.INVESTIGATION_TITLE;

import com.oversight.investigation.InvestigationService.Subject;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Writes the variables that say whom an investigation concerns. */
final class InvestigationVariables {

  private InvestigationVariables() {}

  static void subject(VariableScope scope, Subject subject) {
    scope.setVariable(CUSTOMER_ID, subject.customerId());
    scope.setVariable(CUSTOMER_AGENCY, subject.agency());
    scope.setVariable(COUNTRY, subject.country());
    scope.setVariable(CUSTOMER_STATUS, subject.status());
    scope.setVariable(CUSTOMER_KNOWN, subject.known());
    scope.setVariable(INVESTIGATION_TITLE, subject.title());
  }
}
