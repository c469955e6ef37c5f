package com.oversight.grievance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.audit.AuditLedger;
import com.oversight.grievance.GrievanceMessage.AttachmentInfo;
import com.oversight.identity.CaseExclusions;
import com.oversight.identity.Groups;
import com.oversight.platform.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handlers' side: investigators who are not excluded from a case read its content, write to
 * the reporter, record the persons the report names (who lose access at once) and set a legal
 * hold. Every access is checked here, on the server, whatever page or API asked.
 */
@Service
public class CaseworkService {

  /** Everything a handler sees of a case. */
  public record CaseFile(Grievance grievance, ReportContent content,
      List<AttachmentInfo> reportAttachments, List<GrievanceMessage> messages,
      List<String> excludedUsers) {}

  /** An attachment to download. */
  public record AttachmentFile(String name, String contentType, byte[] data) {}

  /** What managers see of a case: stage and deadlines, never content. */
  public record CaseStage(String reference, GrievanceStatus status, Instant receivedAt,
      Instant acknowledgmentDue, Instant acknowledgedAt, boolean acknowledgmentBreached,
      Instant feedbackDue, Instant feedbackGivenAt, boolean feedbackBreached, boolean investigated,
      boolean legalHold) {}

  private final JdbcGrievances grievances;
  private final GrievanceVault vault;
  private final CaseExclusions exclusions;
  private final IdentityService identity;
  private final AuditLedger ledger;
  private final ObjectMapper json;
  private final Clock clock;

  public CaseworkService(JdbcGrievances grievances, GrievanceVault vault,
      CaseExclusions exclusions, IdentityService identity, AuditLedger ledger, ObjectMapper json,
      Clock clock) {
    this.grievances = grievances;
    this.vault = vault;
    this.exclusions = exclusions;
    this.identity = identity;
    this.ledger = ledger;
    this.json = json;
    this.clock = clock;
  }

  /** The case file for an investigator who is not excluded from it. */
  @Transactional(readOnly = true)
  public CaseFile open(String reference, String userId) {
    Grievance grievance = permitted(reference, userId);
    byte[] stored = grievances.content(grievance.id());
    ReportContent content = stored == null ? null : parse(vault.decrypt(stored, grievance.id(),
        "content"));
    return new CaseFile(grievance, content,
        GrievanceMessages.reportAttachments(grievances, vault, grievance.id()),
        GrievanceMessages.read(grievances, vault, grievance.id()),
        List.copyOf(exclusions.excludedUsers(reference)));
  }

  /** An attachment of the case. */
  @Transactional(readOnly = true)
  public AttachmentFile attachment(String reference, String attachmentId, String userId) {
    Grievance grievance = permitted(reference, userId);
    Map<String, Object> row = grievances.attachment(grievance.id(), attachmentId)
        .orElseThrow(() -> ApiProblem.notFound("Attachment " + attachmentId));
    return new AttachmentFile(vault.decrypt((byte[]) row.get("name"), attachmentId,
        "attachment-name"), (String) row.get("content_type"),
        vault.decryptBytes((byte[]) row.get("data"), attachmentId, "attachment"));
  }

  /**
   * A message to the reporter, who reads it on the follow-up page. {@code feedback}: it informs
   * the reporter of the action taken or planned (EU 2019/1937 Art. 9(1)(f)), which meets the
   * 3-month feedback deadline.
   */
  @Transactional
  public void sendMessage(String reference, String userId, String text, boolean feedback) {
    Grievance grievance = permitted(reference, userId);
    if (grievance.isClosed()) {
      throw new ApiProblem(HttpStatus.CONFLICT, reference + " is closed", List.of());
    }
    if (ReportValidation.blank(text)) {
      throw ApiProblem.badField("text", "must not be empty");
    }
    if (text.length() > ReportValidation.MAX_MESSAGE) {
      throw ApiProblem.badField("text", "longer than " + ReportValidation.MAX_MESSAGE
          + " characters");
    }
    if (ReportValidation.unpairedSurrogate(text)) {
      throw ApiProblem.badField("text", ReportValidation.UNPAIRED_SURROGATE);
    }
    Instant now = clock.instant();
    grievances.insertMessage(grievance.id(), GrievanceMessage.HANDLER, userId,
        feedback ? GrievanceMessage.FEEDBACK : GrievanceMessage.MESSAGE, now,
        vault.encrypt(text.strip(), grievance.id(), "message"));
    if (feedback) {
      grievances.feedbackGiven(grievance.id(), now);
      ledger.append(reference, "GRIEVANCE_FEEDBACK_GIVEN", userId, Map.of());
    }
  }

