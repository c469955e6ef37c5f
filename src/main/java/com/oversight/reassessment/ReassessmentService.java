package com.oversight.reassessment;

import static com.oversight.platform.ProcessValues.details;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.audit.AuditLedger;
import com.oversight.identity.CaseExclusions;
import com.oversight.platform.ProcessValues;
import com.oversight.platform.ProcessVariables;
import com.oversight.platform.TaskRefusal;
import com.oversight.reassessment.ReassessmentRecords.CustomerFile;
import com.oversight.reassessment.ReassessmentRecords.Reassessment;
import com.oversight.referencedata.ReferenceData;
import com.oversight.risk.DealDescription;
import com.oversight.risk.RedFlag;
import com.oversight.risk.RiskAssessment;
import com.oversight.risk.RiskAssessmentService;
import com.oversight.risk.RiskTier;
import com.oversight.sales.CustomerStatusChanges;
import com.oversight.sales.Customers;
import com.oversight.sales.SaleCase;
import com.oversight.sales.SaleCases;
import com.oversight.sales.SaleSettings;
import com.oversight.sales.ScreenAndAssessRiskDelegate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * The rules of a customer re-assessment: who may be re-assessed and when one is already running,
 * the re-scoring with the risk engine and its comparison with the last tier and red flags,
 * compliance's review, the committee's decision, the customer's suspension or termination, the
 * next due date by the new tier, and the decision ledger. The delegates and listeners of
 * CustomerReassessmentProcess only read variables, call this service and write results.
 */
@Service
public class ReassessmentService {

  /** How the new assessment compares with the last one (ov_reassessment.comparison). */
  public enum Comparison {
    WORSE_TIER_AND_NEW_RED_FLAG, WORSE_TIER, NEW_RED_FLAG, BETTER_TIER, UNCHANGED;

    boolean reviewRequired() {
      return this == WORSE_TIER_AND_NEW_RED_FLAG || this == WORSE_TIER || this == NEW_RED_FLAG;
    }
  }

  /** The re-scored customer, compared with the last assessment: what the process carries. */
  public record Score(RiskTier tier, RiskTier previousTier, String redFlags, String newRedFlags,
      String explanation, String summary, Comparison comparison, String reason) {
    public boolean reviewRequired() {
      return comparison.reviewRequired();
    }
  }

  /** A registered re-assessment, its customer and the customer's title. */
  public record Registered(Reassessment reassessment, CustomerFile customer, String title) {}

  /** What a closed re-assessment leaves: the customer's status and next due date. */
  public record Closed(String customerStatus, LocalDate nextDue) {}

  private static final Pattern FLAG_CODE = Pattern.compile("^([A-Z][A-Z0-9_]*):");
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private final ReassessmentRecords records;
  private final Customers customers;
  private final CustomerStatusChanges statusChanges;
  private final SaleCases saleCases;
  private final SaleSettings saleSettings;
  private final RiskAssessmentService risk;
  private final ReferenceData referenceData;
  private final CaseExclusions exclusions;
  private final AuditLedger ledger;
  private final ObjectMapper objectMapper;
  private final RuntimeService runtime;

  public ReassessmentService(ReassessmentRecords records, Customers customers,
      CustomerStatusChanges statusChanges, SaleCases saleCases, SaleSettings saleSettings,
      RiskAssessmentService risk, ReferenceData referenceData, CaseExclusions exclusions,
      AuditLedger ledger, ObjectMapper objectMapper, @Lazy RuntimeService runtime) {
    this.records = records;
    this.customers = customers;
    this.statusChanges = statusChanges;
    this.saleCases = saleCases;
    this.saleSettings = saleSettings;
    this.risk = risk;
    this.referenceData = referenceData;
    this.exclusions = exclusions;
    this.ledger = ledger;
    this.objectMapper = objectMapper;
    this.runtime = runtime;
  }

  // ---- start -----------------------------------------------------------------------------

  /**
   * Checks a start: a known trigger, an existing ACTIVE customer. Refuses with a
   * {@link TaskRefusal} naming the field.
   */
  public CustomerFile checkStart(String customerId, String trigger) {
    choice(ReassessmentTrigger.class, ProcessVariables.REASSESSMENT_TRIGGER, trigger);
    if (customerId == null || customerId.isBlank()) {
      throw TaskRefusal.invalid("customerId: name the customer to re-assess");
    }
    CustomerFile customer = records.customer(customerId).orElseThrow(() ->
        TaskRefusal.invalid("customerId: no customer \"" + customerId + "\""));
    if (!"ACTIVE".equals(customer.status())) {
      throw TaskRefusal.invalid("customerId: the customer " + customer.agency() + " is "
          + customer.status() + ", not ACTIVE: only ACTIVE customers are re-assessed");
    }
    return customer;
  }

