package com.oversight.reassessment;

import com.oversight.platform.ApiProblem;
import com.oversight.platform.TaskRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer re-assessments: which are running and which are due (compliance, the committee,
 * managers, administrators), and a manual start by compliance. Shows what compliance already sees
 * of a customer (agency, country, tier, due date), never the risk snapshot.
 */
@RestController
@RequestMapping("/api/reassessments")
@Tag(name = "Re-assessments", description = "Continuous re-assessment of ACTIVE customers")
public class ReassessmentController {

  private final ReassessmentViews views;
  private final ReassessmentStarter starter;
  private final TransactionTemplate transactions;

  public ReassessmentController(ReassessmentViews views, ReassessmentStarter starter,
      PlatformTransactionManager transactionManager) {
    this.views = views;
    this.starter = starter;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** A manual start: the customer to re-assess. */
  @Schema(description = "The ACTIVE customer to re-assess", example = """
      {"customerId": "6f1c2a1e-8a4b-4c57-9a53-2f1d0c7b9e10"}""")
  public record StartRequest(String customerId) {}

  /** A started re-assessment. */
  public record Started(String customerId, String reference, String processInstanceId) {}

  /** A customer whose re-assessment runs or is due. */
  public record Entry(String customerId, String agency, String country, String countryName,
      String riskTier, LocalDate reassessmentDue, boolean due, Running running) {}

  /** A running re-assessment: reference, trigger, start, stage (and its deadline), new tier. */
  public record Running(String reference, String trigger, String triggerDetail,
      Instant startedAt, String stage, Instant stageDue, String newTier) {}

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Re-assessments running, and ACTIVE customers due (by "
      + "ov_customer.reassessment_due) today or within dueWithinDays days, earliest due first")
  public List<Entry> list(@RequestParam(required = false) String dueWithinDays) {
    int days = 0;
    if (dueWithinDays != null) {
      try {
        days = Integer.parseInt(dueWithinDays.trim());
      } catch (NumberFormatException e) {
        days = -1;
      }
      if (days < 0 || days > 3660) {
        throw ApiProblem.badField("dueWithinDays", "a whole number of days from 0 to 3660");
      }
    }
    return views.list(days);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Start the re-assessment of an ACTIVE customer now (group compliance): "
      + "201; 400 for an unknown or not ACTIVE customer; 409 while one is running for it")
  public ResponseEntity<Started> start(@RequestBody(required = false) StartRequest request,
      Authentication caller) {
    String customerId = request == null ? null : request.customerId();
    if (customerId == null || customerId.isBlank()) {
      throw ApiProblem.badField("customerId", "name the ACTIVE customer to re-assess");
    }
    if (customerId.length() > 64) {
      throw ApiProblem.badField("customerId", "no customer has an id that long");
    }
    ReassessmentStarter.Outcome outcome;
    try {
      outcome = transactions.execute(status -> {
        views.checkStartable(customerId.trim());
        return starter.start(customerId.trim(), ReassessmentTrigger.MANUAL,
            "Started by " + caller.getName() + " (compliance)", caller.getName());
      });
    } catch (RuntimeException e) {
      TaskRefusal refusal = cause(e, TaskRefusal.class);
      if (refusal != null && refusal.getMessage().contains("already running")) {
        throw running(customerId, refusal.getMessage().replaceFirst("^customerId: ", ""));
      }
      if (refusal != null) {
        throw ApiProblem.badField("customerId", refusal.getMessage().replaceFirst(
            "^customerId: ", ""));
      }
      if (cause(e, DataIntegrityViolationException.class) != null) {
        throw running(customerId, "another re-assessment started for this customer just now");
      }
      throw e;
    }
    if (!outcome.started()) {
      throw running(customerId, outcome.reason());
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(new Started(outcome.customerId(),
        outcome.reference(), outcome.processInstanceId()));
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static ApiProblem running(String customerId, String reason) {
    return new ApiProblem(HttpStatus.CONFLICT, "customerId: " + reason, List.of(
        new ApiProblem.FieldError("customerId", reason, null, customerId)));
  }
}
