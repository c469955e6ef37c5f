package com.oversight.sales;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessVariables.CUSTOMER_ID;
import static com.oversight.platform.ProcessVariables.REASSESSMENT_DUE;
import static com.oversight.platform.ProcessVariables.RISK_TIER;

import com.oversight.audit.AuditLedger;
import com.oversight.risk.RiskTier;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ActivateCustomer: the customer becomes ACTIVE with a re-assessment due date by tier
 * (oversight.sales.reassessment.low/medium/high).
 */
@Component
public class ActivateCustomerDelegate implements JavaDelegate {

  private final SaleCases saleCases;
  private final SaleSettings settings;
  private final AuditLedger ledger;

  public ActivateCustomerDelegate(SaleCases saleCases, SaleSettings settings,
      AuditLedger ledger) {
    this.saleCases = saleCases;
    this.settings = settings;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = SaleProcess.caseId(execution);
    SaleCase saleCase = saleCases.find(caseId).orElseThrow(
        () -> new IllegalStateException("No sale case " + caseId));
    RiskTier tier = RiskTier.valueOf(ProcessValues.text(execution, RISK_TIER));
    LocalDate due = settings.reassessmentDue(tier, SaleSettings.today());
    String customerId = saleCases.activateCustomer(saleCase, tier.name(), due);
    execution.setVariable(CUSTOMER_ID, customerId);
    execution.setVariable(REASSESSMENT_DUE, due.toString());
    ledger.append(caseId, "CUSTOMER_ACTIVATED", ProcessValues.SYSTEM, ProcessValues.details(
        "customerId", customerId, "tier", tier.name(), "reassessmentDue", due.toString()));
  }
}
