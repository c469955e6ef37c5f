package com.oversight.sales;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessVariables.COMMITTEE_CONDITIONS;
import static com.oversight.platform.ProcessVariables.COMMITTEE_OUTCOME;
import static com.oversight.platform.ProcessVariables.COMMITTEE_OUTCOME_REASON;
import static com.oversight.platform.ProcessVariables.COMMITTEE_VOTES;
import static com.oversight.platform.ProcessVariables.ELIGIBLE_MEMBERS;
import static com.oversight.platform.ProcessVariables.REJECTION_RATIONALE;
import static com.oversight.platform.ProcessVariables.RISK_TIER;
import static com.oversight.platform.ProcessVariables.VOTING_ROUND;

import com.oversight.audit.AuditLedger;
import com.oversight.risk.RiskTier;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_TallyVotes: counts the round's votes with {@link CommitteeTally}. */
@Component
public class TallyVotesDelegate implements JavaDelegate {

  private final AuditLedger ledger;
  private final SaleSettings settings;

  public TallyVotesDelegate(AuditLedger ledger, SaleSettings settings) {
    this.ledger = ledger;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int round = ((Number) execution.getVariable(VOTING_ROUND)).intValue();
    List<Vote> votes = Vote.listOf(execution.getVariable(COMMITTEE_VOTES)).stream()
        .filter(v -> v.round() == round).toList();
    CommitteeTally.Result result = CommitteeTally.tally(votes,
        SaleLists.of(execution.getVariable(ELIGIBLE_MEMBERS)),
        RiskTier.valueOf(ProcessValues.text(execution, RISK_TIER)), settings.minimumVotes());
    execution.setVariable(COMMITTEE_OUTCOME, result.outcome().name());
    execution.setVariable(COMMITTEE_OUTCOME_REASON, result.reason());
    execution.setVariable(COMMITTEE_CONDITIONS, result.conditions());
    if (result.outcome() == CommitteeTally.Outcome.REJECTED) {
      execution.setVariable(REJECTION_RATIONALE, "Rejected by the GRC committee. "
          + result.reason() + "\n" + String.join("\n", votes.stream()
              .filter(v -> !v.conflictOfInterest() && v.vote() == Vote.Option.REJECT)
              .map(v -> v.member() + ": " + v.rationale()).toList()));
    }
    ledger.append(SaleProcess.caseId(execution), "COMMITTEE_TALLIED", ProcessValues.SYSTEM,
        ProcessValues.details("round", round, "outcome", result.outcome().name(),
            "reason", result.reason(), "excluded", result.excluded(),
            "conditions", result.conditions(), "tier", ProcessValues.text(execution, RISK_TIER)));
  }
}
