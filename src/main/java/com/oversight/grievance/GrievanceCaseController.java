package com.oversight.grievance;

import com.oversight.grievance.CaseworkService.CaseFile;
import com.oversight.grievance.CaseworkService.CaseStage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The handlers' API for grievances: investigators not excluded from a case read it and write to
 * the reporter; investigators and legal set legal holds; managers see stages and deadlines only.
 * Group rules in SecurityConfig; exclusions checked by {@link CaseworkService}.
 */
@RestController
@RequestMapping("/api/grievances")
@Tag(name = "Grievances", description = "Handling reports from the public channel")
public class GrievanceCaseController {

  /** A message to the reporter; {@code feedback}: it counts as the feedback Art. 9 requires. */
  public record MessageRequest(String text, Boolean feedback) {}

  /** A person the report names. */
  public record NamedPersonRequest(String userId) {}

  /** Set or lift a legal hold. */
  public record LegalHoldRequest(Boolean hold, String reason) {}

  private final CaseworkService casework;

  public GrievanceCaseController(CaseworkService casework) {
    this.casework = casework;
  }

  @Operation(summary = "How many reports stand where, and which deadlines are at risk (counts)")
  @GetMapping(path = "/summary", produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseworkService.Summary summary() {
    return casework.summary();
  }

  @Operation(summary = "Every report's stage and deadlines (no content)")
  @GetMapping(path = "/stages", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<CaseStage> stages() {
    return casework.stages();
  }

  @Operation(summary = "A report's case file: content, attachments, messages (investigators)")
  @GetMapping(path = "/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CaseFile> caseFile(@PathVariable String reference, Principal user) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(casework.open(reference, user.getName()));
  }

  @Operation(summary = "Download an attachment (investigators)")
  @GetMapping(path = "/{reference}/attachments/{attachmentId}")
  public ResponseEntity<byte[]> attachment(@PathVariable String reference,
      @PathVariable String attachmentId, Principal user) {
    CaseworkService.AttachmentFile file =
        casework.attachment(reference, attachmentId, user.getName());
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file.name(),
                java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.parseMediaType(file.contentType()))
        .body(file.data());
  }

  @Operation(summary = "Write to the reporter (investigators)")
  @PostMapping(path = "/{reference}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Void> message(@PathVariable String reference,
      @RequestBody MessageRequest request, Principal user) {
    casework.sendMessage(reference, user.getName(), request.text(),
        Boolean.TRUE.equals(request.feedback()));
    return ResponseEntity.status(HttpStatus.CREATED).build();
  }

  @Operation(summary = "Record a person the report names: they lose access at once")
  @PostMapping(path = "/{reference}/named-persons", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Void> namedPerson(@PathVariable String reference,
      @RequestBody NamedPersonRequest request, Principal user) {
    casework.recordNamedPerson(reference, request.userId(), user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).build();
  }

  @Operation(summary = "Set or lift a legal hold (investigators, legal)")
  @PutMapping(path = "/{reference}/legal-hold", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Void> legalHold(@PathVariable String reference,
      @RequestBody LegalHoldRequest request, Principal user) {
    if (request.hold() == null) {
      throw com.oversight.platform.ApiProblem.badField("hold", "must be true or false");
    }
    casework.legalHold(reference, request.hold(), request.reason(), user.getName());
    return ResponseEntity.noContent().build();
  }
}
