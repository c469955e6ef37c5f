package com.oversight.review;

import com.oversight.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The policy reviews' pages (compliance, the committee, reviewers; sign-in and CSRF:
 * identity.SecurityConfig): the list, and each review's record, which the review's forms in
 * Tasklist link to (the long texts are not in the process).
 */
@Controller
@RequestMapping("/review")
public class PolicyReviewPages {

  private final PolicyReviews reviews;

  public PolicyReviewPages(PolicyReviews reviews) {
    this.reviews = reviews;
  }

  /** The page of a review's record. */
  public static String recordPath(String reviewId) {
    return "/review/policy-reviews/" + reviewId;
  }

  @GetMapping({"", "/"})
  public String home() {
    return "redirect:/review/policy-reviews";
  }

  @GetMapping("/policy-reviews")
  public String list(Model model) {
    model.addAttribute("reviews", reviews.list());
    return "review/policy-reviews";
  }

  @GetMapping("/policy-reviews/{id}")
  public String review(@PathVariable String id, Model model) {
    model.addAttribute("record", PolicyReviewController.record(reviews, id));
    return "review/policy-review";
  }

  @ExceptionHandler(ApiProblem.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public String notFound(Model model) {
    model.addAttribute("message", "There is no such policy review.");
    return "review/not-found";
  }
}
