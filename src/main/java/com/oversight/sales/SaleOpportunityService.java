package com.oversight.sales;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessVariables.BUSINESS_KEY;
import static com.oversight.platform.ProcessVariables.CASE_ID;
import static com.oversight.platform.ProcessVariables.SUBMITTER;

import com.oversight.audit.AuditLedger;
import com.oversight.platform.ApiProblem;
import com.oversight.platform.ProcessKeys;
import com.oversight.referencedata.ReferenceData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits opportunities and answers who may see which case. A submission registers the case and
 * starts SaleApprovalProcess (business key = the case's) in one transaction: on bad input nothing
 * is stored and nothing starts.
 */
@Service
public class SaleOpportunityService {

  private final SaleCases saleCases;
  private final ReferenceData referenceData;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CaseAccess caseAccess;
  private final AuditLedger ledger;

  public SaleOpportunityService(SaleCases saleCases, ReferenceData referenceData,
      RuntimeService runtimeService, IdentityService identityService, CaseAccess caseAccess,
      AuditLedger ledger) {
    this.saleCases = saleCases;
    this.referenceData = referenceData;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.caseAccess = caseAccess;
    this.ledger = ledger;
  }

  @Transactional
  public SaleCase submit(String submitter, Opportunity opportunity) {
    if (referenceData.findCountry(opportunity.country()).isEmpty()) {
      throw ApiProblem.badField("country", "\"" + opportunity.country()
          + "\" is not a known ISO 3166-1 country code");
    }
    if (!InformationCheck.isCurrency(opportunity.currency())) {
      throw ApiProblem.badField("currency", "\"" + opportunity.currency()
          + "\" is not an ISO 4217 currency code");
    }
    SaleCase saleCase = saleCases.create(submitter, opportunity, CaseStatus.SUBMITTED);
    // the opportunity is in the case (ov_sale_case), not in the process
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_ID, saleCase.id());
    variables.put(BUSINESS_KEY, saleCase.businessKey());
    variables.put(SUBMITTER, submitter);
    ProcessInstance instance;
    // the initiator is recorded, and the engine checks the submitter's own right to start it
    List<String> groups = identityService.createGroupQuery().groupMember(submitter).list()
        .stream().map(org.camunda.bpm.engine.identity.Group::getId).toList();
    identityService.setAuthentication(submitter, groups);
    try {
      instance = runtimeService.startProcessInstanceByKey(ProcessKeys.SALE_APPROVAL,
          saleCase.businessKey(), variables);
    } finally {
      identityService.clearAuthentication();
    }
    saleCases.linkProcessInstance(saleCase.id(), instance.getId());
    caseAccess.grantSubmitterRead(submitter, instance.getId());
    ledger.append(saleCase.id(), "OPPORTUNITY_SUBMITTED", submitter,
        ProcessValues.details("businessKey", saleCase.businessKey(), "channel", "api"));
    return saleCases.find(saleCase.id()).orElseThrow();
  }

  /** The cases a caller may see: all of them for reviewers, their own for sales. */
  public List<SaleCase> visibleTo(String user, boolean seesAll) {
    return saleCases.list(seesAll ? null : user);
  }

  /** One case, if the caller may see it (sales: only their own). */
  public Optional<SaleCase> find(String id, String user, boolean seesAll) {
    return saleCases.find(id).filter(c -> seesAll || c.submitter().equals(user));
  }
}