  /**
   * The re-assessment running for the customer, if any. One registered as running whose process
   * instance is gone (cancelled in Cockpit) is closed as CANCELLED first.
   */
  public Optional<Reassessment> running(String customerId) {
    Optional<Reassessment> open = records.open(customerId);
    if (open.isPresent() && !instanceRuns(open.get())) {
      records.cancel(open.get().id());
      ledger.append(open.get().id(), "REASSESSMENT_CANCELLED", ProcessValues.SYSTEM,
          details("reference", open.get().reference(),
              "reason", "its process instance no longer exists (cancelled)"));
      return Optional.empty();
    }
    return open;
  }

  /** Whether the re-assessment's process instance still runs. */
  boolean instanceRuns(Reassessment reassessment) {
    return reassessment.processInstanceId() == null || runtime.createProcessInstanceQuery()
        .processInstanceId(reassessment.processInstanceId()).count() > 0;
  }

  /**
   * Registers the re-assessment of an ACTIVE customer (ov_reassessment, reference
   * RA-&lt;sale case key&gt;-yyyyMMdd), refused while another one runs for the customer, and
   * records it in the ledger.
   */
  public Registered register(String customerId, String trigger, String triggerDetail,
      String startedBy, String processInstanceId) {
    CustomerFile customer = checkStart(customerId, trigger);
    running(customer.id()).ifPresent(r -> {
      throw TaskRefusal.invalid("customerId: re-assessment " + r.reference()
          + " is already running for " + customer.agency());
    });
    String previousFlags = records.lastClosed(customer.id()).map(Reassessment::redFlags)
        .orElse(customer.saleRedFlags());
    String actor = startedBy == null ? ProcessValues.SYSTEM : startedBy;
    Reassessment reassessment = records.create(reference(customer), customer.id(), trigger,
        fit(triggerDetail), actor, customer.riskTier(), fit(previousFlags), processInstanceId);
    ledger.append(reassessment.id(), "REASSESSMENT_STARTED", actor, details(
        "reference", reassessment.reference(), "customerId", customer.id(),
        "saleCaseId", customer.saleCaseId(), "trigger", trigger, "triggerDetail",
        reassessment.triggerDetail(), "previousTier", customer.riskTier()));
    return new Registered(reassessment, customer, title(customer));
  }

  /**
   * The ACTIVE customers whose re-assessment date has come (ov_customer.reassessment_due on or
   * before today) and for whom none is running, earliest first.
   */
  public List<String> dueCustomers() {
    return records.activeDueBy(SaleSettings.today()).stream()
        .filter(c -> running(c.id()).isEmpty()).map(CustomerFile::id).toList();
  }

  /** "&lt;agency&gt;, &lt;country name&gt;" for task names and emails. */
  public String title(CustomerFile customer) {
    String country = referenceData.findCountry(customer.country())
        .map(ReferenceData.Country::name).orElse(customer.country());
    return customer.agency() + ", " + country;
  }

  // ---- re-score and compare --------------------------------------------------------------

