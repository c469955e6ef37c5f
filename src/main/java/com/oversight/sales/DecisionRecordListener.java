package com.oversight.sales;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessVariables.*;

import com.oversight.audit.AuditLedger;
import com.oversight.platform.TaskRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of each user task of the sale approval: checks what the form cannot (a rationale
 * required unless the vote is a plain approval, conditions with a conditional approval...),
 * refusing the completion with a {@link TaskRefusal} that names the field, derives
 * the variables the gateways read, and appends the decision to the {@link AuditLedger} with its
 * author.
 */
@Component
public class DecisionRecordListener implements TaskListener {

  static final Map<String, String> CLAUSES = Map.of(
      CLAUSE_LAWFUL_USE, "Use limited to preventing and investigating serious crime and terrorism",
      CLAUSE_NO_TARGETING, "No targeting of people for exercising their rights",
      CLAUSE_AUDIT_COOPERATION, "Audit and cooperation with investigations",
      CLAUSE_SUSPEND_TERMINATE, "Right to suspend access, withhold updates and terminate on misuse");

  /** Tasks only their assignee may complete: each member's vote, the chair's decision. */
  static final Set<String> PERSONAL = Set.of("Task_Vote", "Task_ChairDeliberation");

  private final AuditLedger ledger;

  public DecisionRecordListener(AuditLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = ProcessValues.actor(task);
    String caseId = SaleProcess.caseId(task);
    if (PERSONAL.contains(task.getTaskDefinitionKey()) && task.getAssignee() != null
        && !task.getAssignee().equals(actor)) {
      throw TaskRefusal.forbidden("Only " + task.getAssignee() + " can complete \""
          + task.getName() + "\": a vote or the chair's decision is personal (" + actor
          + " tried)");
    }
    switch (task.getTaskDefinitionKey()) {
      case "Task_CompleteInformation" -> ledger.append(caseId, "INFORMATION_COMPLETED", actor,
          ProcessValues.details("note", ProcessValues.text(task, INFORMATION_NOTE)));
      case "Task_ReviewLowRisk" -> {
        String decision = oneOf(task, LOW_RISK_DECISION, Set.of("APPROVE", "REJECT", "ESCALATE"));
        String rationale = ProcessValues.text(task, LOW_RISK_RATIONALE);
        if (!"APPROVE".equals(decision)) {
          required(rationale, LOW_RISK_RATIONALE, "a rationale is required to " + decision
              .toLowerCase());
        }
        if ("REJECT".equals(decision)) {
          task.setVariable(REJECTION_RATIONALE, "Rejected by compliance: " + rationale);
        }
        ledger.append(caseId, "LOW_RISK_REVIEWED", actor, ProcessValues.details("decision",
            decision, "rationale", rationale, "tier", ProcessValues.text(task, RISK_TIER)));
      }
      case "Task_PrepareDossier" -> {
        required(ProcessValues.text(task, DOSSIER_FINDINGS), DOSSIER_FINDINGS, "is required");
        required(ProcessValues.text(task, DOSSIER_SOURCES), DOSSIER_SOURCES, "is required");
        ledger.append(caseId, "DOSSIER_PREPARED", actor, ProcessValues.details(
            "findings", ProcessValues.text(task, DOSSIER_FINDINGS),
            "sources", ProcessValues.text(task, DOSSIER_SOURCES),
            "proposedConditions", ProcessValues.text(task, PROPOSED_CONDITIONS),
            "tier", ProcessValues.text(task, RISK_TIER)));
      }
      case "Task_Vote" -> recordVote(task, caseId);
      case "Task_ChairDeliberation" -> {
        String decision = oneOf(task, CHAIR_DECISION,
            Set.of("APPROVE", "APPROVE_WITH_CONDITIONS", "REJECT"));
        String rationale = ProcessValues.text(task, CHAIR_RATIONALE);
        required(rationale, CHAIR_RATIONALE, "the chair's rationale is required");
        String conditions = ProcessValues.text(task, CHAIR_CONDITIONS);
        if ("APPROVE_WITH_CONDITIONS".equals(decision)) {
          required(conditions, CHAIR_CONDITIONS, "name the conditions, one a line");
        }
        task.setVariable(COMMITTEE_CONDITIONS,
            "APPROVE_WITH_CONDITIONS".equals(decision) ? conditions : "");
        if ("REJECT".equals(decision)) {
          task.setVariable(REJECTION_RATIONALE, "Rejected by the committee chair: " + rationale);
        }
        ledger.append(caseId, "CHAIR_DECIDED", actor, ProcessValues.details("decision", decision,
            "rationale", rationale, "conditions", conditions,
            "tier", ProcessValues.text(task, RISK_TIER)));
      }
      case "Task_ConfirmContractClauses" -> {
        List<String> missing = new ArrayList<>();
        CLAUSES.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .filter(clause -> !ProcessValues.flag(task, clause.getKey()))
            .forEach(clause -> missing.add(clause.getValue()));
        boolean export = ProcessValues.flag(task, EXPORT_NOTIFICATION_REQUIRED);
        if (export) {
          required(ProcessValues.text(task, AUTHORITY_NAME), AUTHORITY_NAME,
              "name the authority to notify");
        }
        task.setVariable(EXPORT_NOTIFICATION_REQUIRED, export);
        task.setVariable(CLAUSES_CONFIRMED, missing.isEmpty());
        task.setVariable(MISSING_CLAUSES, String.join("\n", missing));
        ledger.append(caseId, "CLAUSES_CHECKED", actor, ProcessValues.details(
            "allConfirmed", missing.isEmpty(), "missing", missing,
            "exportNotificationRequired", export,
            "authority", ProcessValues.text(task, AUTHORITY_NAME)));
      }
      case "Task_NegotiateClauses" -> ledger.append(caseId, "CLAUSES_RENEGOTIATED", actor,
          ProcessValues.details("note", ProcessValues.text(task, NEGOTIATION_NOTE)));
      case "Task_FulfilCondition" -> {
        required(ProcessValues.text(task, CONDITION_EVIDENCE), CONDITION_EVIDENCE,
            "say how the condition is fulfilled");
        ledger.append(caseId, "CONDITION_FULFILLED", actor, ProcessValues.details(
            "condition", ProcessValues.text(task, CONDITION),
            "evidence", ProcessValues.text(task, CONDITION_EVIDENCE)));
      }
      case "Task_RecordAuthorityDecision" -> {
        String decision = oneOf(task, AUTHORITY_DECISION, Set.of("GRANTED", "REFUSED"));
        required(ProcessValues.text(task, AUTHORITY_REFERENCE), AUTHORITY_REFERENCE,
            "the authority's reference is required");
        ledger.append(caseId, "AUTHORITY_DECIDED", actor, ProcessValues.details(
            "decision", decision, "authority", ProcessValues.text(task, AUTHORITY_NAME),
            "reference", ProcessValues.text(task, AUTHORITY_REFERENCE)));
      }
      default -> { }
    }
  }

