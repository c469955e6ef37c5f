package com.oversight.grievance;

import static com.oversight.platform.ProcessValues.SYSTEM;

import com.oversight.audit.AuditLedger;
import com.oversight.platform.ApiProblem;
import com.oversight.platform.TaskRefusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What GrievanceProcess does to a report at each stage: acknowledgment, deadlines and their
 * breaches, triage, investigation, closure and purge. Called by the thin delegates and listeners
 * of this package; every decision and every missed deadline goes to the decision ledger (with no
 * content).
 */
@Service
public class GrievanceHandling {

  /** The deadlines that follow an acknowledgment. */
  public record FeedbackDeadline(Instant due, Instant reminderAt) {}

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final JdbcGrievances grievances;
  private final GrievanceVault vault;
  private final GrievanceSettings settings;
  private final AuditLedger ledger;
  private final HistoryService history;
  private final Clock clock;

  public GrievanceHandling(JdbcGrievances grievances, GrievanceVault vault,
      GrievanceSettings settings, AuditLedger ledger, @Lazy HistoryService history, Clock clock) {
    this.grievances = grievances;
    this.vault = vault;
    this.settings = settings;
    this.ledger = ledger;
    this.history = history;
    this.clock = clock;
  }

  /**
   * Records the acknowledgment and tells the reporter. Feedback is then due 3 months after it,
   * or after the end of the 7-day period if that came first (EU 2019/1937 Art. 9(1)(f)).
   */
  @Transactional
  public FeedbackDeadline acknowledge(String grievanceId) {
    Grievance grievance = get(grievanceId);
    Instant now = clock.instant();
    Instant base = now.isBefore(grievance.acknowledgmentDue()) ? now
        : grievance.acknowledgmentDue();
    Instant due = base.atOffset(ZoneOffset.UTC).plus(settings.feedbackPeriod()).toInstant();
    Instant reminder = due.atOffset(ZoneOffset.UTC).minus(settings.feedbackReminder())
        .toInstant();
    grievances.acknowledged(grievanceId, now, due);
    grievances.insertMessage(grievanceId, GrievanceMessage.HANDLER, null,
        GrievanceMessage.ACKNOWLEDGMENT, now, vault.encrypt("Thank you for your report. An"
            + " investigator has received it and will assess it. We will tell you what we have"
            + " done or plan to do by " + DAY.format(due) + " at the latest. You can send us"
            + " more information or questions here at any time.", grievanceId, "message"));
    ledger.append(grievance.reference(), "GRIEVANCE_ACKNOWLEDGED", SYSTEM,
        Map.of("late", !now.isBefore(grievance.acknowledgmentDue()), "feedbackDue",
            due.toString()));
    return new FeedbackDeadline(due, reminder);
  }

  /** The 7 days passed without an acknowledgment. */
  @Transactional
  public void acknowledgmentMissed(String grievanceId) {
    Grievance grievance = get(grievanceId);
    grievances.acknowledgmentBreached(grievanceId);
    ledger.append(grievance.reference(), "DEADLINE_MISSED", SYSTEM,
        Map.of("deadline", "ACKNOWLEDGMENT", "due", grievance.acknowledgmentDue().toString()));
  }

  /** At the feedback deadline: records a breach unless feedback was given. */
  @Transactional
  public boolean checkFeedbackDeadline(String grievanceId) {
    Grievance grievance = get(grievanceId);
    boolean given = grievance.feedbackGivenAt() != null
        && !grievance.feedbackGivenAt().isAfter(grievance.feedbackDue());
    if (given) {
      return false;
    }
    grievances.feedbackBreached(grievanceId);
    ledger.append(grievance.reference(), "DEADLINE_MISSED", SYSTEM,
        Map.of("deadline", "FEEDBACK", "due", grievance.feedbackDue().toString()));
    return true;
  }