  /**
   * Task_RescoreCustomer: assesses the deal of the customer's sale case again with the latest
   * reference data and risk decision, compares tier and red flags with the last ones, stores the
   * result with the full assessment, and hides the case from users excluded from it.
   */
  public Score rescore(String reassessmentId) {
    Reassessment reassessment = reassessment(reassessmentId);
    CustomerFile customer = customerOf(reassessment);
    exclusions.revokeInstance(reassessment.processInstanceId(),
        exclusions.excludedUsers(reassessment.reference(), customer.saleKey()));
    SaleCase sale = saleCases.find(customer.saleCaseId()).orElseThrow(() ->
        new IllegalStateException(reassessment.reference() + ": no sale case "
            + customer.saleCaseId()));
    RiskAssessment assessment = risk.assess(deal(sale, reassessment.reference()));
    String snapshot = json(assessment);

    RiskTier previous = RiskTier.valueOf(reassessment.previousTier());
    Set<String> previousCodes = codes(reassessment.previousRedFlags());
    List<RedFlag> added = assessment.redFlags().stream()
        .filter(f -> !previousCodes.contains(f.code())).toList();
    boolean worse = assessment.tier().compareTo(previous) > 0;
    Comparison comparison = worse && !added.isEmpty() ? Comparison.WORSE_TIER_AND_NEW_RED_FLAG
        : worse ? Comparison.WORSE_TIER
        : !added.isEmpty() ? Comparison.NEW_RED_FLAG
        : assessment.tier().compareTo(previous) < 0 ? Comparison.BETTER_TIER
        : Comparison.UNCHANGED;

    String redFlags = ProcessVariables.fitting(ScreenAndAssessRiskDelegate.redFlags(assessment));
    String newRedFlags = added.isEmpty() ? "none" : ProcessVariables.fitting(String.join("\n",
        added.stream().map(f -> f.code() + ": " + f.reason()).toList()));
    String addedCodes = String.join(",", added.stream().map(RedFlag::code).toList());
    records.recordScore(reassessmentId, assessment.tier().name(), redFlags,
        String.join(",", assessment.redFlags().stream().map(RedFlag::code).distinct().toList()),
        addedCodes, comparison.name(), snapshot);
    String reason = reason(comparison, previous, assessment.tier(), addedCodes);
    ledger.append(reassessmentId, "REASSESSMENT_SCORED", ProcessValues.SYSTEM, details(
        "previousTier", previous.name(), "tier", assessment.tier().name(),
        "redFlags", assessment.redFlags().stream().map(RedFlag::code).toList(),
        "newRedFlags", added.stream().map(RedFlag::code).toList(),
        "comparison", comparison.name(), "reviewRequired", comparison.reviewRequired(),
        "riskSnapshotSha256", sha256(snapshot),
        "decision", assessment.decision() == null ? null
            : assessment.decision().key() + " v" + assessment.decision().version()));
    return new Score(assessment.tier(), previous, redFlags, newRedFlags,
        ProcessVariables.fitting(ScreenAndAssessRiskDelegate.explanation(assessment)),
        ProcessVariables.fitting(assessment.summary()), comparison, reason);
  }

  private static DealDescription deal(SaleCase sale, String reference) {
    DealDescription deal = sale.opportunity().toDeal();
    List<String> missing = new ArrayList<>();
    if (deal.customerType() == null) {
      missing.add("customerType");
    }
    if (deal.capabilityClass() == null) {
      missing.add("capabilityClass");
    }
    if (deal.endUseCategory() == null) {
      missing.add("endUseCategory");
    }
    if (deal.endUseStatementProvided() == null) {
      missing.add("endUseStatementAttached");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(reference + ": the sale case " + sale.businessKey()
          + " lacks " + missing + ": the customer cannot be re-scored (never assumed safe)");
    }
    return deal;
  }

  private static String reason(Comparison comparison, RiskTier previous, RiskTier tier,
      String addedCodes) {
    return switch (comparison) {
      case WORSE_TIER_AND_NEW_RED_FLAG -> "The tier rose from " + previous + " to " + tier
          + " and new red flags were raised (" + addedCodes + "): compliance and the committee"
          + " review the relationship";
      case WORSE_TIER -> "The tier rose from " + previous + " to " + tier
          + ": compliance and the committee review the relationship";
      case NEW_RED_FLAG -> "New red flags were raised (" + addedCodes + "), tier " + tier
          + " (was " + previous + "): compliance and the committee review the relationship";
      case BETTER_TIER -> "The tier fell from " + previous + " to " + tier
          + " and no new red flag was raised: the relationship continues";
      case UNCHANGED -> "The tier stays " + tier
          + " and no new red flag was raised: the relationship continues";
    };
  }

  /** The red-flag codes of a readable list ("CODE: reason" a line, or "none"). */
  static Set<String> codes(String redFlags) {
    Set<String> codes = new LinkedHashSet<>();
    if (redFlags != null) {
      for (String line : redFlags.split("\\R")) {
        Matcher code = FLAG_CODE.matcher(line.trim());
        if (code.find()) {
          codes.add(code.group(1));
        }
      }
    }
    return codes;
  }

  // ---- review and decision ---------------------------------------------------------------

  /** Task_ReviewReassessment: compliance's review and recommendation. */
  public void recordReview(String reassessmentId, String reviewer, String note,
      ReassessmentDecision recommended) {
    required(note, ProcessVariables.REVIEW_NOTE, "write your review for the committee");
    records.recordReview(reassessmentId, reviewer, note, recommended.name());
    ledger.append(reassessmentId, "REASSESSMENT_REVIEWED", reviewer,
        details("recommendedDecision", recommended.name()));
  }

  /** A declared conflict: the member is excluded from the re-assessment. */
  public void recordConflict(String reassessmentId, String caseRef, String user) {
    exclusions.exclude(caseRef, user, CaseExclusions.Reason.DECLARED_CONFLICT, user);
    ledger.append(reassessmentId, "CONFLICT_DECLARED", user, details("user", user,
        "reason", "declared a conflict of interest: excluded from " + caseRef));
  }

