package com.oversight.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.oversight.audit.AuditLedger.LedgerEntry;
import com.oversight.audit.AuditLedger.Verification;
import com.oversight.platform.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The decision record over HTTP: verify the chain, read a case's entries. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

  private final AuditLedger ledger;

  public AuditController(AuditLedger ledger) {
    this.ledger = ledger;
  }

  @Operation(summary = "Recompute the whole hash chain; names the first broken entry",
      description = "Groups: managers, camunda-admin.")
  @GetMapping("/verify")
  public VerificationResponse verify() {
    return VerificationResponse.of(ledger.verify());
  }

  /** The verification with every field present, also the null ones when the chain is intact. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record VerificationResponse(boolean intact, long entriesChecked,
      Long firstBrokenSequence, String problem) {
    static VerificationResponse of(Verification v) {
      return new VerificationResponse(v.intact(), v.entriesChecked(), v.firstBrokenSequence(),
          v.problem());
    }
  }

  @Operation(summary = "The ledger entries of one case, oldest first",
      description = "Groups: managers, camunda-admin, grc-committee, compliance.")
  @GetMapping("/entries")
  public List<LedgerEntry> entries(@RequestParam(required = false) String caseId) {
    if (caseId == null || caseId.isBlank()) {
      throw ApiProblem.badField("caseId", "is required");
    }
    return ledger.entries(caseId);
  }
}
