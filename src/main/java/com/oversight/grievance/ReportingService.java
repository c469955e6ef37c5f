package com.oversight.grievance;

import static com.oversight.platform.ProcessVariables.ACKNOWLEDGMENT_DUE;
import static com.oversight.platform.ProcessVariables.CASE_REF;
import static com.oversight.platform.ProcessVariables.GRIEVANCE_ID;
import static com.oversight.platform.ProcessVariables.UNREAD_MESSAGES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.platform.ApiProblem;
import com.oversight.platform.ProcessKeys;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reporter's side of the channel: submit a report, then, with the receipt code and nothing
 * else, read its status and the handlers' messages and answer. A report is stored (encrypted) and
 * its GrievanceProcess started in one transaction: either both happen and the reporter gets a
 * receipt code, or neither and the reporter gets an error (the code's HMAC and the encryption
 * are computed before that transaction, see {@link #submit}). Nothing here sees or keeps who the
 * caller is.
 */
@Service
public class ReportingService {

  /** The reporter's view, with the code and nothing else. */
  public record ReporterView(GrievanceStatus status, String statusText, Instant receivedAt,
      Instant acknowledgedAt, Instant feedbackDue, String outcome,
      List<ReporterMessage> messages) {}

  /** A message as the reporter sees it: "You" or "Investigator", never a handler's name. */
  public record ReporterMessage(String from, String kind, Instant sentAt, String text,
      List<String> attachments) {}

  static final String TASK_READ_REPORTER_MESSAGE = "Task_ReadReporterMessage";
  static final String MESSAGE_REPORTER_MESSAGE = "Message_ReporterMessage";
  private static final String REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final JdbcGrievances grievances;
  private final GrievanceVault vault;
  private final ReceiptCodes codes;
  private final CodeGuessThrottle throttle;
  private final GrievanceSettings settings;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final ObjectMapper json;
  private final Clock clock;
  private final ReportValidation validation;
  private final TransactionTemplate transactions;
  private final SecureRandom random = new SecureRandom();

  public ReportingService(JdbcGrievances grievances, GrievanceVault vault, ReceiptCodes codes,
      CodeGuessThrottle throttle, GrievanceSettings settings, RuntimeService runtime,
      TaskService tasks, AuthorizationService authorizations, ObjectMapper json, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.grievances = grievances;
    this.vault = vault;
    this.codes = codes;
    this.throttle = throttle;
    this.settings = settings;
    this.runtime = runtime;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.json = json;
    this.clock = clock;
    this.validation = new ReportValidation(settings);
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Stores the report and starts its handling; returns the receipt code (shown once). The
   * receipt code's HMAC and the encryption run first, outside the transaction: a database
   * connection is held only for the inserts and the process start, which happen in one
   * transaction, all or nothing.
   */
  public String submit(ReportSubmission report, List<Upload> attachments) {
    GrievanceCategory category = validation.check(report, attachments);
    String id = UUID.randomUUID().toString();
    String code = codes.newCode();
    String receiptHash = codes.hash(code);
    Instant now = clock.instant();
    Instant acknowledgmentDue = now.atOffset(ZoneOffset.UTC)
        .plus(settings.acknowledgmentPeriod()).toInstant();
    ReportContent content = new ReportContent(report.description().strip(),
        trimToNull(report.country()) == null ? null
            : report.country().trim().toUpperCase(Locale.ROOT),
        trimToNull(report.customer()), trimToNull(report.contact()));
    byte[] sealed = vault.encrypt(toJson(content), id, "content");
    transactions.executeWithoutResult(status -> {
      String reference = newReference();
      // the process first, so that the report's row is written once, with its instance id;
      // nothing in the process's first steps reads the row (it waits for a human task)
      ProcessInstance instance = runtime.createProcessInstanceByKey(ProcessKeys.GRIEVANCE)
          .businessKey(reference)
          .setVariable(GRIEVANCE_ID, id)
          .setVariable(CASE_REF, reference)
          .setVariable(ACKNOWLEDGMENT_DUE, Date.from(acknowledgmentDue))
          .execute();
      grievances.insert(id, reference, receiptHash, category,
          Boolean.TRUE.equals(report.peopleAtRisk()),
          Boolean.TRUE.equals(report.disclosureConsent()), content.contact() != null, sealed,
          now, acknowledgmentDue, instance.getId());
      storeAttachments(id, null, attachments, now);
      grantInvestigators(instance.getId());
    });
    return code;
  }

  /**
   * The reporter's view of their report; 404 for a wrong code, 429 when throttled. Not read-only:
   * the look-up of a code stored with the legacy hash replaces that hash with the HMAC.
   */
  @Transactional
  public ReporterView view(String receiptCode) {
    Grievance grievance = byCode(receiptCode);
    List<ReporterMessage> messages = GrievanceMessages.read(grievances, vault, grievance.id())
        .stream()
        .map(m -> new ReporterMessage(GrievanceMessage.REPORTER.equals(m.authorRole())
            ? "You" : "Investigator", m.kind(), m.sentAt(), m.text(),
            m.attachments().stream().map(GrievanceMessage.AttachmentInfo::name).toList()))
        .toList();
    return new ReporterView(grievance.status(), grievance.status().description(),
        grievance.receivedAt(), grievance.acknowledgedAt(), grievance.feedbackDue(),
        grievance.outcome() == null ? null : grievance.outcome().reporterText(), messages);
  }

  /**
   * The reporter answers or sends more material: stored encrypted, then the handlers' task
   * "Read the reporter's message" is created, or its count of unread messages raised if it is
   * already open.
   */
  @Transactional
  public void reply(String receiptCode, String text, List<Upload> attachments) {
    validation.checkMessage(text, attachments);
    Grievance grievance = byCode(receiptCode);
    if (grievance.isClosed()) {
      throw new ApiProblem(HttpStatus.CONFLICT, "This report is closed and takes no more"
          + " messages. If you have something new, please make a new report.", List.of());
    }
    Instant now = clock.instant();
    String body = ReportValidation.blank(text) ? "(attachments only)" : text.strip();
    String messageId = grievances.insertMessage(grievance.id(), GrievanceMessage.REPORTER, null,
        GrievanceMessage.MESSAGE, now, vault.encrypt(body, grievance.id(), "message"));
    storeAttachments(grievance.id(), messageId, attachments, now);
    Task open = tasks.createTaskQuery().processInstanceId(grievance.processInstanceId())
        .taskDefinitionKey(TASK_READ_REPORTER_MESSAGE).singleResult();
    if (open == null) {
      runtime.createMessageCorrelation(MESSAGE_REPORTER_MESSAGE)
          .processInstanceId(grievance.processInstanceId())
          .setVariableLocal(UNREAD_MESSAGES, 1)
          .correlate();
    } else {
      Object unread = tasks.getVariable(open.getId(), UNREAD_MESSAGES);
      tasks.setVariableLocal(open.getId(), UNREAD_MESSAGES,
          (unread instanceof Number n ? n.intValue() : 0) + 1);
    }
  }

  private Grievance byCode(String receiptCode) {
    if (!throttle.tryAttempt()) {
      throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts. Please wait a"
          + " minute and try again.", List.of());
    }
    String code = ReceiptCodes.normalized(receiptCode);
    if (code == null) {
      throw ApiProblem.badField("receiptCode", "must be the " + ReceiptCodes.DIGITS
          + "-digit code you received");
    }
    String stored = codes.hash(code);
    Optional<Grievance> found = grievances.byReceiptHash(stored);
    if (found.isEmpty() && legacyHashesMayExist()) {
      // a code given out before receipt codes were stored as HMACs: its Argon2id hash, which
      // is replaced by the HMAC now, so the next look-up of this code is a fast one
      String legacy = codes.legacyHash(code);
      found = grievances.byReceiptHash(legacy);
      found.ifPresent(g -> grievances.upgradeReceiptHash(g.id(), legacy, stored));
    }
    return found.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "No report has this"
        + " receipt code. Check the digits and try again.", List.of()));
  }

  /**
   * Whether any report still has a legacy (Argon2id) receipt hash: if none has, a code whose HMAC
   * finds nothing costs no Argon2id hash. Asked at every such miss (look-ups are throttled, see
   * {@link CodeGuessThrottle}), not remembered: a database restored from an older backup brings
   * legacy hashes back.
   */
  private boolean legacyHashesMayExist() {
    return grievances.anyLegacyReceiptHash(ReceiptCodes.HMAC_PREFIX);
  }

  private void storeAttachments(String grievanceId, String messageId, List<Upload> uploads,
      Instant now) {
    if (uploads == null) {
      return;
    }
    for (Upload upload : uploads) {
      String attachmentId = UUID.randomUUID().toString();
      String name = upload.name() == null || upload.name().isBlank() ? "attachment"
          : upload.name().strip();
      grievances.insertAttachment(attachmentId, grievanceId, messageId, upload.contentType(),
          upload.data().length, vault.encrypt(name, attachmentId, "attachment-name"),
          vault.encrypt(upload.data(), attachmentId, "attachment"), now);
    }
  }

  /**
   * Investigators may read the new instance (its tasks they get through their candidate group);
   * excluded investigators lose both through user-level revokes (identity.CaseExclusions).
   */
  private void grantInvestigators(String processInstanceId) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(com.oversight.identity.Groups.INVESTIGATORS);
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(processInstanceId);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
  }

  private String newReference() {
    int year = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear();
    while (true) {
      StringBuilder suffix = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        suffix.append(REFERENCE_ALPHABET.charAt(random.nextInt(REFERENCE_ALPHABET.length())));
      }
      String reference = "GR-" + year + "-" + suffix;
      if (!grievances.referenceTaken(reference)) {
        return reference;
      }
    }
  }

  private String toJson(ReportContent content) {
    try {
      return json.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String trimToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