  /**
   * Records the triage and says whether an investigation follows. A report that alleges misuse
   * against people at risk always goes to an investigation, and so to the committee: a triage
   * that says otherwise is refused.
   */
  @Transactional
  public boolean triage(String grievanceId, Boolean admissible, String priority,
      String retaliationRisk, Boolean peopleAtRisk, Boolean investigate, String handler) {
    Grievance grievance = get(grievanceId);
    if (admissible == null || peopleAtRisk == null || investigate == null
        || !List.of("LOW", "NORMAL", "URGENT").contains(priority)
        || !List.of("LOW", "MEDIUM", "HIGH").contains(retaliationRisk)) {
      throw TaskRefusal.invalid("Triage incomplete: admissible, priority (LOW, NORMAL, URGENT),"
          + " risk of retaliation (LOW, MEDIUM, HIGH), people at risk and investigation are"
          + " all required");
    }
    boolean atRisk = peopleAtRisk || grievance.peopleAtRisk();
    boolean mustInvestigate = atRisk && grievance.category().allegesMisuse();
    if (mustInvestigate && (!investigate || !admissible)) {
      throw TaskRefusal.invalid("This report alleges misuse against people at risk: it must be"
          + " admitted and investigated, so that the committee decides on it");
    }
    if (investigate && !admissible) {
      throw TaskRefusal.invalid("An inadmissible report cannot be investigated");
    }
    grievances.triaged(grievanceId, admissible, priority, retaliationRisk, atRisk);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("admissible", admissible);
    details.put("priority", priority);
    details.put("retaliationRisk", retaliationRisk);
    details.put("peopleAtRisk", atRisk);
    details.put("investigation", investigate);
    ledger.append(grievance.reference(), "GRIEVANCE_TRIAGED", handler == null ? SYSTEM : handler,
        details);
    return investigate;
  }

  @Transactional
  public void investigationStarted(String grievanceId) {
    grievances.underInvestigation(grievanceId);
  }

  @Transactional
  public void investigationConcluded(String grievanceId, String outcome) {
    grievances.investigationOutcome(grievanceId, outcome);
  }

  /** Checks the outcome a handler chose when closing (Task_CloseReport). */
  public GrievanceOutcome closingOutcome(String grievanceId, String outcome) {
    GrievanceOutcome chosen;
    try {
      chosen = GrievanceOutcome.valueOf(outcome == null ? "" : outcome);
    } catch (IllegalArgumentException e) {
      throw TaskRefusal.invalid("Choose the outcome: one of " + List.of(GrievanceOutcome.values()));
    }
    Grievance grievance = get(grievanceId);
    if (grievance.investigated() && chosen == GrievanceOutcome.NOT_ADMISSIBLE) {
      throw TaskRefusal.invalid("The report was investigated: it cannot be closed as not"
          + " admissible");
    }
    return chosen;
  }

  /** Closes the report: the reporter reads the outcome; the retention period starts. */
  @Transactional
  public void close(String grievanceId, String outcome) {
    Grievance grievance = get(grievanceId);
    GrievanceOutcome chosen = GrievanceOutcome.valueOf(outcome);
    Instant now = clock.instant();
    grievances.insertMessage(grievanceId, GrievanceMessage.HANDLER, null,
        GrievanceMessage.OUTCOME, now, vault.encrypt("Your report is closed. "
            + chosen.reporterText(), grievanceId, "message"));
    grievances.feedbackGiven(grievanceId, now);
    LocalDate purgeAfter = LocalDate.ofInstant(now, ZoneOffset.UTC).plus(settings.retention());
    grievances.closed(grievanceId, chosen, now, purgeAfter);
    ledger.append(grievance.reference(), "GRIEVANCE_CLOSED", SYSTEM,
        Map.of("outcome", chosen.name(), "purgeAfter", purgeAfter.toString()));
  }

  /**
   * Purges every closed report whose retention period is over and that is not under legal hold:
   * content, attachments, messages and receipt hash go, and so does the process history of the
   * report's GrievanceProcess; the row keeps the facts the transparency report counts.
   */
  @Transactional
  public int purgeExpired() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<Grievance> due = grievances.purgeable(today);
    for (Grievance grievance : due) {
      grievances.purge(grievance.id(), clock.instant());
      if (grievance.processInstanceId() != null) {
        history.deleteHistoricProcessInstanceIfExists(grievance.processInstanceId());
      }
      ledger.append(grievance.reference(), "GRIEVANCE_PURGED", SYSTEM, Map.of());
    }
    return due.size();
  }

  private Grievance get(String grievanceId) {
    return grievances.byId(grievanceId)
        .orElseThrow(() -> ApiProblem.notFound("Grievance " + grievanceId));
  }
}
