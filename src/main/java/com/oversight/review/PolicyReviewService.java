package com.oversight.review;

import static com.oversight.platform.ProcessValues.details;

import com.oversight.audit.AuditLedger;
import com.oversight.platform.ApiProblem;
import com.oversight.platform.ProcessValues;
import com.oversight.platform.ProcessVariables;
import com.oversight.platform.TaskRefusal;
import com.oversight.review.PolicyReviews.PolicyReview;
import com.oversight.transparency.TransparencyReports;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import org.springframework.stereotype.Service;

/**
 * The policy review's records: opens a review for a period, stores the experts' findings, the
 * stakeholder dialogue and each round of amendments (long texts in Oversight's tables, never in
 * the process), enforces that whoever proposed the amendments does not approve them, and writes
 * the approval and the publication to the decision ledger. Refusals of form input are
 * {@link TaskRefusal}s naming the field (Tasklist shows them; nothing is stored).
 */
@Service
public class PolicyReviewService {

  /**
   * The longest text of one field (findings, dialogue, amendments): what a Tasklist form can
   * hand over (Camunda keeps a String variable in 4,000 characters); longer documents are
   * referred to by a link.
   */
  static final int MAX_TEXT = ProcessVariables.MAX_TEXT;

  /** The committee's decision on a round of amendments (Task_ApproveAmendments). */
  public enum Decision { APPROVE, SEND_BACK }

  private final PolicyReviews reviews;
  private final AuditLedger ledger;
  private final DecisionImpacts impacts;
  private final PolicyReviewSettings settings;
  private final Clock clock;

