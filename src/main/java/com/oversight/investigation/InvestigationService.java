package com.oversight.investigation;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessValues.details;

import com.oversight.audit.AuditLedger;
import com.oversight.identity.CaseExclusions;
import com.oversight.investigation.InvestigationRecords.Investigation;
import com.oversight.investigation.InvestigationRecords.NewInvestigation;
import com.oversight.platform.TaskRefusal;
import com.oversight.referencedata.ReferenceData;
import com.oversight.sales.CustomerStatusChanges;
import com.oversight.sales.Customers;
import com.oversight.sales.Customers.Customer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The rules of a misuse investigation: who may open one and on what, the records of each stage
 * (plan, evidence, information requests, findings, decision, mitigations), the customer's
 * suspension or termination, and the decision ledger. The delegates and listeners of
 * MisuseInvestigationProcess only read variables, call this service and write results.
 */
@Service
public class InvestigationService {

  /** Where an external report comes from (start form field sourceType). */
  public static final Set<String> SOURCE_TYPES = Set.of("MEDIA", "NGO", "FORENSIC_LAB", "OTHER");
  /** The customer status of an investigation without a customer (a prospect, or not known). */
  public static final String NO_CUSTOMER = "NONE";

  /** What an investigation is started with (start form, or the caller's variables). */
  public record StartRequest(String origin, String relatedCaseRef, String grievanceId,
      String customerId, String customerAgency, String country, String sourceType,
      String sourceName, String sourceLink, String allegationSummary, String openedBy) {}

  /**
   * Whom an investigation concerns: an Oversight customer (customerId set) or an agency that is
   * not (or not yet) one; title is "agency, country" for task names.
   */
  public record Subject(String customerId, String agency, String country, String status,
      String title) {
    public boolean known() {
      return customerId != null;
    }
  }

  private final InvestigationRecords records;
  private final Customers customers;
  private final AuditLedger ledger;
  private final CaseExclusions exclusions;
  private final ReferenceData referenceData;
  private final CustomerStatusChanges statusChanges;

  public InvestigationService(InvestigationRecords records, Customers customers,
      AuditLedger ledger, CaseExclusions exclusions, ReferenceData referenceData,
      CustomerStatusChanges statusChanges) {
    this.records = records;
    this.customers = customers;
    this.ledger = ledger;
    this.exclusions = exclusions;
    this.referenceData = referenceData;
    this.statusChanges = statusChanges;
  }

  /**
   * Checks a start: a known origin; an external report names its source, the allegation and the
   * customer; the committee, outside a sale, opens one only on an ACTIVE customer; a customer id,
   * when given, exists. Refuses with a {@link TaskRefusal} naming the field.
   */
  public void checkStart(StartRequest r) {
    InvestigationOrigin origin = origin(r.origin());
    Optional<Customer> customer = Optional.empty();
    if (r.customerId() != null) {
      customer = customers.find(r.customerId());
      if (customer.isEmpty()) {
        throw TaskRefusal.invalid("customerId: no customer \"" + r.customerId() + "\"");
      }
    }
    if (origin == InvestigationOrigin.EXTERNAL_REPORT) {
      if (r.sourceType() == null || !SOURCE_TYPES.contains(r.sourceType())) {
        throw TaskRefusal.invalid("sourceType: choose one of " + SOURCE_TYPES.stream().sorted()
            .toList());
      }
      required(r.sourceName(), "sourceName", "name the source of the report");
      required(r.allegationSummary(), "allegationSummary", "summarise the allegation");
      if (customer.isEmpty() && (r.customerAgency() == null || r.country() == null)) {
        throw TaskRefusal.invalid("customerAgency: name the customer agency and its country, "
            + "or give the customer id");
      }
    }
    if (origin == InvestigationOrigin.COMMITTEE && r.relatedCaseRef() == null) {
      Customer active = customer.or(() -> customers.findByAgency(r.customerAgency(), r.country()))
          .orElseThrow(() -> TaskRefusal.invalid("customerId: the committee opens an "
              + "investigation on a customer: give its id, or its agency and country"));
      if (!"ACTIVE".equals(active.status())) {
        throw TaskRefusal.invalid("customerId: the customer " + active.agency() + " is "
            + active.status() + ", not ACTIVE");
      }
    }
  }

