package com.oversight.transparency;

import com.oversight.platform.ApiProblem;
import com.oversight.platform.work.BackgroundWork;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Draft transparency reports: the committee, reviewers and managers read them; the committee
 * and managers ask for one over a period, computed as long work (access rules:
 * identity.SecurityConfig). Published reports are public: {@link PublicTransparencyController}.
 */
@RestController
@RequestMapping("/api/transparency/reports")
@Tag(name = "Transparency report (drafts)",
    description = "Draft reports for the committee, reviewers and managers")
public class TransparencyApiController {

  /** The period of a draft: from (inclusive) to (exclusive). */
  public record DraftRequest(LocalDate from, LocalDate to) {}

  /**
   * The answer to a draft request: the long work's id ({@code id}, as every long-work answer
   * names it; {@code workId} says the same), where to follow it, and the draft it will be.
   */
  public record WorkAccepted(String id, String workId, String draftId, String status,
      String draft) {}

  private final TransparencyService service;
  private final TransparencyReportWork reportWork;
  private final BackgroundWork work;

  public TransparencyApiController(TransparencyService service,
      TransparencyReportWork reportWork, BackgroundWork work) {
    this.service = service;
    this.reportWork = reportWork;
    this.work = work;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Draft reports, newest first (without figures)")
  public List<TransparencyService.DraftSummary> drafts() {
    return service.drafts();
  }

  @GetMapping(path = "/{draftId}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "A draft report with its figures (marked DRAFT)")
  public ReportDocument draft(@PathVariable String draftId) {
    return service.draftDocument(draftId)
        .orElseThrow(() -> ApiProblem.notFound("Draft " + draftId));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Compute a draft for a period [from, to) as long work: 202, then follow"
      + " GET /api/work/{id}")
  public ResponseEntity<WorkAccepted> request(@RequestBody DraftRequest body, Principal caller)
      throws Exception {
    if (body == null) {
      throw ApiProblem.badField("from", "is required");
    }
    TransparencyReportWork.Accepted accepted =
        reportWork.submit(work, body.from(), body.to(), caller.getName());
    String status = "/api/work/" + accepted.workId();
    return ResponseEntity.accepted().location(URI.create(status)).body(new WorkAccepted(
        accepted.workId(), accepted.workId(), accepted.draftId(), status,
        "/api/transparency/reports/" + accepted.draftId()));
  }
}
