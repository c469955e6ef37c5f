package com.oversight.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.identity.Groups;
import com.oversight.platform.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sales submit opportunities and follow their own cases; compliance, the committee, legal,
 * managers and administrators see every case. A sales user asking for someone else's case gets
 * 404, so case ids do not leak. Sales see the tier and the red flags; the full assessment (every
 * factor, source and edition) is shown to the reviewers only.
 */
@RestController
@RequestMapping("/api/sales/opportunities")
@Tag(name = "Sales", description = "Sale opportunities and their human-rights due diligence")
public class SalesController {

  /** Groups that see every case and its full risk assessment. */
  static final Set<String> REVIEWERS = Set.of(Groups.COMPLIANCE, Groups.GRC_COMMITTEE,
      Groups.LEGAL, Groups.MANAGERS, Groups.CAMUNDA_ADMIN);

  private final SaleOpportunityService service;
  private final ObjectMapper objectMapper;

  public SalesController(SaleOpportunityService service, ObjectMapper objectMapper) {
    this.service = service;
    this.objectMapper = objectMapper;
  }

  /** The answer to a submission. */
  public record Submitted(String caseId, String businessKey, CaseStatus status) {}

  /** A case as its reader may see it; riskAssessment only for reviewers. */
  public record CaseView(String caseId, String businessKey, String submitter,
      String customerAgency, String country, String product, BigDecimal contractValue,
      String currency, LocalDate expectedSigningDate, CaseStatus status, String riskTier,
      List<String> redFlags, JsonNode riskAssessment, Instant createdAt, Instant updatedAt) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Submit a sale opportunity (group sales): registers the case and starts "
      + "its due diligence; 201 with the case id and business key")
  public ResponseEntity<Submitted> submit(@Valid @RequestBody OpportunityRequest request,
      Authentication caller) {
    // the caller's groups as Spring Security read them when authenticating this request
    List<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .map(Groups::groupOf).filter(Objects::nonNull).toList();
    SaleCase saleCase = service.submit(caller.getName(), groups, request.toOpportunity());
    return ResponseEntity.created(URI.create("/api/sales/opportunities/" + saleCase.id()))
        .body(new Submitted(saleCase.id(), saleCase.businessKey(), saleCase.status()));
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Sale cases: sales see their own, reviewers and managers all")
  public List<CaseView> list(Authentication caller) {
    boolean all = seesAll(caller);
    return service.visibleTo(caller.getName(), all).stream().map(c -> view(c, all)).toList();
  }

  @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "One sale case: status, tier and red flags (404 for a case you may not see)")
  public CaseView get(@PathVariable String id, Authentication caller) {
    boolean all = seesAll(caller);
    return service.find(id, caller.getName(), all).map(c -> view(c, all))
        .orElseThrow(() -> ApiProblem.notFound("Sale case " + id));
  }

  static boolean seesAll(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(a -> REVIEWERS.stream().map(Groups::authority).anyMatch(a::equals));
  }

  private CaseView view(SaleCase c, boolean full) {
    JsonNode assessment = null;
    if (full && c.riskSnapshot() != null) {
      try {
        assessment = objectMapper.readTree(c.riskSnapshot());
      } catch (Exception e) {
        assessment = null;
      }
    }
    List<String> flags = c.redFlags() == null || "none".equals(c.redFlags()) ? List.of()
        : SaleLists.linesOf(c.redFlags());
    Opportunity o = c.opportunity();
    return new CaseView(c.id(), c.businessKey(), c.submitter(), o.customerAgency(), o.country(),
        o.product(), o.contractValue(), o.currency(), o.expectedSigningDate(), c.status(),
        c.riskTier(), flags, assessment, c.createdAt(), c.updatedAt());
  }
}