  private void recordVote(DelegateTask task, String caseId) {
    String member = task.getAssignee() != null ? task.getAssignee()
        : ProcessValues.text(task, MEMBER);
    boolean conflicted = ProcessValues.flag(task, CONFLICT_OF_INTEREST);
    int round = ((Number) task.getVariable(VOTING_ROUND)).intValue();
    Vote vote;
    if (conflicted) {
      vote = new Vote(round, member, true, null, null, null);
      ledger.append(caseId, "VOTE_EXCLUDED_CONFLICT", member, ProcessValues.details("round", round,
          "reason", "the member declared a conflict of interest: the vote is not counted"));
    } else {
      Vote.Option option = Vote.Option.valueOf(oneOf(task, VOTE,
          Set.of("APPROVE", "APPROVE_WITH_CONDITIONS", "REJECT", "REQUEST_INVESTIGATION")));
      String rationale = ProcessValues.text(task, RATIONALE);
      if (option != Vote.Option.APPROVE) {
        required(rationale, RATIONALE, "a rationale is required unless you simply approve");
      }
      String conditions = ProcessValues.text(task, VOTE_CONDITIONS);
      vote = new Vote(round, member, false, option, rationale, conditions);
      ledger.append(caseId, "VOTE_CAST", member, ProcessValues.details("round", round,
          "vote", option.name(), "rationale", rationale, "conditions", conditions,
          "tier", ProcessValues.text(task, RISK_TIER)));
    }
    DelegateExecution instance = task.getExecution().getProcessInstance();
    List<Vote> votes = Vote.listOf(instance.getVariable(COMMITTEE_VOTES));
    votes.removeIf(v -> v.round() == round && v.member().equals(member));
    votes.add(vote);
    instance.setVariable(COMMITTEE_VOTES, Vote.toJson(votes));
  }

  private static String oneOf(DelegateTask task, String field, Set<String> allowed) {
    String value = ProcessValues.text(task, field);
    if (value == null || !allowed.contains(value)) {
      throw TaskRefusal.invalid(field + ": choose one of " + allowed.stream().sorted()
          .toList() + (value == null ? "" : " (not \"" + value + "\")"));
    }
    return value;
  }

  private static void required(String value, String field, String problem) {
    if (value == null) {
      throw TaskRefusal.invalid(field + ": " + problem);
    }
  }
}
