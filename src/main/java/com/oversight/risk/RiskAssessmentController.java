package com.oversight.risk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What-if risk assessments of described deals, for compliance and the committee. */
@RestController
@RequestMapping("/api/risk/assessments")
@Tag(name = "Risk", description = "Human-rights risk assessment of deals")
public class RiskAssessmentController {

  private final RiskAssessmentService service;

  public RiskAssessmentController(RiskAssessmentService service) {
    this.service = service;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Assess the human-rights risk of a described deal (what-if, nothing stored)",
      description = "Returns the tier (LOW, MEDIUM, HIGH, PROHIBITED), the red flags, every factor"
          + " with its source, edition and contribution, the matched rules of the latest deployed"
          + " version of processes/human-rights-risk.dmn and the policy guardrails applied.")
  public RiskAssessment assess(@Valid @RequestBody DealDescription deal) {
    return service.assess(deal);
  }
}