  public PolicyReviewService(PolicyReviews reviews, AuditLedger ledger, DecisionImpacts impacts,
      PolicyReviewSettings settings, Clock clock) {
    this.reviews = reviews;
    this.ledger = ledger;
    this.impacts = impacts;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Opens a review: for the period given (both dates, yyyy-MM-dd, from before to, to not in the
   * future) or, when neither is given (the timer), the default period.
   */
  public PolicyReview open(String from, String to, String startedBy, String processInstanceId) {
    LocalDate start;
    LocalDate end;
    if (blank(from) && blank(to)) {
      LocalDate[] period = settings.defaultPeriod();
      start = period[0];
      end = period[1];
    } else {
      start = date("periodFrom", from);
      end = date("periodTo", to);
      if (!start.isBefore(end)) {
        throw TaskRefusal.invalid("periodTo: the period must end after it starts (" + start
            + ")");
      }
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      if (end.isAfter(today)) {
        throw TaskRefusal.invalid("periodTo: the period must be over (at the latest today, "
            + today + "): the figures of a period are computed once it has ended");
      }
    }
    String by = startedBy == null ? ProcessValues.SYSTEM : startedBy;
    PolicyReview review = reviews.create(start, end, by, processInstanceId);
    ledger.append(review.id(), "POLICY_REVIEW_STARTED", by, details("reference",
        review.reference(), "periodFrom", start.toString(), "periodTo", end.toString()));
    return review;
  }

  /** Computes the effectiveness figures of the period as a draft transparency report. */
  public TransparencyReports.Draft draftFigures(TransparencyReports reports, String reviewId) {
    PolicyReview review = review(reviewId);
    TransparencyReports.Draft draft = reports.draft(review.periodFrom(), review.periodTo(),
        review.startedBy(), review.reference());
    reviews.recordDraft(reviewId, draft.id(), draft.path());
    return draft;
  }

  public void recordFindings(String reviewId, String reviewer, String framework,
      String figures) {
    reviews.addFinding(reviewId, reviewer, text("frameworkFindings", framework,
        "the findings on the framework are required"), text("figuresFindings", figures,
        "the findings on the figures are required"));
  }

  public void recordDialogue(String reviewId, String recordedBy, String consulted,
      String statements, String changes) {
    reviews.addDialogue(reviewId, recordedBy,
        text("stakeholdersConsulted", consulted, "say who was consulted"),
        text("stakeholderViews", statements, "say what they said"),
        text("dialogueChanges", changes, "say what changes it led to (or that it led to none)"));
  }

  /** Stores the next round of amendments; returns its number. */
  public int proposeAmendments(String reviewId, String proposedBy, String amendments,
      String decisionImpactId) {
    String text = text("amendments", amendments, "the proposed amendments are required");
    String impact = blank(decisionImpactId) ? null : decisionImpactId.trim();
    if (impact != null && !impacts.isFinishedRun(impact)) {
      throw TaskRefusal.invalid("decisionImpactId: no finished decision-impact run has the id "
          + impact + " (see /review/decision-impact)");
    }
    int round = reviews.addAmendment(reviewId, proposedBy, text, impact);
    ledger.append(reviewId, "AMENDMENTS_PROPOSED", proposedBy, details("reference",
        review(reviewId).reference(), "round", round, "amendmentsSha256", sha256(text),
        "decisionImpactId", impact));
    return round;
  }

  /**
   * The committee's decision on the latest round: approve, or send back with a reason. Whoever
   * proposed the amendments may not decide on them.
   */
  public Decision decide(String reviewId, String decidedBy, String proposedBy, String choice,
      String reason) {
    checkNotProposer(reviewId, decidedBy, proposedBy);
    Decision decision;
    try {
      decision = Decision.valueOf(choice == null ? "" : choice.trim());
    } catch (IllegalArgumentException e) {
      throw TaskRefusal.invalid("approvalDecision: choose APPROVE or SEND_BACK");
    }
    String why = blank(reason) ? null : reason.trim();
    if (decision == Decision.SEND_BACK) {
      text("sendBackReason", why, "say what must change");
    } else if (why != null && why.length() > MAX_TEXT) {
      text("sendBackReason", why, "");
    }
    PolicyReview review = review(reviewId);
    int round = reviews.amendments(reviewId).size();
    reviews.decideLatest(reviewId, decision == Decision.APPROVE ? "APPROVED" : "SENT_BACK",
        decidedBy, why);
    reviews.updateStatus(reviewId, decision == Decision.APPROVE ? PolicyReviewStatus.APPROVED
        : PolicyReviewStatus.SENT_BACK);
    ledger.append(reviewId, decision == Decision.APPROVE ? "AMENDMENTS_APPROVED"
        : "AMENDMENTS_SENT_BACK", decidedBy, details("reference", review.reference(),
        "round", round, "proposedBy", proposedBy, "reason", why == null ? null
            : why.length() > 500 ? why.substring(0, 500) + "…" : why));
    return decision;
  }

  /** Segregation of duties: the proposer of the amendments never decides on them. */
  public void checkNotProposer(String reviewId, String user, String proposedBy) {
    if (user != null && user.equals(proposedBy)) {
      throw TaskRefusal.forbidden("Segregation of duties: " + user + " proposed the amendments "
          + "of " + review(reviewId).reference() + " and cannot approve them");
    }
  }

  /** Publishes the approved draft as the next version of the transparency report. */
  public TransparencyReports.Published publish(TransparencyReports reports, String reviewId,
      String approvedBy) {
    PolicyReview review = review(reviewId);
    if (review.draftReportId() == null) {
      throw new IllegalStateException("Policy review " + review.reference() + " has no draft");
    }
    TransparencyReports.Published published = reports.publish(review.draftReportId(),
        approvedBy);
    reviews.recordPublication(reviewId, published.id(), published.version(), published.path());
    ledger.append(reviewId, "TRANSPARENCY_REPORT_PUBLISHED", ProcessValues.SYSTEM,
        details("reference", review.reference(), "approvedBy", approvedBy, "reportId",
            published.id(), "version", published.version(), "periodFrom",
            String.valueOf(published.from()), "periodTo", String.valueOf(published.to()),
            "path", published.path()));
    return published;
  }

  public PolicyReview review(String reviewId) {
    return reviews.find(reviewId).orElseThrow(() -> ApiProblem.notFound("Policy review "
        + reviewId));
  }

  private static String text(String field, String value, String problem) {
    if (blank(value)) {
      throw TaskRefusal.invalid(field + ": " + problem);
    }
    if (value.length() > MAX_TEXT) {
      throw TaskRefusal.invalid(field + ": at most " + MAX_TEXT + " characters (this has "
          + value.length() + "): refer to a longer document by a link");
    }
    return value.trim();
  }

  private static LocalDate date(String field, String value) {
    if (blank(value)) {
      throw TaskRefusal.invalid(field + ": give both dates of the period (yyyy-MM-dd), or "
          + "neither for the default period");
    }
    String day = value.trim();
    // a date field may send a date-time; the day is what counts
    if (day.length() > 10 && day.charAt(10) == 'T') {
      day = day.substring(0, 10);
    }
    try {
      return LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw TaskRefusal.invalid(field + ": not a date (yyyy-MM-dd): " + value);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
