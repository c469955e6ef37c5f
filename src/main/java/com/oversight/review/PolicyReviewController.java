package com.oversight.review;

import com.oversight.platform.ApiProblem;
import com.oversight.review.PolicyReviews.Amendment;
import com.oversight.review.PolicyReviews.Dialogue;
import com.oversight.review.PolicyReviews.Finding;
import com.oversight.review.PolicyReviews.PolicyReview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record of each policy review (compliance, the committee, reviewers, managers): period,
 * status, the draft and published transparency report, the experts' findings, the stakeholder
 * dialogue and every round of amendments with the committee's decision.
 */
@RestController
@RequestMapping("/api/review/policy-reviews")
@Tag(name = "Policy review")
public class PolicyReviewController {

  /** A review in the list. */
  public record ReviewSummary(String id, String reference, LocalDate periodFrom,
      LocalDate periodTo, PolicyReviewStatus status, String startedBy, Instant createdAt,
      Instant updatedAt, String draftReportPath, Integer publishedVersion,
      String publishedReportPath) {

    static ReviewSummary of(PolicyReview r) {
      return new ReviewSummary(r.id(), r.reference(), r.periodFrom(), r.periodTo(), r.status(),
          r.startedBy(), r.createdAt(), r.updatedAt(), r.draftReportPath(), r.publishedVersion(),
          r.publishedReportPath());
    }
  }

  /** A review's whole record. */
  public record ReviewRecord(ReviewSummary review, String draftReportId,
      String publishedReportId, List<Finding> expertFindings,
      List<Dialogue> stakeholderDialogue, List<Amendment> amendments) {}

  private final PolicyReviews reviews;

  public PolicyReviewController(PolicyReviews reviews) {
    this.reviews = reviews;
  }

  @GetMapping
  @Operation(summary = "Every policy review, newest first")
  public List<ReviewSummary> list() {
    return reviews.list().stream().map(ReviewSummary::of).toList();
  }

  @GetMapping("/{reviewId}")
  @Operation(summary = "A policy review's record: findings, stakeholder dialogue, amendments "
      + "and decisions, reports")
  public ReviewRecord review(@PathVariable String reviewId) {
    return record(reviews, reviewId);
  }

  static ReviewRecord record(PolicyReviews reviews, String id) {
    PolicyReview review = reviews.find(id).orElseThrow(
        () -> ApiProblem.notFound("Policy review " + id));
    return new ReviewRecord(ReviewSummary.of(review), review.draftReportId(),
        review.publishedReportId(), reviews.findings(id), reviews.dialogues(id),
        reviews.amendments(id));
  }
}