  /** Opens the investigation (ov_investigation, reference INV-yyyy-nnnn) and records it. */
  public Investigation open(StartRequest r, String processInstanceId) {
    Subject subject = identify(r.customerId(), r.customerAgency(), r.country());
    Investigation investigation = records.create(new NewInvestigation(origin(r.origin()).name(),
        r.relatedCaseRef(), r.grievanceId(), subject.customerId(), subject.agency(),
        subject.country(), r.sourceType(), r.sourceName(), r.sourceLink(),
        r.allegationSummary(), r.openedBy(), processInstanceId));
    ledger.append(investigation.id(), "INVESTIGATION_OPENED",
        r.openedBy() == null ? ProcessValues.SYSTEM : r.openedBy(),
        details("reference", investigation.reference(), "origin", investigation.origin(),
            "relatedCaseRef", r.relatedCaseRef(), "grievanceId", r.grievanceId(),
            "customerId", subject.customerId(), "sourceType", r.sourceType()));
    exclusions.revokeInstance(processInstanceId,
        exclusions.excludedUsers(investigation.reference(), r.relatedCaseRef()));
    return investigation;
  }

  /**
   * Whom the investigation concerns: the customer of that id (which must exist), else the
   * customer of that agency and country if there is one, else the agency as given (no customer).
   */
  public Subject identify(String customerId, String agency, String country) {
    Optional<Customer> customer;
    if (customerId != null) {
      customer = Optional.of(customers.find(customerId).orElseThrow(() ->
          TaskRefusal.invalid("customerId: no customer \"" + customerId + "\"")));
    } else {
      customer = customers.findByAgency(agency, country);
    }
    if (customer.isPresent()) {
      Customer c = customer.get();
      return new Subject(c.id(), c.agency(), c.country(), c.status(),
          title(c.agency(), c.country()));
    }
    String code = country == null ? null : country.trim().toUpperCase(Locale.ROOT);
    return new Subject(null, agency, code, NO_CUSTOMER, title(agency, code));
  }

  /** Task_PlanInvestigation: the lead investigator, the plan, the customer if identified. */
  public Subject recordPlan(String investigationId, String lead, String plan, Subject subject) {
    records.recordPlan(investigationId, lead, plan);
    records.recordCustomer(investigationId, subject.customerId(), subject.agency(),
        subject.country());
    ledger.append(investigationId, "INVESTIGATION_PLANNED", lead, details("leadInvestigator",
        lead, "customerId", subject.customerId()));
    return subject;
  }

  /** A declared conflict: the user is excluded from the case (and its related case's tasks). */
  public void recordConflict(String investigationId, String caseRef, String user) {
    exclusions.exclude(caseRef, user, CaseExclusions.Reason.DECLARED_CONFLICT, user);
    ledger.append(investigationId, "CONFLICT_DECLARED", user, details("user", user,
        "reason", "declared a conflict of interest: excluded from " + caseRef));
  }

  /** Task_GatherEvidence: an evidence note. */
  public void addEvidence(String investigationId, String author, String note) {
    String noteId = records.addNote(investigationId, "EVIDENCE", author, note);
    ledger.append(investigationId, "EVIDENCE_RECORDED", author, details("noteId", noteId));
  }

  /** Task_RecordInformationRequest: a request to the customer, open until the deadline. */
  public String requestInformation(String investigationId, String requestedBy, String request,
      Instant due) {
    records.addNote(investigationId, "INFORMATION_REQUEST", requestedBy, request);
    String requestId = records.openRequest(investigationId, requestedBy, due);
    ledger.append(investigationId, "INFORMATION_REQUESTED", requestedBy,
        details("requestId", requestId, "due", due.toString()));
    return requestId;
  }

  /** Task_AwaitCustomerResponse: the customer answered. */
  public void recordResponse(String investigationId, String requestId, String author,
      String response) {
    records.addNote(investigationId, "CUSTOMER_RESPONSE", author, response);
    records.closeRequest(requestId, "ANSWERED");
    ledger.append(investigationId, "CUSTOMER_RESPONDED", author, details("requestId", requestId));
  }

  /** Task_RecordNoResponse: the deadline passed without an answer. */
  public void recordNoResponse(String investigationId, String requestId) {
    records.closeRequest(requestId, "UNANSWERED");
    ledger.append(investigationId, "INFORMATION_REQUEST_UNANSWERED", ProcessValues.SYSTEM,
        details("requestId", requestId));
  }

  /** Task_GatherEvidence: the findings go to the committee. */
  public void recordFindings(String investigationId, String lead, String findings,
      InvestigationOutcome recommended) {
    records.recordFindings(investigationId, findings, recommended.name());
    ledger.append(investigationId, "FINDINGS_REPORTED", lead,
        details("recommendedOutcome", recommended.name()));
  }

