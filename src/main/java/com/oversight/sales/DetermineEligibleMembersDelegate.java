package com.oversight.sales;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessVariables.ELIGIBLE_MEMBERS;
import static com.oversight.platform.ProcessVariables.SUBMITTER;
import static com.oversight.platform.ProcessVariables.VOTING_ROUND;

import com.oversight.audit.AuditLedger;
import com.oversight.identity.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Task_DetermineEligibleMembers: opens a voting round (votingRound + 1) for the members of
 * grc-committee, the submitter excluded.
 */
@Component
public class DetermineEligibleMembersDelegate implements JavaDelegate {

  private final AuditLedger ledger;

  public DetermineEligibleMembersDelegate(AuditLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String submitter = ProcessValues.text(execution, SUBMITTER);
    IdentityService identityService = execution.getProcessEngineServices().getIdentityService();
    List<String> members = identityService.createUserQuery().memberOfGroup(Groups.GRC_COMMITTEE)
        .list().stream().map(User::getId).filter(id -> !id.equals(submitter)).sorted().toList();
    Object previous = execution.getVariable(VOTING_ROUND);
    int round = (previous instanceof Number n ? n.intValue() : 0) + 1;
    execution.setVariable(VOTING_ROUND, round);
    execution.setVariable(ELIGIBLE_MEMBERS, String.join(",", members));
    ledger.append(SaleProcess.caseId(execution), "COMMITTEE_ROUND_OPENED", ProcessValues.SYSTEM,
        ProcessValues.details("round", round, "eligibleMembers", members));
  }
}
