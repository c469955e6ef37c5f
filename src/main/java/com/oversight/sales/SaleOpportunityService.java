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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits opportunities and answers who may see which case. A submission checks its input, takes
 * the case's business key (a short transaction of its own, see {@link SaleCases#nextBusinessKey()}),
 * then registers the case and starts SaleApprovalProcess (business key = the case's) in one
 * transaction: on bad input nothing is stored, no number is taken and nothing starts.
 */
@Service
public class SaleOpportunityService {

  private final SaleCases saleCases;
  private final ReferenceData referenceData;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CaseAccess caseAccess;
  private final AuditLedger ledger;
  private final TransactionTemplate transaction;

  public SaleOpportunityService(SaleCases saleCases, ReferenceData referenceData,
      RuntimeService runtimeService, IdentityService identityService, CaseAccess caseAccess,
      AuditLedger ledger, PlatformTransactionManager transactions) {
    this.transaction = new TransactionTemplate(transactions);
    this.saleCases = saleCases;
    this.referenceData = referenceData;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.caseAccess = caseAccess;
    this.ledger = ledger;
  }

  /**
   * Submits an opportunity as {@code submitter}, a member of {@code groups} (the engine checks
   * their right to start the process with them).
   */
  public SaleCase submit(String submitter, List<String> groups, Opportunity opportunity) {
    if (referenceData.findCountry(opportunity.country()).isEmpty()) {
      throw ApiProblem.badField("country", "\"" + opportunity.country()
          + "\" is not a known ISO 3166-1 country code");
    }
    if (!InformationCheck.isCurrency(opportunity.currency())) {
      throw ApiProblem.badField("currency", "\"" + opportunity.currency()
          + "\" is not an ISO 4217 currency code");
    }
    saleCases.checkStorable(opportunity);
    // before the transaction: concurrent submissions wait for each other only for the number
    String businessKey = saleCases.nextBusinessKey();
    return transaction.execute(status -> register(businessKey, submitter, groups, opportunity));
  }

  private SaleCase register(String businessKey, String submitter, List<String> groups,
      Opportunity opportunity) {
    SaleCase saleCase = saleCases.create(businessKey, submitter, opportunity,
        CaseStatus.SUBMITTED);
    // the opportunity is in the case (ov_sale_case), not in the process
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_ID, saleCase.id());
    variables.put(BUSINESS_KEY, saleCase.businessKey());
    variables.put(SUBMITTER, submitter);
    ProcessInstance instance;
    // the initiator is recorded, and the engine checks the submitter's own right to start it
    identityService.setAuthentication(submitter, groups);
    try {
      instance = runtimeService.startProcessInstanceByKey(ProcessKeys.SALE_APPROVAL,
          saleCase.businessKey(), variables);
    } finally {
      identityService.clearAuthentication();
    }
    saleCases.linkProcessInstance(saleCase.id(), instance.getId());
    caseAccess.grantSubmitterReadOfNewInstance(submitter, instance.getId());
    // written as the transaction commits: the ledger's lock is held only for the commit
    ledger.appendAtCommit(saleCase.id(), "OPPORTUNITY_SUBMITTED", submitter,
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
