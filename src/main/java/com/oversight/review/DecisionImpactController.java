package com.oversight.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.oversight.platform.work.WorkStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decision impact of a candidate {@code human-rights-risk.dmn} (compliance and the committee):
 * start a replay of the period's cases through it, follow its progress, read the result.
 */
@RestController
@RequestMapping("/api/review/decision-impact")
@Tag(name = "Policy review", description = "Policy reviews and the decision impact of a "
    + "candidate risk decision")
public class DecisionImpactController {

  /** The request: the candidate DMN file's XML and the period whose cases are replayed. */
  public record ImpactRequest(String dmnXml, String from, String to) {}

  /** A run: where it stands, and its result once done. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ImpactRun(String id, String status, LocalDate from, LocalDate to,
      String requestedBy, int done, Integer total, Integer percent, String message,
      Instant createdAt, Instant finishedAt, String progressUrl, DecisionImpactResult result) {}

  private final DecisionImpacts impacts;

  public DecisionImpactController(DecisionImpacts impacts) {
    this.impacts = impacts;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Replay the inputs of the cases assessed in [from, to) through a candidate "
      + "risk decision (202 with the run's id; a bad candidate is a 400 naming dmnXml)")
  public ResponseEntity<ImpactRun> start(@RequestBody ImpactRequest request, Principal caller) {
    ImpactRequest body = request == null ? new ImpactRequest(null, null, null) : request;
    String id = impacts.start(body.dmnXml(), body.from(), body.to(), caller.getName());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header("Location", "/api/review/decision-impact/" + id)
        .body(view(impacts.status(id, caller.getName(), List.of()), false));
  }

  @GetMapping
  @Operation(summary = "The caller's own decision-impact runs, newest first (without results)")
  public List<ImpactRun> mine(Principal caller) {
    return impacts.startedBy(caller.getName()).stream().map(w -> view(w, false)).toList();
  }

  @GetMapping("/{runId}")
  @Operation(summary = "A run: its progress, and case-by-case and total changes once done")
  public ImpactRun run(@PathVariable String runId, Authentication caller) {
    return view(impacts.status(runId, caller.getName(), DecisionImpactPages.groups(caller)),
        true);
  }

  private ImpactRun view(WorkStatus w, boolean withResult) {
    DecisionImpactWork.Input input = impacts.input(w.id()).orElse(null);
    return new ImpactRun(w.id(), w.status(), input == null ? null : input.from(),
        input == null ? null : input.to(), w.requestedBy(), w.done(), w.total(), w.percent(),
        w.message(), w.createdAt(), w.finishedAt(), "/api/work/" + w.id(),
        withResult ? impacts.result(w).orElse(null) : null);
  }
}