  /**
   * Checks the committee's decision before it is recorded: a rationale; the mitigations with
   * MITIGATIONS_REQUIRED; SUSPENSION and TERMINATION only on an identified customer that is not
   * terminated already.
   */
  public void checkDecision(InvestigationOutcome outcome, String rationale, String mitigations,
      String customerId) {
    required(rationale, "outcomeRationale", "the committee's rationale is required");
    if (outcome == InvestigationOutcome.MITIGATIONS_REQUIRED) {
      required(mitigations, "mitigations", "name the mitigations required");
    }
    if (outcome.changesCustomerStatus()) {
      Customer customer = customers.find(customerId).orElseThrow(() -> TaskRefusal.invalid(
          "investigationOutcome: " + outcome + " needs a customer, and this investigation "
              + "concerns none (a prospect of a pre-sale investigation, or a customer not "
              + "identified): choose another outcome, or have the lead investigator identify "
              + "the customer"));
      if ("TERMINATED".equals(customer.status())) {
        throw TaskRefusal.invalid("investigationOutcome: the customer " + customer.agency()
            + " is TERMINATED already");
      }
    }
  }

  /** Task_DecideOutcome: the decision, in the investigation and the ledger. */
  public void recordDecision(String investigationId, InvestigationOutcome outcome,
      String rationale, String mitigations, String decidedBy) {
    records.recordDecision(investigationId, outcome.name(), rationale, mitigations, decidedBy);
    ledger.append(investigationId, "OUTCOME_DECIDED", decidedBy, details("outcome",
        outcome.name(), "rationale", rationale, "mitigations", mitigations));
  }

  /** Task_UpdateCustomerStatus: SUSPENDED or TERMINATED, with the reason; returns the status. */
  public String applyCustomerStatus(String investigationId) {
    Investigation investigation = investigation(investigationId);
    InvestigationOutcome outcome = InvestigationOutcome.valueOf(investigation.outcome());
    if (investigation.customerId() == null) {
      throw new IllegalStateException(investigation.reference() + " has no customer");
    }
    String reason = investigation.reference() + ": " + outcome.label() + " by the GRC committee. "
        + investigation.outcomeRationale();
    return statusChanges.apply(investigation.customerId(), outcome.customerStatus(), reason,
        investigation.reference(), investigationId);
  }

  /** Task_ConfirmMitigations: compliance confirm the mitigations are in place. */
  public void confirmMitigations(String investigationId, String author, String note) {
    String noteId = records.addNote(investigationId, "MITIGATIONS_CONFIRMED", author, note);
    ledger.append(investigationId, "MITIGATIONS_CONFIRMED", author, details("noteId", noteId));
  }

  /** Task_CloseInvestigation: closes it; returns the short summary given back to a caller. */
  public String close(String investigationId) {
    Investigation investigation = investigation(investigationId);
    records.close(investigationId);
    InvestigationOutcome outcome = InvestigationOutcome.valueOf(investigation.outcome());
    String summary = investigation.reference() + ": " + outcome.label() + ". Findings: "
        + investigation.findingsSummary() + " Committee: " + investigation.outcomeRationale();
    if (summary.length() > 3900) {
      summary = summary.substring(0, 3899) + "…";
    }
    ledger.append(investigationId, "INVESTIGATION_CLOSED", ProcessValues.SYSTEM,
        details("reference", investigation.reference(), "outcome", outcome.name()));
    return summary;
  }

  public Investigation investigation(String investigationId) {
    return records.find(investigationId).orElseThrow(
        () -> new IllegalStateException("No investigation " + investigationId));
  }

  /** A value of an enum, or a refusal naming the field and the choices. */
  static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      throw TaskRefusal.invalid(field + ": choose one of " + Arrays.stream(
          type.getEnumConstants()).map(Enum::name).toList()
          + (value == null ? "" : " (not \"" + value + "\")"));
    }
  }

  static void required(String value, String field, String problem) {
    if (value == null || value.isBlank()) {
      throw TaskRefusal.invalid(field + ": " + problem);
    }
  }

  private static InvestigationOrigin origin(String value) {
    return choice(InvestigationOrigin.class, "investigationOrigin", value);
  }

  private String title(String agency, String country) {
    String countryName = country == null ? null : referenceData.findCountry(country)
        .map(ReferenceData.Country::name).orElse(country);
    if (agency == null) {
      return countryName == null ? "customer not identified"
          : "customer not identified, " + countryName;
    }
    return countryName == null ? agency : agency + ", " + countryName;
  }
}