  /**
   * Checks the committee's decision: a rationale; conditions with CONTINUE_WITH_CONDITIONS;
   * SUSPEND and TERMINATE not on a customer already TERMINATED.
   */
  public void checkDecision(ReassessmentDecision decision, String rationale, String conditions,
      String customerId) {
    required(rationale, ProcessVariables.DECISION_RATIONALE,
        "the committee's rationale is required");
    if (decision == ReassessmentDecision.CONTINUE_WITH_CONDITIONS) {
      required(conditions, ProcessVariables.DECISION_CONDITIONS, "name the conditions");
    }
    if (decision.changesCustomerStatus()) {
      customers.find(customerId).filter(c -> "TERMINATED".equals(c.status())).ifPresent(c -> {
        throw TaskRefusal.invalid(ProcessVariables.REASSESSMENT_DECISION + ": the customer "
            + c.agency() + " is TERMINATED already");
      });
    }
  }

  /** Task_DecideReassessment: the decision, in the re-assessment and the ledger. */
  public void recordDecision(String reassessmentId, ReassessmentDecision decision,
      String rationale, String conditions, String decidedBy) {
    records.recordDecision(reassessmentId, decision.name(), rationale, conditions, decidedBy);
    ledger.append(reassessmentId, "REASSESSMENT_DECIDED", decidedBy, details("decision",
        decision.name(), "rationale", rationale, "conditions", conditions));
  }

  /** Task_UpdateCustomerStatus: SUSPENDED or TERMINATED with the reason; returns the status. */
  public String applyCustomerStatus(String reassessmentId) {
    Reassessment reassessment = reassessment(reassessmentId);
    ReassessmentDecision decision = ReassessmentDecision.valueOf(reassessment.decision());
    if (!decision.changesCustomerStatus()) {
      throw new IllegalStateException(reassessment.reference() + ": " + decision
          + " changes no customer status");
    }
    String reason = reassessment.reference() + ": " + decision.label() + " by the GRC committee "
        + "after re-assessment (tier " + reassessment.previousTier() + " -> "
        + reassessment.newTier() + "). " + reassessment.decisionRationale();
    return statusChanges.apply(reassessment.customerId(), decision.customerStatus(), reason,
        reassessment.reference(), reassessmentId);
  }

  /**
   * Task_ScheduleNextReassessment: the customer keeps the new tier and gets its next due date by
   * it (ov_customer.risk_tier, reassessment_due); the re-assessment is closed.
   */
  public Closed close(String reassessmentId) {
    Reassessment reassessment = reassessment(reassessmentId);
    CustomerFile customer = customerOf(reassessment);
    RiskTier tier = RiskTier.valueOf(reassessment.newTier() == null
        ? reassessment.previousTier() : reassessment.newTier());
    LocalDate due = saleSettings.reassessmentDue(tier, SaleSettings.today());
    customers.recordReassessment(customer.id(), tier.name(), due);
    records.close(reassessmentId, customer.status(), due);
    ledger.append(reassessmentId, "REASSESSMENT_CLOSED", ProcessValues.SYSTEM, details(
        "reference", reassessment.reference(), "customerId", customer.id(),
        "previousTier", reassessment.previousTier(), "tier", tier.name(),
        "decision", reassessment.decision(), "customerStatus", customer.status(),
        "nextReassessmentDue", due.toString()));
    return new Closed(customer.status(), due);
  }

  // ---- helpers ---------------------------------------------------------------------------

  public Reassessment reassessment(String reassessmentId) {
    return records.find(reassessmentId).orElseThrow(
        () -> new IllegalStateException("No re-assessment " + reassessmentId));
  }

  private CustomerFile customerOf(Reassessment reassessment) {
    return records.customer(reassessment.customerId()).orElseThrow(() ->
        new IllegalStateException(reassessment.reference() + ": no customer "
            + reassessment.customerId()));
  }

  private String reference(CustomerFile customer) {
    String base = "RA-" + customer.saleKey() + "-" + SaleSettings.today().format(DAY);
    String reference = base;
    for (int n = 2; records.referenceTaken(reference); n++) {
      reference = base + "-" + n;
    }
    return reference;
  }

  private String json(RiskAssessment assessment) {
    try {
      return objectMapper.writeValueAsString(assessment);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store the risk assessment", e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Text that fits a String variable and a 4000-character column. */
  static String fit(String text) {
    if (text == null || text.length() <= 3900) {
      return text;
    }
    return text.substring(0, 3899) + "…";
  }

  /** A value of an enum, or a refusal naming the field and the choices. */
  static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.trim());
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
}