  /**
   * Records a person the report names: an Oversight user (employee, committee member, handler)
   * who from now on has no access to the case and no part in any decision about it.
   */
  @Transactional
  public void recordNamedPerson(String reference, String namedUserId, String userId) {
    permitted(reference, userId);
    if (ReportValidation.blank(namedUserId)
        || identity.createUserQuery().userId(namedUserId.trim()).count() == 0) {
      throw ApiProblem.badField("userId", "is not an Oversight user");
    }
    exclusions.exclude(reference, namedUserId.trim(), CaseExclusions.Reason.NAMED_IN_REPORT,
        userId);
    ledger.append(reference, "PERSON_EXCLUDED", userId,
        Map.of("reason", CaseExclusions.Reason.NAMED_IN_REPORT.name()));
  }

  /** The stored column's length (ov_grievance.legal_hold_reason). */
  static final int MAX_HOLD_REASON = 500;

  /** Sets or lifts a legal hold: a held report is not purged at the end of its retention. */
  @Transactional
  public void legalHold(String reference, boolean hold, String reason, String userId) {
    Grievance grievance = grievances.byReference(reference)
        .orElseThrow(() -> ApiProblem.notFound(reference));
    if (exclusions.isExcluded(userId, reference)) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, "You are excluded from " + reference,
          List.of());
    }
    if (hold && ReportValidation.blank(reason)) {
      throw ApiProblem.badField("reason", "a legal hold needs its reason");
    }
    if (hold && reason.strip().length() > MAX_HOLD_REASON) {
      throw ApiProblem.badField("reason", "longer than " + MAX_HOLD_REASON + " characters");
    }
    if (hold && ReportValidation.unpairedSurrogate(reason)) {
      throw ApiProblem.badField("reason", ReportValidation.UNPAIRED_SURROGATE);
    }
    grievances.legalHold(grievance.id(), hold, hold ? reason.strip() : null);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("hold", hold);
    ledger.append(reference, hold ? "LEGAL_HOLD_SET" : "LEGAL_HOLD_LIFTED", userId, details);
  }

  /** Counts for managers: how many reports stand where, and which deadlines are at risk. */
  public record Summary(int received, Map<GrievanceStatus, Integer> byStatus, int open,
      int acknowledgmentOverdue, int acknowledgedLate, int feedbackOverdue, int feedbackMissed,
      int investigated, int underLegalHold) {}

  /** The counts of {@link Summary}, now. */
  @Transactional(readOnly = true)
  public Summary summary() {
    List<Grievance> all = grievances.all();
    Instant now = clock.instant();
    Map<GrievanceStatus, Integer> byStatus = new java.util.EnumMap<>(GrievanceStatus.class);
    for (GrievanceStatus status : GrievanceStatus.values()) {
      byStatus.put(status, 0);
    }
    all.forEach(g -> byStatus.merge(g.status(), 1, Integer::sum));
    return new Summary(all.size(), byStatus,
        (int) all.stream().filter(g -> !g.isClosed()).count(),
        (int) all.stream().filter(g -> g.status() == GrievanceStatus.RECEIVED
            && g.acknowledgmentDue().isBefore(now)).count(),
        (int) all.stream().filter(Grievance::acknowledgmentBreached).count(),
        (int) all.stream().filter(g -> !g.isClosed() && g.feedbackDue() != null
            && g.feedbackGivenAt() == null && g.feedbackDue().isBefore(now)).count(),
        (int) all.stream().filter(Grievance::feedbackBreached).count(),
        (int) all.stream().filter(Grievance::investigated).count(),
        (int) all.stream().filter(Grievance::legalHold).count());
  }

  /** Every case's stage and deadlines (for managers' overview): no content. */
  @Transactional(readOnly = true)
  public List<CaseStage> stages() {
    return grievances.all().stream().map(g -> new CaseStage(g.reference(), g.status(),
        g.receivedAt(), g.acknowledgmentDue(), g.acknowledgedAt(), g.acknowledgmentBreached(),
        g.feedbackDue(), g.feedbackGivenAt(), g.feedbackBreached(), g.investigated(),
        g.legalHold())).toList();
  }

  /**
   * The stages and deadlines of the reports {@code userId} may open: none unless they are an
   * investigator, and none they are excluded from.
   */
  @Transactional(readOnly = true)
  public List<CaseStage> stagesFor(String userId) {
    boolean investigator = identity.createUserQuery().userId(userId)
        .memberOfGroup(Groups.INVESTIGATORS).count() > 0;
    if (!investigator) {
      return List.of();
    }
    return stages().stream().filter(s -> !exclusions.isExcluded(userId, s.reference())).toList();
  }

  private Grievance permitted(String reference, String userId) {
    boolean investigator = identity.createUserQuery().userId(userId)
        .memberOfGroup(Groups.INVESTIGATORS).count() > 0;
    Grievance grievance = grievances.byReference(reference)
        .orElseThrow(() -> ApiProblem.notFound(reference));
    if (!investigator || exclusions.isExcluded(userId, reference)) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, "Only investigators who are not excluded from "
          + reference + " may see it", List.of());
    }
    return grievance;
  }

  private ReportContent parse(String text) {
    try {
      return json.readValue(text, ReportContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable report content", e);
    }
  }
}
